"""What the verification page of a certified copy (salinan) may show.

Anyone holding the paper scans its QR code and lands on /verifikasi/<kode>/.
The page confirms the copy and repeats what the paper itself shows (office,
nomor, judul, official, pages, fingerprints); of the catalogue product it
names only a published one (documents.salinan.status_salinan), so a draft or
a taken-down product reveals nothing beyond the paper.
"""

import re
from dataclasses import dataclass

from documents.models import ProdukHukum, Salinan
from documents.salinan import status_salinan

# documents.salinan.kode_baru makes 22 URL-safe characters; allow some room.
POLA_KODE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def kode_berbentuk_sah(kode: str) -> bool:
    """Whether ``kode`` could be a verification code at all (checked before any query)."""
    return POLA_KODE.fullmatch(kode) is not None


@dataclass(frozen=True)
class HasilVerifikasi:
    salinan: Salinan
    publikasi: str  # "terbit", "diturunkan" or "belum"
    berlaku: bool | None  # only when terbit
    produk: ProdukHukum | None  # only when terbit
    versi_disalin: int | None  # the published version this copy certifies, if known
    versi_publik: int | None  # the version the public sees now (terbit only)
    sama_dengan_versi: bool  # that version's file is the certified original itself

    @property
    def ada_versi_lebih_baru(self) -> bool:
        return (
            self.versi_disalin is not None
            and self.versi_publik is not None
            and self.versi_publik > self.versi_disalin
        )


def verifikasi_salinan(kode: str) -> HasilVerifikasi | None:
    """The copy behind ``kode`` and what may be said of its product now, or
    None for a malformed or unknown code (a malformed one costs no query)."""
    if not kode_berbentuk_sah(kode):
        return None
    salinan = (
        Salinan.objects.select_related("satker", "produk__jenis", "produk__satker", "versi")
        .defer(
            "berkas",
            "produk__search_vector",
            "produk__search_metadata",
            "produk__abstrak",
            "versi__teks",
        )
        .filter(kode=kode)
        .first()
    )
    if salinan is None:
        return None
    status = status_salinan(salinan)
    produk = status["produk"]
    versi_disalin = versi_publik = None
    sama = False
    if produk is not None:
        versi = salinan.versi
        # Only a version the public has seen is named: a newer draft stays unsaid.
        if versi is not None and versi.produk_id == produk.pk and versi.diterbitkan_pada:
            versi_disalin = versi.nomor_versi
            sama = versi.sha256 == salinan.sha256_asli
        # ProdukHukum.versi_terbit(), without loading the version's text.
        versi_publik = (
            produk.versi.filter(diterbitkan_pada__isnull=False)
            .order_by("-nomor_versi")
            .values_list("nomor_versi", flat=True)
            .first()
        )
    return HasilVerifikasi(
        salinan=salinan,
        publikasi=status["publikasi"],
        berlaku=status["berlaku"],
        produk=produk,
        versi_disalin=versi_disalin,
        versi_publik=versi_publik,
        sama_dengan_versi=sama,
    )
