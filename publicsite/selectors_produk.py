"""What a reader sees of one published product besides its record: its
published versions and its relations to other published products. The
detail page and the open API both read these, so the rule lives once."""

from documents.models import RelasiProduk, StatusPublikasi

KOLOM_VERSI = (
    "nomor_versi",
    "ukuran",
    "jumlah_halaman",
    "diterbitkan_pada",
    "keterangan_perbaikan",
    "berkas",
    "produk_id",
)


def versi_terbit(produk) -> list:
    """Every published version of the naskah, newest first."""
    return list(
        produk.versi.filter(diterbitkan_pada__isnull=False)
        .order_by("-nomor_versi")
        .only(*KOLOM_VERSI)
    )


def relasi_terbit(produk) -> list[tuple[RelasiProduk, str, object]]:
    """(relation, "keluar"/"masuk", the other product) in both directions,
    only to published products: outgoing first, each by kind and year."""
    terbit = StatusPublikasi.TERBIT
    keluar = (
        RelasiProduk.objects.filter(sumber=produk, target__status_publikasi=terbit)
        .select_related("target__jenis", "target__satker")
        .order_by("jenis", "target__tahun", "target_id")
    )
    masuk = (
        RelasiProduk.objects.filter(target=produk, sumber__status_publikasi=terbit)
        .select_related("sumber__jenis", "sumber__satker")
        .order_by("jenis", "sumber__tahun", "sumber_id")
    )
    return [(r, "keluar", r.target) for r in keluar] + [(r, "masuk", r.sumber) for r in masuk]
