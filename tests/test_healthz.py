"""/healthz: database, cache and storage, for load balancers and monitoring.
Anonymous, plain HTTP allowed, no secrets, 503 naming the part that failed."""

import json

import pytest
from django.core.files.storage import default_storage
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def _tak_tertulis(tmp_path):
    """A folder nobody can create, root included: its parent is a file."""
    berkas = tmp_path / "bukan-folder"
    berkas.write_text("x")
    return berkas / "media"


def test_sehat_200_dengan_tiap_pemeriksaan(client, settings):
    respons = client.get("/healthz")
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/json"
    assert respons.json() == {
        "status": "ok",
        "periksa": {"basis_data": "ok", "cache": "ok", "penyimpanan": "ok"},
    }
    assert "no-cache" in respons["Cache-Control"] and "max-age=0" in respons["Cache-Control"]
    # The probe file is gone again.
    assert not default_storage.exists("healthz") or default_storage.listdir("healthz")[1] == []


def test_penyimpanan_tak_tertulis_503_menyebut_penyimpanan(client, settings, tmp_path):
    lokasi = _tak_tertulis(tmp_path)
    with override_settings(
        STORAGES={
            **settings.STORAGES,
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(lokasi)},
            },
        }
    ):
        respons = client.get("/healthz")
    assert respons.status_code == 503
    assert respons.json() == {
        "status": "gagal",
        "periksa": {"basis_data": "ok", "cache": "ok", "penyimpanan": "gagal"},
    }
    # The reason is in the log, not in the answer.
    assert str(tmp_path) not in respons.content.decode()


def test_cache_rusak_503_menyebut_cache(client, tmp_path):
    with override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(_tak_tertulis(tmp_path)),
            }
        }
    ):
        respons = client.get("/healthz")
    assert respons.status_code == 503
    assert respons.json()["periksa"] == {"basis_data": "ok", "cache": "gagal", "penyimpanan": "ok"}


def test_tanpa_masuk_tanpa_csrf_tanpa_alih_https(settings):
    # SecurityMiddleware reads its settings when built; a fresh client builds it.
    settings.SECURE_SSL_REDIRECT = True
    klien = Client(enforce_csrf_checks=True)
    assert klien.get("/healthz").status_code == 200
    assert klien.head("/healthz").status_code == 200
    assert klien.get("/").status_code == 301  # the rest of the site still goes to HTTPS
    assert klien.post("/healthz").status_code == 405


def test_tidak_membocorkan_rahasia(client, settings):
    teks = client.get("/healthz").content.decode()
    data = json.loads(teks)
    assert set(data) == {"status", "periksa"}
    for rahasia in [
        settings.SECRET_KEY,
        str(settings.MEDIA_ROOT),
        settings.DATABASES["default"]["NAME"],
    ]:
        assert str(rahasia) not in teks
