"""Catalogue export: every metadata field of a product as one row of a CSV
(streamed) or XLSX (XlsxWriter in constant-memory mode) file.

The caller decides *which* products: the public portal passes the published
products of a search, the admin passes the staff's selection (drafts too).
Rows are read from a server-side cursor in chunks, with the satker, the jenis
and the page count of the published version joined into the same query, so
the memory of a web node and the number of queries stay flat however many
products are exported.
"""

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import xlsxwriter
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import capfirst

from .models import BIDANG_METADATA, ProdukHukum, VersiBerkas
from .tipe import SEMUA_BIDANG_TIPE

TEKS, ANGKA, TANGGAL, WAKTU = "teks", "angka", "tanggal", "waktu"
UKURAN_POTONGAN = 1000
UKURAN_KIRIM = 65536  # one socket write per ~64 KB of CSV, not per row
# Excel's own row limit, less the header row.
BATAS_BARIS_XLSX = 1_048_575
# A cell starting with one of these is read as a formula by spreadsheet
# programs opening a CSV ("=HYPERLINK(...)" in a judul would become a link).
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # without it Excel reads UTF-8 as Windows-1252 and breaks "é", "–"
TIPE_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
KOLOM_HALAMAN = "_jumlah_halaman_ekspor"


@dataclass(frozen=True)
class Kolom:
    judul: str
    ambil: Callable[[ProdukHukum], object]
    jenis: str = TEKS
    lebar: int = 18
    bidang: tuple[str, ...] = ()  # the fields ``ambil`` reads, loaded with only()


def _ya_tidak(nilai):
    if nilai is None:
        return ""
    return "Ya" if nilai else "Tidak"


def _bidang(nama: str, lebar: int = 18) -> Kolom:
    """A column of one model field, headed by its verbose name; choices are
    exported as their labels, booleans as Ya/Tidak."""
    field = ProdukHukum._meta.get_field(nama)
    judul = capfirst(field.verbose_name)
    internal = field.get_internal_type()
    b = (nama,)
    if field.choices:
        label = {str(k): str(v) for k, v in field.flatchoices}
        return Kolom(judul, lambda p: label.get(getattr(p, nama), getattr(p, nama)), TEKS, lebar, b)
    if internal == "BooleanField":
        return Kolom(judul, lambda p: _ya_tidak(getattr(p, nama)), TEKS, 10, b)
    if internal == "DateField":
        return Kolom(judul, lambda p: getattr(p, nama), TANGGAL, 12, b)
    if internal == "DateTimeField":
        return Kolom(judul, lambda p: _waktu_lokal(getattr(p, nama)), WAKTU, 17, b)
    if internal in ("PositiveSmallIntegerField", "PositiveIntegerField", "IntegerField"):
        return Kolom(judul, lambda p: getattr(p, nama), ANGKA, 10, b)
    return Kolom(judul, lambda p: getattr(p, nama), TEKS, lebar, b)


def _waktu_lokal(nilai):
    # Spreadsheets have no time zones: the site's local time, as staff read it.
    if nilai is None:
        return None
    if timezone.is_aware(nilai):
        nilai = timezone.localtime(nilai)
    return nilai.replace(tzinfo=None, microsecond=0)


LEBAR = {"judul": 60, "abstrak": 60, "abstrak_dasar_hukum": 40, "abstrak_catatan": 40}


def daftar_kolom(*, dasar_url: str | None = None, halaman: bool = True) -> list[Kolom]:
    """The columns of the export, in order. ``dasar_url`` (the site's root,
    without a trailing slash) adds the product's public address."""
    kolom = [
        Kolom("ID", lambda p: p.pk, ANGKA, 8),
        Kolom("Satker", lambda p: p.satker.nama, TEKS, 30, ("satker__nama",)),
        _bidang("teu_badan", 40),
        _bidang("tipe_dokumen", 12),
        Kolom("Jenis", lambda p: p.jenis.nama, TEKS, 25, ("jenis__nama",)),
        Kolom("Singkatan jenis", lambda p: p.jenis.singkatan, TEKS, 12, ("jenis__singkatan",)),
        _bidang("nomor", 22),
        _bidang("tahun"),
        _bidang("judul", 60),
    ]
    kolom += [_bidang(nama, LEBAR.get(nama, 18)) for nama in BIDANG_METADATA]
    kolom += [_bidang(nama) for nama in SEMUA_BIDANG_TIPE]
    kolom += [_bidang("status_publikasi", 12), _bidang("diterbitkan_pada")]
    if halaman:
        kolom.append(Kolom("Jumlah halaman", lambda p: getattr(p, KOLOM_HALAMAN), ANGKA, 10))
    if dasar_url is not None:
        kolom.append(
            Kolom(
                "Alamat publik",
                _pembuat_alamat(dasar_url),
                TEKS,
                50,
                ("satker__slug", "jenis__singkatan", "nomor", "tahun"),
            )
        )
    return kolom


