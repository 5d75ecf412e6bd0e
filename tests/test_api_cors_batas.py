"""CORS on /api/ (GET/HEAD/OPTIONS, any origin, never credentials) and the
rate limit per client address (429 with Retry-After)."""

import pytest
from django.test import Client

from tests.api_helpers import alamat, batas_bersih  # noqa: F401

pytestmark = pytest.mark.django_db

ASAL = "https://aplikasi-lain.contoh.id"


def test_get_membawa_cors_tanpa_kredensial(client):
    for url in (alamat("produk-daftar"), alamat("skema"), alamat("produk-detail", 424242)):
        respons = client.get(url, HTTP_ORIGIN=ASAL)
        assert respons["Access-Control-Allow-Origin"] == "*", url
        assert "Access-Control-Allow-Credentials" not in respons
        assert "ETag" in respons["Access-Control-Expose-Headers"]
        assert "Retry-After" in respons["Access-Control-Expose-Headers"]
    assert client.head(alamat("jenis-daftar"))["Access-Control-Allow-Origin"] == "*"


def test_preflight_dijawab_204_tanpa_menyentuh_view():
    klien = Client(enforce_csrf_checks=True)
    respons = klien.options(
        alamat("produk-daftar"),
        HTTP_ORIGIN=ASAL,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert respons.status_code == 204
    assert respons["Access-Control-Allow-Origin"] == "*"
    assert respons["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in respons["Access-Control-Allow-Headers"]
    assert int(respons["Access-Control-Max-Age"]) > 0
    assert "Access-Control-Allow-Credentials" not in respons
    assert not respons.cookies


def test_metode_tulis_dan_halaman_di_luar_api_tanpa_cors(client):
    post = client.post(alamat("produk-daftar"), HTTP_ORIGIN=ASAL)
    assert post.status_code == 405
    assert "Access-Control-Allow-Origin" not in post
    for url in ("/", "/cari/", "/statistik/"):
        respons = client.get(url, HTTP_ORIGIN=ASAL)
        assert "Access-Control-Allow-Origin" not in respons, url
    assert "Access-Control-Allow-Origin" not in client.options("/cari/", HTTP_ORIGIN=ASAL)


def _minta(alamat_ip="203.0.113.7", **extra):
    return Client(REMOTE_ADDR=alamat_ip).get(alamat("jenis-daftar"), **extra)


def test_batas_per_alamat_429_dengan_retry_after(settings):
    settings.JDIH_API_BATAS = 3
    settings.JDIH_API_JENDELA = 60
    sisa = [_minta()["X-RateLimit-Remaining"] for _ in range(3)]
    assert sisa == ["2", "1", "0"]
    ditolak = _minta(HTTP_ORIGIN=ASAL)
    assert ditolak.status_code == 429
    assert 1 <= int(ditolak["Retry-After"]) <= 60
    assert ditolak.json()["kode"] == "terlalu_banyak_permintaan"
    assert "coba lagi" in ditolak.json()["pesan"]
    assert ditolak["Access-Control-Allow-Origin"] == "*"  # a browser page can read why
    assert "no-store" in ditolak["Cache-Control"]
    # Another address has its own window.
    assert _minta("198.51.100.9").status_code == 200


def test_batas_ipv6_per_blok_64_dan_di_balik_proxy_per_pembaca(settings):
    settings.JDIH_API_BATAS = 2
    assert _minta("2001:db8:1:2::1").status_code == 200
    assert _minta("2001:db8:1:2::ffff").status_code == 200
    assert _minta("2001:db8:1:2:abcd::1").status_code == 429
    assert _minta("2001:db8:1:3::1").status_code == 200

    settings.JDIH_PROXY_TEPERCAYA = ["10.0.0.1"]
    for _ in range(2):
        assert _minta("10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 200
    assert _minta("10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.10").status_code == 429
    # A different reader behind the same proxy is not blocked by the first one.
    assert _minta("10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.11").status_code == 200


def test_batas_nol_berarti_tanpa_batas(settings):
    settings.JDIH_API_BATAS = 0
    assert all(_minta().status_code == 200 for _ in range(5))
    assert "X-RateLimit-Limit" not in _minta()


def test_jendela_bergeser_membuka_kembali(settings, monkeypatch):
    import time

    settings.JDIH_API_BATAS = 1
    settings.JDIH_API_JENDELA = 10
    sekarang = [1_000_000.0]
    monkeypatch.setattr(time, "time", lambda: sekarang[0])
    assert _minta().status_code == 200
    ditolak = _minta()
    assert ditolak.status_code == 429 and ditolak["Retry-After"] == "10"
    sekarang[0] += 10.5
    assert _minta().status_code == 200
