"""`manage.py impor_arsip`: good rows in, bad rows reported by line, idempotent."""

import csv
import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import TestCase

from documents.demo import muat_jenis, muat_satker
from documents.models import Jenis, ProdukHukum, StatusBerlaku, StatusPublikasi, TipeDokumen

from .factories import pdf_bytes

pytestmark = pytest.mark.django_db

CONTOH = Path(__file__).resolve().parent.parent / "fixtures" / "arsip_contoh"
KOLOM = ["satker", "jenis", "nomor", "tahun", "judul", "tanggal_penetapan", "status", "berkas"]


def siapkan_katalog():
    """The demo offices and jenis, plus a jenis of each non-peraturan type
    under the singkatan the sample archive uses (any case matches)."""
    muat_satker()
    muat_jenis()
    for tipe in (TipeDokumen.MONOGRAFI, TipeDokumen.ARTIKEL, TipeDokumen.PUTUSAN):
        singkatan = tipe.value.upper()
        if not Jenis.objects.filter(singkatan__iexact=singkatan).exists():
            Jenis.objects.create(singkatan=singkatan, nama=f"{tipe.label} (uji)", tipe_dokumen=tipe)


@pytest.fixture
def katalog():
    siapkan_katalog()


def baris(**kw):
    nilai = {
        "satker": "kotawaringin-timur",
        "jenis": "Kpts KPU Kab/Kota",
        "nomor": "1/HK.03.1-Kpt/6202/KPU-Kab/2021",
        "tahun": "2021",
        "judul": "Penetapan Uji",
        "tanggal_penetapan": "2021-02-03",
        "status": "Berlaku",
        "berkas": "a.pdf",
    }
    nilai.update(kw)
    return nilai


def tulis_csv(folder: Path, daftar, kolom=None, pemisah=","):
    kolom = kolom or list(dict.fromkeys(k for d in daftar for k in d))
    path = folder / "arsip.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        penulis = csv.DictWriter(f, fieldnames=kolom, delimiter=pemisah, restval="")
        penulis.writeheader()
        penulis.writerows(daftar)
    return path


def impor(path):
    # The import is done in a staff member's name (recorded in the audit trail).
    User.objects.get_or_create(username="pengimpor.arsip", defaults={"is_staff": True})
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("impor_arsip", str(path), oleh="pengimpor.arsip")


def test_sample_archive_imports_and_publishes_unless_terbit_says_no(katalog, tmp_path):
    shutil.copytree(CONTOH, tmp_path / "arsip")
    impor(tmp_path / "arsip" / "arsip.csv")
    assert ProdukHukum.objects.count() == 6
    assert ProdukHukum.objects.terbit().count() == 5
    draf = ProdukHukum.objects.get(status_publikasi=StatusPublikasi.DRAF)
    assert draf.satker.slug == "payakumbuh"
    tb = ProdukHukum.objects.get(nomor="3/PL.02.1-Kpt/6202/KPU-Kab/I/2018")
    assert tb.status == StatusBerlaku.TIDAK_BERLAKU
    assert tb.keterangan_status == "Tahapan pemilihan telah selesai."
    assert tb.subjek == "Pemilih; DPT; Pilkada 2018"
    assert sorted(s.nama for s in tb.daftar_subjek.all()) == ["DPT", "Pemilih", "Pilkada 2018"]
    # "Hukum Pemilu" is constitutional law in the national list.
    assert tb.bidang_hukum == "Hukum Tata Negara"
    assert tb.teu_badan == "Indonesia. Komisi Pemilihan Umum Kabupaten Kotawaringin Timur"
    assert tb.versi.get().diterbitkan_pada is not None
    assert "PENETAPAN DAFTAR PEMILIH TETAP" in tb.versi.get().teks


def test_sample_archive_has_one_product_of_each_other_type(katalog, tmp_path):
    shutil.copytree(CONTOH, tmp_path / "arsip")
    impor(tmp_path / "arsip" / "arsip.csv")
    buku = ProdukHukum.objects.get(tipe_dokumen=TipeDokumen.MONOGRAFI)
    assert (buku.isbn, buku.eksemplar) == ("978-602-123-456-3", 3)
    assert buku.penerbit == "Komisi Pemilihan Umum"
    assert buku.bahasa == "Indonesia"  # "Bahasa Indonesia" mapped
    assert buku.abstrak.splitlines()[1] == "Disusun menurut tahapan penyelenggaraan."
    artikel = ProdukHukum.objects.get(tipe_dokumen=TipeDokumen.ARTIKEL)
    assert (artikel.jurnal, artikel.halaman) == ("Jurnal Tata Kelola Pemilu Indonesia", "45-67")
    assert artikel.bidang_hukum == "Hukum Tata Negara"  # "HTN"
    putusan = ProdukHukum.objects.get(tipe_dokumen=TipeDokumen.PUTUSAN)
    assert putusan.berkekuatan_hukum_tetap is True
    assert putusan.lembaga_peradilan == "Mahkamah Konstitusi"
    assert len(putusan.amar.splitlines()) == 2
    assert putusan.isbn == "" and putusan.tipe_dokumen == putusan.jenis.tipe_dokumen


def test_running_the_same_import_again_imports_nothing_twice(katalog, tmp_path, capsys):
    shutil.copytree(CONTOH, tmp_path / "arsip")
    impor(tmp_path / "arsip" / "arsip.csv")
    impor(tmp_path / "arsip" / "arsip.csv")
    assert ProdukHukum.objects.count() == 6
    assert "Diimpor: 0, sudah ada (dilewati): 6, gagal: 0" in capsys.readouterr().out


