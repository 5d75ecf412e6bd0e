"""The verification page behind the QR code of a certified copy (salinan):
it confirms the copy, repeats what the paper shows, names the catalogue
product only while it is published, and answers every other code with the
same 404 page."""

import hashlib
import io
import os
from datetime import UTC, datetime
from urllib.parse import quote

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.conf import settings
from django.db import IntegrityError, transaction
from django.test import RequestFactory
from django.urls import reverse

from documents.models import Salinan, StatusBerlaku
from documents.pdf import BerkasTidakValid
from documents.publikasi import turunkan
from documents.salinan import kaitkan_produk, kode_baru, terbitkan_salinan
from publicsite.views_verifikasi import verifikasi
from tests.factories import buat_produk, buat_satker, pdf_bytes
from tests.publik_helpers import versi_baru

pytestmark = pytest.mark.django_db

NOMOR = "12/HK.03.1-Kpt/9204/KPU-Kab/2024"
JUDUL = "Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024"
PEJABAT = dict(
    nama_pejabat="Mohammad Rusdianto, S.H.",
    nip="198503122009121002",
    jabatan="Kepala Subbagian Hukum dan SDM",
)


def buat_salinan(satker=None, data=None, **kw) -> Salinan:
    return terbitkan_salinan(
        satker=satker or buat_satker(),
        data_asli=pdf_bytes(judul=JUDUL, halaman_tambahan=1) if data is None else data,
        nomor=kw.pop("nomor", NOMOR),
        judul=kw.pop("judul", JUDUL),
        **{**PEJABAT, **kw},
    )


def halaman(client, salinan_atau_kode):
    kode = getattr(salinan_atau_kode, "kode", salinan_atau_kode)
    return client.get(reverse("publicsite:verifikasi", args=[kode]))


def isi_teks(respons) -> str:
    """The page's text with runs of white space made one space."""
    return " ".join(respons.content.decode().split())


def halaman_tidak_dikenal(client):
    """The body every unknown code gets (a well-formed code no salinan has)."""
    respons = halaman(client, "x" * 22)
    assert respons.status_code == 404
    return respons.content


def berkas_di_media() -> list[str]:
    return [
        os.path.join(akar, nama)
        for akar, _, daftar in os.walk(settings.MEDIA_ROOT)
        for nama in daftar
    ]


# --- A copy whose product is not (yet) public -----------------------------------


def test_salinan_belum_dikaitkan_sah_dan_hanya_menampilkan_data_kertas(client):
    satker = buat_satker("KPU Kabupaten Sorong Selatan")
    salinan = buat_salinan(satker)
    respons = halaman(client, salinan)
    assert respons.status_code == 200
    teks = isi_teks(respons)
    assert "Salinan ini sah" in teks
    assert "Belum dipublikasikan di JDIH" in teks
    for nilai in [
        "KPU Kabupaten Sorong Selatan",
        NOMOR,
        JUDUL,
        salinan.sha256,
        salinan.sha256_asli,
        *PEJABAT.values(),
        "2 halaman",
    ]:
        assert nilai in teks, nilai
    assert "sha256sum" in teks  # how to compare a downloaded file
    assert "/produk/" not in teks and "unduh" not in teks
    assert '<meta name="robots" content="noindex">' in teks


def test_halaman_verifikasi_tidak_disimpan_cache(client):
    salinan = buat_salinan()
    for respons in (halaman(client, salinan), halaman(client, "y" * 22)):
        assert "no-store" in respons["Cache-Control"]
        assert "private" in respons["Cache-Control"]
        assert respons["X-Robots-Tag"] == "noindex"


def test_head_boleh_post_tidak(client):
    salinan = buat_salinan()
    alamat = reverse("publicsite:verifikasi", args=[salinan.kode])
    assert client.head(alamat).status_code == 200
    assert client.post(alamat).status_code == 405


