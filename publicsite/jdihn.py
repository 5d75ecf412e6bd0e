"""The JDIHN harvest feed (DESIGN.md section 6): a JSON array, one object per
product the national network may harvest, every value a string (six book
fields may be null), and never an object that fails the national schema.

Streamed row by row from a server-side cursor, so the memory of a web node
stays flat however large the catalogue grows. Each object is checked by
``masalah`` (a hand-written mirror of the schema: jsonschema per object would
cost more than building it); an object with problems is left out and named in
the harvest log, so staff can repair the record instead of the network
rejecting the whole feed.
"""

import json
import logging
import re
import zoneinfo
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from documents.models import ProdukHukum, StatusBerlaku, TipeDokumen, VersiBerkas

from . import nama_berkas

logger = logging.getLogger(__name__)

KUNCI = (
    "idData",
    "tahun_pengundangan",
    "tanggal_penetapan",
    "tanggal_pengundangan",
    "jenis",
    "noPeraturan",
    "judul",
    "noPanggil",
    "singkatanJenis",
    "tempatTerbit",
    "penerbit",
    "deskripsiFisik",
    "sumber",
    "isbn",
    "status",
    "bahasa",
    "bidangHukum",
    "teuBadan",
    "nomorIndukBuku",
    "abstrak",
    "last_updated",
    "urlAbstrak",
    "urlDetailPeraturan",
    "fileDownload",
    "urlDownload",
    "subjek",
    "operasi",
    "display",
)
# The only keys the schema lets be null.
BOLEH_NULL = frozenset(
    ("noPanggil", "penerbit", "deskripsiFisik", "isbn", "teuBadan", "nomorIndukBuku")
)
KOSONG = "-"
UKURAN_POTONGAN = 500
UKURAN_KIRIM = 65536
BATAS_DILEWATI = 100
LABEL_STATUS = dict(StatusBerlaku.choices)


@lru_cache(maxsize=8)
def _zona(nama):
    return zoneinfo.ZoneInfo(nama)


def _atau(nilai, pengganti=KOSONG):
    nilai = (nilai or "").strip()
    return nilai or pengganti


def _sumber_artikel(p) -> str:
    """E.g. "Jurnal Pemilu dan Demokrasi Vol. 5 No. 2, hlm. 45-67"."""
    sumber = " ".join(b for b in (p.jurnal.strip(), p.volume.strip()) if b)
    halaman = p.halaman.strip()
    if halaman:
        if not re.match(r"(hlm|hal)\b", halaman, re.I):
            halaman = f"hlm. {halaman}"
        sumber = f"{sumber}, {halaman}" if sumber else halaman
    return sumber


def produk_umpan(satker=None):
    # The newest published version decides, exactly as the public download
    # does (views._versi_publik): an empty file there means no file, even if
    # an older version had one.
    berkas_terbit = VersiBerkas.objects.filter(
        produk=OuterRef("pk"), diterbitkan_pada__isnull=False
    ).order_by("-nomor_versi")
    qs = (
        ProdukHukum.objects.untuk_jdihn()
        .select_related("jenis", "satker")
        .only(
            *(
                "id tipe_dokumen tahun tanggal_penetapan tanggal_pengundangan nomor judul "
                "tempat_penetapan sumber status bahasa bidang_hukum teu_badan abstrak "
                "diubah_pada subjek nomor_panggil isbn penerbit tempat_terbit deskripsi_fisik "
                "nomor_induk_buku jurnal volume halaman "
                "jenis__nama jenis__singkatan satker__slug satker__zona_waktu"
            ).split()
        )
        .annotate(berkas_terbit=Subquery(berkas_terbit.values("berkas")[:1]))
        .order_by("id")
    )
    if satker is not None:
        qs = qs.filter(satker=satker)
    return qs


class Alamat:
    """The feed's absolute URLs. reverse() per item was half the feed's time:
    each route is reversed once per stream with stand-in arguments and then
    filled in. Only slugs, numbers and slug-made file names go in, which
    reverse() would not have quoted, so the result is the same."""

    PENGGANTI = {
        "satker": "satker0ganti",
        "pk": "987654321",
        "slug": "slug0ganti",
        "berkas": "berkas0ganti.pdf",
    }

    def __init__(self, dasar: str):
        self.dasar = dasar.replace("{", "{{").replace("}", "}}")
        self.detail = self._pola("publicsite:detail", "satker", "pk", "slug")
        self.abstrak = self._pola("publicsite:abstrak", "satker", "pk", "slug", "berkas")
        self.berkas = self._pola("publicsite:jdihn-berkas", "pk", "berkas")

    def _pola(self, nama, *kunci):
        pola = reverse(nama, args=[self.PENGGANTI[k] for k in kunci])
        pola = pola.replace("{", "{{").replace("}", "}}")
        for k in kunci:
            pola = pola.replace(self.PENGGANTI[k], "{" + k + "}", 1)
        return self.dasar + pola


