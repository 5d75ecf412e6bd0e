"""Issue 5: scanned legal products become searchable through OCR; processing
fails visibly, can be retried, and is idempotent.

Tests run the task queue with django-tasks' ImmediateBackend (conftest), so a
task runs when the upload's transaction commits; test_pemrosesan_antrean
covers the real database queue and its worker.
"""

import io
from pathlib import Path

import pypdf
import pytest
from django.contrib.auth.models import User
from django.urls import Resolver404, resolve
from django.utils import timezone
from PIL import Image

from documents.berkas import simpan_versi
from documents.models import VersiBerkas
from documents.pemrosesan import (
    PemrosesanTidakDapatDiulang,
    proses_versi,
    ulangi_pemrosesan,
)
from documents.tasks import proses_versi_berkas
from tests.factories import buat_produk, pdf_bytes
from tests.ocr_helpers import pdf_pindaian

pytestmark = pytest.mark.django_db

Status = VersiBerkas.StatusProses


def unggah(produk, data, capture):
    with capture(execute=True):
        versi = simpan_versi(produk, io.BytesIO(data), nama_asli="pindaian.pdf")
    versi.refresh_from_db()
    return versi


def berkas_di(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def test_pindaian_dikenali_dan_teksnya_disimpan(django_capture_on_commit_callbacks):
    produk = buat_produk(berkas=False, judul="Penetapan Hasil Pemilihan Umum")
    data = pdf_pindaian(halaman=2)
    assert pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text().strip() == ""

    versi = unggah(produk, data, django_capture_on_commit_callbacks)

    assert versi.status_proses == Status.SELESAI, versi.pesan_proses
    assert versi.teks_ocr is True
    assert "OCR" in versi.pesan_proses and "2 halaman" in versi.pesan_proses
    teks = versi.teks.upper()
    assert "REKAPITULASI" in teks
    assert "BALIHO" in teks
    assert "KOTAWARINGIN" in teks
    assert versi.thumbnail and versi.thumbnail.storage.exists(versi.thumbnail.name)
    # The original is stored as uploaded, byte for byte.
    with versi.berkas.open("rb") as f:
        assert f.read() == data


def test_pindaian_ditemukan_di_pencarian_publik(client, django_capture_on_commit_callbacks):
    produk = buat_produk(berkas=False, judul="Penertiban Sarana Sosialisasi")
    lain = buat_produk(judul="Penetapan Daftar Pemilih Tetap")
    versi = unggah(produk, pdf_pindaian(), django_capture_on_commit_callbacks)
    versi.diterbitkan_pada = timezone.now()
    versi.save(update_fields=["diterbitkan_pada"])

    # The word is only on the scanned image: not in the title nor in any metadata.
    assert "baliho" not in produk.judul.lower() and "baliho" not in produk.abstrak.lower()
    assert "baliho" in VersiBerkas.objects.get(pk=versi.pk).teks.lower()

    try:
        resolve("/cari/")
    except Resolver404:
        pytest.skip("Halaman pencarian publik /cari/ belum tersedia (issue 4).")
    respons = client.get("/cari/", {"q": "baliho"})
    assert respons.status_code == 200
    isi = respons.content.decode()
    assert produk.judul in isi
    assert lain.judul not in isi


def test_hanya_halaman_tanpa_teks_yang_di_ocr(django_capture_on_commit_callbacks, monkeypatch):
    from documents import ocr

    penulis = pypdf.PdfWriter()
    for data in (pdf_bytes(judul="Penetapan Jadwal Kampanye"), pdf_pindaian()):
        penulis.append(pypdf.PdfReader(io.BytesIO(data)))
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    jumlah_teks = len(pypdf.PdfReader(io.BytesIO(pdf_bytes())).pages)

    dibaca = []
    asli = ocr.kenali_gambar

    def catat(gambar, *, nomor_halaman=1):
        dibaca.append(nomor_halaman)
        return asli(gambar, nomor_halaman=nomor_halaman)

    monkeypatch.setattr(ocr, "kenali_gambar", catat)
    versi = unggah(
        buat_produk(berkas=False), keluaran.getvalue(), django_capture_on_commit_callbacks
    )

    assert versi.status_proses == Status.SELESAI, versi.pesan_proses
    assert dibaca == [jumlah_teks + 1]
    assert versi.teks_ocr is True
    assert "JADWAL KAMPANYE" in versi.teks.upper()  # from the text layer
    assert "BALIHO" in versi.teks.upper()  # from OCR
    assert f"1 dari {jumlah_teks + 1} halaman" in versi.pesan_proses


def test_pdf_berteks_tidak_di_ocr(django_capture_on_commit_callbacks, monkeypatch):
    from documents import ocr

    def jangan(*args, **kwargs):
        raise AssertionError("OCR tidak boleh dijalankan untuk PDF yang sudah berteks")

    monkeypatch.setattr(ocr, "kenali_gambar", jangan)
    versi = unggah(
        buat_produk(berkas=False),
        pdf_bytes(judul="Penetapan Daerah Pemilihan"),
        django_capture_on_commit_callbacks,
    )
    assert versi.status_proses == Status.SELESAI
    assert versi.teks_ocr is False
    assert versi.pesan_proses == ""
    assert "DAERAH PEMILIHAN" in versi.teks.upper()


# --- failure and retry ---------------------------------------------------------


def test_ocr_gagal_ditandai_lalu_proses_ulang_berhasil(
    settings, django_capture_on_commit_callbacks
):
    settings.JDIH_OCR_BAHASA = "bahasa-tidak-ada"
    data = pdf_pindaian()
    versi = unggah(buat_produk(berkas=False), data, django_capture_on_commit_callbacks)

    assert versi.status_proses == Status.GAGAL
    assert "Data bahasa OCR 'bahasa-tidak-ada' tidak terpasang" in versi.pesan_proses
    assert versi.teks == ""
    # The upload is not lost: the row and the original file stay.
    with versi.berkas.open("rb") as f:
        assert f.read() == data

    settings.JDIH_OCR_BAHASA = "ind"
    with django_capture_on_commit_callbacks(execute=True):
        ulangi_pemrosesan(versi)
        assert VersiBerkas.objects.get(pk=versi.pk).status_proses == Status.MENUNGGU
    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI, versi.pesan_proses
    assert "REKAPITULASI" in versi.teks.upper()


def test_ocr_melebihi_batas_waktu(settings, django_capture_on_commit_callbacks):
    settings.JDIH_OCR_BATAS_WAKTU = 0.01
    versi = unggah(buat_produk(berkas=False), pdf_pindaian(), django_capture_on_commit_callbacks)
    assert versi.status_proses == Status.GAGAL
    assert "melebihi batas waktu" in versi.pesan_proses


def test_tesseract_tidak_terpasang(settings, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr("shutil.which", lambda nama: None)
    versi = unggah(buat_produk(berkas=False), pdf_pindaian(), django_capture_on_commit_callbacks)
    assert versi.status_proses == Status.GAGAL
    assert "tesseract-ocr-ind" in versi.pesan_proses


def test_berkas_rusak_di_penyimpanan_gagal_dengan_alasan(django_capture_on_commit_callbacks):
    produk = buat_produk(berkas=False)
    with django_capture_on_commit_callbacks(execute=False):
        versi = simpan_versi(produk, io.BytesIO(pdf_bytes()))
    Path(versi.berkas.path).write_bytes(b"%PDF-1.4 rusak %%EOF")

    proses_versi(versi)
    versi.refresh_from_db()
    assert versi.status_proses == Status.GAGAL
    assert "tidak dapat dibaca" in versi.pesan_proses
    assert VersiBerkas.objects.filter(pk=versi.pk).exists()

    Path(versi.berkas.path).unlink()
    proses_versi(versi)
    versi.refresh_from_db()
    assert "tidak ditemukan" in versi.pesan_proses


def test_gagal_tidak_menghapus_teks_hasil_sebelumnya(django_capture_on_commit_callbacks):
    versi = unggah(buat_produk(berkas=False), pdf_pindaian(), django_capture_on_commit_callbacks)
    teks = versi.teks
    Path(versi.berkas.path).write_bytes(b"%PDF-1.4 rusak %%EOF")
    proses_versi(versi)
    versi.refresh_from_db()
    assert versi.status_proses == Status.GAGAL
    assert versi.teks == teks


def test_proses_ulang_ditolak_saat_masih_menunggu(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_pindaian()))
    assert versi.status_proses == Status.MENUNGGU
    with pytest.raises(PemrosesanTidakDapatDiulang):
        ulangi_pemrosesan(versi)

    # A version stuck in menunggu/diproses (worker killed) can be forced.
    with django_capture_on_commit_callbacks(execute=True):
        ulangi_pemrosesan(versi, paksa=True)
    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI


def test_aksi_admin_proses_ulang(client, settings, django_capture_on_commit_callbacks):
    settings.JDIH_OCR_BAHASA = "bahasa-tidak-ada"
    versi = unggah(buat_produk(berkas=False), pdf_pindaian(), django_capture_on_commit_callbacks)
    assert versi.status_proses == Status.GAGAL
    settings.JDIH_OCR_BAHASA = "ind"

    admin = User.objects.create_superuser("admin-uji", "a@example.org", "rahasia-uji-123")
    client.force_login(admin)
    daftar = client.get("/admin/documents/versiberkas/")
    assert "Proses ulang" in daftar.content.decode()
    assert "tidak terpasang" in daftar.content.decode()  # the reason is shown

    with django_capture_on_commit_callbacks(execute=True):
        respons = client.post(
            "/admin/documents/versiberkas/",
            {"action": "proses_ulang", "_selected_action": [versi.pk]},
            follow=True,
        )
    assert "1 versi dimasukkan kembali ke antrean" in respons.content.decode()
    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI


# --- idempotence ---------------------------------------------------------------


def test_menjalankan_tugas_dua_kali_tidak_menggandakan(
    settings, django_capture_on_commit_callbacks
):
    versi = unggah(buat_produk(berkas=False), pdf_pindaian(), django_capture_on_commit_callbacks)
    folder_thumbnail = Path(settings.MEDIA_ROOT) / "thumbnail"
    teks, thumbnail = versi.teks, versi.thumbnail.name
    assert len(berkas_di(folder_thumbnail)) == 1

    proses_versi_berkas.enqueue(versi.pk)
    proses_versi_berkas.enqueue(versi.pk)

    versi.refresh_from_db()
    assert versi.status_proses == Status.SELESAI
    assert versi.teks == teks
    assert versi.teks.upper().count("REKAPITULASI HASIL PENGHITUNGAN SUARA") == 1
    assert versi.thumbnail.name == thumbnail
    assert berkas_di(folder_thumbnail) == [Path(settings.MEDIA_ROOT) / thumbnail]


def test_sisa_thumbnail_dari_proses_terputus_ditimpa(settings, django_capture_on_commit_callbacks):
    versi = unggah(buat_produk(berkas=False), pdf_bytes(), django_capture_on_commit_callbacks)
    nama = versi.thumbnail.name
    # A run that died after writing the file but before saving the row.
    VersiBerkas.objects.filter(pk=versi.pk).update(thumbnail="")
    versi.refresh_from_db()

    proses_versi(versi)
    versi.refresh_from_db()
    assert versi.thumbnail.name == nama
    assert len(berkas_di(Path(settings.MEDIA_ROOT) / "thumbnail")) == 1


def test_tugas_untuk_versi_yang_sudah_dihapus(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_bytes()))
    pk = versi.pk
    versi.delete()
    hasil = proses_versi_berkas.enqueue(pk)
    assert hasil.return_value == "dihapus"


