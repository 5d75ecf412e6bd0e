"""The product list of the open API: the public search's filters, page-number
pagination with counts and a constant number of queries, 400 for bad
parameters, never a 500; and the rest of the read-only contract (405, 304,
JSON whatever the Accept header)."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from documents.models import StatusBerlaku
from publicsite.forms import CariForm
from publicsite.selectors import pilihan_saringan
from tests.api_helpers import alamat, ambil, batas_bersih, data, id_hasil  # noqa: F401
from tests.factories import buat_jenis, buat_produk, buat_satker
from tests.test_masukan_jahat import NILAI_JAHAT, minta

pytestmark = pytest.mark.django_db


@pytest.fixture
def katalog():
    kab = buat_satker(nama="KPU Kabupaten Saringan", slug="saringan")
    kota = buat_satker(nama="KPU Kota Saringan", slug="kota-saringan")
    kep = buat_jenis(singkatan="KEP-SAR", nama="Keputusan Saringan")
    buku = buat_jenis(singkatan="MONO-SAR", nama="Monografi Saringan", tipe_dokumen="monografi")
    return {
        "a": buat_produk(
            kab,
            kep,
            berkas=False,
            tahun=2023,
            nomor="7/PL.01-Kpt/2023",
            judul="Penetapan Daftar Pemilih Tetap",
            bidang_hukum="Hukum Tata Negara",
            tanggal_penetapan=date(2023, 3, 1),
        ),
        "b": buat_produk(
            kota,
            kep,
            berkas=False,
            tahun=2024,
            nomor="12/HK.03-Kpt/2024",
            judul="Honorarium Badan Ad Hoc",
            status=StatusBerlaku.TIDAK_BERLAKU,
            tanggal_penetapan=date(2024, 5, 6),
        ),
        "c": buat_produk(
            kab,
            buku,
            berkas=False,
            tahun=2024,
            nomor="ISBN-1",
            judul="Buku Pedoman Kampanye",
            penerbit="KPU",
            tempat_terbit="Sampit",
            deskripsi_fisik="x, 20 hlm.",
            tanggal_penetapan=date(2024, 8, 9),
        ),
        "kab": kab,
        "kep": kep,
    }


def _id(client, **params):
    return id_hasil(data(client, "produk-daftar", **params))


def test_saringan_sama_dengan_pencarian_publik(client, katalog):
    a, b, c = katalog["a"], katalog["b"], katalog["c"]
    assert _id(client) == [c.pk, b.pk, a.pk]  # tanggal penetapan terbaru lebih dulu
    assert _id(client, tahun=2024) == [c.pk, b.pk]
    assert _id(client, satker="saringan") == [c.pk, a.pk]
    assert _id(client, jenis=katalog["kep"].pk) == [b.pk, a.pk]
    assert _id(client, status="tidak-berlaku") == [b.pk]
    assert _id(client, tipe="monografi") == [c.pk]
    assert _id(client, nomor="pl.01") == [a.pk]
    assert _id(client, bidang="Hukum Tata Negara") == [a.pk]
    assert _id(client, urut="terlama") == [a.pk, b.pk, c.pk]
    assert _id(client, q="honorarium") == [b.pk]
    assert _id(client, q="pemilih", tahun=2024) == []


def test_setiap_saringan_form_cari_diterima_api(client, katalog):
    """Filters added to /cari/ (date range, sort by nomor...) reach the API
    without touching it: every field of the form is a known parameter."""
    for nama in CariForm().fields:
        respons = ambil(client, "produk-daftar", **{nama: ""})
        assert respons.status_code == 200, (nama, respons.json())


def test_paginasi_jumlah_halaman_dan_tautan(client):
    satker = buat_satker()
    jenis = buat_jenis()
    for n in range(25):
        buat_produk(satker, jenis, berkas=False, tanggal_penetapan=date(2024, 1, n + 1))
    pertama = data(client, "produk-daftar", per_halaman=10)
    assert (pertama["jumlah"], pertama["jumlah_halaman"], pertama["per_halaman"]) == (25, 3, 10)
    assert pertama["jumlah_terbatas"] is False
    assert len(pertama["hasil"]) == 10 and pertama["sebelumnya"] is None
    kedua = Client().get(pertama["berikutnya"]).json()
    assert kedua["halaman"] == 2 and len(kedua["hasil"]) == 10
    assert "per_halaman=10" in kedua["berikutnya"] and "halaman=3" in kedua["berikutnya"]
    ketiga = data(client, "produk-daftar", per_halaman=10, halaman=3)
    assert len(ketiga["hasil"]) == 5 and ketiga["berikutnya"] is None
    semua = {p["id"] for h in (pertama, kedua, ketiga) for p in h["hasil"]}
    assert len(semua) == 25
    keempat = ambil(client, "produk-daftar", per_halaman=10, halaman=4)
    assert keempat.status_code == 404
    assert keempat.json()["kode"] == "halaman_tidak_ada"
    assert data(client, "produk-daftar", per_halaman=100)["jumlah_halaman"] == 1


def test_katalog_kosong_halaman_pertama_tetap_ada(client):
    isi = data(client, "produk-daftar")
    assert (isi["jumlah"], isi["jumlah_halaman"], isi["hasil"]) == (0, 1, [])


def _jumlah_kueri(client, nama, *args, **params):
    client.get(alamat(nama, *args), params)  # warm the filter options' cache
    with CaptureQueriesContext(connection) as kueri:
        respons = client.get(alamat(nama, *args), params)
    assert respons.status_code == 200
    return len(kueri)


def test_jumlah_kueri_tetap_per_halaman(client):
    satker = buat_satker()
    jenis = buat_jenis()
    for _ in range(3):
        buat_produk(satker, jenis, berkas=False, subjek="pemilih")
    pilihan_saringan()
    sedikit = {
        n: _jumlah_kueri(client, n) for n in ("produk-daftar", "satker-daftar", "jenis-daftar")
    }
    dengan_q = _jumlah_kueri(client, "produk-daftar", q="pemilih", per_halaman=100)
    for _ in range(37):
        buat_produk(buat_satker(), buat_jenis(), berkas=False, subjek="pemilih")
    banyak = {
        n: _jumlah_kueri(client, n) for n in ("produk-daftar", "satker-daftar", "jenis-daftar")
    }
    assert sedikit == banyak
    assert 1 <= banyak["produk-daftar"] <= 2  # count and page
    assert _jumlah_kueri(client, "produk-daftar", q="pemilih", per_halaman=100) == dengan_q
    assert len(data(client, "produk-daftar", per_halaman=100)["hasil"]) == 40


def test_parameter_tidak_sah_400_dengan_rincian(client, katalog):
    respons = ambil(
        client, "produk-daftar", tahun="1850", per_halaman="0", halaman="x", asal="1", status="?"
    )
    assert respons.status_code == 400
    isi = respons.json()
    assert isi["kode"] == "parameter_tidak_valid"
    assert set(isi["rincian"]) == {"tahun", "per_halaman", "halaman", "asal", "status"}
    assert isi["rincian"]["asal"] == ["Parameter tidak dikenal."]
    assert "1850" in isi["rincian"]["tahun"][0]
    assert ambil(client, "produk-daftar", per_halaman=101).status_code == 400


def test_nilai_jahat_tidak_pernah_500(katalog):
    from django.conf import settings

    settings.JDIH_API_BATAS = 0
    klien = Client(raise_request_exception=False)
    url = alamat("produk-daftar")
    nama = [*CariForm().fields, "halaman", "per_halaman", "asing"]
    gagal = []
    for n in nama:
        for label, nilai in NILAI_JAHAT.items():
            for dasar in ({}, {"q": "pemilih"}):
                r, status = minta(klien, "get", url, {**dasar, n: nilai})
                if status >= 500 or not r["Content-Type"].startswith("application/json"):
                    gagal.append((n, label, status))
    for label, nilai in NILAI_JAHAT.items():
        if isinstance(nilai, str):
            r, status = minta(klien, "get", "/api/v1/produk/" + nilai.replace("/", "") + "/")
            if status >= 500:
                gagal.append(("path", label, status))
    assert gagal == []


def test_metode_selain_get_405_json_tanpa_csrf(katalog):
    klien = Client(enforce_csrf_checks=True)
    for metode in ("post", "put", "patch", "delete"):
        for url in (alamat("produk-daftar"), alamat("produk-detail", katalog["a"].pk)):
            respons = getattr(klien, metode)(url, "{}", content_type="application/json")
            assert respons.status_code == 405, (metode, url)
            assert respons.json()["kode"] == "metode_tidak_diizinkan"
            assert "GET" in respons["Allow"] and "POST" not in respons["Allow"]
    assert klien.post(alamat("dokumentasi")).status_code == 405


def test_etag_304_dan_cache_control(client, katalog):
    pertama = ambil(client, "produk-daftar", tahun=2024)
    assert pertama["Cache-Control"] == "public, no-cache"
    etag = pertama["ETag"]
    kedua = client.get(alamat("produk-daftar"), {"tahun": 2024}, HTTP_IF_NONE_MATCH=etag)
    assert kedua.status_code == 304 and kedua.content == b""
    buat_produk(katalog["kab"], berkas=False, tahun=2024)
    ketiga = client.get(alamat("produk-daftar"), {"tahun": 2024}, HTTP_IF_NONE_MATCH=etag)
    assert ketiga.status_code == 200 and ketiga["ETag"] != etag


def test_selalu_json_tanpa_cookie_sesi(client, katalog):
    respons = client.get(alamat("produk-daftar"), HTTP_ACCEPT="text/html")
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/json"
    assert not respons.cookies
    assert client.head(alamat("produk-detail", katalog["a"].pk)).status_code == 200


def test_alamat_lain_di_api_404_json_dan_tanpa_garis_miring_dialihkan(client):
    respons = client.get("/api/v1/tidak-ada/")
    assert respons.status_code == 404 and respons.json()["kode"] == "tidak_ditemukan"
    dialihkan = client.get("/api/v1/produk", {"tahun": 2024})
    assert dialihkan.status_code == 301
    assert dialihkan["Location"] == "/api/v1/produk/?tahun=2024"


def test_rincian_isian_tipe_abstrak_dan_subjek(client, katalog):
    c = katalog["c"]
    c.abstrak = "1. Pedoman kampanye.\n2. Berlaku nasional."
    c.subjek = "Kampanye; Pedoman"
    c.save()
    isi = data(client, "produk-detail", c.pk)
    assert isi["bidang_tipe"]["penerbit"] == "KPU"
    assert set(isi["bidang_tipe"]) == {
        "penulis",
        "nomor_panggil",
        "isbn",
        "penerbit",
        "tempat_terbit",
        "deskripsi_fisik",
        "nomor_induk_buku",
        "eksemplar",
    }
    assert isi["abstrak"]["pokok_isi"] == ["Pedoman kampanye.", "Berlaku nasional."]
    assert isi["subjek"] == ["Kampanye", "Pedoman"]
    assert isi["naskah"] is None  # no published file
    assert client.get(isi["url_halaman"]).status_code == 200
    assert data(client, "produk-detail", katalog["a"].pk)["bidang_tipe"] == {}
