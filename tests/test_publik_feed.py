"""The JDIHN harvest feed (DESIGN.md section 6), Atom, sitemap and robots.txt."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.publikasi import turunkan
from publicsite.jdihn import BOLEH_NULL
from tests.factories import buat_produk, buat_satker
from tests.publik_helpers import isi, url

pytestmark = pytest.mark.django_db

KUNCI = (
    "idData, tahun_pengundangan, tanggal_penetapan, tanggal_pengundangan, jenis, "
    "noPeraturan, judul, noPanggil, singkatanJenis, tempatTerbit, penerbit, "
    "deskripsiFisik, sumber, isbn, status, bahasa, bidangHukum, teuBadan, "
    "nomorIndukBuku, abstrak, last_updated, urlAbstrak, urlDetailPeraturan, "
    "fileDownload, urlDownload, subjek, operasi, display"
).split(", ")
TANGGAL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
WAKTU = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")


def _umpan(client, alamat="/integrasi/jdihn.json"):
    respons = client.get(alamat)
    assert respons.status_code == 200
    assert respons["Content-Type"].startswith("application/json")
    assert respons.streaming, "umpan harus dialirkan agar memori tetap datar"
    return json.loads(isi(respons))


def test_kunci_tipe_dan_format_umpan_jdihn(client):
    produk = buat_produk(
        tanggal_penetapan=date(2024, 3, 4),
        tanggal_pengundangan=date(2024, 3, 5),
        abstrak="Ringkasan",
        subjek="pemilih",
        bidang_hukum="Hukum Tata Negara",
        sumber="Berita Daerah",
    )
    tanpa_berkas = buat_produk(berkas=False, tanggal_pengundangan=None)
    data = _umpan(client)
    assert isinstance(data, list) and len(data) == 2
    for baris in data:
        assert list(baris) == KUNCI
        for kunci, nilai in baris.items():
            assert isinstance(nilai, str) or (nilai is None and kunci in BOLEH_NULL), kunci
        assert WAKTU.match(baris["last_updated"])
        assert TANGGAL.match(baris["tanggal_penetapan"])
        assert TANGGAL.match(baris["tanggal_pengundangan"])
        assert baris["operasi"] == "4" and baris["display"] == "1"
        # A Keputusan is no book: no call number, publisher... (null, not "-").
        for buku in ("noPanggil", "penerbit", "deskripsiFisik", "isbn", "nomorIndukBuku"):
            assert baris[buku] is None
        assert baris["urlDetailPeraturan"].startswith("http://testserver/")
    baris = next(b for b in data if b["idData"] == str(produk.pk))
    assert baris["tanggal_penetapan"] == "2024-03-04"
    assert baris["tanggal_pengundangan"] == "2024-03-05"
    assert baris["tahun_pengundangan"] == "2024"
    assert baris["noPeraturan"] == produk.nomor
    assert baris["singkatanJenis"] == produk.jenis.singkatan
    assert baris["jenis"] == produk.jenis.nama
    assert baris["status"] == "Berlaku"
    assert baris["teuBadan"] == produk.teu_badan
    assert baris["urlDetailPeraturan"] == "http://testserver" + produk.get_absolute_url()
    assert baris["fileDownload"] == f"{produk.slug}.pdf"
    assert baris["urlDownload"] == (
        f"http://testserver/integrasi/berkas/{produk.pk}/{produk.slug}.pdf"
    )
    assert baris["abstrak"] == f"abstrak-{produk.slug}.pdf"
    assert baris["urlAbstrak"] == "http://testserver" + url("abstrak", produk, baris["abstrak"])
    # The download URL really serves the file.
    assert client.get(baris["urlDownload"].removeprefix("http://testserver")).status_code == 200
    kosong = next(b for b in data if b["idData"] == str(tanpa_berkas.pk))
    assert kosong["fileDownload"] == "-" and kosong["urlDownload"] == "-"
    assert kosong["tanggal_pengundangan"] == kosong["tanggal_penetapan"]


def test_umpan_jdihn_jumlah_kueri_tetap(client, django_assert_num_queries):
    buat_produk(berkas=False)
    buat_produk()

    def hitung():
        with CaptureQueriesContext(connection) as kueri:
            _umpan(client)
        return len(kueri)

    sedikit = hitung()
    for _ in range(4):
        buat_produk()
    satker = buat_satker()
    buat_produk(satker=satker, berkas=False)
    assert hitung() == sedikit
    # The products (one query, streamed), then the harvest log row.
    with django_assert_num_queries(sedikit + 1):  # + the satker behind the URL
        _umpan(client, f"/{satker.slug}/integrasi/jdihn.json")


def test_umpan_per_satker_hanya_produk_satker_itu(client):
    satu, dua = buat_satker(), buat_satker()
    milik_satu = buat_produk(satker=satu, berkas=False)
    buat_produk(satker=dua, berkas=False)
    data = _umpan(client, f"/{satu.slug}/integrasi/jdihn.json")
    assert [b["idData"] for b in data] == [str(milik_satu.pk)]
    assert client.get("/tidak-ada/integrasi/jdihn.json").status_code == 404


def test_umpan_kosong_tetap_array_json(client):
    assert _umpan(client) == []


def test_umpan_hanya_produk_terbit(client):
    terbit = buat_produk(berkas=False)
    buat_produk(terbit=False, berkas=False)
    turunkan(buat_produk(berkas=False))
    assert [b["idData"] for b in _umpan(client)] == [str(terbit.pk)]


def test_umpan_atom_berisi_produk_terbaru(client):
    produk = buat_produk(judul="Penetapan Calon Terpilih", berkas=False)
    buat_produk(judul="Draf Tersembunyi", terbit=False, berkas=False)
    respons = client.get("/umpan/terbaru.xml")
    assert respons["Content-Type"].startswith("application/atom+xml")
    akar = ET.fromstring(respons.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entri = akar.findall("a:entry", ns)
    assert len(entri) == 1
    assert "Penetapan Calon Terpilih" in entri[0].find("a:title", ns).text
    assert entri[0].find("a:link", ns).get("href").endswith(produk.get_absolute_url())
    per_satker = client.get(f"/{produk.satker.slug}/umpan/terbaru.xml")
    assert b"Penetapan Calon Terpilih" in per_satker.content


def test_sitemap_dan_robots(client):
    produk = buat_produk(berkas=False)
    draf = buat_produk(terbit=False, berkas=False)
    indeks = client.get("/sitemap.xml")
    assert indeks.status_code == 200
    assert b"sitemap-produk.xml" in indeks.content
    peta = client.get("/sitemap-produk.xml").content.decode()
    assert produk.get_absolute_url() in peta
    assert draf.get_absolute_url() not in peta
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    teks = robots.content.decode()
    assert "Disallow: /staf/" in teks and "Sitemap: http://testserver/sitemap.xml" in teks
