"""Which catalogue fields belong to which document type of the national
standard (peraturan/keputusan, monografi, artikel, putusan). Forms, admin,
import, the public page, the export and the JDIHN feed all read this one
table."""

from .models import TipeDokumen

BIDANG_TIPE = {
    TipeDokumen.PERATURAN: [],
    TipeDokumen.MONOGRAFI: [
        "penulis",
        "nomor_panggil",
        "isbn",
        "penerbit",
        "tempat_terbit",
        "deskripsi_fisik",
        "nomor_induk_buku",
        "eksemplar",
    ],
    TipeDokumen.ARTIKEL: ["penulis", "jurnal", "volume", "halaman"],
    TipeDokumen.PUTUSAN: [
        "lembaga_peradilan",
        "nomor_perkara",
        "pemohon",
        "termohon",
        "amar",
        "berkekuatan_hukum_tetap",
    ],
}

WAJIB_TIPE = {
    TipeDokumen.PERATURAN: [],
    TipeDokumen.MONOGRAFI: ["penerbit", "tempat_terbit", "deskripsi_fisik"],
    TipeDokumen.ARTIKEL: ["penulis", "jurnal"],
    TipeDokumen.PUTUSAN: ["lembaga_peradilan", "nomor_perkara", "amar"],
}

# Every type-specific field once, in display order.
SEMUA_BIDANG_TIPE = list(dict.fromkeys(b for daftar in BIDANG_TIPE.values() for b in daftar))


def bidang_untuk(tipe: str) -> list[str]:
    return BIDANG_TIPE.get(tipe, [])


def kosongkan_bidang_lain(produk) -> None:
    """Clear the fields of other types, so a product changed from monografi
    to peraturan does not keep (and publish) an ISBN."""
    milik = set(bidang_untuk(produk.tipe_dokumen))
    for nama in SEMUA_BIDANG_TIPE:
        if nama in milik:
            continue
        field = produk._meta.get_field(nama)
        setattr(produk, nama, None if field.null else "")
