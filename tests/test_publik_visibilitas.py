"""Only published products are ever shown or served; every other state answers
404 — its page and its files, by any URL."""

import json

import pytest

from documents.models import StatusPublikasi
from documents.publikasi import turunkan
from tests.factories import buat_produk, buat_satker
from tests.publik_helpers import isi, url, versi_baru

pytestmark = pytest.mark.django_db

SEMUA_HALAMAN = [
    "/",
    "/cari/",
    "/cari/?q=Rahasia",
    "/statistik/",
    "/integrasi/jdihn.json",
    "/umpan/terbaru.xml",
    "/sitemap-produk.xml",
]


def _url_berkas(produk):
    return [url("unduh", produk), url("pratinjau", produk), url("unduh-versi", produk, 1)]


@pytest.fixture
def draf():
    return buat_produk(terbit=False, judul="Rahasia Draf Belum Terbit")


@pytest.fixture
def diturunkan():
    produk = buat_produk(judul="Rahasia Sedang Diperbaiki")
    turunkan(produk)
    return produk


def test_draf_tanpa_berkas_menjawab_404(client):
    produk = buat_produk(terbit=False, berkas=False)
    assert client.get(url("detail", produk)).status_code == 404
    assert client.get(url("unduh", produk)).status_code == 404


def test_draf_dengan_berkas_menjawab_404_untuk_halaman_dan_semua_berkas(client, draf):
    respons = client.get(url("detail", draf))
    assert respons.status_code == 404
    assert "sedang diperbaiki" not in respons.content.decode()
    for alamat in _url_berkas(draf):
        assert client.get(alamat).status_code == 404, alamat


def test_produk_diturunkan_404_dengan_pesan_sedang_diperbaiki_tanpa_tautan_berkas(
    client, diturunkan
):
    respons = client.get(url("detail", diturunkan))
    assert respons.status_code == 404
    teks = respons.content.decode()
    assert "sedang diperbaiki" in teks
    assert "/unduh/" not in teks and "/pratinjau/" not in teks
    for alamat in _url_berkas(diturunkan):
        assert client.get(alamat).status_code == 404, alamat


def test_produk_tidak_terbit_tidak_muncul_di_halaman_dan_umpan_mana_pun(client, draf, diturunkan):
    terlihat = buat_produk(judul="Rahasia Yang Terbit")
    for alamat in SEMUA_HALAMAN + [f"/{draf.satker.slug}/", f"/{diturunkan.satker.slug}/"]:
        respons = client.get(alamat)
        assert respons.status_code == 200, alamat
        teks = isi(respons)
        assert "Rahasia Draf" not in teks, alamat
        assert "Rahasia Sedang" not in teks, alamat
        assert f"/produk/{draf.pk}-" not in teks, alamat
        assert f"/produk/{diturunkan.pk}-" not in teks, alamat
    assert "Rahasia Yang Terbit" in isi(client.get("/cari/?q=Rahasia"))
    umpan = json.loads(isi(client.get("/integrasi/jdihn.json")))
    assert [r["idData"] for r in umpan] == [str(terlihat.pk)]


def test_versi_yang_belum_diterbitkan_tidak_pernah_dilayani(client):
    produk = buat_produk()
    versi_baru(produk, terbit=False)
    respons = client.get(url("unduh", produk))
    assert respons.status_code == 200
    terbit = produk.versi.get(nomor_versi=1)
    with terbit.berkas.open("rb") as f:
        assert b"".join(respons.streaming_content) == f.read()
    assert client.get(url("unduh-versi", produk, 2)).status_code == 404
    assert client.get(url("unduh-versi", produk, 1)).status_code == 200


def test_produk_terbit_tanpa_berkas_tidak_menawarkan_unduhan(client):
    produk = buat_produk(berkas=False)
    respons = client.get(url("detail", produk))
    assert respons.status_code == 200
    assert "/unduh/" not in respons.content.decode()
    assert client.get(url("unduh", produk)).status_code == 404


def test_alamat_satker_lain_menjawab_404(client):
    produk = buat_produk()
    lain = buat_satker()
    alamat = url("detail", produk).replace(f"/{produk.satker.slug}/", f"/{lain.slug}/")
    assert client.get(alamat).status_code == 404
    assert client.get(alamat + "unduh/").status_code == 404


def test_produk_terbit_kembali_setelah_unggah_ulang(client, diturunkan):
    from documents.publikasi import terbitkan

    versi = versi_baru(diturunkan, terbit=False, keterangan="Salah ketik pada diktum kedua")
    terbitkan(diturunkan, versi)
    assert diturunkan.status_publikasi == StatusPublikasi.TERBIT
    respons = client.get(url("detail", diturunkan))
    assert respons.status_code == 200
    assert "Salah ketik pada diktum kedua" in respons.content.decode()
    assert client.get(url("unduh", diturunkan)).status_code == 200


def test_media_tidak_dilayani_lewat_url_langsung(client):
    produk = buat_produk()
    berkas = produk.versi.get().berkas.name
    assert client.get(f"/media/{berkas}").status_code == 404


def test_satker_bernama_kata_cadangan_tidak_membayangi_rute_lain(client):
    buat_satker(slug="staf")
    buat_satker(slug="cari")
    # /staf/ stays the staff area (a login redirect), not a Satker page.
    assert client.get("/staf/").status_code in (302, 403)
    assert client.get("/cari/").status_code == 200
    assert client.get("/staf/integrasi/jdihn.json").status_code == 404
