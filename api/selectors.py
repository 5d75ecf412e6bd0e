"""What the open API reads. Every product starts from the public portal's
own queries (publicsite.selectors: only ``terbit``), the version a reader
gets is ``ProdukHukum.versi_terbit`` and the lampiran are
publicsite.lampiran's: the API shows exactly what the portal shows, never a
draft, a taken-down product, an unpublished version or a relation to one."""

from django.db.models import Count

from documents.models import Jenis, ProdukHukum, Satker, StatusPublikasi
from publicsite import selectors as publik
from publicsite import selectors_produk
from publicsite.lampiran import lampiran_publik

# Larger ids cannot be a row (SQLite raises OverflowError beyond 64 bits).
MAKS_ID = 2**63 - 1
TERBIT = StatusPublikasi.TERBIT


def cari(kriteria):
    return publik.cari_produk(kriteria)


def status_produk(pk: int) -> str | None:
    """The publication state behind an id (None: no such product): a
    taken-down product is "being corrected" to readers, a draft does not exist."""
    if pk > MAKS_ID:
        return None
    return ProdukHukum.objects.filter(pk=pk).values_list("status_publikasi", flat=True).first()


def produk_terbit(pk: int) -> ProdukHukum | None:
    if pk > MAKS_ID:
        return None
    return publik.produk_publik().filter(pk=pk).first()


# The detail page's own rules (publicsite.selectors_produk), not a copy.
versi_terbit = selectors_produk.versi_terbit
relasi = selectors_produk.relasi_terbit


def lampiran(produk):
    return lampiran_publik(produk)


def daftar_satker():
    return list(
        Satker.objects.select_related("induk")
        .only("slug", "nama", "tingkat", "teu_badan", "induk__slug")
        .annotate(jumlah_produk=Count("produk_hukum", filter=publik.TERBIT))
        .order_by("nama")
    )


def daftar_jenis():
    return list(
        Jenis.objects.annotate(jumlah_produk=Count("produk_hukum", filter=publik.TERBIT)).order_by(
            "urutan", "nama"
        )
    )
