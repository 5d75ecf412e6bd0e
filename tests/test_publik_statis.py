"""Static files through whitenoise: hashed names and a long cache lifetime."""

import pytest
from django.core.management import call_command
from django.templatetags.static import static
from django.test import Client


@pytest.mark.django_db
def test_berkas_statis_bernama_hash_dengan_cache_panjang(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    alamat = static("css/publik.css")
    assert alamat != "/static/css/publik.css"
    assert alamat.startswith("/static/css/publik.") and alamat.endswith(".css")
    # A new client builds a new handler, so whitenoise reads the new STATIC_ROOT.
    respons = Client().get(alamat, headers={"accept-encoding": "gzip"})
    assert respons.status_code == 200
    cache = respons["Cache-Control"]
    assert "immutable" in cache or "max-age=31536000" in cache
    assert int(cache.split("max-age=")[1].split(",")[0]) >= 31536000
    assert respons.get("Content-Encoding") == "gzip"
    halaman = Client().get("/").content.decode()
    assert alamat in halaman