def test_salinan_terkait_produk_draf_tidak_membuka_data_produk(client):
    produk = buat_produk(
        terbit=False,
        nomor="99/PL.02-Kpt/2024",
        judul="Rancangan Rahasia Pembagian Daerah Pemilihan",
        abstrak="Abstrak yang belum boleh dibaca publik.",
        keterangan_status="Catatan internal draf",
    )
    salinan = buat_salinan(produk.satker)
    kaitkan_produk(salinan, produk, produk.versi_terbaru())
    teks = isi_teks(halaman(client, salinan))
    assert "Belum dipublikasikan di JDIH" in teks
    assert NOMOR in teks and JUDUL in teks and salinan.sha256 in teks
    for rahasia in [
        produk.nomor,
        produk.judul,
        produk.abstrak,
        produk.keterangan_status,
        produk.get_absolute_url(),
        "/produk/",
        "versi 1",
    ]:
        assert rahasia not in teks, rahasia


def test_tanggal_salinan_dalam_zona_waktu_satker(client):
    salinan = buat_salinan(buat_satker(zona_waktu="Asia/Jayapura"))
    Salinan.objects.filter(pk=salinan.pk).update(
        dibuat_pada=datetime(2024, 3, 1, 16, 30, tzinfo=UTC)
    )
    teks = isi_teks(halaman(client, salinan))
    assert "2 Maret 2024 01.30 WIT" in teks


# --- A copy of a published product ----------------------------------------------


def test_produk_terbit_berlaku_ditautkan_dengan_versi_yang_disalin(client):
    produk = buat_produk(judul=JUDUL)
    salinan = buat_salinan(produk.satker)
    kaitkan_produk(salinan, produk, produk.versi_terbit())
    teks = isi_teks(halaman(client, salinan))
    assert "Terbit di JDIH" in teks
    assert 'class="lencana lencana-berlaku">Berlaku<' in teks
    assert f'href="{produk.get_absolute_url()}"' in teks
    assert "mengesahkan <strong>versi 1</strong>" in teks
    assert "publik kini melihat" not in teks


def test_versi_lebih_baru_disebut_versi_yang_dilihat_publik(client):
    produk = buat_produk()
    salinan = buat_salinan(produk.satker)
    kaitkan_produk(salinan, produk, produk.versi_terbit())
    versi_baru(produk, keterangan="Perbaikan lampiran")
    teks = isi_teks(halaman(client, salinan))
    assert "mengesahkan <strong>versi 1</strong>" in teks
    assert "publik kini melihat versi 2" in teks


def test_versi_yang_belum_terbit_tidak_disebut(client):
    produk = buat_produk()
    draf = versi_baru(produk, terbit=False)
    salinan = buat_salinan(produk.satker)
    kaitkan_produk(salinan, produk, draf)
    teks = isi_teks(halaman(client, salinan))
    assert "versi 2" not in teks
    assert "Publik kini melihat versi 1" in teks


def test_berkas_versi_sama_dengan_naskah_asli_disebut_sama_persis(client):
    data = pdf_bytes(judul=JUDUL)
    produk = buat_produk()
    versi = versi_baru(produk, data)
    salinan = buat_salinan(produk.satker, data)
    assert versi.sha256 == salinan.sha256_asli
    kaitkan_produk(salinan, produk, versi)
    teks = isi_teks(halaman(client, salinan))
    assert "Berkas versi 2 di JDIH sama persis dengan naskah asli" in teks


def test_produk_tidak_berlaku_dengan_keterangan_status(client):
    produk = buat_produk(
        status=StatusBerlaku.TIDAK_BERLAKU,
        keterangan_status="Dicabut dengan Keputusan Nomor 30/HK.03.1-Kpt/9204/KPU-Kab/2024",
    )
    salinan = buat_salinan(produk.satker)
    kaitkan_produk(salinan, produk, produk.versi_terbit())
    teks = isi_teks(halaman(client, salinan))
    assert 'class="lencana lencana-tidak-berlaku">Tidak Berlaku<' in teks
    assert "lencana-berlaku" not in teks
    assert "Dicabut dengan Keputusan Nomor 30/HK.03.1-Kpt/9204/KPU-Kab/2024" in teks
    assert f'href="{produk.get_absolute_url()}"' in teks


