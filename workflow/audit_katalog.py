"""The catalogue's changes outside the SOP steps, in the one audit trail.

Admin edits, admin uploads and deletions, and the archive import are not
steps of any procedure, yet an office must be able to see who did them. The
audit trail is generic (content type + id + Satker), so such an entry points
at the ProdukHukum itself and shows in the audit admin beside the requests'.
The catalogue sends documents.sinyal; it never imports the workflow.
"""

from django.dispatch import receiver

from documents.models import ProdukHukum
from documents.sinyal import perubahan_katalog, produk_dipegang

from .mesin import catat


@receiver(perubahan_katalog, sender=ProdukHukum, dispatch_uid="workflow.audit_katalog.catat")
def catat_perubahan_katalog(
    sender, produk, oleh, aksi, catatan="", dari="", ke="", request=None, **kwargs
):
    ip = None
    if request is not None:
        from .views import alamat_ip

        ip = alamat_ip(request)
    catat(produk, oleh, aksi, dari or "", ke or "", catatan, ip)


@receiver(produk_dipegang, sender=ProdukHukum, dispatch_uid="workflow.audit_katalog.dipegang")
def permohonan_terbuka(sender, produk, **kwargs):
    """A request still open on the product: its files move only through the
    request's steps (a file slipped in after approval would be published by
    the upload step unreviewed)."""
    from .models import Permohonan

    p = (
        Permohonan.objects.filter(produk=produk)
        .exclude(status__in=Permohonan.STATUS_SELESAI)
        .order_by("-dibuat_pada")
        .first()
    )
    if p is None:
        return None
    return (
        f"Produk hukum ini sedang dalam permohonan {p.get_jenis_display().lower()} "
        f"berstatus “{p.get_status_display()}”. Berkasnya hanya dapat diubah lewat "
        "langkah permohonan itu di ruang kerja staf (/staf/), oleh Pengelola JDIH satkernya."
    )
