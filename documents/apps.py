from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = "Katalog produk hukum"

    def ready(self):
        # Connect the status rules of relations, the full-text index upkeep and
        # the change stamp; files leave storage with the rows that own them.
        from . import pembersihan, pencarian, relasi, stempel  # noqa: F401

        pembersihan.hubungkan()
