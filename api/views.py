"""The open API, /api/v1/: read-only JSON over the published catalogue.

Views stay thin: parameters are read with the public search's own form,
products come from api.selectors, shapes from api.serializers, errors from
api.galat. Every response to GET carries an ETag of its body and
``Cache-Control: public, no-cache``: a client (or proxy) may keep a copy but
asks again each time, so a take-down reaches it at once, while an unchanged
answer costs only a 304."""

import hashlib

from django.utils.cache import get_conditional_response, patch_cache_control
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from documents.models import StatusPublikasi
from publicsite.forms import CariForm

from . import paginasi, selectors, skema
from . import serializers as s
from .alamat import Alamat
from .galat import GalatApi


class ApiView(APIView):
    http_method_names = ["get", "head", "options"]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        batas = getattr(request._request, "api_batas", None)
        if batas is not None:
            response["X-RateLimit-Limit"], response["X-RateLimit-Remaining"] = map(str, batas)
        if response.status_code == 429:
            patch_cache_control(response, no_store=True)
            return response
        patch_cache_control(response, public=True, no_cache=True)
        if request.method in ("GET", "HEAD") and response.status_code == 200:
            response.render()
            response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
            return get_conditional_response(
                request._request, etag=response["ETag"], response=response
            )
        return response


# --- produk --------------------------------------------------------------------


def _kriteria(request):
    """The search criteria from the query, read by the public search's form
    (so the API has every filter /cari/ has), with the page; a bad or
    unknown parameter is a 400 naming each problem."""
    params = request.query_params
    galat = {}
    halaman, per_halaman = paginasi.baca(params, galat)
    data = params.copy()
    data.pop(paginasi.PARAMETER_HALAMAN, None)
    data.pop(paginasi.PARAMETER_PER_HALAMAN, None)
    form = CariForm(data)
    for nama in data:
        if nama not in form.fields:
            galat[nama] = ["Parameter tidak dikenal."]
    if not form.is_valid():
        for nama, daftar in form.errors.items():
            galat["umum" if nama == "__all__" else nama] = list(daftar)
    if galat:
        raise GalatApi(
            400,
            "parameter_tidak_valid",
            "Parameter permintaan tidak valid; lihat rincian per parameter.",
            galat,
        )
    return form.kriteria(), halaman, per_halaman


class ProdukDaftar(ApiView):
    @extend_schema(**skema.DAFTAR_PRODUK)
    def get(self, request):
        kriteria, nomor, per_halaman = _kriteria(request)
        daftar = paginasi.paginator(selectors.cari(kriteria), per_halaman, bool(kriteria.q))
        if nomor > daftar.num_pages:
            raise GalatApi(
                404,
                "halaman_tidak_ada",
                f"Halaman {nomor} tidak ada; halaman terakhir adalah {daftar.num_pages}.",
            )
        halaman = daftar.page(nomor)
        konteks = {"alamat": Alamat(request)}
        return Response(
            {
                "jumlah": daftar.count,
                "jumlah_terbatas": bool(getattr(daftar, "terbatas", False)),
                "halaman": nomor,
                "jumlah_halaman": daftar.num_pages,
                "per_halaman": per_halaman,
                "sebelumnya": paginasi.tautan(request, nomor - 1, halaman.has_previous()),
                "berikutnya": paginasi.tautan(request, nomor + 1, halaman.has_next()),
                "hasil": s.ProdukRingkasSerializer(
                    halaman.object_list, many=True, context=konteks
                ).data,
            }
        )


def produk_atau_404(pk):
    """The published product behind ``pk``. A taken-down one answers, as the
    portal's page does, that it is being corrected, and nothing more; a draft
    is indistinguishable from an id that was never used."""
    produk = selectors.produk_terbit(pk)
    if produk is not None:
        return produk
    if selectors.status_produk(pk) == StatusPublikasi.DITURUNKAN:
        raise GalatApi(
            404,
            "sedang_diperbaiki",
            "Produk hukum ini untuk sementara diturunkan karena sedang diperbaiki. "
            "Naskahnya akan tersedia kembali setelah perbaikan selesai.",
        )
    raise GalatApi(404, "tidak_ditemukan", "Produk hukum tidak ditemukan.")


class ProdukDetail(ApiView):
    @extend_schema(**skema.DETAIL_PRODUK)
    def get(self, request, pk):
        produk = produk_atau_404(pk)
        konteks = {
            "alamat": Alamat(request),
            "versi_sekarang": produk.versi_terbit(),
            "versi": selectors.versi_terbit(produk),
            "relasi": selectors.relasi(produk),
            "lampiran": selectors.lampiran(produk),
        }
        return Response(s.ProdukDetailSerializer(produk, context=konteks).data)


class ProdukRelasi(ApiView):
    @extend_schema(**skema.RELASI_PRODUK)
    def get(self, request, pk):
        produk = produk_atau_404(pk)
        konteks = {"alamat": Alamat(request)}
        return Response({"hasil": s.data_relasi(selectors.relasi(produk), konteks)})


class ProdukVersi(ApiView):
    @extend_schema(**skema.VERSI_PRODUK)
    def get(self, request, pk):
        produk = produk_atau_404(pk)
        konteks = {"alamat": Alamat(request), "versi_sekarang": produk.versi_terbit()}
        return Response({"hasil": s.data_versi(produk, selectors.versi_terbit(produk), konteks)})


class ProdukLampiran(ApiView):
    @extend_schema(**skema.LAMPIRAN_PRODUK)
    def get(self, request, pk):
        produk = produk_atau_404(pk)
        konteks = {"alamat": Alamat(request)}
        return Response({"hasil": s.data_lampiran(produk, selectors.lampiran(produk), konteks)})


# --- referensi -----------------------------------------------------------------


class SatkerDaftar(ApiView):
    @extend_schema(**skema.DAFTAR_SATKER)
    def get(self, request):
        konteks = {"alamat": Alamat(request)}
        data = s.SatkerSerializer(selectors.daftar_satker(), many=True, context=konteks).data
        return Response({"hasil": data})


class JenisDaftar(ApiView):
    @extend_schema(**skema.DAFTAR_JENIS)
    def get(self, request):
        return Response({"hasil": s.JenisSerializer(selectors.daftar_jenis(), many=True).data})


class Akar(ApiView):
    @extend_schema(**skema.AKAR)
    def get(self, request):
        a = Alamat(request)
        return Response(
            {
                "nama": "API Terbuka JDIH KPU",
                "versi": "1",
                "dokumentasi": request.build_absolute_uri(skema.url("api:dokumentasi")),
                "skema": request.build_absolute_uri(skema.url("api:skema")),
                "sumber_daya": {
                    "produk": a.dasar + skema.url("api:produk-daftar"),
                    "satker": a.dasar + skema.url("api:satker-daftar"),
                    "jenis": a.dasar + skema.url("api:jenis-daftar"),
                },
            }
        )


class Skema(ApiView):
    @extend_schema(exclude=True)
    def get(self, request):
        return Response(skema.skema_api())
