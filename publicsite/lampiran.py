"""The lampiran a reader sees on a published product's page, and the name
each is served under."""

from django.db.models import Exists, OuterRef

from documents.models import StatusPublikasi, VersiBerkas


def nama_lampiran(produk, lampiran) -> str:
    return f"{produk.slug}-lampiran-{lampiran.urutan}.pdf"


def versi_lampiran_terbit():
    """Published lampiran versions that are their lampiran's current one
    (no newer published version of the same lampiran)."""
    lebih_baru = VersiBerkas.objects.filter(
        lampiran=OuterRef("lampiran"),
        diterbitkan_pada__isnull=False,
        nomor_versi__gt=OuterRef("nomor_versi"),
    )
    return VersiBerkas.objects.filter(
        lampiran__isnull=False, diterbitkan_pada__isnull=False
    ).exclude(Exists(lebih_baru))


def lampiran_publik(produk) -> list:
    """(lampiran, its current published version) of every lampiran of
    ``produk`` that has one, in order; one query whatever their number.
    Each lampiran carries ``nama_berkas``, the name it is served under."""
    if produk.status_publikasi != StatusPublikasi.TERBIT:
        return []
    daftar = (
        versi_lampiran_terbit()
        .filter(lampiran__produk=produk)
        .select_related("lampiran")
        .only(
            "nomor_versi",
            "ukuran",
            "jumlah_halaman",
            "diterbitkan_pada",
            "keterangan_perbaikan",
            "lampiran__id",
            "lampiran__judul",
            "lampiran__urutan",
            "lampiran__produk_id",
        )
        .order_by("lampiran__urutan", "lampiran_id")
    )
    hasil = []
    for versi in daftar:
        lampiran = versi.lampiran
        lampiran.nama_berkas = nama_lampiran(produk, lampiran)
        hasil.append((lampiran, versi))
    return hasil
