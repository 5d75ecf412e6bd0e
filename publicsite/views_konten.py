"""The public gallery of the office's social-media content (sop 004's posted
items): /konten/, /<satker>/konten/, an item's permalink and its image.
Thin views over publicsite.konten."""

from django.core.paginator import InvalidPage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.views.decorators.http import require_safe

from documents.models import Satker

from . import konten as selektor

# A posted item never changes after posting: its image may be kept by
# browsers and shared caches for a day (an item removed by an admin is gone
# from every cache by then).
UMUR_GAMBAR = 86400


@require_safe
def konten(request, satker=None):
    if satker is not None:
        satker = get_object_or_404(Satker, slug=satker)
    try:
        halaman = selektor.halaman_konten(satker, request.GET.get("halaman"))
    except InvalidPage as exc:
        raise Http404("Halaman tidak ditemukan.") from exc
    return render(
        request,
        "publicsite/konten.html",
        {"satker": satker, "halaman": halaman, "daftar": halaman.object_list},
    )


@require_safe
def konten_entri(request, pk):
    """An item's permalink: the gallery page that shows it now, at its anchor."""
    nomor = selektor.letak_konten(pk)
    if nomor is None:
        raise Http404("Konten tidak ditemukan.")
    alamat = reverse("publicsite:konten")
    if nomor > 1:
        alamat += f"?halaman={nomor}"
    return redirect(f"{alamat}#konten-{pk}")


@require_safe
def konten_gambar(request, pk):
    gambar = selektor.gambar_konten(pk)
    if gambar is None:
        raise Http404("Gambar tidak ditemukan.")
    etag = quote_etag(gambar.sha256) if gambar.sha256 else None
    tidak_berubah = get_conditional_response(request, etag=etag)
    if tidak_berubah is not None:  # 304: the visitor's copy is this image
        patch_cache_control(tidak_berubah, public=True, max_age=UMUR_GAMBAR)
        return tidak_berubah
    try:
        isi = gambar.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Gambar tidak ditemukan.") from exc
    respons = FileResponse(isi, content_type=gambar.jenis_media, filename=gambar.nama)
    patch_cache_control(respons, public=True, max_age=UMUR_GAMBAR)
    if etag:
        respons["ETag"] = etag
    return respons
