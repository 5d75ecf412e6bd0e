"""Images of a product's page: the naskah's pages for reading on phones, the
QR code of the page's address, and the Satker's logo.

Page images follow the same rule as the PDF (views._versi_publik): only the
version the public sees now, 404 for a draft or a taken-down product at once.
They are cacheable but revalidated on every use (``no-cache`` with an ETag):
a reader's browser keeps the bytes and gets a 304, while a take-down still
reaches every reader on the next view, as it does for the PDF.
"""

import hashlib
import io

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.http import require_safe
from django.views.generic.base import RedirectView

from documents.halaman_gambar import JENIS_MEDIA
from documents.models import GambarHalaman, Satker

from .views import _versi_publik, produk_terbit_atau_404

# The QR code and the logo change only with their content (the logo's URL
# carries its name); a day in any cache is harmless.
UMUR_QR = 24 * 3600
UMUR_LOGO = 24 * 3600


def _berkas_gambar(request, berkas, etag, jenis_media, **cache_control):
    tidak_berubah = get_conditional_response(request, etag=etag)
    if tidak_berubah is not None:  # 304: the visitor's copy is current
        patch_cache_control(tidak_berubah, **cache_control)
        return tidak_berubah
    try:
        isi = berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Gambar tidak ditemukan.") from exc
    respons = FileResponse(isi, content_type=jenis_media)
    respons["ETag"] = etag
    patch_cache_control(respons, **cache_control)
    return respons


@require_safe
def gambar_halaman(request, satker, pk, slug, nomor_versi, halaman):
    _, versi = _versi_publik(satker, pk)
    if versi.nomor_versi != nomor_versi:
        # An earlier version's pages are not a reading view: its PDF is.
        raise Http404("Gambar halaman tidak ditemukan.")
    gambar = GambarHalaman.objects.filter(versi=versi, nomor=halaman).only("berkas").first()
    if gambar is None:
        raise Http404("Gambar halaman tidak ditemukan.")
    # The file name carries the rendering run: a new rendering, a new ETag.
    etag = quote_etag(f"h{versi.pk}-{gambar.berkas.name.rsplit('/', 1)[-1]}")
    return _berkas_gambar(
        request, gambar.berkas, etag, JENIS_MEDIA, public=True, no_cache=True, max_age=0
    )


@require_safe
def kode_qr(request, satker, pk, slug):
    import segno

    produk = produk_terbit_atau_404(satker, pk)
    alamat = request.build_absolute_uri(produk.get_absolute_url())
    etag = quote_etag("qr-" + hashlib.sha256(alamat.encode()).hexdigest()[:24])
    tidak_berubah = get_conditional_response(request, etag=etag)
    if tidak_berubah is not None:
        patch_cache_control(tidak_berubah, public=True, max_age=UMUR_QR)
        return tidak_berubah
    keluaran = io.BytesIO()
    segno.make(alamat, error="m").save(
        keluaran,
        kind="svg",
        border=4,
        dark="#1d1d1d",
        light="#ffffff",
        omitsize=True,  # a viewBox only: the page decides how large it shows
        title=f"Kode QR {alamat}",
    )
    respons = HttpResponse(keluaran.getvalue(), content_type="image/svg+xml")
    respons["ETag"] = etag
    patch_cache_control(respons, public=True, max_age=UMUR_QR)
    return respons


@require_safe
def logo_satker(request, satker):
    satker = get_object_or_404(Satker.objects.only("logo"), slug=satker)
    if not satker.logo:
        raise Http404("Satker ini belum memiliki logo.")
    etag = quote_etag(satker.logo.name.rsplit("/", 1)[-1])
    return _berkas_gambar(request, satker.logo, etag, "image/png", public=True, max_age=UMUR_LOGO)


class Favikon(RedirectView):
    """/favicon.ico, which browsers ask for on their own, points at the static copy."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        return static("ikon/favicon.ico")
