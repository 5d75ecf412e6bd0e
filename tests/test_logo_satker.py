"""A Satker's logo: uploaded in the admin, judged by content and bounded before
it is decoded, stored re-encoded and small, served cacheable by the portal,
and shown in the header of that Satker's pages (the default mark otherwise)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from PIL import Image

from documents import logo_satker
from documents.models import Satker
from tests.admin_helpers import formulir_admin
from tests.factories import buat_produk, buat_satker

pytestmark = pytest.mark.django_db


def _png(ukuran=(600, 300), warna=(122, 31, 31), format="PNG", **simpan) -> bytes:
    keluaran = io.BytesIO()
    Image.new("RGB", ukuran, warna).save(keluaran, format=format, **simpan)
    return keluaran.getvalue()


def _unggah(admin_client, satker, data, nama="logo.png", content_type="image/png"):
    alamat = reverse("admin:documents_satker_change", args=[satker.pk])
    isian = formulir_admin(admin_client.get(alamat))
    isian["induk"] = isian.get("induk") or ""
    isian["logo"] = SimpleUploadedFile(nama, data, content_type=content_type)
    with TestCase.captureOnCommitCallbacks(execute=True):
        return admin_client.post(alamat, isian)


def test_logo_diunggah_disimpan_ulang_png_kecil_tanpa_metadata(admin_client):
    satker = buat_satker()
    exif = Image.Exif()
    exif[0x010F] = "Kamera Kantor"
    respons = _unggah(
        admin_client, satker, _png((2000, 1000), format="JPEG", exif=exif.tobytes()), "l.jpg"
    )
    assert respons.status_code == 302, respons.content.decode()[:2000]
    satker.refresh_from_db()
    assert satker.logo.name.startswith("logo-satker/") and satker.logo.name.endswith(".png")
    with satker.logo.open("rb") as f, Image.open(f) as img:
        assert img.format == "PNG"
        assert img.size == (512, 256)
        assert not img.getexif()


@pytest.mark.parametrize(
    "data,pesan",
    [
        (b"bukan gambar sama sekali", "bukan gambar yang dapat dibaca"),
        (b"%PDF-1.4\n" + b"0" * 200, "bukan gambar yang dapat dibaca"),
        (_png((10, 10)), "terlalu kecil"),
        (_png((4100, 100)), "terlalu besar"),
        (b"\x89PNG" + b"0" * (logo_satker.MAKS_BITA + 10), "melebihi batas"),
    ],
    ids=["teks", "pdf", "kecil", "lebar", "berat"],
)
def test_logo_tidak_valid_ditolak_dengan_pesan(admin_client, data, pesan):
    satker = buat_satker()
    respons = _unggah(admin_client, satker, data)
    assert respons.status_code == 200
    assert pesan in respons.content.decode()
    satker.refresh_from_db()
    assert not satker.logo


def test_bom_dekompresi_ditolak_sebelum_didekode(admin_client):
    # A small file whose header claims 16 million pixels, beyond the budget.
    bom = _png((4000, 4000), warna=(0, 0, 0), optimize=True)
    assert len(bom) < logo_satker.MAKS_BITA
    satker = buat_satker()
    respons = _unggah(admin_client, satker, bom)
    assert "terlalu besar" in respons.content.decode()


def test_logo_tampil_di_kepala_halaman_satker_dan_detailnya_lalu_dilayani(admin_client, client):
    satker = buat_satker(nama="KPU Kota Payakumbuh", slug="payakumbuh")
    produk = buat_produk(satker=satker)
    _unggah(admin_client, satker, _png())
    satker.refresh_from_db()
    logo = reverse("publicsite:logo-satker", args=["payakumbuh"])
    for alamat in ["/payakumbuh/", produk.get_absolute_url()]:
        kepala = client.get(alamat).content.decode().split("</header>")[0]
        assert f'<img class="merek-logo" src="{logo}?v=' in kepala
        assert "tanda-kpu.svg" not in kepala
        assert '<span class="merek-nama">KPU Kota Payakumbuh</span>' in kepala
    respons = client.get(logo)
    assert respons.status_code == 200 and respons["Content-Type"] == "image/png"
    assert "max-age=86400" in respons["Cache-Control"]
    assert client.get(logo, HTTP_IF_NONE_MATCH=respons["ETag"]).status_code == 304


def test_logo_diganti_berkas_lama_dihapus(admin_client):
    satker = buat_satker()
    _unggah(admin_client, satker, _png(warna=(1, 2, 3)))
    lama = Satker.objects.get(pk=satker.pk).logo
    _unggah(admin_client, satker, _png(warna=(200, 2, 3)))
    baru = Satker.objects.get(pk=satker.pk).logo
    assert baru.name != lama.name
    assert baru.storage.exists(baru.name) and not lama.storage.exists(lama.name)


def test_satker_tanpa_logo_memakai_tanda_bawaan_dan_logo_404(client):
    satker = buat_satker(slug="tanpa-logo")
    kepala = client.get("/tanpa-logo/").content.decode().split("</header>")[0]
    assert "/static/ikon/tanda-kpu.svg" in kepala
    assert client.get(reverse("publicsite:logo-satker", args=[satker.slug])).status_code == 404
    assert client.get(reverse("publicsite:logo-satker", args=["tidak-ada"])).status_code == 404
