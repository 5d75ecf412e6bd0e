"""Detail page: every metadata field, status badge, relations both ways,
version history, preview, download and the counters."""

from datetime import date

import pytest

from documents.models import JenisRelasi, ProdukHukum, StatusBerlaku
from tests.factories import buat_produk, pdf_teks
from tests.publik_helpers import relasikan, url, versi_baru

pytestmark = pytest.mark.django_db

METADATA = dict(
    judul="Penetapan Daftar Pemilih Tetap Pemilihan Bupati",
    nomor="12/PL.02.1-Kpt/6202/2024",
    tahun=2024,
    tempat_penetapan="Sampit",
    tanggal_penetapan=date(2024, 9, 20),
    tanggal_pengundangan=date(2024, 9, 21),
    sumber="Berita Daerah Kabupaten Kotawaringin Timur",
    subjek="daftar pemilih, pemilihan bupati",
    keterangan_status="Berlaku sejak ditetapkan",
    bahasa="Indonesia",
    lokasi="Lemari arsip Subbag Hukum",
    bidang_hukum="Hukum Tata Negara",
    penandatangan="Ketua KPU Kabupaten",
    pemrakarsa="Divisi Perencanaan, Data dan Informasi",
    abstrak="Menetapkan rekapitulasi daftar pemilih tetap.",
)


def test_semua_metadata_dan_lencana_status_tampil(client):
    produk = buat_produk(**METADATA)
    respons = client.get(url("detail", produk))
    assert respons.status_code == 200
    teks = respons.content.decode()
    for nilai in METADATA.values():
        if isinstance(nilai, str):
            assert nilai in teks, nilai
    for label in [
        "Tipe dokumen",
        "T.E.U. badan",
        "Singkatan jenis",
        "Tanggal pengundangan",
        "Lokasi",
        "Bidang hukum",
        "Penandatangan",
        "Pemrakarsa",
        "Naskah",
        "Subjek",
        "Bahasa",
        "Sumber",
    ]:
        assert f"<dt>{label}</dt>" in teks, label
    assert "20 September 2024" in teks and "21 September 2024" in teks
    assert produk.jenis.singkatan in teks and produk.jenis.nama in teks
    # The catalogue heading is built from the office, never typed.
    assert "<dd>Indonesia. Komisi Pemilihan Umum Kabupaten Uji" in teks
    assert 'class="lencana lencana-berlaku">Berlaku<' in teks


def test_relasi_dua_arah_sebagai_tautan_dan_hanya_ke_produk_terbit(client):
    lama = buat_produk(judul="Tata Kerja Lama", berkas=False)
    baru = buat_produk(judul="Tata Kerja Baru", berkas=False)
    draf = buat_produk(judul="Rancangan Draf", terbit=False, berkas=False)
    relasikan(baru, JenisRelasi.MENCABUT, lama)
    relasikan(draf, JenisRelasi.MENGUBAH, lama)
    teks_lama = client.get(url("detail", lama)).content.decode()
    assert "Dicabut dengan" in teks_lama
    assert f'href="{baru.get_absolute_url()}"' in teks_lama
    assert "Rancangan Draf" not in teks_lama
    assert 'lencana-tidak-berlaku">Tidak Berlaku<' in teks_lama
    teks_baru = client.get(url("detail", baru)).content.decode()
    assert "Mencabut" in teks_baru and f'href="{lama.get_absolute_url()}"' in teks_baru


def test_riwayat_versi_dengan_keterangan_perbaikan_dan_unduhan_versi_lama(client):
    produk = buat_produk()
    versi_baru(produk, pdf_teks("Naskah versi dua"), keterangan="Perbaikan lampiran halaman 3")
    teks = client.get(url("detail", produk)).content.decode()
    assert "Versi 2 (berlaku sekarang)" in teks
    assert "Perbaikan lampiran halaman 3" in teks
    assert url("unduh-versi", produk, 1) in teks
    assert url("pratinjau", produk) in teks and "<iframe" in teks


def test_unduh_memakai_content_disposition_dan_menambah_penghitung(client):
    produk = buat_produk()
    respons = client.get(url("unduh", produk))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "application/pdf"
    assert respons["Content-Disposition"].startswith("attachment;")
    assert f"{produk.slug}.pdf" in respons["Content-Disposition"]
    assert b"".join(respons.streaming_content).startswith(b"%PDF-")
    pratinjau = client.get(url("pratinjau", produk))
    assert pratinjau["Content-Disposition"].startswith("inline;")
    client.get(url("unduh", produk))
    assert ProdukHukum.objects.get(pk=produk.pk).jumlah_unduhan == 2


def test_halaman_detail_menambah_penghitung_dilihat(client):
    produk = buat_produk(berkas=False)
    for _ in range(3):
        client.get(url("detail", produk))
    assert ProdukHukum.objects.get(pk=produk.pk).jumlah_dilihat == 3


def test_slug_lama_dialihkan_ke_alamat_kanonik(client):
    produk = buat_produk(berkas=False)
    respons = client.get(f"/{produk.satker.slug}/produk/{produk.pk}-salah/")
    assert respons.status_code == 301
    assert respons["Location"] == produk.get_absolute_url()


def test_tag_opengraph(client):
    produk = buat_produk(berkas=False, abstrak="Ringkasan untuk pratinjau tautan.")
    teks = client.get(url("detail", produk)).content.decode()
    assert '<meta property="og:type" content="article">' in teks
    assert f'<meta property="og:title" content="{produk} tentang {produk.judul}">' in teks
    assert (
        f'<meta property="og:url" content="http://testserver{produk.get_absolute_url()}">' in teks
    )
    assert 'og:description" content="Ringkasan untuk pratinjau tautan.' in teks


def test_status_tidak_berlaku_manual_tampil(client):
    produk = buat_produk(berkas=False, status=StatusBerlaku.TIDAK_BERLAKU)
    teks = client.get(url("detail", produk)).content.decode()
    assert "lencana-tidak-berlaku" in teks


def test_preview_may_be_framed_by_our_own_pages_only(client):
    produk = buat_produk()
    assert client.get(url("pratinjau", produk))["X-Frame-Options"] == "SAMEORIGIN"
    assert client.get(produk.get_absolute_url())["X-Frame-Options"] == "DENY"
