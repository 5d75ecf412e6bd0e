from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class PublicsiteConfig(AppConfig):
    name = "publicsite"
    verbose_name = "Portal publik JDIH"

    def ready(self):
        from documents.models import Jenis, ProdukHukum, Satker

        from .cache_halaman import katalog_berubah
        from .converters import tolak_kata_cadangan
        from .selectors import hapus_cache_pilihan
        from .selectors_statistik import hapus_cache_statistik

        # The public site owns /<satker-slug>/, so it forbids the slugs its own
        # routes use; documents stays ignorant of URLs.
        bidang_slug = Satker._meta.get_field("slug")
        if tolak_kata_cadangan not in bidang_slug.validators:
            bidang_slug.validators.append(tolak_kata_cadangan)

        # Any catalogue change (publish, take-down, an edit of a product, a
        # jenis or a Satker) may alter: the search filters' options, the
        # cached statistics (a new generation), and the cached home and
        # Satker pages (a new catalogue version). Here, at start-up, so every
        # process that saves a product (the web, the worker, a management
        # command) drops them.
        penerima = {
            "pilihan": hapus_cache_pilihan,
            "statistik": hapus_cache_statistik,
            "katalog": katalog_berubah,
        }
        for model in (ProdukHukum, Jenis, Satker):
            nama_model = model._meta.label
            for nama, fungsi in penerima.items():
                post_save.connect(fungsi, sender=model, dispatch_uid=f"{nama}-{nama_model}")
                post_delete.connect(fungsi, sender=model, dispatch_uid=f"{nama}-d-{nama_model}")
