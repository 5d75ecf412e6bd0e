"""Errors of the API: always JSON, always in Indonesian, one shape
``{"kode": ..., "pesan": ..., "rincian": {...}}`` (rincian only where there
is more to say, e.g. which parameter is wrong and why)."""

import math

from django.http import Http404, JsonResponse
from rest_framework import exceptions
from rest_framework.response import Response


class GalatApi(exceptions.APIException):
    """An error the API answers on purpose, with its machine-readable kode."""

    def __init__(self, status_code, kode, pesan, rincian=None):
        self.status_code, self.kode, self.pesan, self.rincian = status_code, kode, pesan, rincian
        super().__init__(pesan)


def tubuh(kode, pesan, rincian=None) -> dict:
    isi = {"kode": kode, "pesan": pesan}
    if rincian:
        isi["rincian"] = rincian
    return isi


def json_galat(status_code, kode, pesan, rincian=None) -> JsonResponse:
    """For the plain Django views of the api app (outside DRF)."""
    return JsonResponse(
        tubuh(kode, pesan, rincian),
        status=status_code,
        json_dumps_params={"ensure_ascii": False},
    )


TIDAK_DITEMUKAN = "Data yang diminta tidak ditemukan."


def _terjemahkan(exc):
    """(status, kode, pesan, rincian, header) for an exception, or None."""
    if isinstance(exc, GalatApi):
        return exc.status_code, exc.kode, exc.pesan, exc.rincian, {}
    if isinstance(exc, (Http404, exceptions.NotFound)):
        return 404, "tidak_ditemukan", TIDAK_DITEMUKAN, None, {}
    if isinstance(exc, exceptions.MethodNotAllowed):
        return (
            405,
            "metode_tidak_diizinkan",
            "API ini hanya dapat dibaca: gunakan metode GET (atau HEAD/OPTIONS).",
            None,
            {},
        )
    if isinstance(exc, exceptions.Throttled):
        tunggu = max(1, math.ceil(exc.wait or 1))
        return (
            429,
            "terlalu_banyak_permintaan",
            f"Terlalu banyak permintaan dari alamat Anda. Silakan coba lagi dalam {tunggu} detik.",
            None,
            {"Retry-After": str(tunggu)},
        )
    if isinstance(exc, exceptions.APIException):
        return exc.status_code, "permintaan_tidak_dapat_dilayani", str(exc.detail), None, {}
    return None


def penangan_galat(exc, context):
    hasil = _terjemahkan(exc)
    if hasil is None:
        return None  # a real fault: Django's 500 handling and logging
    kode_status, kode, pesan, rincian, header = hasil
    return Response(tubuh(kode, pesan, rincian), status=kode_status, headers=header)