def _pembuat_alamat(dasar_url: str) -> Callable[[ProdukHukum], str]:
    """The public address of a product, as ``reverse`` gives it. Reversed
    once with marker values and filled in per row: reversing per row costs
    more than the rest of the row (a slug and an int need no quoting)."""
    penanda = ("s4tk3rpenanda", 918273645, "sl0gpenanda")
    contoh = reverse("publicsite:detail", args=list(penanda))
    a, sisa = contoh.split(penanda[0])
    b, sisa = sisa.split(str(penanda[1]))
    c, d = sisa.split(penanda[2])
    a = dasar_url + a
    return lambda p: f"{a}{p.satker.slug}{b}{p.pk}{c}{p.slug}{d}"


def siapkan(qs, kolom: list[Kolom]):
    """``qs`` with everything a row reads joined in (no query per row), and
    nothing else: loading unread columns costs more than the join."""
    halaman = (
        VersiBerkas.objects.filter(produk=OuterRef("pk"), diterbitkan_pada__isnull=False)
        .order_by("-nomor_versi")
        .values("jumlah_halaman")[:1]
    )
    bidang = dict.fromkeys(b for k in kolom for b in k.bidang)
    return (
        qs.select_related("jenis", "satker")
        .only("satker", "jenis", *bidang)
        .annotate(**{KOLOM_HALAMAN: Subquery(halaman)})
    )


def baris_ekspor(
    qs, kolom: list[Kolom] | None = None, *, batas: int | None = None
) -> Iterator[list]:
    """One list of typed values (str, int, date, datetime, None) per product
    of ``qs``, in its order; at most ``batas`` rows."""
    kolom = kolom if kolom is not None else daftar_kolom()
    qs = siapkan(qs, kolom)
    if batas is not None:
        qs = qs[:batas]
    for p in qs.iterator(chunk_size=UKURAN_POTONGAN):
        yield [k.ambil(p) for k in kolom]


def _teks_csv(nilai) -> str:
    if not nilai:
        return ""
    teks = str(nilai)
    return "'" + teks if teks.startswith(AWALAN_RUMUS) else teks


def _angka_csv(nilai) -> str:
    return "" if nilai is None else str(nilai)


def _tanggal_csv(nilai) -> str:
    return "" if nilai is None else nilai.isoformat()


def _waktu_csv(nilai) -> str:
    return "" if nilai is None else nilai.strftime("%Y-%m-%d %H:%M:%S")


# A cell is formatted by its column's type; numbers and dates we write
# ourselves can never start a formula, text always might.
SEL_CSV = {TEKS: _teks_csv, ANGKA: _angka_csv, TANGGAL: _tanggal_csv, WAKTU: _waktu_csv}


