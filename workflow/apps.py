from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = "Alur kerja SOP"

    def ready(self):
        from . import penugasan  # noqa: F401  (keeps object permissions in step)

        post_migrate.connect(_setelah_migrasi, sender=self)


def _setelah_migrasi(sender, using="default", **kwargs):
    from .izin import pastikan_grup_peran

    pastikan_grup_peran()
