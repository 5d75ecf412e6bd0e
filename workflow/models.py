from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from documents.models import Satker


class SatkerUserObjectPermission(UserObjectPermissionBase):
    """guardian: a user's permission on one Satker (direct FK, fast joins)."""

    content_object = models.ForeignKey(Satker, on_delete=models.CASCADE)


class SatkerGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Satker, on_delete=models.CASCADE)


class PenugasanPeran(models.Model):
    """A user holds an SOP role (a group) in one Satker."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pengguna",
        on_delete=models.CASCADE,
        related_name="penugasan_peran",
    )
    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.CASCADE, related_name="penugasan_peran"
    )
    peran = models.ForeignKey(
        Group, verbose_name="peran", on_delete=models.PROTECT, related_name="penugasan"
    )

    class Meta:
        verbose_name = "penugasan peran"
        verbose_name_plural = "penugasan peran"
        constraints = [
            models.UniqueConstraint(
                fields=["pengguna", "satker", "peran"],
                name="penugasan_unik",
                violation_error_message="Pengguna ini sudah memegang peran tersebut di satker ini.",
            )
        ]

    def __str__(self):
        return f"{self.pengguna} — {self.peran} — {self.satker}"
