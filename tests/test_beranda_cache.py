"""The home page and the Satker pages are cached whole per catalogue
version (publicsite.cache_halaman): served again without a query, yet a
publish or a take-down shows on the very next request — on every node when
the cache is the shared Redis."""

import uuid
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from documents.models import ProdukHukum
from documents.publikasi import turunkan
from publicsite import cache_halaman
from tests.factories import buat_produk, buat_satker

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/12"


def _kueri(client, alamat):
    with CaptureQueriesContext(connection) as ctx:
        respons = client.get(alamat)
    assert respons.status_code == 200
    return respons.content.decode(), len(ctx.captured_queries)


@contextmanager
def simpul_redis(awalan):
    """One node: its own Redis client (a new cache configuration) on the
    Redis every node shares, under this test's own key prefix."""
    konfigurasi = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS,
        "KEY_PREFIX": awalan,
    }
    with override_settings(CACHES={"default": konfigurasi}):
        yield


def test_beranda_kedua_kali_tanpa_kueri_dan_isinya_sama(client):
    buat_produk(judul="Penetapan Daftar Pemilih Tetap", berkas=False)
    pertama, n_pertama = _kueri(client, "/")
    kedua, n_kedua = _kueri(client, "/")
    assert "Penetapan Daftar Pemilih Tetap" in kedua
    assert n_pertama > 0 and n_kedua == 0
    assert pertama == kedua


def test_halaman_satker_dari_cache_dan_slug_asing_tetap_404(client):
    satker = buat_satker()
    buat_produk(satker=satker, judul="Milik satker ini", berkas=False)
    _kueri(client, f"/{satker.slug}/")
    teks, n = _kueri(client, f"/{satker.slug}/")
    assert n == 0 and "Milik satker ini" in teks and satker.nama in teks
    for _ in range(2):
        assert client.get("/satker-tidak-ada/").status_code == 404


def test_produk_diturunkan_langsung_hilang_dari_beranda_dan_halaman_satker(client):
    satker = buat_satker()
    produk = buat_produk(satker=satker, judul="Akan Diturunkan Segera", berkas=False)
    for alamat in ("/", f"/{satker.slug}/"):
        assert "Akan Diturunkan Segera" in client.get(alamat).content.decode()
    turunkan(ProdukHukum.objects.get(pk=produk.pk))
    for alamat in ("/", f"/{satker.slug}/"):
        assert "Akan Diturunkan Segera" not in client.get(alamat).content.decode()


def test_produk_baru_terbit_langsung_tampil(client):
    buat_produk(judul="Yang Pertama", berkas=False)
    client.get("/")
    buat_produk(judul="Yang Baru Terbit", berkas=False)
    assert "Yang Baru Terbit" in client.get("/").content.decode()


def test_versi_naik_lagi_saat_transaksi_selesai(django_capture_on_commit_callbacks):
    # A page rendered from the data before the commit is stored under the
    # old version: the version moves at the change and again at the commit.
    sebelum = cache_halaman.versi_katalog()
    with django_capture_on_commit_callbacks(execute=True) as panggilan:
        buat_produk(berkas=False)
        saat_ubah = cache_halaman.versi_katalog()
    assert saat_ubah != sebelum
    assert panggilan and cache_halaman.versi_katalog() != saat_ubah


def test_pesan_untuk_pengunjung_tidak_tersimpan_di_cache(client):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.cookie import CookieStorage
    from django.http import HttpRequest, HttpResponse

    buat_produk(berkas=False)
    client.get("/")  # the page is in the cache
    # A message waits for this visitor (as after logging out).
    permintaan = HttpRequest()
    penyimpan = CookieStorage(permintaan)
    penyimpan.add(constants.SUCCESS, "Anda telah keluar.")
    respons = HttpResponse()
    penyimpan.update(respons)
    client.cookies["messages"] = respons.cookies["messages"].value
    assert "Anda telah keluar." in client.get("/").content.decode()
    del client.cookies["messages"]
    assert "Anda telah keluar." not in client.get("/").content.decode()


def test_tanpa_cache_bersama_umur_halaman_pendek(settings):
    assert not cache_halaman.cache_bersama()
    assert cache_halaman.umur_halaman() == settings.JDIH_HALAMAN_CACHE_DETIK_LOKAL


def test_penurunan_di_simpul_b_langsung_hilang_dari_beranda_simpul_a(client):
    awalan = f"uji-beranda-{uuid.uuid4().hex}"
    produk = buat_produk(judul="Diturunkan Lewat Simpul B", berkas=False)
    with simpul_redis(awalan):
        assert cache_halaman.cache_bersama()
        assert "Diturunkan Lewat Simpul B" in client.get("/").content.decode()
        _, n = _kueri(client, "/")
        assert n == 0  # node A serves it from Redis
    with simpul_redis(awalan):  # node B: another client, the same Redis
        _, n = _kueri(client, "/")
        assert n == 0  # the page node A cached
        turunkan(ProdukHukum.objects.get(pk=produk.pk))
    with simpul_redis(awalan):  # node A again
        assert "Diturunkan Lewat Simpul B" not in client.get("/").content.decode()