def test_status_mengikuti_perubahan_produk_tanpa_cache(client):
    produk = buat_produk()
    salinan = buat_salinan(produk.satker)
    kaitkan_produk(salinan, produk, produk.versi_terbit())
    assert "lencana-berlaku" in isi_teks(halaman(client, salinan))
    produk.status = StatusBerlaku.TIDAK_BERLAKU
    produk.save()
    assert "lencana-tidak-berlaku" in isi_teks(halaman(client, salinan))


def test_produk_diturunkan_sedang_diperbaiki_tanpa_tautan_produk_maupun_berkas(client):
    produk = buat_produk(judul="Judul Produk Yang Sedang Diperbaiki", keterangan_status="X-ket")
    salinan = buat_salinan(produk.satker)
    kaitkan_produk(salinan, produk, produk.versi_terbit())
    turunkan(produk)
    respons = halaman(client, salinan)
    assert respons.status_code == 200
    teks = isi_teks(respons)
    assert "Salinan ini sah" in teks
    assert "Sedang diperbaiki (diturunkan)" in teks
    assert NOMOR in teks and JUDUL in teks
    for tidak_boleh in [
        produk.get_absolute_url(),
        "/produk/",
        "/unduh/",
        "/pratinjau/",
        produk.judul,
        "X-ket",
        "lencana-berlaku",
        "versi 1",
    ]:
        assert tidak_boleh not in teks, tidak_boleh


# --- Codes that are not a salinan's -----------------------------------------------


def test_kode_tidak_dikenal_404_dengan_halaman_jelas(client):
    buat_salinan()
    respons = halaman(client, kode_baru())
    assert respons.status_code == 404
    teks = isi_teks(respons)
    assert "Kode salinan tidak dikenal" in teks
    assert "Salinan ini sah" not in teks and NOMOR not in teks
    assert '<meta name="robots" content="noindex">' in teks


