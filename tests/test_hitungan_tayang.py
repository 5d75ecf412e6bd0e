"""Views and downloads are counted in batches (publicsite.hitungan): a view
served from the page cache makes no write; N views are N in the database
after the flush — from this process's buffer, or from the Redis hash that
two nodes share; the page shows the stored count plus what waits."""

import uuid
from contextlib import contextmanager

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from publicsite import hitungan
from tests.factories import buat_produk
from tests.publik_helpers import url

pytestmark = pytest.mark.django_db

REDIS = "redis://127.0.0.1:6379/12"


@pytest.fixture(autouse=True)
def _dibatch(settings, monkeypatch):
    # Batched, and never due during a test: the test flushes itself.
    settings.JDIH_HITUNGAN_SIMPAN_DETIK = 3600
    monkeypatch.setattr(hitungan, "_penyangga", hitungan._Penyangga())


@contextmanager
def simpul_redis(awalan):
    """One node: its own Redis client and its own process buffer and timer,
    on the Redis every node shares, under this test's own key prefix."""
    konfigurasi = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS,
        "KEY_PREFIX": awalan,
    }
    lama = hitungan._penyangga
    hitungan._penyangga = hitungan._Penyangga()
    try:
        with override_settings(CACHES={"default": konfigurasi}):
            yield
    finally:
        hitungan._penyangga = lama


def _tersimpan(produk):
    produk.refresh_from_db(fields=["jumlah_dilihat", "jumlah_unduhan"])
    return produk.jumlah_dilihat, produk.jumlah_unduhan


def test_tayangan_dari_cache_tanpa_update_dan_n_tayangan_jadi_n_setelah_disimpan(client):
    produk = buat_produk()
    client.get(url("detail", produk))
    with CaptureQueriesContext(connection) as ctx:
        for _ in range(6):
            assert client.get(url("detail", produk)).status_code == 200
    sql = [q["sql"] for q in ctx.captured_queries]
    assert len(sql) == 6 and not any(s.lstrip().upper().startswith("UPDATE") for s in sql)
    assert _tersimpan(produk) == (0, 0)  # still waiting
    teks = client.get(url("detail", produk)).content.decode()
    assert "Dilihat 8 kali · diunduh 0 kali" in teks  # stored + waiting
    assert hitungan.simpan(paksa=True) == 1
    assert _tersimpan(produk) == (8, 0)
    assert "Dilihat 9 kali" in client.get(url("detail", produk)).content.decode()


def test_unduhan_juga_dibatch(client):
    produk = buat_produk()
    for _ in range(3):
        assert client.get(url("unduh", produk)).status_code == 200
    assert _tersimpan(produk) == (0, 0)
    assert "diunduh 3 kali" in client.get(url("detail", produk)).content.decode()
    hitungan.simpan(paksa=True)
    assert _tersimpan(produk) == (1, 3)


def test_satu_update_untuk_banyak_produk(client):
    daftar = [buat_produk(berkas=False) for _ in range(5)]
    for i, p in enumerate(daftar):
        for _ in range(i + 1):
            client.get(url("detail", p))
    with CaptureQueriesContext(connection) as ctx:
        assert hitungan.simpan(paksa=True) == 5
    assert sum(q["sql"].lstrip().upper().startswith("UPDATE") for q in ctx.captured_queries) == 1
    assert [_tersimpan(p)[0] for p in daftar] == [1, 2, 3, 4, 5]


def test_head_dan_produk_tak_terbit_tidak_dihitung(client):
    produk = buat_produk(berkas=False)
    draf = buat_produk(terbit=False, berkas=False)
    client.head(url("detail", produk))
    assert client.get(url("detail", draf)).status_code == 404
    hitungan.simpan(paksa=True)
    assert _tersimpan(produk) == (0, 0) and _tersimpan(draf) == (0, 0)


def test_tidak_menulis_di_tengah_transaksi_orang_lain_kecuali_dipaksa(client):
    produk = buat_produk(berkas=False)
    client.get(url("detail", produk))
    assert connection.in_atomic_block  # the test's own transaction
    assert hitungan.simpan() == 0
    assert hitungan.simpan(paksa=True) == 1


def test_dua_simpul_redis_n_tayangan_jadi_n(client):
    awalan = f"uji-hitungan-{uuid.uuid4().hex}"
    produk = buat_produk()
    with simpul_redis(awalan):  # node A
        for _ in range(7):
            client.get(url("detail", produk))
        client.get(url("unduh", produk))
    with simpul_redis(awalan):  # node B sees A's waiting counts
        for _ in range(5):
            client.get(url("detail", produk))
        teks = client.get(url("detail", produk)).content.decode()
        assert "Dilihat 13 kali · diunduh 1 kali" in teks
        assert _tersimpan(produk) == (0, 0)
        assert hitungan.tertunda(produk.pk, "jumlah_dilihat") == 13
    with simpul_redis(awalan):  # any node writes them all, once
        assert hitungan.simpan(paksa=True) == 1
        assert hitungan.simpan(paksa=True) == 0
        assert hitungan.tertunda(produk.pk, "jumlah_dilihat") == 0
    assert _tersimpan(produk) == (13, 1)


def test_langsung_bila_interval_nol(client, settings):
    settings.JDIH_HITUNGAN_SIMPAN_DETIK = 0
    produk = buat_produk(berkas=False)
    client.get(url("detail", produk))
    client.get(url("detail", produk))
    assert _tersimpan(produk) == (2, 0)


def test_pengaturan_negatif_menghentikan_start():
    import os
    import subprocess
    import sys

    hasil = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "jdih.settings",
            "JDIH_HITUNGAN_SIMPAN_DETIK": "-1",
        },
        capture_output=True,
        text=True,
    )
    assert hasil.returncode != 0 and "JDIH_HITUNGAN_SIMPAN_DETIK" in hasil.stderr
