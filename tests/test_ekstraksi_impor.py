"""Issue 14 item 4: `impor_arsip --dari-dokumen` fills the optional columns a
row leaves empty from the PDF's text layer and says per row what it filled;
a value in the CSV is never overridden and required columns stay required."""

import io
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import TestCase

from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
from documents.impor import PengimporArsip
from documents.models import ProdukHukum
from ekstraksi.usulan import Bidang
from tests.ekstraksi_alur_helpers import pasang_ekstraktor_tetap, usulan_contoh
from tests.ocr_helpers import pdf_pindaian
from tests.test_impor_arsip import baris, siapkan_katalog, tulis_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def katalog():
    siapkan_katalog()
    return User.objects.create(username="pengimpor.arsip", is_staff=True)


@pytest.fixture
def usulan_tetap(settings):
    return pasang_ekstraktor_tetap(settings)


def _pdf(folder, nama="a.pdf", data=None, **kw):
    (folder / nama).write_bytes(
        data
        or pdf_keputusan(
            NaskahKeputusan(
                teu_badan="Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
                nomor=kw.pop("nomor", "1/HK.03.1-Kpt/6202/KPU-Kab/2021"),
                tahun=2021,
                judul=kw.pop("judul", "Penetapan Daftar Pemilih Tetap"),
                tempat="Sampit",
                tanggal="3 Februari 2021",
                nama_penandatangan="SITI FATHONAH",
                **kw,
            )
        )
    )


def _impor(path, oleh, **kw):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return PengimporArsip(path, oleh=oleh, **kw).jalankan()


def test_kolom_opsional_kosong_diisi_dari_dokumen_dan_dilaporkan_per_baris(
    katalog, tmp_path, usulan_tetap
):
    usulan_tetap(
        usulan_contoh(tempat_penetapan=Bidang("Kuala Kapuas", "Ditetapkan di Kuala Kapuas"))
    )
    _pdf(tmp_path)
    path = tulis_csv(tmp_path, [baris(tempat_penetapan="Sampit", penandatangan="")])
    hasil = _impor(path, katalog, dari_dokumen=True)
    assert hasil.diimpor == 1 and not hasil.galat
    produk = ProdukHukum.objects.get()
    assert produk.tempat_penetapan == "Sampit"  # given in the CSV: kept
    assert produk.penandatangan == "Ketua Siti Fathonah"
    assert produk.subjek == "Pemilih; Daftar Pemilih Tetap"
    assert produk.abstrak == "Menetapkan daftar pemilih tetap."
    assert produk.judul == "Penetapan Uji"  # required, never from the document
    assert hasil.dari_dokumen == [
        (
            2,
            "diisi dari dokumen: penandatangan, subjek, abstrak, abstrak_dasar_hukum; "
            "berbeda dengan dokumen: tanggal_penetapan (dokumen: 2024-02-03)",
        )
    ]


def test_tanpa_opsi_tidak_ada_yang_diisi(katalog, tmp_path, usulan_tetap):
    usulan_tetap(usulan_contoh())
    _pdf(tmp_path)
    hasil = _impor(tulis_csv(tmp_path, [baris()]), katalog)
    assert hasil.diimpor == 1 and hasil.dari_dokumen == []
    assert ProdukHukum.objects.get().penandatangan == ""


def test_kolom_wajib_tetap_wajib(katalog, tmp_path, usulan_tetap):
    usulan_tetap(usulan_contoh())
    _pdf(tmp_path)
    hasil = _impor(tulis_csv(tmp_path, [baris(judul="")]), katalog, dari_dokumen=True)
    assert hasil.galat == [(2, "kolom judul kosong")]
    assert not ProdukHukum.objects.exists()


def test_ekstraktor_rusak_tidak_menggagalkan_baris(katalog, tmp_path, settings):
    settings.JDIH_EKSTRAKSI = "tests.ekstraksi_alur_helpers.ekstrak_rusak"
    _pdf(tmp_path)
    hasil = _impor(tulis_csv(tmp_path, [baris()]), katalog, dari_dokumen=True)
    assert hasil.diimpor == 1 and not hasil.galat
    assert hasil.dari_dokumen == [(2, "dokumen tidak dapat dibaca; tidak ada yang diisi")]


def test_pindaian_tanpa_lapisan_teks_tidak_diisi_tanpa_ocr(katalog, tmp_path, usulan_tetap):
    usulan_tetap(usulan_contoh())
    _pdf(tmp_path, data=pdf_pindaian(["KEPUTUSAN KOMISI PEMILIHAN UMUM", "NOMOR 1"]))
    hasil = _impor(tulis_csv(tmp_path, [baris()]), katalog, dari_dokumen=True)
    assert hasil.diimpor == 1
    assert hasil.dari_dokumen == [(2, "berkas tanpa lapisan teks (pindaian); tidak ada yang diisi")]
    assert ProdukHukum.objects.get().penandatangan == ""


def test_perintah_dengan_ekstraktor_asli_melaporkan_yang_diisi(katalog, tmp_path):
    """The real extractor on a generated Keputusan (passes once ekstraksi.baca
    reads tempat, tanggal and penandatangan)."""
    _pdf(tmp_path)
    _pdf(tmp_path, "b.pdf", nomor="2/HK.03.1-Kpt/6202/KPU-Kab/2021")
    path = tulis_csv(
        tmp_path,
        [
            baris(tempat_penetapan="", penandatangan=""),
            baris(
                nomor="2/HK.03.1-Kpt/6202/KPU-Kab/2021",
                berkas="b.pdf",
                tempat_penetapan="",
                penandatangan="Plt. Ketua Budi",
            ),
        ],
    )
    keluar = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command(
            "impor_arsip", str(path), oleh="pengimpor.arsip", dari_dokumen=True, stdout=keluar
        )
    teks = keluar.getvalue()
    a = ProdukHukum.objects.get(nomor="1/HK.03.1-Kpt/6202/KPU-Kab/2021")
    b = ProdukHukum.objects.get(nomor="2/HK.03.1-Kpt/6202/KPU-Kab/2021")
    assert a.tempat_penetapan == "Sampit"
    assert a.penandatangan.endswith("Siti Fathonah")
    assert b.penandatangan == "Plt. Ketua Budi"  # given: kept
    assert a.tanggal_penetapan == date(2021, 2, 3)
    assert "Baris 2: diisi dari dokumen: tempat_penetapan, penandatangan" in teks
    assert "Baris 3: diisi dari dokumen: tempat_penetapan" in teks
    assert "Diimpor: 2" in teks


def test_perintah_tanpa_oleh_tetap_ditolak(katalog, tmp_path):
    _pdf(tmp_path)
    with pytest.raises(CommandError):
        call_command("impor_arsip", str(tulis_csv(tmp_path, [baris()])), dari_dokumen=True)
