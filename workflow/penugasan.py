"""Granting and revoking SOP roles per Satker (one place for the rule)."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from guardian.shortcuts import assign_perm, remove_perm

from .models import PenugasanPeran


def grup_peran(peran) -> Group:
    grup, _ = Group.objects.get_or_create(name=str(peran))
    return grup


def tetapkan_peran(pengguna, satker, peran) -> PenugasanPeran:
    penugasan, _ = PenugasanPeran.objects.get_or_create(
        pengguna=pengguna, satker=satker, peran=grup_peran(peran)
    )
    return penugasan


def sinkronkan_izin(pengguna, satker) -> None:
    """Make the user's object permissions on ``satker`` exactly those of the
    roles they hold there."""
    diharapkan = set()
    for penugasan in PenugasanPeran.objects.filter(pengguna=pengguna, satker=satker).select_related(
        "peran"
    ):
        for izin in penugasan.peran.permissions.select_related("content_type"):
            diharapkan.add(f"{izin.content_type.app_label}.{izin.codename}")
    from .models import SatkerUserObjectPermission

    ada = {
        f"{p.permission.content_type.app_label}.{p.permission.codename}"
        for p in SatkerUserObjectPermission.objects.filter(
            user=pengguna, content_object=satker
        ).select_related("permission__content_type")
    }
    with transaction.atomic():
        for izin in diharapkan - ada:
            assign_perm(izin, pengguna, satker)
        for izin in ada - diharapkan:
            remove_perm(izin, pengguna, satker)


def sinkronkan_izin_peran(grup: Group) -> None:
    """After a role's permissions change, re-grant them to everyone holding it."""
    for penugasan in PenugasanPeran.objects.filter(peran=grup).select_related("pengguna", "satker"):
        sinkronkan_izin(penugasan.pengguna, penugasan.satker)


@receiver(post_save, sender=PenugasanPeran)
@receiver(post_delete, sender=PenugasanPeran)
def _penugasan_berubah(sender, instance, **kwargs):
    sinkronkan_izin(instance.pengguna, instance.satker)
