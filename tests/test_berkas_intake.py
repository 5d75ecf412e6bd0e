"""PDF intake: only real, readable, unencrypted PDFs within the size limit are
stored, judged by content; a failed intake leaves no row and no file."""

import io
from pathlib import Path

import pypdf
import pytest
from django.conf import settings
from django.test import TestCase
from django.utils import timezone
from PIL import Image

from documents.berkas import simpan_versi
from documents.models import VersiBerkas
from documents.pdf import BerkasTidakValid, periksa_pdf

from .admin_helpers import formulir_admin
from .factories import buat_produk, pdf_bytes, unggahan

pytestmark = pytest.mark.django_db


def berkas_tersimpan():
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def pdf_terenkripsi() -> bytes:
    penulis = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes())))
    penulis.encrypt(user_password="rahasia", owner_password="pemilik")
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    return keluaran.getvalue()


def png_bytes() -> bytes:
    keluaran = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(keluaran, format="PNG")
    return keluaran.getvalue()


def simpan(produk, data, nama="naskah.pdf"):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return simpan_versi(produk, unggahan(data, nama))


def test_good_pdf_is_stored_with_hash_pages_text_and_thumbnail():
    produk = buat_produk(berkas=False)
    data = pdf_bytes(judul="Penetapan Daftar Pemilih Tetap", halaman_tambahan=2)
    versi = simpan(produk, data)
    versi.refresh_from_db()
    assert versi.nomor_versi == 1
    assert versi.jumlah_halaman >= 3
    assert versi.ukuran == len(data)
    assert len(versi.sha256) == 64
    assert "PENETAPAN DAFTAR PEMILIH TETAP" in versi.teks
    assert versi.status_proses == VersiBerkas.StatusProses.SELESAI
    assert versi.thumbnail.name.endswith(".png")
    with versi.thumbnail.open("rb") as f:
        assert Image.open(f).width == 320
    with versi.berkas.open("rb") as f:
        assert f.read() == data


def test_each_upload_is_a_new_version_and_earlier_ones_are_kept():
    produk = buat_produk(berkas=False)
    simpan(produk, pdf_bytes())
    kedua = simpan_versi(produk, unggahan(pdf_bytes()), keterangan_perbaikan="Salah ketik")
    assert kedua.nomor_versi == 2
    assert list(produk.versi.values_list("nomor_versi", flat=True)) == [2, 1]
    assert produk.versi.get(nomor_versi=2).keterangan_perbaikan == "Salah ketik"


@pytest.mark.parametrize(
    ("isi", "pesan"),
    [
        (lambda: pdf_bytes()[:-400], "terpotong atau rusak"),
        (pdf_terenkripsi, "terkunci"),
        (png_bytes, "bukan PDF"),
        (lambda: b"", "kosong"),
        (lambda: b"%PDF-1.7\n" + b"x" * 3000 + b"\n%%EOF\n", "rusak"),
    ],
    ids=["terpotong", "terenkripsi", "png-bernama-pdf", "nol-bita", "sampah-berkepala-pdf"],
)
def test_bad_file_is_refused_with_indonesian_error_and_nothing_stored(isi, pesan):
    produk = buat_produk(berkas=False)
    with pytest.raises(BerkasTidakValid) as galat:
        simpan(produk, isi())
    assert pesan in galat.value.messages[0]
    assert VersiBerkas.objects.count() == 0
    assert berkas_tersimpan() == []


def test_file_over_the_size_limit_is_refused(settings):
    settings.JDIH_MAKS_UKURAN_PDF = 2_000
    produk = buat_produk(berkas=False)
    with pytest.raises(BerkasTidakValid) as galat:
        simpan(produk, pdf_bytes(halaman_tambahan=2))
    assert "melebihi batas" in galat.value.messages[0]
    assert VersiBerkas.objects.count() == 0
    assert berkas_tersimpan() == []


def test_file_name_does_not_matter_only_content():
    produk = buat_produk(berkas=False)
    versi = simpan(produk, pdf_bytes(), nama="scan-tanpa-ekstensi.bin")
    assert versi.pk is not None
    with pytest.raises(BerkasTidakValid):
        simpan(produk, png_bytes(), nama="keputusan.pdf")


def test_identical_file_is_reported_naming_where_it_is_stored():
    # Named because it is public; another office's draft is not named
    # (tests/test_unggahan_batas.py).
    pertama = buat_produk(berkas=False)
    data = pdf_bytes()
    simpan(pertama, data)
    pertama.versi.update(diterbitkan_pada=timezone.now())
    kedua = buat_produk(berkas=False)
    with pytest.raises(BerkasTidakValid) as galat:
        simpan(kedua, data)
    assert "identik" in galat.value.messages[0]
    assert str(pertama) in galat.value.messages[0]
    assert kedua.versi.count() == 0


def test_row_failure_after_storing_removes_the_file(monkeypatch):
    produk = buat_produk(berkas=False)

    def gagal_simpan(self, *args, **kwargs):
        raise RuntimeError("basis data tidak tersedia")

    monkeypatch.setattr(VersiBerkas, "save", gagal_simpan)
    with pytest.raises(RuntimeError):
        simpan(produk, pdf_bytes())
    assert berkas_tersimpan() == []


def test_periksa_pdf_reports_page_count_without_storing():
    info = periksa_pdf(pdf_bytes(halaman_tambahan=4))
    assert info.jumlah_halaman == 5


def test_admin_upload_of_bad_file_shows_error_beside_field(admin_client):
    produk = buat_produk(berkas=False)
    halaman = admin_client.get(f"/admin/documents/produkhukum/{produk.pk}/change/")
    data = formulir_admin(halaman)
    data["berkas_baru"] = unggahan(png_bytes(), "keputusan.pdf")
    respons = admin_client.post(f"/admin/documents/produkhukum/{produk.pk}/change/", data)
    assert respons.status_code == 200
    assert "bukan PDF" in respons.context["adminform"].form.errors["berkas_baru"][0]
    assert VersiBerkas.objects.count() == 0


def test_admin_upload_of_good_file_creates_a_version(admin_client):
    produk = buat_produk(berkas=False)
    halaman = admin_client.get(f"/admin/documents/produkhukum/{produk.pk}/change/")
    data = formulir_admin(halaman)
    data["berkas_baru"] = unggahan(pdf_bytes(), "keputusan.pdf")
    with TestCase.captureOnCommitCallbacks(execute=True):
        respons = admin_client.post(f"/admin/documents/produkhukum/{produk.pk}/change/", data)
    assert respons.status_code == 302
    assert produk.versi.get().nama_asli == "keputusan.pdf"