def baris(p: ProdukHukum, dasar: str, alamat: Alamat | None = None) -> dict:
    """One feed object; ``dasar`` is the site's absolute root, without a slash.
    A product without tanggal_penetapan gives an object ``masalah`` rejects."""
    alamat = alamat or Alamat(dasar)
    slug = p.slug  # once: slugify costs ~15 % of the feed when called per file name
    argumen = {"satker": p.satker.slug, "pk": p.pk, "slug": slug}
    url_detail = alamat.detail.format(**argumen)
    # A Keputusan is never promulgated: it takes effect the day it is set
    # ("mulai berlaku pada tanggal ditetapkan"), so that date stands in.
    diundangkan = p.tanggal_pengundangan or p.tanggal_penetapan
    buku = p.tipe_dokumen == TipeDokumen.MONOGRAFI
    tempat = p.tempat_terbit if buku else p.tempat_penetapan
    sumber = p.sumber.strip()
    if not sumber and p.tipe_dokumen == TipeDokumen.ARTIKEL:
        sumber = _sumber_artikel(p)
    if nama_berkas.ada_abstrak(p):
        abstrak = nama_berkas.abstrak(p, slug)
        url_abstrak = alamat.abstrak.format(berkas=abstrak, **argumen)
    else:
        abstrak, url_abstrak = KOSONG, url_detail
    if p.berkas_terbit:
        berkas = nama_berkas.naskah(p, slug)
        url_berkas = alamat.berkas.format(pk=p.pk, berkas=berkas)
    else:
        berkas = url_berkas = KOSONG
    diubah = timezone.localtime(p.diubah_pada, _zona(p.satker.zona_waktu))
    return {
        "idData": str(p.pk),
        "tahun_pengundangan": f"{diundangkan.year:04d}" if diundangkan else None,
        "tanggal_penetapan": p.tanggal_penetapan.isoformat() if p.tanggal_penetapan else None,
        "tanggal_pengundangan": diundangkan.isoformat() if diundangkan else None,
        "jenis": p.jenis.nama,
        "noPeraturan": p.nomor,
        "judul": p.judul,
        "noPanggil": _atau(p.nomor_panggil, None) if buku else None,
        "singkatanJenis": p.jenis.singkatan,
        "tempatTerbit": _atau(tempat),
        "penerbit": _atau(p.penerbit, None) if buku else None,
        "deskripsiFisik": _atau(p.deskripsi_fisik, None) if buku else None,
        "sumber": _atau(sumber),
        "isbn": _atau(p.isbn, None) if buku else None,
        "status": LABEL_STATUS.get(p.status, p.status),
        "bahasa": _atau(p.bahasa),
        "bidangHukum": _atau(p.bidang_hukum),
        "teuBadan": _atau(p.teu_badan, None),
        "nomorIndukBuku": _atau(p.nomor_induk_buku, None) if buku else None,
        "abstrak": abstrak,
        "last_updated": diubah.strftime("%Y-%m-%d %H:%M:%S"),
        "urlAbstrak": url_abstrak,
        "urlDetailPeraturan": url_detail,
        "fileDownload": berkas,
        "urlDownload": url_berkas,
        "subjek": _atau(p.subjek),
        "operasi": "4",
        "display": "1",
    }


# The national schema, as code. Required: every key but the six book/T.E.U.
# fields and subjek -- yet the feed always sends all 28, so all are required
# here (stricter than the schema, never looser).
_TANGGAL = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WAKTU = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")
_TAHUN = re.compile(r"[0-9]{4}")
_BAGIAN_WAKTU = ((0, 4), (5, 7), (8, 10), (11, 13), (14, 16), (17, 19))
# An absolute http(s) URI by RFC 3986: scheme, a non-empty host (name, IPv4
# or [IPv6]), an optional port, then path/query/fragment of URI characters.
_PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
_URL = re.compile(
    r"https?://"
    r"(?:\[[0-9A-Fa-f:.]+\]|(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)"
    r"(?::[0-9]*)?"
    rf"(?:/{_PCHAR}*)*"
    rf"(?:\?(?:{_PCHAR}|[/?])*)?"
    rf"(?:#(?:{_PCHAR}|[/?])*)?"
)
_FORMAT = {
    "tahun_pengundangan": "tahun",
    "tanggal_penetapan": "tanggal",
    "tanggal_pengundangan": "tanggal",
    "last_updated": "waktu",
    "urlAbstrak": "url",
    "urlDetailPeraturan": "url",
}


