"""The API's documentation page, rendered on the server from the OpenAPI
schema itself (so it cannot tell another story than the schema), and the
JSON answer for any other address under /api/."""

from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from . import dokumentasi as isi
from .galat import json_galat
from .skema import skema_api


@require_safe
def dokumentasi_view(request):
    dasar = request.build_absolute_uri("/").rstrip("/")
    return render(request, "api/dokumentasi.html", isi.konteks(skema_api(), dasar))


# Only GET/HEAD is ever served, so there is no form to forge: a POST gets the
# 405 it deserves instead of a CSRF refusal page.
dokumentasi = csrf_exempt(dokumentasi_view)


@csrf_exempt
def tidak_ada(request):
    if request.method in ("GET", "HEAD") and not request.path_info.endswith("/"):
        try:
            cocok = resolve(request.path_info + "/")
        except Resolver404:
            cocok = None
        if cocok is not None and cocok.url_name != "tidak-ada":
            tujuan = request.path + "/"
            if request.META.get("QUERY_STRING"):
                tujuan += "?" + request.META["QUERY_STRING"]
            return redirect(tujuan, permanent=True)
    return json_galat(
        404,
        "tidak_ditemukan",
        "Alamat ini tidak ada di API. Daftar alamat yang tersedia ada di /api/v1/ "
        "dan dokumentasinya di /api/.",
    )
