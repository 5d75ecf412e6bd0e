"""Logs an operator can use: a request id in every record and on the
response, 4xx answers without tracebacks, JSON lines by setting, and Sentry
only when asked for and installed."""

import io
import json
import logging
import os
import subprocess
import sys
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path

import jdih.urls
from jdih.log import FilterTanpaJejak4xx, pasang_sentry
from tests.alur_helpers import buat_tim

log_uji = logging.getLogger("jdih.uji")


def ditolak(request):
    raise PermissionDenied("Bukan satker Anda.")


def rusak(request):
    raise RuntimeError("galat uji yang tidak tertangani")


def mencatat(request):
    log_uji.warning("catatan dari tampilan")
    return HttpResponse("ok")


# The site's own URLs too: the error pages link to them.
urlpatterns = [
    path("ditolak/", ditolak),
    path("rusak/", rusak),
    path("mencatat/", mencatat),
    *jdih.urls.urlpatterns,
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.test_log")]


@contextmanager
def log_terkonfigurasi():
    """What the configured console handler writes, as text."""
    (handler,) = [h for h in logging.getLogger().handlers if h.get_name() == "console"]
    keluaran = io.StringIO()
    lama = handler.setStream(keluaran)
    try:
        yield keluaran
    finally:
        handler.setStream(lama)


def test_permission_denied_tanpa_traceback_di_log(client, caplog):
    with caplog.at_level(logging.INFO), log_terkonfigurasi() as keluaran:
        respons = client.get("/ditolak/")
    assert respons.status_code == 403
    (rekaman,) = [r for r in caplog.records if r.name == "django.request"]
    assert rekaman.levelno == logging.WARNING
    assert rekaman.exc_info is None and not rekaman.exc_text
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    teks = keluaran.getvalue()
    assert "Forbidden (Permission denied): /ditolak/" in teks
    assert "Traceback" not in teks


def test_404_satu_baris_peringatan_tanpa_traceback(client, caplog):
    with caplog.at_level(logging.INFO), log_terkonfigurasi() as keluaran:
        assert client.get("/tidak-ada/").status_code == 404
    assert [r.levelname for r in caplog.records if r.name == "django.request"] == ["WARNING"]
    assert "Traceback" not in keluaran.getvalue()


def test_staf_ditolak_403_tanpa_traceback(client, caplog):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    with caplog.at_level(logging.INFO):
        respons = client.get("/staf/evaluasi/")
    assert respons.status_code == 403
    assert all(r.exc_info is None for r in caplog.records)


def test_galat_server_tetap_dengan_traceback_dan_id_permintaan(client, caplog):
    client.raise_request_exception = False
    with caplog.at_level(logging.INFO), log_terkonfigurasi() as keluaran:
        respons = client.get("/rusak/", HTTP_X_REQUEST_ID="kpu-uji-500")
    assert respons.status_code == 500
    assert respons["X-Request-ID"] == "kpu-uji-500"
    (rekaman,) = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert rekaman.exc_info is not None
    teks = keluaran.getvalue()
    assert "ERROR django.request [kpu-uji-500] Internal Server Error: /rusak/" in teks
    assert "RuntimeError: galat uji yang tidak tertangani" in teks


def test_id_permintaan_di_header_dan_di_setiap_catatan(client):
    with log_terkonfigurasi() as keluaran:
        respons = client.get("/mencatat/")
    rid = respons["X-Request-ID"]
    assert len(rid) == 32 and int(rid, 16) >= 0
    assert f"WARNING jdih.uji [{rid}] catatan dari tampilan" in keluaran.getvalue()
    # Each request its own id.
    assert client.get("/mencatat/")["X-Request-ID"] != rid


@pytest.mark.parametrize(
    "dari_proxy,dipakai",
    [
        ("5f0c2a8e-7d61-4c1e-9f0a-1b2c3d4e5f60", True),
        ("Root=1-67891233-abcdef012345678912345678", True),
        ("a" * 101, False),
        ("baris\nbaru", False),
        ("<script>", False),
        ("", False),
    ],
)
def test_x_request_id_dari_proxy_hanya_bila_wajar(client, dari_proxy, dipakai):
    rid = client.get("/mencatat/", HTTP_X_REQUEST_ID=dari_proxy)["X-Request-ID"]
    assert (rid == dari_proxy) is dipakai
    if not dipakai:
        assert len(rid) == 32


def test_filter_hanya_membuang_traceback_4xx():
    try:
        raise ValueError("x")
    except ValueError:
        info = sys.exc_info()
    for status, tetap in [(403, False), (400, False), (404, False), (500, True), (None, True)]:
        rekaman = logging.LogRecord("django.request", logging.WARNING, "", 0, "m", (), info)
        if status is not None:
            rekaman.status_code = status
        assert FilterTanpaJejak4xx().filter(rekaman)
        assert (rekaman.exc_info is not None) is tetap


SKRIP_JSON = """
import logging, django
django.setup()
from django.http import HttpResponse
from django.test import RequestFactory
import jdih.urls
from jdih.log import IdPermintaanMiddleware

def tampilan(request):
    logging.getLogger("jdih.uji").warning("baris satu\\nbaris dua \\"kutip\\"")
    try:
        1 / 0
    except ZeroDivisionError:
        logging.getLogger("jdih.uji").exception("gagal membagi")
    return HttpResponse()

IdPermintaanMiddleware(tampilan)(RequestFactory().get("/cari/", HTTP_X_REQUEST_ID="abc-123"))
logging.getLogger("django.request").warning(
    "Not Found: %s", "/x", extra={"status_code": 404, "request": RequestFactory().get("/x")}
)
"""


def test_jdih_log_json_satu_objek_per_baris(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jdih.settings",
        "JDIH_LOG_JSON": "true",
        "JDIH_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "uji-" + "x" * 50,
        "DEBUG": "false",
    }
    hasil = subprocess.run(
        [sys.executable, "-c", SKRIP_JSON],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert hasil.returncode == 0, hasil.stderr
    baris = [json.loads(b) for b in hasil.stderr.splitlines() if b.strip()]
    milik_uji = [b for b in baris if b["logger"] == "jdih.uji"]
    assert len(milik_uji) == 2
    pertama, kedua = milik_uji
    assert set(pertama) >= {"time", "level", "logger", "message", "request_id", "path", "status"}
    assert pertama["level"] == "WARNING"
    assert pertama["message"] == 'baris satu\nbaris dua "kutip"'
    assert pertama["request_id"] == "abc-123" and pertama["path"] == "/cari/"
    assert pertama["time"].endswith("+00:00")
    assert kedua["level"] == "ERROR" and "ZeroDivisionError" in kedua["exc"]
    (tidak_ada,) = [b for b in baris if b["logger"] == "django.request"]
    assert tidak_ada["status"] == 404 and tidak_ada["path"] == "/x"


def test_sentry_mati_tanpa_dsn_dan_tanpa_paket(monkeypatch):
    assert pasang_sentry("") is False
    # sentry-sdk is optional: a DSN without the package must not stop the site.
    monkeypatch.setitem(sys.modules, "sentry_sdk", None)
    assert pasang_sentry("https://kunci@sentry.contoh.invalid/1") is False


def test_situs_mulai_dengan_sentry_dsn_tanpa_paket(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jdih.settings",
        "SENTRY_DSN": "https://kunci@sentry.contoh.invalid/1",
        "JDIH_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "uji-" + "x" * 50,
    }
    hasil = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('hidup')"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip() == "hidup"
