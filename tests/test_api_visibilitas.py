"""The open API shows exactly what the public portal shows: never a draft, a
taken-down product, an unpublished version or lampiran, a relation to an
unpublished product, or a staff-only field."""

import json

import pytest

from documents.models import JenisRelasi, StatusPublikasi
from tests.api_helpers import (
    alamat,
    ambil,
    batas_bersih,  # noqa: F401
    data,
    id_hasil,
    produk_dengan_lampiran,
    turunkan,
    versi_lampiran,
)
from tests.factories import buat_produk, buat_satker
from tests.publik_helpers import relasikan, versi_baru

pytestmark = pytest.mark.django_db

SUB = ("produk-detail", "produk-relasi", "produk-versi", "produk-lampiran")


@pytest.fixture
def katalog():
    satker = buat_satker()
    return {
        "terbit": buat_produk(satker, judul="Penetapan Daftar Pemilih Tetap Terbit"),
        "draf": buat_produk(satker, terbit=False, judul="Rahasia Draf Belum Terbit"),
        "turun": turunkan(buat_produk(satker, judul="Rahasia Sedang Diperbaiki")),
        "satker": satker,
    }


def test_draf_dan_produk_diturunkan_tidak_ada_di_daftar(client, katalog):
    semua = data(client, "produk-daftar")
    assert id_hasil(semua) == [katalog["terbit"].pk]
    assert semua["jumlah"] == 1
    per_satker = data(client, "produk-daftar", satker=katalog["satker"].slug)
    assert id_hasil(per_satker) == [katalog["terbit"].pk]
    teks = json.dumps(semua) + json.dumps(per_satker)
    assert "Rahasia" not in teks


def test_kata_kunci_tidak_menemukan_draf_atau_produk_diturunkan(client, katalog):
    assert id_hasil(data(client, "produk-daftar", q="Rahasia")) == []
    assert id_hasil(data(client, "produk-daftar", q="Daftar Pemilih")) == [katalog["terbit"].pk]


@pytest.mark.parametrize("nama", SUB)
def test_draf_404_tidak_ditemukan_tanpa_isi(client, katalog, nama):
    respons = ambil(client, nama, katalog["draf"].pk)
    assert respons.status_code == 404
    assert respons.json() == {"kode": "tidak_ditemukan", "pesan": "Produk hukum tidak ditemukan."}


@pytest.mark.parametrize("nama", SUB)
def test_produk_diturunkan_404_sedang_diperbaiki_tanpa_metadata(client, katalog, nama):
    produk = katalog["turun"]
    respons = ambil(client, nama, produk.pk)
    assert respons.status_code == 404
    isi = respons.json()
    assert isi["kode"] == "sedang_diperbaiki"
    assert set(isi) == {"kode", "pesan"}
    assert produk.judul not in respons.content.decode()
    assert produk.nomor not in respons.content.decode()


def test_id_yang_tidak_ada_dan_id_raksasa_404(client):
    assert ambil(client, "produk-detail", 987654).status_code == 404
    assert client.get("/api/v1/produk/" + "9" * 30 + "/").status_code == 404
    assert client.get("/api/v1/produk/" + "9" * 30 + "/versi/").status_code == 404


def test_terbit_ulang_tampil_kembali(client, katalog):
    produk = katalog["turun"]
    from documents import publikasi

    publikasi.terbitkan(produk, produk.versi_terbit())
    assert data(client, "produk-detail", produk.pk)["id"] == produk.pk
    assert produk.pk in id_hasil(data(client, "produk-daftar"))


def test_relasi_hanya_dengan_produk_terbit_di_kedua_arah(client, katalog):
    a = katalog["terbit"]
    relasikan(a, JenisRelasi.MENCABUT, katalog["draf"])
    relasikan(katalog["turun"], JenisRelasi.MENGUBAH, a)
    pengubah = buat_produk(judul="Perubahan Yang Terbit")
    relasikan(pengubah, JenisRelasi.MENGUBAH, a, keterangan="Pasal 3")
    dicabut = buat_produk(judul="Yang Dicabut Terbit")
    relasikan(a, JenisRelasi.MENCABUT, dicabut)

    relasi = data(client, "produk-relasi", a.pk)["hasil"]
    assert [(r["arah"], r["hubungan"], r["label"], r["produk"]["id"]) for r in relasi] == [
        ("keluar", "mencabut", "Mencabut", dicabut.pk),
        ("masuk", "mengubah", "Diubah dengan", pengubah.pk),
    ]
    assert relasi[1]["keterangan"] == "Pasal 3"
    detail = data(client, "produk-detail", a.pk)
    assert detail["relasi"] == relasi
    assert "Rahasia" not in json.dumps(detail)


