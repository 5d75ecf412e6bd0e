"""A shared Redis cache (REDIS_URL, issue 13 item 1), against the real Redis
at 127.0.0.1:6379: two "nodes" — two separate cache configurations, each with
its own client and connection pool — share rendered pages, see one node's
invalidation on the other, and count the API, password-reset and contact
limits and the day's distinct visitors together. A REDIS_URL that is no Redis
address stops the start.

Every test uses its own KEY_PREFIX in a database of its own (never
cache.clear(): Django's RedisCache.clear() is FLUSHDB, and other processes on
this machine share the Redis)."""

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from documents.models import ProdukHukum, StatusPublikasi
from documents.stempel import sentuh
from jdih.penyimpanan import cache_redis, lokasi_redis
from publicsite import kunjungan
from publicsite.models import KunjunganHarian
from tests.factories import buat_produk, buat_satker
from tests.profil_helpers import kirim

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/13"
PERAMBAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"


class Klaster:
    """Nodes sharing one Redis under this test's prefix."""

    def __init__(self, awalan):
        self.awalan = awalan
        self.dipakai = []

    def _caches(self):
        dasar = cache_redis(REDIS)
        return {
            "default": {**dasar, "KEY_PREFIX": self.awalan},
            "api": {**dasar, "KEY_PREFIX": self.awalan + "-api"},
        }

    @contextmanager
    def node(self, nama):
        """Serve as node ``nama``: new cache objects (new clients, new pools),
        as in another process. Memory a process keeps besides the cache (the
        visitor salt) is forgotten too."""
        with override_settings(CACHES=self._caches()):
            kunjungan._penyangga.garam = (None, b"")
            cache = caches["default"]
            assert all(cache is not c for c in self.dipakai)
            self.dipakai.append(cache)
            yield cache


@pytest.fixture
def klaster():
    awalan = f"uji-{uuid.uuid4().hex[:12]}"
    yield Klaster(awalan)
    r = redis.Redis.from_url(REDIS)
    kunci = list(r.scan_iter(match=f"{awalan}*", count=1000))
    if kunci:
        r.delete(*kunci)
    r.close()


def url_detail(produk):
    return produk.get_absolute_url()


# --- pages ------------------------------------------------------------------------------


def test_detail_page_rendered_by_one_node_is_served_by_the_other(client, klaster):
    produk = buat_produk(judul="Penetapan Daftar Pemilih Tetap Kabupaten Uji")
    with klaster.node("A"):
        assert "Daftar Pemilih Tetap" in client.get(url_detail(produk)).content.decode()
    # A change that does not move the change stamp: only a cached copy still
    # shows the old title, so node B answering with it proves it read A's render.
    ProdukHukum.objects.filter(pk=produk.pk).update(judul="Judul Yang Belum Dirender")
    with klaster.node("B") as cache_b:
        assert any(True for _ in cache_b._cache.get_client().scan_iter(f"{klaster.awalan}*"))
        isi = client.get(url_detail(produk)).content.decode()
    assert "Daftar Pemilih Tetap" in isi
    assert "Judul Yang Belum Dirender" not in isi


def test_change_on_one_node_reaches_the_page_served_by_the_other(client, klaster):
    produk = buat_produk(judul="Penetapan Rekapitulasi Lama")
    with klaster.node("A"):
        client.get(url_detail(produk))
    with klaster.node("B"):
        assert "Rekapitulasi Lama" in client.get(url_detail(produk)).content.decode()
    # Node A changes the product (the stamp moves): node B renders anew.
    with klaster.node("A"):
        ProdukHukum.objects.filter(pk=produk.pk).update(judul="Penetapan Rekapitulasi Baru")
        sentuh(produk.pk)
    with klaster.node("B"):
        isi = client.get(url_detail(produk)).content.decode()
    assert "Rekapitulasi Baru" in isi and "Rekapitulasi Lama" not in isi
    # A take-down is seen by both at once, cache or not.
    ProdukHukum.objects.filter(pk=produk.pk).update(status_publikasi=StatusPublikasi.DITURUNKAN)
    for nama in "AB":
        with klaster.node(nama):
            assert client.get(url_detail(produk)).status_code == 404


# --- limits counted across nodes ------------------------------------------------------------


def test_api_rate_limit_is_counted_across_nodes(client, klaster, settings):
    settings.JDIH_API_BATAS = 3
    url = reverse("api:jenis-daftar")
    jawaban = []
    for nama in "ABA":
        with klaster.node(nama):
            jawaban.append(client.get(url, REMOTE_ADDR="198.51.100.20"))
    assert [r.status_code for r in jawaban] == [200, 200, 200]
    assert [r["X-RateLimit-Remaining"] for r in jawaban] == ["2", "1", "0"]
    with klaster.node("B"):
        assert client.get(url, REMOTE_ADDR="198.51.100.20").status_code == 429
        assert client.get(url, REMOTE_ADDR="198.51.100.21").status_code == 200


