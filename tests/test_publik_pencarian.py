"""Public search (/cari/): full text over metadata and the PDF's text, filters,
sort, pagination, highlighted snippets, constant query count."""

import pytest
from django.db import connection

from documents.models import StatusBerlaku
from tests.factories import buat_jenis, buat_produk, buat_satker, pdf_teks
from tests.publik_helpers import versi_baru

pytestmark = pytest.mark.django_db


def _judul(respons):
    return [p.judul for p in respons.context["hasil"]]


def test_kata_yang_hanya_ada_di_dalam_pdf_ditemukan(client):
    produk = buat_produk(berkas=False, judul="Penertiban Alat Peraga")
    versi_baru(produk, pdf_teks("Pemasangan spanduk di jembatan dilarang."))
    buat_produk(judul="Penetapan Daftar Pemilih Tetap")
    respons = client.get("/cari/", {"q": "spanduk"})
    assert _judul(respons) == ["Penertiban Alat Peraga"]
    assert "<mark>spanduk</mark>" in respons.content.decode()


def test_teks_dari_pemrosesan_belakangan_ikut_terindeks(client):
    produk = buat_produk(judul="Rekapitulasi Hasil")
    versi = produk.versi.get()
    versi.teks = "Berita acara rekapitulasi memuat kata gorontalo"
    versi.save(update_fields=["teks"])
    assert _judul(client.get("/cari/", {"q": "gorontalo"})) == ["Rekapitulasi Hasil"]


def test_versi_yang_belum_terbit_tidak_ikut_dicari(client):
    produk = buat_produk(judul="Penetapan Jadwal")
    versi_baru(produk, pdf_teks("Kata rahasiaperbaikan hanya di versi draf"), terbit=False)
    assert _judul(client.get("/cari/", {"q": "rahasiaperbaikan"})) == []


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Stemming bahasa Indonesia hanya ada pada konfigurasi 'indonesian' PostgreSQL.",
)
def test_stem_pemilih_menemukan_pemilihan(client):
    buat_produk(judul="Tahapan Pemilihan Bupati", berkas=False)
    buat_produk(judul="Pengadaan Logistik", berkas=False)
    assert _judul(client.get("/cari/", {"q": "pemilih"})) == ["Tahapan Pemilihan Bupati"]


def test_mencari_judul_nomor_subjek_dan_abstrak(client):
    buat_produk(judul="Pembentukan Badan Ad Hoc", berkas=False)
    buat_produk(nomor="77/PL.01-Kpt/2023", berkas=False, judul="A")
    buat_produk(subjek="kampanye, alat peraga", berkas=False, judul="B")
    buat_produk(abstrak="Mengatur honorarium sukarelawan", berkas=False, judul="C")
    assert _judul(client.get("/cari/", {"q": "ad hoc"})) == ["Pembentukan Badan Ad Hoc"]
    assert _judul(client.get("/cari/", {"q": "PL.01-Kpt"})) == ["A"]
    assert _judul(client.get("/cari/", {"q": "kampanye"})) == ["B"]
    assert _judul(client.get("/cari/", {"q": "honorarium"})) == ["C"]


def test_saringan_jenis_tahun_nomor_status_satker_bidang(client):
    jenis = buat_jenis()
    satker = buat_satker()
    cocok = buat_produk(
        satker=satker,
        jenis=jenis,
        tahun=2019,
        nomor="5/HK.03-Kpt/2019",
        bidang_hukum="Hukum Tata Negara",
        judul="Cocok",
        berkas=False,
    )
    buat_produk(jenis=jenis, tahun=2019, judul="Satker lain", berkas=False)
    buat_produk(satker=satker, tahun=2020, judul="Tahun lain", berkas=False)
    buat_produk(
        satker=satker,
        jenis=jenis,
        tahun=2019,
        judul="Dicabut",
        berkas=False,
        status=StatusBerlaku.TIDAK_BERLAKU,
    )
    saringan = {
        "jenis": jenis.pk,
        "tahun": 2019,
        "nomor": "HK.03",
        "status": "berlaku",
        "satker": satker.slug,
        "bidang": "Hukum Tata Negara",
    }
    assert _judul(client.get("/cari/", saringan)) == [cocok.judul]
    assert _judul(client.get("/cari/", {"status": "tidak-berlaku"})) == ["Dicabut"]
    assert sorted(_judul(client.get("/cari/", {"satker": satker.slug, "tahun": 2019}))) == [
        "Cocok",
        "Dicabut",
    ]


def test_nilai_saringan_salah_dilaporkan_di_samping_bidang(client):
    buat_produk(judul="Tetap tampil", berkas=False)
    respons = client.get("/cari/", {"tahun": "abc"})
    assert respons.status_code == 200
    assert respons.context["form"].errors["tahun"]
    assert _judul(respons) == ["Tetap tampil"]


def test_urut_relevansi_dan_tanggal(client):
    from datetime import date

    lama = buat_produk(judul="Kampanye Pemilu", tanggal_penetapan=date(2020, 1, 1), berkas=False)
    baru = buat_produk(
        judul="Lain", abstrak="menyebut kampanye", tanggal_penetapan=date(2024, 5, 1), berkas=False
    )
    assert _judul(client.get("/cari/", {"q": "kampanye"})) == [lama.judul, baru.judul]
    assert _judul(client.get("/cari/", {"q": "kampanye", "urut": "terbaru"})) == [
        baru.judul,
        lama.judul,
    ]
    assert _judul(client.get("/cari/", {"q": "kampanye", "urut": "terlama"})) == [
        lama.judul,
        baru.judul,
    ]


