"""What the catalogue tells, or asks, the procedures built on it.

The catalogue knows nothing of the workflow; the workflow listens here
(workflow.audit_katalog). Both signals are sent with ``sender=ProdukHukum``.
"""

from django.dispatch import Signal

# A catalogue change made outside the SOP's steps: in admin or by the archive
# import. Arguments: produk, oleh (a user), aksi (short code), catatan,
# dari / ke (publication state before and after; default the current one),
# request (None outside a web request). Receivers keep the audit trail.
perubahan_katalog = Signal()

# Asked before admin adds or removes a file of a product: may it now?
# Argument: produk. A receiver answers with the reason, for the user, why not
# (a procedure holds the product and its files move only through its steps),
# or None.
produk_dipegang = Signal()


def alasan_dipegang(produk) -> str | None:
    """Why the product's files may not change outside its procedure now."""
    from .models import ProdukHukum

    for _, alasan in produk_dipegang.send(sender=ProdukHukum, produk=produk):
        if alasan:
            return alasan
    return None


def catat_perubahan(produk, oleh, aksi, catatan="", *, dari=None, ke=None, request=None):
    from .models import ProdukHukum

    perubahan_katalog.send(
        sender=ProdukHukum,
        produk=produk,
        oleh=oleh,
        aksi=aksi,
        catatan=catatan,
        dari=produk.status_publikasi if dari is None else dari,
        ke=produk.status_publikasi if ke is None else ke,
        request=request,
    )