def alirkan_csv(qs, *, dasar_url=None, batas=None, halaman=True) -> Iterator[str]:
    """The CSV file in pieces of ~64 KB: a BOM, the header, one line per product."""
    kolom = daftar_kolom(dasar_url=dasar_url, halaman=halaman)
    format_sel = [SEL_CSV[k.jenis] for k in kolom]
    buffer = io.StringIO()
    tulis = csv.writer(buffer)
    buffer.write(BOM)
    tulis.writerow([k.judul for k in kolom])
    for baris in baris_ekspor(qs, kolom, batas=batas):
        tulis.writerow([f(v) for f, v in zip(format_sel, baris, strict=True)])
        if buffer.tell() >= UKURAN_KIRIM:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def tulis_xlsx(qs, tujuan, *, dasar_url=None, batas=None, halaman=True, keterangan=None) -> int:
    """Write the export to ``tujuan`` (a path or a binary file object) and
    return the number of product rows. Text is stored as text, never as a
    formula; dates and numbers keep their types. ``keterangan`` (label,
    text pairs: where the list came from, when) goes on a second sheet, with
    the row count and a note when ``batas`` cut the list short."""
    batas = min(batas or BATAS_BARIS_XLSX, BATAS_BARIS_XLSX)
    kolom = daftar_kolom(dasar_url=dasar_url, halaman=halaman)
    buku = xlsxwriter.Workbook(
        tujuan,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "tmpdir": tempfile.gettempdir(),
        },
    )
    buku.set_properties({"title": "Katalog produk hukum JDIH KPU", "author": "JDIH KPU"})
    lembar = buku.add_worksheet("Produk hukum")
    tebal = buku.add_format({"bold": True})
    format_sel = {
        TANGGAL: buku.add_format({"num_format": "yyyy-mm-dd"}),
        WAKTU: buku.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
    }
    for c, k in enumerate(kolom):
        lembar.set_column(c, c, k.lebar)
        lembar.write_string(0, c, k.judul, tebal)
    lembar.freeze_panes(1, 0)
    jenis = [k.jenis for k in kolom]
    r, terpotong = 0, False
    # One row more than the limit is read, to know whether the list was cut.
    semua_baris = baris_ekspor(qs, kolom, batas=batas + 1)
    try:
        for r, baris in enumerate(semua_baris, start=1):
            if r > batas:
                terpotong, r = True, batas
                break
            for c, nilai in enumerate(baris):
                if nilai is None or nilai == "":
                    continue
                j = jenis[c]
                if j == ANGKA:
                    lembar.write_number(r, c, nilai)
                elif j in format_sel:
                    lembar.write_datetime(r, c, nilai, format_sel[j])
                else:
                    # Over 32,767 characters (a very long amar) Excel cannot
                    # hold: XlsxWriter keeps the first 32,767.
                    lembar.write_string(r, c, str(nilai))
    finally:
        semua_baris.close()  # releases the server-side cursor at once
    lembar.autofilter(0, 0, r, len(kolom) - 1)
    if keterangan is not None:
        catatan = list(keterangan) + [("Jumlah produk", str(r))]
        if terpotong:
            catatan.append(
                (
                    "Catatan",
                    f"Daftar dipotong pada {r:,} produk (batas ekspor XLSX)".replace(",", ".")
                    + ". Persempit saringan atau unduh CSV untuk daftar yang lebih panjang.",
                )
            )
        lembar_ket = buku.add_worksheet("Keterangan")
        lembar_ket.set_column(0, 0, 18)
        lembar_ket.set_column(1, 1, 100)
        for i, (label, teks) in enumerate(catatan):
            lembar_ket.write_string(i, 0, label, tebal)
            lembar_ket.write_string(i, 1, teks)
    buku.close()
    return r


# --- downloads ---------------------------------------------------------------


def nama_berkas(format: str) -> str:
    return f"jdih-kpu-{timezone.localdate():%Y%m%d}.{format}"


def unduhan_csv(nama: str, **opsi_penulis):
    """A small CSV report to download as ``nama`` (staff evaluation, survey
    results, monitoring): the response, BOM first, and a csv.writer into it."""
    respons = HttpResponse(content_type="text/csv; charset=utf-8")
    respons["Content-Disposition"] = content_disposition_header(True, nama)
    respons.write(BOM)
    return respons, csv.writer(respons, **opsi_penulis)


def respons_csv(qs, nama: str, **opsi) -> StreamingHttpResponse:
    respons = StreamingHttpResponse(alirkan_csv(qs, **opsi), content_type="text/csv; charset=utf-8")
    respons["Content-Disposition"] = f'attachment; filename="{nama}"'
    respons["Cache-Control"] = "no-cache"
    return respons


def respons_xlsx(qs, nama: str, **opsi) -> FileResponse:
    # Written whole first (a zip needs its directory at the end), on disk,
    # not in memory; the named file disappears when the response closes it.
    berkas = tempfile.NamedTemporaryFile(prefix="ekspor-", suffix=".xlsx")
    try:
        tulis_xlsx(qs, berkas, **opsi)
        berkas.flush()
        berkas.seek(0)
    except BaseException:
        berkas.close()
        raise
    respons = FileResponse(berkas, as_attachment=True, filename=nama, content_type=TIPE_XLSX)
    respons["Content-Length"] = str(os.fstat(berkas.fileno()).st_size)
    respons["Cache-Control"] = "no-cache"
    return respons


def _dasar_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _hanya_staf(request):
    # The admin already refuses non-staff; an action called from elsewhere
    # must not hand out drafts either.
    user = request.user
    if not (user.is_active and user.is_staff):
        raise PermissionDenied


@admin.action(description="Ekspor terpilih ke CSV", permissions=["view"])
def ekspor_csv(modeladmin, request, queryset):
    """Admin action: the selected products (drafts and taken-down too) as CSV."""
    _hanya_staf(request)
    return respons_csv(queryset, nama_berkas("csv"), dasar_url=_dasar_url(request))


@admin.action(description="Ekspor terpilih ke XLSX", permissions=["view"])
def ekspor_xlsx(modeladmin, request, queryset):
    """Admin action: the selected products (drafts and taken-down too) as XLSX."""
    _hanya_staf(request)
    keterangan = [
        ("Sumber", "Admin JDIH KPU: produk hukum terpilih (termasuk yang belum terbit)"),
        ("Diekspor pada", timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        ("Diekspor oleh", request.user.get_username()),
    ]
    return respons_xlsx(
        queryset, nama_berkas("xlsx"), dasar_url=_dasar_url(request), keterangan=keterangan
    )
