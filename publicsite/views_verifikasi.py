"""The page behind the QR code of a certified copy (salinan)."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .verifikasi import verifikasi_salinan


@require_safe
@never_cache  # the product's status changes; no shared or browser cache keeps the answer
def verifikasi(request, kode):
    hasil = verifikasi_salinan(kode)
    if hasil is None:
        # Malformed, unknown and forged codes get the same page: nothing hints at what exists.
        respons = render(request, "publicsite/verifikasi_tidak_dikenal.html", status=404)
    else:
        respons = render(request, "publicsite/verifikasi.html", {"v": hasil})
    respons["X-Robots-Tag"] = "noindex"
    return respons
