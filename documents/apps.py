from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Katalog produk hukum"

    def ready(self):
        from . import relasi  # noqa: F401  (connects the status rules)
