from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "workflow"
    verbose_name = "Alur kerja SOP"

    def ready(self):
        from . import penugasan  # noqa: F401  (keeps object permissions in step)
