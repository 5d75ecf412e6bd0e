"""Home page and Satker pages."""

import pytest
from django.test.utils import CaptureQueriesContext

from tests.factories import buat_jenis, buat_produk, buat_satker

pytestmark = pytest.mark.django_db


def test_beranda_menampilkan_terbaru_hitungan_dan_kotak_cari(client):
    jenis = buat_jenis(nama="Keputusan KPU Kabupaten Uji")
    buat_produk(jenis=jenis, tahun=2023, judul="Produk A", berkas=False)
    buat_produk(jenis=jenis, tahun=2024, judul="Produk B", berkas=False)
    buat_produk(jenis=jenis, tahun=2024, judul="Draf C", terbit=False, berkas=False)
    respons = client.get("/")
    teks = respons.content.decode()
    assert "Produk A" in teks and "Produk B" in teks and "Draf C" not in teks
    assert 'role="search"' in teks and 'name="q"' in teks
    per_jenis = {j.nama: j.jumlah for j in respons.context["per_jenis"]}
    assert per_jenis["Keputusan KPU Kabupaten Uji"] == 2
    assert {t["tahun"]: t["jumlah"] for t in respons.context["per_tahun"]} == {2023: 1, 2024: 1}
    assert 'href="/masuk/">Masuk<' in teks


def test_halaman_satker_hanya_produk_satker_itu(client):
    satu, dua = buat_satker(), buat_satker()
    buat_produk(satker=satu, judul="Milik satu", berkas=False)
    buat_produk(satker=dua, judul="Milik dua", berkas=False)
    respons = client.get(f"/{satu.slug}/")
    assert respons.status_code == 200
    teks = respons.content.decode()
    assert satu.nama in teks and "Milik satu" in teks and "Milik dua" not in teks
    assert f'name="satker" value="{satu.slug}"' in teks
    assert f"/{satu.slug}/integrasi/jdihn.json" in teks
    assert client.get("/satker-tidak-ada/").status_code == 404


def test_beranda_menautkan_semua_satker_yang_punya_produk(client):
    satker = buat_satker()
    buat_produk(satker=satker, berkas=False)
    assert f'href="/{satker.slug}/"' in client.get("/").content.decode()


@pytest.mark.parametrize("alamat", ["/", "satker"])
def test_jumlah_kueri_beranda_tetap(client, django_assert_num_queries, alamat):
    from django.db import connection

    satker = buat_satker()
    alamat = f"/{satker.slug}/" if alamat == "satker" else alamat
    buat_produk(satker=satker, berkas=False)
    with CaptureQueriesContext(connection) as awal:
        client.get(alamat)
    for _ in range(12):
        buat_produk(satker=satker, jenis=buat_jenis(), berkas=False)
    with django_assert_num_queries(len(awal.captured_queries)):
        respons = client.get(alamat)
    assert len(respons.context["terbaru"]) == 10
