"""Status effects of relations between products.

"A mencabut B" makes B Tidak Berlaku; removing the last such relation restores
B. Connected to RelasiProduk's save/delete signals so that the admin, the
import and the workflow all go through the same rule.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from .models import JenisRelasi, ProdukHukum, RelasiProduk, StatusBerlaku

AWALAN_DICABUT = "Dicabut dengan "


def sinkronkan_status_dicabut(produk_id: int) -> None:
    pencabut = [
        str(r.sumber)
        for r in RelasiProduk.objects.filter(target_id=produk_id, jenis=JenisRelasi.MENCABUT)
        .select_related("sumber__jenis")
        .order_by("sumber__tahun", "sumber_id")
    ]
    produk = ProdukHukum.objects.filter(pk=produk_id)
    if pencabut:
        produk.update(
            status=StatusBerlaku.TIDAK_BERLAKU,
            keterangan_status=AWALAN_DICABUT + "; ".join(pencabut),
        )
    else:
        # Only undo what a relation did: a status set by hand stays.
        produk.filter(keterangan_status__startswith=AWALAN_DICABUT).update(
            status=StatusBerlaku.BERLAKU, keterangan_status=""
        )


@receiver(pre_save, sender=RelasiProduk)
def _ingat_target_lama(sender, instance, **kwargs):
    # An edited relation may have pointed at another product before.
    instance._target_lama_id = (
        RelasiProduk.objects.filter(pk=instance.pk).values_list("target_id", flat=True).first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=RelasiProduk)
@receiver(post_delete, sender=RelasiProduk)
def _relasi_berubah(sender, instance, **kwargs):
    sinkronkan_status_dicabut(instance.target_id)
    target_lama = getattr(instance, "_target_lama_id", None)
    if target_lama and target_lama != instance.target_id:
        sinkronkan_status_dicabut(target_lama)
