"""Issue 13, item 2 (the known leftover): X-Forwarded-Proto is believed only
from the proxy in front of the nodes, never from a client that reaches a node
around it (jdih.klaster.SkemaProxyMiddleware)."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def https_wajib(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def minta(dari, **header):
    # A new client per request: middleware is built with the settings of the moment.
    return Client(REMOTE_ADDR=dari).get("/robots.txt", **header)


def test_klien_yang_melewati_proxy_tidak_dapat_mengaku_https(https_wajib, settings):
    settings.JDIH_PROXY_TEPERCAYA = ["10.0.0.2"]
    r = minta("203.0.113.9", HTTP_X_FORWARDED_PROTO="https")
    assert r.status_code == 301 and r["Location"].startswith("https://")


def test_proxy_tepercaya_meneruskan_https(https_wajib, settings):
    settings.JDIH_PROXY_TEPERCAYA = ["10.0.0.0/24"]
    assert minta("10.0.0.2", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    # Trusted for the scheme only when it says so: plain HTTP still redirects.
    assert minta("10.0.0.2").status_code == 301


def test_tanpa_daftar_proxy_hanya_loopback_dipercaya(https_wajib, settings):
    settings.JDIH_PROXY_TEPERCAYA = []
    assert minta("127.0.0.1", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert minta("198.51.100.4", HTTP_X_FORWARDED_PROTO="https").status_code == 301
    # Once a proxy is named, loopback is no longer trusted by default.
    settings.JDIH_PROXY_TEPERCAYA = ["10.0.0.2"]
    assert minta("127.0.0.1", HTTP_X_FORWARDED_PROTO="https").status_code == 301


def test_header_skema_lain_dari_klien_juga_dibuang(https_wajib, settings):
    settings.JDIH_PROXY_TEPERCAYA = ["10.0.0.2"]
    r = minta(
        "203.0.113.9",
        HTTP_X_FORWARDED_PROTO="https",
        HTTP_X_FORWARDED_SSL="on",
        HTTP_X_FORWARDED_PROTOCOL="ssl",
    )
    assert r.status_code == 301


def test_node_yang_menjawab_disebut_hanya_bila_dinamai(settings):
    assert "X-JDIH-Node" not in minta("127.0.0.1")
    settings.JDIH_NODE = "b"
    assert minta("127.0.0.1")["X-JDIH-Node"] == "b"


def test_nama_node_yang_aneh_menghentikan_start(tmp_path):
    from tests.test_pengaturan import jalankan_manage

    hasil = jalankan_manage("check", JDIH_VAR_DIR=str(tmp_path), JDIH_NODE="a b;")
    assert hasil.returncode != 0
    assert "PengaturanSalah" in hasil.stderr and "JDIH_NODE" in hasil.stderr