def _salah_format(jenis: str, nilai: str) -> str | None:
    if jenis == "tahun":
        if not _TAHUN.fullmatch(nilai):
            return "harus empat angka tahun"
    elif jenis == "tanggal":
        if not _TANGGAL.fullmatch(nilai):
            return "harus bertanggal YYYY-MM-DD"
        try:
            date.fromisoformat(nilai)
        except ValueError:
            return "bukan tanggal yang ada"
    elif jenis == "waktu":
        if not _WAKTU.fullmatch(nilai):
            return "harus berformat YYYY-MM-DD HH:MM:SS"
        try:  # strptime would cost a fifth of the whole check
            datetime(*(int(nilai[a:b]) for a, b in _BAGIAN_WAKTU))
        except ValueError:
            return "bukan waktu yang ada"
    elif jenis == "url" and not _URL.fullmatch(nilai):
        return "harus URL mutlak http(s)"
    return None


def masalah(item) -> list[str]:
    """Why ``item`` would fail the JDIHN schema (empty list: it passes)."""
    if not isinstance(item, dict):
        return ["item harus berupa objek JSON"]
    hasil = []
    for kunci in KUNCI:
        if kunci not in item:
            hasil.append(f"{kunci}: tidak ada")
            continue
        nilai = item[kunci]
        if nilai is None:
            if kunci not in BOLEH_NULL:
                hasil.append(f"{kunci}: kosong (null)")
            continue
        if not isinstance(nilai, str):
            hasil.append(f"{kunci}: harus berupa teks, bukan {type(nilai).__name__}")
            continue
        jenis = _FORMAT.get(kunci)
        if jenis and (salah := _salah_format(jenis, nilai)):
            hasil.append(f"{kunci} {nilai!r}: {salah}")
    return hasil


@dataclass
class Laporan:
    """What one stream served: filled while it runs, read when it ends."""

    jumlah_item: int = 0
    jumlah_bita: int = 0
    jumlah_dilewati: int = 0
    dilewati: list = field(default_factory=list)
    selesai: bool = False

    def lewati(self, p, alasan: str) -> None:
        self.jumlah_dilewati += 1
        if len(self.dilewati) < BATAS_DILEWATI:
            self.dilewati.append({"id": p.pk, "produk": str(p), "alasan": alasan})


def alirkan(qs, dasar: str, laporan: Laporan | None = None):
    """Yield the JSON array as UTF-8 pieces, one product at a time, leaving
    out (and reporting) every product whose object fails the schema."""
    laporan = laporan if laporan is not None else Laporan()
    alamat = Alamat(dasar)
    # Pieces of ~64 KB: one socket write per product would cost more than the JSON.
    potongan, ukuran, pemisah, jumlah = [b"["], 1, b"", 0
    for p in qs.iterator(chunk_size=UKURAN_POTONGAN):
        if p.tanggal_penetapan is None:
            laporan.lewati(p, "Tanggal penetapan belum diisi.")
            continue
        item = baris(p, dasar, alamat)
        if salah := masalah(item):
            laporan.lewati(p, "; ".join(salah))
            continue
        try:
            teks = pemisah + json.dumps(item, ensure_ascii=False).encode()
        except UnicodeEncodeError:
            laporan.lewati(p, "Teks memuat karakter yang tidak sah (surrogate).")
            continue
        potongan.append(teks)
        ukuran += len(teks)
        jumlah += 1
        pemisah = b","
        if ukuran >= UKURAN_KIRIM:
            yield b"".join(potongan)
            # Counted once the server asks for more: the piece left this process.
            laporan.jumlah_item, laporan.jumlah_bita = jumlah, laporan.jumlah_bita + ukuran
            potongan, ukuran = [], 0
    potongan.append(b"]")
    yield b"".join(potongan)
    laporan.jumlah_item, laporan.jumlah_bita = jumlah, laporan.jumlah_bita + ukuran + 1
    laporan.selesai = True


def alirkan_tercatat(qs, dasar: str, panen):
    """``alirkan``, then one PanenJDIHN row (``panen``, unsaved) saying what
    was served -- also when the harvester hangs up halfway (selesai False):
    the server closes this generator and ``finally`` still runs."""
    laporan = Laporan()
    aliran = alirkan(qs, dasar, laporan)
    try:
        yield from aliran
    finally:
        # Release the server-side cursor before writing on the same connection.
        aliran.close()
        panen.jumlah_item = laporan.jumlah_item
        panen.jumlah_bita = laporan.jumlah_bita
        panen.jumlah_dilewati = laporan.jumlah_dilewati
        panen.dilewati = laporan.dilewati
        panen.selesai = laporan.selesai
        try:
            panen.save()
        except Exception:
            # The log serves the staff; a failure to write it must not turn a
            # delivered harvest into a broken one.
            logger.exception("Log panen JDIHN gagal disimpan")