def test_password_reset_limit_per_client_is_counted_across_nodes(client, klaster, settings):
    settings.JDIH_SUREL_TERSEDIA = True
    settings.JDIH_ATUR_ULANG_BATAS_KLIEN = 3
    lupa = reverse("password_reset")
    for n, nama in enumerate("ABA"):
        with klaster.node(nama):
            assert client.post(lupa, {"email": f"orang{n}@kpu.test"}).status_code == 302
    with klaster.node("B"):
        assert client.post(lupa, {"email": "orang9@kpu.test"}).status_code == 429


def test_contact_limit_per_address_is_counted_across_nodes(client, klaster, settings):
    settings.JDIH_KONTAK_BATAS = 2
    satker = buat_satker()
    with klaster.node("A"):
        assert kirim(client, satker, alamat="198.51.100.7").status_code == 302
    with klaster.node("B"):
        assert kirim(client, satker, alamat="198.51.100.7").status_code == 302
    with klaster.node("A"):
        assert kirim(client, satker, alamat="198.51.100.7").status_code == 429
        assert kirim(client, satker, alamat="198.51.100.8").status_code == 302


def test_a_visitor_seen_by_two_nodes_counts_once(client, klaster, settings, monkeypatch):
    monkeypatch.setattr(kunjungan, "_penyangga", kunjungan._Penyangga())
    settings.JDIH_PENGUNJUNG_SIMPAN_DETIK = 3600
    buat_produk()
    for nama in "ABAB":
        with klaster.node(nama):
            respons = client.get("/", HTTP_USER_AGENT=PERAMBAN, REMOTE_ADDR="203.0.113.45")
            assert respons.status_code == 200
    with klaster.node("A"):
        client.get("/", HTTP_USER_AGENT=PERAMBAN, REMOTE_ADDR="203.0.113.46")
    kunjungan.simpan(paksa=True)
    hari = KunjunganHarian.objects.get()
    assert (hari.jumlah, hari.pengunjung) == (5, 2)


# --- the setting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "nilai",
    [
        "redis//127.0.0.1:6379",
        "http://127.0.0.1:6379/0",
        "127.0.0.1:6379",
        "redis://127.0.0.1:65536/0",
        "redis://127.0.0.1:6379/nol",
        "redis://:6379/0",
        "redis://127.0.0.1:6379/0,redis//cadangan:6379/0",
    ],
)
def test_a_redis_url_that_is_no_redis_address_is_refused(nilai):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        lokasi_redis(nilai)


def test_good_redis_urls_are_accepted():
    assert lokasi_redis("") == ""
    assert lokasi_redis(" redis://127.0.0.1:6379/0 ") == "redis://127.0.0.1:6379/0"
    assert (
        lokasi_redis("rediss://:rahasia@redis.kpu:6380/1") == "rediss://:rahasia@redis.kpu:6380/1"
    )
    assert lokasi_redis("unix:///run/redis.sock") == "unix:///run/redis.sock"
    assert lokasi_redis("redis://a:6379/0, redis://b:6379/0") == "redis://a:6379/0,redis://b:6379/0"


def _jalankan_pengaturan(kode, **env):
    lingkungan = {k: v for k, v in os.environ.items() if not k.startswith(("S3_", "REDIS_URL"))}
    lingkungan.update(env, DJANGO_SETTINGS_MODULE="jdih.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + kode],
        env=lingkungan,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )


def test_typod_redis_url_fails_loudly_at_settings_import():
    hasil = _jalankan_pengaturan("", REDIS_URL="redis//127.0.0.1:6379/0")
    assert hasil.returncode != 0
    assert "ImproperlyConfigured" in hasil.stderr
    assert "REDIS_URL='redis//127.0.0.1:6379/0'" in hasil.stderr


def test_redis_url_gives_both_caches_on_redis_and_they_work():
    kode = (
        "from django.core.cache import caches; from django.conf import settings as s; "
        "caches['default'].set('uji-impor', 'ya', 5); caches['api'].set('uji-impor', 'api', 5); "
        "print(s.CACHES['default']['BACKEND'], s.CACHES['api']['KEY_PREFIX'], "
        "caches['default'].get('uji-impor'), caches['api'].get('uji-impor')); "
        "caches['default'].delete('uji-impor'); caches['api'].delete('uji-impor')"
    )
    hasil = _jalankan_pengaturan(kode, REDIS_URL=REDIS)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "api",
        "ya",
        "api",
    ]