def test_paginasi_dua_puluh_per_halaman(client):
    jenis = buat_jenis()
    for i in range(23):
        buat_produk(jenis=jenis, judul=f"Produk paginasi {i}", berkas=False)
    pertama = client.get("/cari/", {"q": "paginasi"})
    assert len(pertama.context["hasil"]) == 20
    assert pertama.context["halaman"].paginator.count == 23
    assert "halaman=2" in pertama.content.decode()
    kedua = client.get("/cari/", {"q": "paginasi", "halaman": 2})
    assert len(kedua.context["hasil"]) == 3


def test_cuplikan_meloloskan_html(client):
    buat_produk(abstrak="<script>alert(1)</script> tentang sosialisasi", berkas=False)
    teks = client.get("/cari/", {"q": "sosialisasi"}).content.decode()
    # Escaped (SQLite) or dropped by ts_headline (PostgreSQL): never markup.
    # (The page's own script is an external file, with no body.)
    assert "<script>" not in teks and "alert(1)</script>" not in teks
    assert "<mark>sosialisasi</mark>" in teks


@pytest.mark.parametrize("q", ["", "pemilih"])
def test_jumlah_kueri_pencarian_tetap(client, django_assert_num_queries, q):
    jenis = buat_jenis()

    def jumlah_kueri():
        from django.db import connection as c
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(c) as ctx:
            assert client.get("/cari/", {"q": q}).status_code == 200
        return len(ctx.captured_queries)

    buat_produk(jenis=jenis, judul="Daftar pemilih 0")
    sedikit = jumlah_kueri()
    for i in range(1, 12):
        buat_produk(jenis=jenis, judul=f"Daftar pemilih {i}", berkas=i % 2 == 0)
    with django_assert_num_queries(sedikit):
        respons = client.get("/cari/", {"q": q})
    assert len(respons.context["hasil"]) == 12


def test_hitungan_berhenti_di_batas_dan_halaman_memberi_tahu(client, monkeypatch):
    from publicsite import selectors

    monkeypatch.setattr(selectors.PaginatorTerbatas, "batas", 5)
    jenis = buat_jenis()
    for i in range(7):
        buat_produk(jenis=jenis, judul=f"Sosialisasi tahap {i}", berkas=False)
    respons = client.get("/cari/", {"q": "sosialisasi"})
    assert respons.context["halaman"].paginator.count == 5
    teks = respons.content.decode()
    assert "Lebih dari 5 produk hukum" in teks


hanya_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Pencarian frasa memakai indeks teks PostgreSQL."
)


@hanya_postgres
def test_frasa_dicari_pada_metadata_dan_kata_lain_juga_di_dalam_pdf(client):
    cocok = buat_produk(berkas=False, judul="Penetapan Daftar Pemilih Tetap")
    versi_baru(cocok, pdf_teks("Ketentuan tentang kampanye di tempat umum."))
    tanpa_kampanye = buat_produk(judul="Rekapitulasi Daftar Pemilih Sementara")
    buat_produk(judul="Pemilih Dalam Daftar Khusus", berkas=False, abstrak="kampanye")
    # The words in another order, and the phrase only inside the PDF: no match.
    hanya_pdf = buat_produk(berkas=False, judul="Pengadaan Logistik")
    versi_baru(hanya_pdf, pdf_teks("Rekapitulasi daftar pemilih dan kampanye."))
    assert sorted(_judul(client.get("/cari/", {"q": '"daftar pemilih"'}))) == [
        cocok.judul,
        tanpa_kampanye.judul,
    ]
    assert _judul(client.get("/cari/", {"q": '"daftar pemilih" kampanye'})) == [cocok.judul]
    assert _judul(client.get("/cari/", {"q": '"daftar pemilih" -kampanye'})) == [
        tanpa_kampanye.judul
    ]


@hanya_postgres
def test_satu_kata_berkutip_dan_frasa_dengan_or_tetap_menemukan_isi_pdf(client):
    produk = buat_produk(berkas=False, judul="Penertiban Alat Peraga")
    versi_baru(produk, pdf_teks("Pemasangan spanduk di jembatan dilarang."))
    assert _judul(client.get("/cari/", {"q": '"spanduk"'})) == [produk.judul]
    assert _judul(client.get("/cari/", {"q": '"daftar pemilih" or spanduk'})) == [produk.judul]


@hanya_postgres
def test_peringkat_relevansi_memakai_bobot_metadata(client):
    judul = buat_produk(berkas=False, judul="Honorarium Badan Ad Hoc")
    abstrak = buat_produk(berkas=False, judul="Lain", abstrak="Besaran honorarium panitia")
    hanya_pdf = buat_produk(berkas=False, judul="Pengadaan")
    versi_baru(hanya_pdf, pdf_teks("Pembayaran honorarium bulanan."))
    assert _judul(client.get("/cari/", {"q": "honorarium"})) == [
        judul.judul,
        abstrak.judul,
        hanya_pdf.judul,
    ]


@hanya_postgres
def test_indeks_metadata_ikut_diperbarui_saat_judul_berubah(client):
    produk = buat_produk(berkas=False, judul="Penetapan Jadwal Tahapan")
    produk.judul = "Penetapan Daftar Pemilih Tetap"
    produk.save()
    assert _judul(client.get("/cari/", {"q": '"daftar pemilih"'})) == [produk.judul]
