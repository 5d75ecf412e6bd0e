"""Statistics page: server-rendered SVG charts with data tables."""

import pytest
from django.test.utils import CaptureQueriesContext

from documents.models import ProdukHukum, StatusBerlaku
from tests.factories import buat_jenis, buat_produk

pytestmark = pytest.mark.django_db


def _grafik(respons, id_):
    return next(g for g in respons.context["grafik"] if g.id == id_)


def test_statistik_per_tahun_jenis_status_dan_unduhan(client):
    jenis = buat_jenis(nama="Keputusan Statistik")
    a = buat_produk(jenis=jenis, tahun=2022, berkas=False)
    buat_produk(jenis=jenis, tahun=2024, berkas=False, status=StatusBerlaku.TIDAK_BERLAKU)
    buat_produk(tahun=2024, berkas=False)
    buat_produk(tahun=2019, terbit=False, berkas=False)
    ProdukHukum.objects.filter(pk=a.pk).update(jumlah_unduhan=7)
    respons = client.get("/statistik/")
    assert respons.status_code == 200
    nilai = lambda g: {b.label: b.nilai for b in g.batang}  # noqa: E731
    assert nilai(_grafik(respons, "grafik-tahun")) == {"2022": 1, "2024": 2}
    assert nilai(_grafik(respons, "grafik-jenis"))["Keputusan Statistik"] == 2
    assert nilai(_grafik(respons, "grafik-status")) == {"Berlaku": 2, "Tidak Berlaku": 1}
    assert list(nilai(_grafik(respons, "grafik-unduhan")).values()) == [7]
    teks = respons.content.decode()
    # Four catalogue charts and the one across Satkers.
    assert teks.count("<svg") == 5
    assert 'role="img"' in teks and "<title" in teks and "<table>" in teks
    assert "/cari/?tahun=2024" in teks


def test_statistik_kosong_tidak_galat(client):
    assert client.get("/statistik/").status_code == 200


def test_jumlah_kueri_statistik_tetap(client, django_assert_num_queries):
    from django.db import connection

    buat_produk(berkas=False)
    with CaptureQueriesContext(connection) as awal:
        client.get("/statistik/")
    for tahun in range(2010, 2020):
        buat_produk(tahun=tahun, berkas=False)
    with django_assert_num_queries(len(awal.captured_queries)):
        client.get("/statistik/")
