"""Share cards (documents.kartu) of a published product, as PNG: the feed
and story images the JDIH posts (sop 004) and the page's og:image."""

import hashlib

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from documents.kartu import UKURAN, VERSI_DESAIN, IsiKartu, gambar_kartu, isi_dari_produk
from documents.models import ProdukHukum

# The key changes with the product (and with anything drawn on the card), so
# an entry is never stale; the age only bounds how long old ones linger.
UMUR_KARTU = 24 * 3600
UMUR_PERAMBAN = 3600


def produk_terbit(satker: str, pk: int):
    """The published product behind a public URL, or None: the detail page's
    rule (a draft, a product taken down, or another office's pk is not there)."""
    return (
        ProdukHukum.objects.terbit()
        .select_related("jenis", "satker")
        .filter(pk=pk, satker__slug=satker)
        .first()
    )


def kunci_kartu(produk, isi: IsiKartu, ukuran: str, host: str) -> str:
    """Product, its change stamp, size and host; plus a digest of what the card
    shows, so renaming the office or the jenis (which leaves the product's
    stamp alone) draws a new card too."""
    sidik = hashlib.blake2b(repr(isi).encode(), digest_size=8).hexdigest()
    stempel = produk.diubah_pada.timestamp()
    return f"publik:kartu:v{VERSI_DESAIN}:{produk.pk}:{stempel}:{ukuran}:{host}:{sidik}"


@require_safe
def kartu(request, satker, pk, slug, ukuran):
    if ukuran not in UKURAN:
        raise Http404("Ukuran kartu tidak dikenal.")
    produk = produk_terbit(satker, pk)
    if produk is None:
        raise Http404("Produk hukum tidak ditemukan.")
    if slug != produk.slug:
        alamat = reverse(
            "publicsite:kartu", args=[produk.satker.slug, produk.pk, produk.slug, ukuran]
        )
        return redirect(alamat, permanent=True)
    isi = isi_dari_produk(produk)
    kunci = kunci_kartu(produk, isi, ukuran, request.get_host())
    png = cache.get(kunci)
    if png is None:
        png, _ = gambar_kartu(isi, ukuran)
        cache.set(kunci, png, UMUR_KARTU)
    respons = HttpResponse(png, content_type="image/png")
    respons["Cache-Control"] = f"public, max-age={UMUR_PERAMBAN}"
    respons["Content-Disposition"] = f'inline; filename="kartu-{produk.slug}-{ukuran}.png"'
    return respons