def test_bad_rows_are_reported_by_line_and_good_rows_still_imported(katalog, tmp_path, capsys):
    (tmp_path / "a.pdf").write_bytes(pdf_bytes())
    (tmp_path / "c.pdf").write_bytes(pdf_bytes())
    (tmp_path / "bukan.pdf").write_bytes(b"\x89PNG\r\n\x1a\n bukan pdf")
    path = tulis_csv(
        tmp_path,
        [
            baris(),
            baris(nomor="2", satker="tidak-ada"),
            baris(nomor="3", tanggal_penetapan="03-02-2021"),
            baris(nomor="4", berkas="hilang.pdf"),
            baris(nomor="5", berkas="bukan.pdf"),
            baris(nomor="6", status="Dicabut"),
            baris(nomor="7", berkas="c.pdf", jenis="Kpts KPU Prov"),
        ],
    )
    with pytest.raises(CommandError):
        impor(path)
    galat = capsys.readouterr().err
    assert "Baris 3: satker 'tidak-ada' tidak dikenal" in galat
    assert "Baris 4: kolom tanggal_penetapan: '03-02-2021' bukan tanggal" in galat
    assert "Baris 5: berkas 'hilang.pdf' tidak ditemukan" in galat
    assert "Baris 6: Berkas bukan PDF" in galat
    assert "Baris 7: kolom status" in galat
    assert sorted(ProdukHukum.objects.values_list("nomor", flat=True)) == [
        "1/HK.03.1-Kpt/6202/KPU-Kab/2021",
        "7",
    ]


def test_failed_row_leaves_no_product_behind(katalog, tmp_path):
    (tmp_path / "rusak.pdf").write_bytes(pdf_bytes()[:-500])
    path = tulis_csv(tmp_path, [baris(berkas="rusak.pdf")])
    with pytest.raises(CommandError):
        impor(path)
    assert ProdukHukum.objects.count() == 0


def test_missing_required_column_is_reported(katalog, tmp_path, capsys):
    daftar = [{k: v for k, v in baris().items() if k != "status"}]
    path = tulis_csv(tmp_path, daftar)
    with pytest.raises(CommandError):
        impor(path)
    assert "kolom wajib tidak ada di baris judul: status" in capsys.readouterr().err


def test_semicolon_separated_csv_from_a_spreadsheet_works(katalog, tmp_path):
    (tmp_path / "a.pdf").write_bytes(pdf_bytes())
    path = tulis_csv(tmp_path, [baris(bidang_hukum="Hukum Pemilu")], pemisah=";")
    impor(path)
    assert ProdukHukum.objects.get().bidang_hukum == "Hukum Tata Negara"


def test_berkas_outside_the_csv_folder_is_refused(katalog, tmp_path, capsys):
    (tmp_path / "luar.pdf").write_bytes(pdf_bytes())
    (tmp_path / "dalam").mkdir()
    path = tulis_csv(tmp_path / "dalam", [baris(berkas="../luar.pdf")])
    with pytest.raises(CommandError):
        impor(path)
    assert "di dalam folder CSV" in capsys.readouterr().err


def test_type_columns_are_checked_per_row(katalog, tmp_path, capsys):
    (tmp_path / "a.pdf").write_bytes(pdf_bytes())
    path = tulis_csv(
        tmp_path,
        [
            baris(nomor="1", tipe_dokumen="monografi"),
            baris(nomor="2", jenis="MONOGRAFI", penerbit="KPU", tempat_terbit="Jakarta"),
            baris(
                nomor="3",
                jenis="MONOGRAFI",
                penerbit="KPU",
                tempat_terbit="Jakarta",
                deskripsi_fisik="x, 10 hlm.",
                eksemplar="dua",
            ),
            baris(nomor="4", isbn="978-602-123-456-3"),
            baris(
                nomor="5",
                jenis="PUTUSAN",
                lembaga_peradilan="DKPP",
                nomor_perkara="1-PKE-DKPP/I/2021",
                amar="Menolak pengaduan",
                berkekuatan_hukum_tetap="mungkin",
            ),
            baris(
                nomor="6",
                jenis="PUTUSAN",
                tipe_dokumen="putusan",
                lembaga_peradilan="DKPP",
                nomor_perkara="1-PKE-DKPP/I/2021",
                amar="Menolak pengaduan",
                berkekuatan_hukum_tetap="tidak",
                ikut_jdihn="tidak",
            ),
        ],
    )
    with pytest.raises(CommandError):
        impor(path)
    galat = capsys.readouterr().err
    assert (
        "Baris 2: kolom tipe_dokumen: 'monografi' tidak sesuai dengan jenis "
        "'Kpts KPU Kab/Kota', yang bertipe peraturan" in galat
    )
    assert "Baris 3: kolom deskripsi_fisik: Wajib diisi untuk monografi (deskripsi fisik)" in galat
    assert "Baris 4: kolom eksemplar: 'dua' harus bilangan bulat" in galat
    assert "Baris 5: kolom isbn: tidak dipakai untuk tipe peraturan" in galat
    assert "Baris 6: kolom berkekuatan_hukum_tetap: 'mungkin' harus 'ya' atau 'tidak'" in galat
    putusan = ProdukHukum.objects.get()
    assert putusan.nomor == "6"
    assert putusan.berkekuatan_hukum_tetap is False and putusan.ikut_jdihn is False
