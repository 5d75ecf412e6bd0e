"""Catalogue statistics of one Satker (/<satker>/statistik/) and across
Satkers (/statistik/): published products only, scoped, cached until the
catalogue changes."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import ProdukHukum
from documents.publikasi import turunkan
from tests.factories import buat_jenis, buat_produk, buat_satker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_kosong():
    cache.clear()
    yield
    cache.clear()


def _grafik(respons, id_):
    return {
        b.label: b.nilai for b in next(g for g in respons.context["grafik"] if g.id == id_).batang
    }


@pytest.fixture
def dua_satker():
    a = buat_satker(nama="KPU Kabupaten Statistik A", slug="statistik-a")
    b = buat_satker(nama="KPU Kabupaten Statistik B", slug="statistik-b")
    jenis = buat_jenis(nama="Keputusan Statistik Satker")
    pa1 = buat_produk(a, jenis, tahun=2022, berkas=False)
    buat_produk(a, jenis, tahun=2023, berkas=False)
    buat_produk(a, jenis, tahun=2019, terbit=False, berkas=False, judul="Draf Rahasia A")
    pb = buat_produk(b, jenis, tahun=2024, berkas=False, judul="Produk Satker B")
    ProdukHukum.objects.filter(pk=pa1.pk).update(jumlah_unduhan=5, jumlah_dilihat=11)
    ProdukHukum.objects.filter(pk=pb.pk).update(jumlah_unduhan=3)
    return a, b


def test_statistik_satker_hanya_menghitung_produk_terbit_satker_itu(client, dua_satker):
    a, _ = dua_satker
    respons = client.get(f"/{a.slug}/statistik/")
    assert respons.status_code == 200
    assert respons.context["satker"] == a
    ringkasan = respons.context["ringkasan"]
    assert (ringkasan["jumlah"], ringkasan["unduhan"], ringkasan["dilihat"]) == (2, 5, 11)
    assert _grafik(respons, "grafik-tahun") == {"2022": 1, "2023": 1}
    assert _grafik(respons, "grafik-jenis") == {"Keputusan Statistik Satker": 2}
    teks = respons.content.decode()
    assert "Draf Rahasia A" not in teks and "Produk Satker B" not in teks
    assert "2019" not in _grafik(respons, "grafik-tahun")
    # The charts' links keep the Satker: a click lists its products only.
    assert "tahun=2022&amp;satker=statistik-a" in teks
    assert "KPU Kabupaten Statistik A" in teks


def test_satker_tidak_dikenal_atau_kata_cadangan_404(client):
    assert client.get("/tidak-ada/statistik/").status_code == 404
    assert client.get("/staf/statistik/").status_code in (302, 404)


def test_satker_tanpa_produk_terbit_tetap_tampil_kosong(client):
    s = buat_satker()
    buat_produk(s, terbit=False, berkas=False)
    respons = client.get(f"/{s.slug}/statistik/")
    assert respons.status_code == 200
    assert respons.context["ringkasan"]["jumlah"] == 0
    assert "Belum ada data." in respons.content.decode()


def test_statistik_nasional_menampilkan_tabel_per_satker_dengan_tautan(client, dua_satker):
    a, b = dua_satker
    kosong = buat_satker(nama="KPU Kota Tanpa Produk Terbit")
    buat_produk(kosong, terbit=False, berkas=False)
    respons = client.get("/statistik/")
    baris = {r.slug: r for r in respons.context["per_satker"]}
    assert set(baris) == {a.slug, b.slug}
    assert (baris[a.slug].jumlah, baris[a.slug].unduhan, baris[a.slug].dilihat) == (2, 5, 11)
    assert (baris[b.slug].jumlah, baris[b.slug].unduhan) == (1, 3)
    assert [r.slug for r in respons.context["per_satker"]] == [a.slug, b.slug]  # most first
    teks = respons.content.decode()
    assert f'href="/{a.slug}/statistik/"' in teks and f'href="/{b.slug}/"' in teks
    assert "KPU Kota Tanpa Produk Terbit" not in teks
    grafik = respons.context["grafik_satker"]
    assert [(x.label, x.nilai, x.url) for x in grafik.batang][0] == (
        "KPU Kabupaten Statistik A",
        2,
        f"/{a.slug}/statistik/",
    )


def test_penerbitan_dan_penurunan_langsung_mengubah_angka(client, dua_satker):
    a, _ = dua_satker
    assert client.get(f"/{a.slug}/statistik/").context["ringkasan"]["jumlah"] == 2
    assert client.get("/statistik/").context["ringkasan"]["jumlah"] == 3
    baru = buat_produk(a, berkas=False)
    assert client.get(f"/{a.slug}/statistik/").context["ringkasan"]["jumlah"] == 3
    assert client.get("/statistik/").context["ringkasan"]["jumlah"] == 4
    turunkan(baru)
    assert client.get(f"/{a.slug}/statistik/").context["ringkasan"]["jumlah"] == 2
    baris = {r.slug: r.jumlah for r in client.get("/statistik/").context["per_satker"]}
    assert baris[a.slug] == 2


def test_angka_tersimpan_di_cache_tanpa_kueri_katalog(client, dua_satker):
    a, _ = dua_satker
    client.get(f"/{a.slug}/statistik/")
    with CaptureQueriesContext(connection) as kedua:
        client.get(f"/{a.slug}/statistik/")
    # Only the Satker itself is looked up; the figures come from the cache.
    assert len(kedua.captured_queries) == 1
    client.get("/statistik/")
    with CaptureQueriesContext(connection) as nasional:
        client.get("/statistik/")
    assert len(nasional.captured_queries) == 0


def test_jumlah_kueri_tetap_berapa_pun_satker_dan_produknya(client, dua_satker):
    a, _ = dua_satker
    with CaptureQueriesContext(connection) as awal:
        client.get("/statistik/")
    with CaptureQueriesContext(connection) as awal_satker:
        client.get(f"/{a.slug}/statistik/")
    for n in range(8):
        s = buat_satker()
        buat_produk(s, tahun=2010 + n, berkas=False)
        buat_produk(a, tahun=2000 + n, berkas=False)
    with CaptureQueriesContext(connection) as banyak:
        client.get("/statistik/")
    with CaptureQueriesContext(connection) as banyak_satker:
        client.get(f"/{a.slug}/statistik/")
    assert len(banyak.captured_queries) == len(awal.captured_queries)
    assert len(banyak_satker.captured_queries) == len(awal_satker.captured_queries)


def test_generasi_cache_hilang_tidak_menyajikan_angka_lama(client, dua_satker):
    a, _ = dua_satker
    client.get("/statistik/")
    cache.delete("publik:statistik:generasi")
    ProdukHukum.objects.filter(satker=a).update(jumlah_unduhan=100)
    baris = {r.slug: r.unduhan for r in client.get("/statistik/").context["per_satker"]}
    assert baris[a.slug] == 200
