"""The public site owns /<satker-slug>/; these words belong to other routes."""

from django.core.exceptions import ValidationError
from django.urls.converters import SlugConverter

KATA_CADANGAN = frozenset(
    {
        "admin",
        "staf",
        "masuk",
        "keluar",
        "static",
        "media",
        "cari",
        "statistik",
        "integrasi",
        "umpan",
        "produk",
        "verifikasi",
        "konten",
        "api",
        "sitemap.xml",
        "robots.txt",
        "favicon.ico",
    }
)


def tolak_kata_cadangan(slug: str) -> None:
    if slug.lower() in KATA_CADANGAN:
        raise ValidationError(
            f"Slug '{slug}' dipakai oleh halaman lain situs ini; pilih slug lain.",
            code="kata_cadangan",
        )


class SatkerSlugConverter(SlugConverter):
    """A Satker slug that is never one of the reserved words, so a Satker named
    like a route cannot shadow the staff area, the admin or the login."""

    def to_python(self, value):
        if value.lower() in KATA_CADANGAN:
            raise ValueError("kata cadangan")
        return value
