"""The JDIHN harvest feed (DESIGN.md section 6): a JSON array, one object per
published product, every value a string or null.

Streamed row by row from a server-side cursor, so the memory of a web node
stays flat however large the catalogue grows.
"""

import json
import zoneinfo
from functools import lru_cache

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone

from documents.models import ProdukHukum, StatusBerlaku, VersiBerkas

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
# Fields of the standard that describe books; a regulation has none of them.
KHUSUS_BUKU = "-"
UKURAN_POTONGAN = 500
LABEL_STATUS = dict(StatusBerlaku.choices)


@lru_cache(maxsize=8)
def _zona(nama):
    return zoneinfo.ZoneInfo(nama)


def _tanggal(d):
    return d.strftime("%Y-%m-%d") if d else None


def _teks(s):
    return s if s else None


def produk_umpan(satker=None):
    versi = VersiBerkas.objects.filter(
        produk=OuterRef("pk"), diterbitkan_pada__isnull=False
    ).order_by("-nomor_versi")
    qs = (
        ProdukHukum.objects.terbit()
        .select_related("jenis", "satker")
        .only(
            *(
                "id tahun tanggal_penetapan tanggal_pengundangan nomor judul tempat_penetapan "
                "sumber status bahasa bidang_hukum teu_badan abstrak diubah_pada subjek "
                "jenis__nama jenis__singkatan satker__slug satker__zona_waktu"
            ).split()
        )
        .annotate(versi_terbit=Subquery(versi.values("nomor_versi")[:1]))
        .order_by("id")
    )
    if satker is not None:
        qs = qs.filter(satker=satker)
    return qs


def baris(p: ProdukHukum, dasar: str) -> dict:
    """One feed object; ``dasar`` is the site's absolute root, without a slash."""
    argumen = [p.satker.slug, p.pk, p.slug]
    url_detail = dasar + reverse("publicsite:detail", args=argumen)
    ada_berkas = p.versi_terbit is not None
    diubah = timezone.localtime(p.diubah_pada, _zona(p.satker.zona_waktu))
    return {
        "idData": str(p.pk),
        "tahun_pengundangan": str(
            p.tanggal_pengundangan.year if p.tanggal_pengundangan else p.tahun
        ),
        "tanggal_penetapan": _tanggal(p.tanggal_penetapan),
        "tanggal_pengundangan": _tanggal(p.tanggal_pengundangan),
        "jenis": p.jenis.nama,
        "noPeraturan": p.nomor,
        "judul": p.judul,
        "noPanggil": KHUSUS_BUKU,
        "singkatanJenis": p.jenis.singkatan,
        "tempatTerbit": _teks(p.tempat_penetapan),
        "penerbit": KHUSUS_BUKU,
        "deskripsiFisik": KHUSUS_BUKU,
        "sumber": _teks(p.sumber),
        "isbn": KHUSUS_BUKU,
        "status": LABEL_STATUS.get(p.status, p.status),
        "bahasa": _teks(p.bahasa),
        "bidangHukum": _teks(p.bidang_hukum),
        "teuBadan": _teks(p.teu_badan),
        "nomorIndukBuku": KHUSUS_BUKU,
        "abstrak": _teks(p.abstrak),
        "last_updated": diubah.strftime("%Y-%m-%d %H:%M:%S"),
        "urlAbstrak": url_detail + "#abstrak" if p.abstrak else None,
        "urlDetailPeraturan": url_detail,
        "fileDownload": f"{p.slug}.pdf" if ada_berkas else None,
        "urlDownload": dasar + reverse("publicsite:unduh", args=argumen) if ada_berkas else None,
        "subjek": _teks(p.subjek),
        "operasi": "4",
        "display": "1",
    }


def alirkan(qs, dasar: str):
    """Yield the JSON array in pieces, one product at a time."""
    # Pieces of ~64 KB: one socket write per product would cost more than the JSON.
    potongan, ukuran, pemisah = ["["], 1, ""
    for p in qs.iterator(chunk_size=UKURAN_POTONGAN):
        teks = pemisah + json.dumps(baris(p, dasar), ensure_ascii=False)
        potongan.append(teks)
        ukuran += len(teks)
        pemisah = ","
        if ukuran >= 65536:
            yield "".join(potongan)
            potongan, ukuran = [], 0
    potongan.append("]")
    yield "".join(potongan)
