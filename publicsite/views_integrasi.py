"""The JDIHN integration: the harvest feed and the harvester's file URLs.

A harvest is not a reader: neither the feed nor the files it points to move
the public counters (jumlah_dilihat, jumlah_unduhan). Each fetch of a feed is
written to the harvest log (PanenJDIHN) instead.
"""

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from documents.models import ProdukHukum, Satker
from jdih.jaringan import alamat_klien

from . import jdihn
from . import nama_berkas as nama
from .models import PanenJDIHN
from .views import _berkas, _versi_publik

JSON = "application/json; charset=utf-8"


@require_safe
def umpan(request, satker=None):
    if satker is not None:
        satker = get_object_or_404(Satker, slug=satker)
    if request.method == "HEAD":
        # Headers only: no body is built, so nothing was harvested to log.
        respons = StreamingHttpResponse(iter(()), content_type=JSON)
    else:
        panen = PanenJDIHN(
            satker=satker,
            alamat=alamat_klien(request),
            agen_pengguna=request.META.get("HTTP_USER_AGENT", "")[:500],
        )
        dasar = request.build_absolute_uri("/").rstrip("/")
        respons = StreamingHttpResponse(
            jdihn.alirkan_tercatat(jdihn.produk_umpan(satker), dasar, panen),
            content_type=JSON,
        )
    # A take-down or an ikut_jdihn switched off must reach the next harvest.
    respons["Cache-Control"] = "no-cache"
    return respons


@require_safe
def berkas(request, pk, nama_berkas):
    """The naskah PDF a feed item's urlDownload names, served to the harvester
    uncounted. The same publication check as the public download, plus
    ikut_jdihn, and the name must be the one the feed gave."""
    produk = (
        ProdukHukum.objects.untuk_jdihn()
        .select_related("jenis", "satker")
        .only("id", "nomor", "tahun", "jenis__singkatan", "satker__slug")
        .filter(pk=pk)
        .first()
    )
    if produk is None or nama_berkas != nama.naskah(produk):
        raise Http404("Berkas tidak ditemukan.")
    produk, versi = _versi_publik(produk.satker.slug, pk)
    return _berkas(produk, versi, None, lampiran=True)
