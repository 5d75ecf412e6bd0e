"""Search snippets and filter options stay cheap at a million products
(issue 13): a snippet comes from the abstrak when the match is there, from a
bounded window of the text otherwise, whatever the PDF's length; the filter
options are found by index probes and follow publish and take-down at once."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import StatusPublikasi
from publicsite import selectors
from tests.factories import buat_jenis, buat_produk, buat_satker

pytestmark = pytest.mark.django_db

MARK = re.compile(r"<mark>(.*?)</mark>")
# Distinct words, so that no 40-character run of the filler repeats a query word.
ISIAN = " ".join(f"pasal{n} ayat ketentuan umum" for n in range(20_000))


def _dengan_teks(produk, teks):
    versi = produk.versi.get()
    versi.teks = teks
    versi.save(update_fields=["teks"])
    return produk


def _tampak(cuplik) -> str:
    return re.sub(r"<[^>]+>", "", str(cuplik))


def test_cocok_di_abstrak_cuplikan_dari_abstrak_saja():
    produk = _dengan_teks(
        buat_produk(judul="Penetapan Jadwal", abstrak="Tentang sosialisasi tahapan pemilu."),
        "Teks naskah menyebut rekapitulasi dan sosialisasi di halaman lain.",
    )
    cuplik = selectors.cuplikan([produk], "sosialisasi")[produk.pk]
    assert MARK.findall(str(cuplik))[0] == "sosialisasi"
    if selectors.pakai_postgres():
        # The abstrak says what the product is about; the PDF is not read.
        assert MARK.findall(str(cuplik)) == ["sosialisasi"]
        assert "rekapitulasi" not in str(cuplik)


def test_cocok_hanya_di_teks_panjang_cuplikan_dari_jendela_di_sekitar_kata():
    teks = ISIAN[:30_000] + " Pemasangan spanduk di jembatan dilarang. " + ISIAN
    assert len(teks) > 500_000
    produk = _dengan_teks(buat_produk(judul="Penertiban Alat Peraga", abstrak="Pokok isi."), teks)
    cuplik = selectors.cuplikan([produk], "spanduk")[produk.pk]
    assert [k.lower() for k in MARK.findall(str(cuplik))] == ["spanduk"]
    # A snippet, not the text: bounded whatever the PDF's length.
    assert len(_tampak(cuplik)) < 1_000


def test_cuplikan_satu_kueri_berapa_pun_hasilnya():
    produk = [
        _dengan_teks(buat_produk(judul=f"Penetapan {n}"), f"Naskah {n} tentang kampanye.")
        for n in range(5)
    ]
    for daftar in (produk[:1], produk):
        with CaptureQueriesContext(connection) as ctx:
            hasil = selectors.cuplikan(daftar, "kampanye")
        assert len(ctx.captured_queries) == 1
        assert all("<mark>" in str(hasil[p.pk]) for p in daftar)


def test_pilihan_saringan_mengikuti_terbit_dan_penurunan():
    buat_produk(tahun=2020)
    satker = buat_satker(nama="KPU Kabupaten Uji Saringan")
    jenis = buat_jenis(nama="Surat Edaran Uji", singkatan="SEU")
    awal = selectors.pilihan_saringan()
    assert 1999 not in awal["tahun"]
    assert satker.slug not in dict(awal["satker"])
    produk = buat_produk(
        satker=satker, jenis=jenis, tahun=1999, bidang_hukum="Hukum Agraria", terbit=True
    )
    sesudah = selectors.pilihan_saringan()
    assert 1999 in sesudah["tahun"] and 2020 in sesudah["tahun"]
    assert sesudah["tahun"] == sorted(sesudah["tahun"], reverse=True)
    assert satker.slug in dict(sesudah["satker"])
    assert jenis.pk in dict(sesudah["jenis"])
    assert "Hukum Agraria" in sesudah["bidang"]
    assert "" not in sesudah["bidang"]
    assert dict(sesudah["tipe"]).keys() == {jenis.tipe_dokumen, *dict(awal["tipe"])}

    produk.status_publikasi = StatusPublikasi.DITURUNKAN
    produk.save()
    turun = selectors.pilihan_saringan()
    assert 1999 not in turun["tahun"]
    assert satker.slug not in dict(turun["satker"])
    assert jenis.pk not in dict(turun["jenis"])
    assert "Hukum Agraria" not in turun["bidang"]


def test_pilihan_saringan_hanya_dari_produk_terbit():
    buat_produk(tahun=1988, bidang_hukum="Hukum Adat", terbit=False)
    pilihan = selectors.pilihan_saringan()
    assert 1988 not in pilihan["tahun"]
    assert "Hukum Adat" not in pilihan["bidang"]
