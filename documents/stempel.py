"""``ProdukHukum.diubah_pada`` moves whenever anything on the product's public
page changes — its versions and lampiran, its relations on either side, and the social-media
content posted about it — so readers of
the catalogue (page caches, feeds' last_updated, sitemaps) can trust one
column as the product's change stamp."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from .models import KontenTerbit, Lampiran, ProdukHukum, RelasiProduk, VersiBerkas
from .pencarian import produk_id_versi


def sentuh(*produk_id: int) -> None:
    # update() leaves the view/download counters and the signals alone.
    ProdukHukum.objects.filter(pk__in=[p for p in produk_id if p]).update(
        diubah_pada=timezone.now()
    )


@receiver(post_save, sender=VersiBerkas)
@receiver(post_delete, sender=VersiBerkas)
def _versi_berubah(sender, instance, **kwargs):
    # A lampiran's version stamps the product it belongs to.
    sentuh(produk_id_versi(instance))


@receiver(post_save, sender=Lampiran)
@receiver(post_delete, sender=Lampiran)
def _lampiran_berubah(sender, instance, **kwargs):
    sentuh(instance.produk_id)


@receiver(post_save, sender=RelasiProduk)
@receiver(post_delete, sender=RelasiProduk)
def _relasi_berubah(sender, instance, **kwargs):
    sentuh(instance.sumber_id, instance.target_id, getattr(instance, "_target_lama_id", None))


# A posted social-media item (sop 004) is listed on the page of every product
# it explains: linking or unlinking it, editing or deleting it changes those pages.
@receiver(m2m_changed, sender=KontenTerbit.produk.through)
def _produk_konten_berubah(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":  # clear() names no products: touch them before they go
        sentuh(*([instance.pk] if reverse else instance.produk.values_list("pk", flat=True)))
    elif action in ("post_add", "post_remove"):
        sentuh(*([instance.pk] if reverse else pk_set))


@receiver(post_save, sender=KontenTerbit)
@receiver(pre_delete, sender=KontenTerbit)
def _konten_berubah(sender, instance, **kwargs):
    if instance.pk:
        sentuh(*instance.produk.values_list("pk", flat=True))
