"""Absolute URLs in API responses. reverse() per item would be a large part
of a list's time, so each route is reversed once per request with stand-in
arguments and filled in per item (as publicsite.jdihn.Alamat does for the
feed). Only slugs, numbers and slug-made file names go in, which reverse()
would not have quoted either."""

from functools import lru_cache

from django.urls import reverse

PENGGANTI = {
    "satker": "satker0ganti",
    "pk": "987654321",
    "slug": "slug0ganti",
    "nomor_versi": "987654322",
    "lampiran": "987654323",
    "berkas": "berkas0ganti.pdf",
}

RUTE = {
    "detail": ("publicsite:detail", ("satker", "pk", "slug")),
    "unduh": ("publicsite:unduh", ("satker", "pk", "slug")),
    "unduh_versi": ("publicsite:unduh-versi", ("satker", "pk", "slug", "nomor_versi")),
    "abstrak": ("publicsite:abstrak", ("satker", "pk", "slug", "berkas")),
    "lampiran": ("publicsite:lampiran", ("satker", "pk", "slug", "lampiran", "berkas")),
    "satker": ("publicsite:satker", ("satker",)),
    "api_produk": ("api:produk-detail", ("pk",)),
    "api_relasi": ("api:produk-relasi", ("pk",)),
    "api_versi": ("api:produk-versi", ("pk",)),
    "api_lampiran": ("api:produk-lampiran", ("pk",)),
}


@lru_cache(maxsize=32)
def _pola(nama: str) -> str:
    rute, kunci = RUTE[nama]
    pola = reverse(rute, args=[PENGGANTI[k] for k in kunci])
    pola = pola.replace("{", "{{").replace("}", "}}")
    for k in kunci:
        pola = pola.replace(PENGGANTI[k], "{" + k + "}", 1)
    return pola


class Alamat:
    def __init__(self, request):
        self.dasar = request.build_absolute_uri("/").rstrip("/")

    def __call__(self, nama: str, **argumen) -> str:
        return self.dasar + _pola(nama).format(**argumen)

    def produk(self, nama: str, produk, **argumen) -> str:
        return self(nama, satker=produk.satker.slug, pk=produk.pk, slug=produk.slug, **argumen)