def test_versi_belum_terbit_tidak_pernah_tampil(client):
    produk = buat_produk()
    v2 = versi_baru(produk, keterangan="Perbaikan diktum kedua.")
    v3 = versi_baru(produk, terbit=False, keterangan="Rahasia perbaikan belum terbit")
    versi = data(client, "produk-versi", produk.pk)["hasil"]
    assert [(v["nomor_versi"], v["berlaku_sekarang"]) for v in versi] == [(2, True), (1, False)]
    assert versi[0]["keterangan_perbaikan"] == "Perbaikan diktum kedua."
    detail = data(client, "produk-detail", produk.pk)
    assert detail["naskah"]["nomor_versi"] == v2.nomor_versi == produk.versi_terbit().nomor_versi
    teks = json.dumps(detail)
    assert "Rahasia" not in teks and "/versi/3/" not in teks
    # The download URLs the API gives serve the published files.
    assert client.get(detail["naskah"]["url_unduh"]).status_code == 200
    assert client.get(versi[1]["url_unduh"]).status_code == 200
    assert v3.diterbitkan_pada is None


def test_lampiran_versi_belum_terbit_tidak_tampil(client):
    produk, (lampiran,) = produk_dengan_lampiran("Rekap Daftar Pemilih")
    versi_lampiran(lampiran, keterangan="Rahasia lampiran belum terbit")
    hasil = data(client, "produk-lampiran", produk.pk)["hasil"]
    assert [(x["judul"], x["nomor_versi"]) for x in hasil] == [("Rekap Daftar Pemilih", 1)]
    assert "Rahasia" not in json.dumps(data(client, "produk-detail", produk.pk))
    assert client.get(hasil[0]["url_unduh"]).status_code == 200


def test_tanpa_isian_staf_path_berkas_atau_teks_ocr(client):
    produk = buat_produk(lokasi="Lemari arsip 3", ikut_jdihn=False)
    versi = produk.versi_terbit()
    versi.nama_asli = "scan-internal-kasubbag.pdf"
    versi.pesan_proses = "Catatan pekerja internal"
    versi.save()
    teks = json.dumps(data(client, "produk-detail", produk.pk))
    teks += json.dumps(data(client, "produk-versi", produk.pk))
    teks += json.dumps(data(client, "produk-daftar"))
    for rahasia in (
        versi.berkas.name,
        versi.sha256,
        "scan-internal-kasubbag",
        "Catatan pekerja internal",
        "diunggah_oleh",
        "ikut_jdihn",
        "jumlah_dilihat",
        "status_publikasi",
        "search_vector",
    ):
        assert rahasia not in teks, rahasia
    # The PDF's text (searchable, never listed) stays out of every answer.
    kalimat = [b for b in versi.teks.split("\n") if len(b) > 20]
    assert kalimat and not any(b in teks for b in kalimat)


def test_jumlah_produk_satker_dan_jenis_hanya_yang_terbit(client, katalog):
    satker = next(
        s for s in data(client, "satker-daftar")["hasil"] if s["slug"] == katalog["satker"].slug
    )
    assert satker["jumlah_produk"] == 1
    jenis = {j["id"]: j["jumlah_produk"] for j in data(client, "jenis-daftar")["hasil"]}
    assert jenis[katalog["terbit"].jenis_id] == 1
    assert jenis[katalog["draf"].jenis_id] == 0


def test_produk_diturunkan_setelah_dibaca_tidak_dijawab_304(client, katalog):
    produk = katalog["terbit"]
    pertama = ambil(client, "produk-detail", produk.pk)
    turunkan(produk)
    respons = client.get(alamat("produk-detail", produk.pk), HTTP_IF_NONE_MATCH=pertama["ETag"])
    assert respons.status_code == 404
    assert StatusPublikasi.DITURUNKAN == produk.status_publikasi