def test_kode_diubah_satu_huruf_404_sama_persis_dengan_kode_tidak_dikenal(client):
    salinan = buat_salinan()
    for posisi in (0, len(salinan.kode) // 2, len(salinan.kode) - 1):
        huruf = salinan.kode[posisi]
        ganti = "A" if huruf != "A" else "B"
        palsu = salinan.kode[:posisi] + ganti + salinan.kode[posisi + 1 :]
        respons = halaman(client, palsu)
        assert respons.status_code == 404
        assert respons.content == halaman_tidak_dikenal(client)
    # Same letters, other case: still another code.
    respons = halaman(client, salinan.kode.swapcase())
    assert respons.status_code == 404


@pytest.mark.parametrize(
    "kode",
    [
        "a" * 200,
        "<script>",
        "<img src=x onerror=alert(1)>",
        " ",
        "   ",
        "\x00",
        "abc",
        "a" * 15,
        "a" * 65,
        "ÄÖÜäöüßÄÖÜäöüßÄÖÜäöüß",
        "aaaaaaaaaaaaaaaaaaaaaa\n",
        "aaaaaaaaaaa aaaaaaaaaaa",
        "aaaaaaaaaaaaaaaaaaaa%2e",
    ],
)
def test_kode_cacat_404_halaman_sama_tanpa_query(client, django_assert_num_queries, kode):
    buat_salinan()
    tidak_dikenal = halaman_tidak_dikenal(client)
    with django_assert_num_queries(0):
        respons = client.get(f"/verifikasi/{quote(kode, safe='%')}/")
    assert respons.status_code == 404
    assert respons.content == tidak_dikenal
    assert b"<script>" not in respons.content


@pytest.mark.parametrize("kode", ["../../etc", "a/b", "../" * 30, "<script>alert(1)</script>"])
def test_kode_dengan_garis_miring_404_bukan_500(client, kode):
    buat_salinan()
    respons = client.get(f"/verifikasi/{kode}/")
    assert respons.status_code == 404
    respons = client.get(f"/verifikasi/{quote(kode, safe='')}/")
    assert respons.status_code == 404
    # The view itself, were a route to hand it such a code, answers the same page.
    langsung = verifikasi(RequestFactory().get("/verifikasi/x/"), kode)
    assert langsung.status_code == 404
    assert "Kode salinan tidak dikenal" in langsung.content.decode()


def test_kode_kosong_404(client):
    assert client.get("/verifikasi//").status_code == 404
    assert client.get("/verifikasi/").status_code == 404


# --- The stored copy ----------------------------------------------------------


def test_qr_salinan_menuju_halaman_ini_dan_halaman_itu_terbuka(client):
    salinan = buat_salinan()
    with salinan.berkas.open("rb") as f:
        data = f.read()
    gambar = pdfium.PdfDocument(data)[0].render(scale=3).to_pil()
    kode_qr = [b.text for b in zxingcpp.read_barcodes(gambar)]
    alamat = settings.JDIH_SITE_URL + reverse("publicsite:verifikasi", args=[salinan.kode])
    assert kode_qr == [alamat]
    assert alamat.startswith(settings.JDIH_SITE_URL)
    respons = client.get(alamat.removeprefix(settings.JDIH_SITE_URL))
    assert respons.status_code == 200
    assert NOMOR in respons.content.decode()


def test_salinan_tersimpan_utuh_bercap_di_setiap_halaman(client):
    asli = pdf_bytes(judul=JUDUL, halaman_tambahan=2)
    salinan = buat_salinan(data=asli)
    with salinan.berkas.open("rb") as f:
        data = f.read()
    assert hashlib.sha256(data).hexdigest() == salinan.sha256
    assert hashlib.sha256(asli).hexdigest() == salinan.sha256_asli
    halaman_asli = pypdf.PdfReader(io.BytesIO(asli)).pages
    halaman_salinan = pypdf.PdfReader(io.BytesIO(data)).pages
    assert len(halaman_salinan) == len(halaman_asli) == salinan.jumlah_halaman == 3
    for nomor, (a, s) in enumerate(zip(halaman_asli, halaman_salinan, strict=True), start=1):
        teks_salinan = " ".join(s.extract_text().split())
        for baris in a.extract_text().splitlines()[:3]:
            assert " ".join(baris.split()) in teks_salinan
        assert "Salinan sesuai dengan aslinya" in teks_salinan
        assert f"Halaman {nomor} dari 3" in teks_salinan
    assert "PENETAPAN DAFTAR PEMILIH TETAP" in halaman_salinan[0].extract_text()


@pytest.mark.parametrize(
    "rusak",
    [
        pytest.param(lambda d: d[: len(d) // 2], id="terpotong"),
        pytest.param(lambda d: b"%PDF-1.7\n" + b"\x00sampah" * 500 + b"\n%%EOF\n", id="sampah"),
        pytest.param(lambda d: d[:200] + b"\xff" * 3000 + d[-100:], id="isi-rusak"),
        pytest.param(lambda d: b"bukan pdf sama sekali", id="bukan-pdf"),
        pytest.param(lambda d: b"", id="kosong"),
    ],
)
def test_pdf_rusak_ditolak_tanpa_baris_dan_tanpa_berkas(rusak):
    satker = buat_satker()
    with pytest.raises(BerkasTidakValid):
        buat_salinan(satker, data=rusak(pdf_bytes()))
    assert not Salinan.objects.exists()
    assert berkas_di_media() == []


def test_simpan_gagal_tidak_meninggalkan_berkas(monkeypatch):
    lama = buat_salinan()
    monkeypatch.setattr("documents.salinan.kode_baru", lambda: lama.kode)  # a duplicate code
    with pytest.raises(IntegrityError), transaction.atomic():
        buat_salinan(lama.satker)
    assert list(Salinan.objects.all()) == [lama]
    assert berkas_di_media() == [os.path.join(settings.MEDIA_ROOT, lama.berkas.name)]


def test_kode_unik_dan_panjangnya_minimal_22():
    satker = buat_satker()
    data = pdf_bytes()
    kode = [buat_salinan(satker, data).kode for _ in range(3)]
    kode += [kode_baru() for _ in range(2000)]
    assert len(set(kode)) == len(kode)
    assert all(len(k) >= 22 for k in kode)
    assert set("".join(kode)) <= set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    )
