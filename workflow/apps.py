from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = "Alur kerja SOP"

    def ready(self):
        # Object permissions kept in step; catalogue changes made outside the
        # SOP steps recorded in the audit trail.
        from . import audit_katalog, penugasan  # noqa: F401

        post_migrate.connect(_setelah_migrasi, sender=self)


def _setelah_migrasi(sender, using="default", **kwargs):
    from .izin import pastikan_grup_peran

    pastikan_grup_peran()
