from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PublicsiteConfig(AppConfig):
    name = "publicsite"
    verbose_name = "Portal publik JDIH"

    def ready(self):
        from documents.models import Jenis, ProdukHukum, Satker

        from .selectors import hapus_cache_pilihan

        # The search filters list what is published; any catalogue change may alter them.
        for model in (ProdukHukum, Jenis, Satker):
            post_save.connect(hapus_cache_pilihan, sender=model, dispatch_uid=f"pilihan-{model}")
            post_delete.connect(
                hapus_cache_pilihan, sender=model, dispatch_uid=f"pilihan-d-{model}"
            )
