"""Publication state of a product: the only place that puts a product on, or
takes it off, the public site. The workflow calls these; so do the import and
the demo loader."""

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from .models import ProdukHukum, StatusPublikasi, VersiBerkas
from .pencarian import perbarui_indeks


class PublikasiTidakValid(Exception):
    """The product cannot change publication state; the message is for the user."""


@transaction.atomic
def terbitkan(
    produk: ProdukHukum, versi: VersiBerkas | None = None, *, lampiran_baru: bool = True
) -> ProdukHukum:
    """Publish ``produk`` with ``versi`` (default: its newest version).

    Used for the first upload (unggah) and for re-publication after a
    take-down (unggah ulang): the given version becomes the current one, and
    earlier published versions stay reachable with their keterangan. The
    newest version of each lampiran goes public with it (see
    terbitkan_lampiran). With ``lampiran_baru=False`` (re-publishing the last
    good version after a refused correction) no file goes public that was not
    public before: the lampiran keep their published versions.
    """
    versi = versi or produk.versi_terbaru()
    if versi is None:
        raise PublikasiTidakValid("Produk hukum belum memiliki berkas PDF untuk diterbitkan.")
    if versi.produk_id != produk.pk:
        raise PublikasiTidakValid("Berkas bukan milik produk hukum ini.")
    sekarang = timezone.now()
    if versi.diterbitkan_pada is None:
        versi.diterbitkan_pada = sekarang
        versi.save(update_fields=["diterbitkan_pada"])
    if lampiran_baru:
        terbitkan_lampiran(produk, sekarang)
    produk.status_publikasi = StatusPublikasi.TERBIT
    if produk.diterbitkan_pada is None:
        produk.diterbitkan_pada = sekarang
    produk.save(update_fields=["status_publikasi", "diterbitkan_pada", "diubah_pada"])
    return produk


def terbitkan_lampiran(produk: ProdukHukum, waktu=None) -> int:
    """Publish the newest version of each lampiran of ``produk`` that is not
    public yet: a lampiran added while preparing, or one replaced in a
    correction round, goes public when the product does. Returns how many."""
    lebih_baru = VersiBerkas.objects.filter(
        lampiran=OuterRef("lampiran"), nomor_versi__gt=OuterRef("nomor_versi")
    )
    n = (
        VersiBerkas.objects.filter(lampiran__produk=produk, diterbitkan_pada__isnull=True)
        .exclude(Exists(lebih_baru))
        .update(diterbitkan_pada=waktu or timezone.now())
    )
    if n:
        # update() sends no signal: the published text joins the index here.
        perbarui_indeks([produk.pk])
    return n


@transaction.atomic
def turunkan(produk: ProdukHukum) -> ProdukHukum:
    """Take ``produk`` down: the public page says it is being corrected and no
    file of it is served until it is published again."""
    if produk.status_publikasi != StatusPublikasi.TERBIT:
        raise PublikasiTidakValid("Hanya produk hukum yang sedang terbit yang dapat diturunkan.")
    produk.status_publikasi = StatusPublikasi.DITURUNKAN
    produk.save(update_fields=["status_publikasi", "diubah_pada"])
    return produk
