"""``ProdukHukum.diubah_pada`` moves whenever anything on the product's public
page changes — its versions and its relations, on either side — so readers of
the catalogue (page caches, feeds' last_updated, sitemaps) can trust one
column as the product's change stamp."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from .models import ProdukHukum, RelasiProduk, VersiBerkas


def sentuh(*produk_id: int) -> None:
    # update() leaves the view/download counters and the signals alone.
    ProdukHukum.objects.filter(pk__in=[p for p in produk_id if p]).update(
        diubah_pada=timezone.now()
    )


@receiver(post_save, sender=VersiBerkas)
@receiver(post_delete, sender=VersiBerkas)
def _versi_berubah(sender, instance, **kwargs):
    sentuh(instance.produk_id)


@receiver(post_save, sender=RelasiProduk)
@receiver(post_delete, sender=RelasiProduk)
def _relasi_berubah(sender, instance, **kwargs):
    sentuh(instance.sumber_id, instance.target_id, getattr(instance, "_target_lama_id", None))
