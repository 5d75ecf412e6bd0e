from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PublicsiteConfig(AppConfig):
    name = "publicsite"
    verbose_name = "Portal publik JDIH"

    def ready(self):
        from documents.models import Jenis, ProdukHukum, Satker

        from .converters import tolak_kata_cadangan
        from .selectors import hapus_cache_pilihan

        # The public site owns /<satker-slug>/, so it forbids the slugs its own
        # routes use; documents stays ignorant of URLs.
        bidang_slug = Satker._meta.get_field("slug")
        if tolak_kata_cadangan not in bidang_slug.validators:
            bidang_slug.validators.append(tolak_kata_cadangan)

        # The search filters list what is published; any catalogue change may alter them.
        for model in (ProdukHukum, Jenis, Satker):
            post_save.connect(hapus_cache_pilihan, sender=model, dispatch_uid=f"pilihan-{model}")
            post_delete.connect(
                hapus_cache_pilihan, sender=model, dispatch_uid=f"pilihan-d-{model}"
            )
