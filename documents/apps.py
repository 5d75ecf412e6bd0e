from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Katalog produk hukum"

    def ready(self):
        # Connect the status rules of relations and the full-text index upkeep.
        from . import pencarian, relasi  # noqa: F401