def test_versi_dihapus_saat_diproses(settings, django_capture_on_commit_callbacks, monkeypatch):
    from documents import pdf

    with django_capture_on_commit_callbacks(execute=False):
        versi = simpan_versi(buat_produk(berkas=False), io.BytesIO(pdf_bytes()))
    asli = pdf.render_thumbnail

    def hapus_lalu_render(data, *args, **kwargs):
        VersiBerkas.objects.filter(pk=versi.pk).delete()
        return asli(data, *args, **kwargs)

    monkeypatch.setattr(pdf, "render_thumbnail", hapus_lalu_render)
    proses_versi(versi)
    assert berkas_di(Path(settings.MEDIA_ROOT) / "thumbnail") == []


def test_halaman_besar_dirender_dengan_batas_piksel(monkeypatch):
    from documents import ocr

    # An A0 page (2384 x 3370 pt) of scan: at 300 dpi it would be 9933 x 14042 px.
    gambar = Image.new("L", (2384, 3370), 255)
    keluaran = io.BytesIO()
    gambar.save(keluaran, format="PDF", resolution=72)
    ukuran = []

    def catat(pnm, *, nomor_halaman=1):
        ukuran.append(Image.open(io.BytesIO(pnm)).size)
        return ""

    monkeypatch.setattr(ocr, "kenali_gambar", catat)
    ocr.teks_dengan_ocr(keluaran.getvalue())
    assert max(ukuran[0]) <= ocr.MAKS_PIKSEL_SISI
