"""Share cards (documents.kartu, publicsite.views_kartu): every element inside
the margins and apart from the others, titles wrapped on whole words and
shrunk or cut at a word boundary, a QR code that reads back the product's
URL, and a view that serves only what the public may see."""

import io
import itertools
import shutil

import pytest
import zxingcpp
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image, ImageOps

from documents import kartu
from documents.kartu import UKURAN, IsiKartu, gambar_kartu, isi_dari_produk
from documents.models import Jenis, ProdukHukum, StatusBerlaku
from documents.publikasi import turunkan
from publicsite import views_kartu
from tests.factories import buat_jenis, buat_produk, buat_satker
from tests.publik_helpers import url

JUDUL_PENDEK = "Penetapan DPT Pemilu"
JUDUL_PANJANG = (
    "Perubahan Kedua atas Keputusan Komisi Pemilihan Umum Kabupaten Kotawaringin Timur "
    "Nomor 12/HK.03.1-Kpt/6202/KPU-Kab/2024 tentang Pedoman Teknis Pembentukan Panitia "
    "Pemilihan Kecamatan, Panitia Pemungutan Suara, dan Kelompok Penyelenggara Pemungutan "
    "Suara dalam Penyelenggaraan Pemilihan Gubernur dan Wakil Gubernur, Bupati dan Wakil "
    "Bupati, serta Wali Kota dan Wakil Wali Kota Tahun 2024 dan Evaluasi"
)
URL = "https://jdih.kpu-kotimkab.go.id/kotawaringin-timur/produk/4821-kpts-kpu-kabkota-2/"
WAJIB = {"satker", "identitas", "judul", "status", "qr", "kaki"}


def isi(judul=JUDUL_PENDEK, berlaku=True, **kw) -> IsiKartu:
    return IsiKartu(
        satker=kw.get("satker", "KPU Kabupaten Kotawaringin Timur"),
        identitas=kw.get("identitas", "Kpts KPU Kab/Kota Nomor 2/HK.03.1-Kpt/9204/KPU-Kab/2026"),
        judul=judul,
        status="Berlaku" if berlaku else "Tidak Berlaku",
        berlaku=berlaku,
        url=kw.get("url", URL),
        situs="jdih.kpu-kotimkab.go.id",
    )


_kartu_cache = {}


def kartu_dari(ukuran, judul=JUDUL_PENDEK, berlaku=True):
    kunci = (ukuran, judul, berlaku)
    if kunci not in _kartu_cache:
        _kartu_cache[kunci] = gambar_kartu(isi(judul, berlaku), ukuran)
    return _kartu_cache[kunci]


SEMUA = [(u, j) for u in UKURAN for j in ("pendek", "panjang")]
JUDUL = {"pendek": JUDUL_PENDEK, "panjang": JUDUL_PANJANG}


def test_judul_uji_sepanjang_yang_diminta():
    assert len(JUDUL_PENDEK) == 20 and len(JUDUL_PANJANG) == 400


# --- the image ------------------------------------------------------------------


@pytest.mark.parametrize("ukuran,judul", SEMUA)
def test_png_terbuka_dengan_ukuran_tepat(ukuran, judul):
    png, tata = kartu_dari(ukuran, JUDUL[judul])
    gambar = Image.open(io.BytesIO(png))
    assert gambar.format == "PNG"
    assert gambar.size == UKURAN[ukuran] == tata.kanvas
    assert len(png) < 300_000


@pytest.mark.parametrize("ukuran,judul", SEMUA)
def test_setiap_kotak_di_dalam_kanvas_dengan_tepinya(ukuran, judul):
    _, tata = kartu_dari(ukuran, JUDUL[judul])
    lebar, tinggi = tata.kanvas
    assert WAJIB <= set(tata.kotak)
    assert tata.tepi >= min(lebar, tinggi) * 0.035
    for nama, (x0, y0, x1, y1) in tata.kotak.items():
        assert x0 < x1 and y0 < y1, nama
        assert tata.tepi <= x0 and x1 <= lebar - tata.tepi, nama
        assert tata.tepi <= y0 and y1 <= tinggi - tata.tepi, nama


@pytest.mark.parametrize("ukuran,judul", SEMUA)
def test_tidak_ada_dua_kotak_yang_bertumpuk(ukuran, judul):
    _, tata = kartu_dari(ukuran, JUDUL[judul])
    for (a, ka), (b, kb) in itertools.combinations(tata.kotak.items(), 2):
        terpisah = ka[2] <= kb[0] or kb[2] <= ka[0] or ka[3] <= kb[1] or kb[3] <= ka[1]
        assert terpisah, f"{a} {ka} menumpuk {b} {kb}"


def _kata_tampil(baris):
    teks = " ".join(baris)
    dipotong = teks.endswith(kartu.ELIPSIS)
    return teks.removesuffix(kartu.ELIPSIS).split(), dipotong


@pytest.mark.parametrize("ukuran,judul", SEMUA)
def test_baris_judul_adalah_kata_utuh_judul_asli_berurutan(ukuran, judul):
    asli = JUDUL[judul]
    _, tata = kartu_dari(ukuran, asli)
    kata, dipotong = _kata_tampil(tata.baris_judul)
    assert dipotong == tata.dipotong
    if not dipotong:
        assert " ".join(tata.baris_judul) == asli
    else:
        kata_asli = asli.split()
        n = len(kata)
        assert 0 < n < len(kata_asli)
        assert kata[:-1] == kata_asli[: n - 1]
        # The last word whole; only a trailing comma or the like may go before "…".
        assert kata[-1] == kata_asli[n - 1].rstrip(kartu.TANDA_AKHIR)
        assert kata[-1].lower() not in kartu.KATA_SAMBUNG


@pytest.mark.parametrize("ukuran", UKURAN)
def test_judul_pendek_utuh_dan_besar(ukuran):
    _, tata = kartu_dari(ukuran, JUDUL_PENDEK)
    assert not tata.dipotong
    assert tata.ukuran_huruf_judul == kartu.SPEK[ukuran].judul[0]


@pytest.mark.parametrize("ukuran", UKURAN)
def test_judul_panjang_mengecil_lalu_muat_atau_dipotong_di_batas_kata(ukuran):
    _, pendek = kartu_dari(ukuran, JUDUL_PENDEK)
    _, panjang = kartu_dari(ukuran, JUDUL_PANJANG)
    assert panjang.ukuran_huruf_judul < pendek.ukuran_huruf_judul
    assert panjang.ukuran_huruf_judul >= kartu.SPEK[ukuran].judul[1]
    if panjang.dipotong:
        # Cut only at the smallest size, never while a smaller one was allowed.
        assert panjang.ukuran_huruf_judul == kartu.SPEK[ukuran].judul[1]
        assert panjang.baris_judul[-1].endswith(kartu.ELIPSIS)
    else:
        assert " ".join(panjang.baris_judul) == JUDUL_PANJANG


@pytest.mark.parametrize("ukuran", UKURAN)
def test_judul_sangat_panjang_selalu_dipotong_dengan_elipsis(ukuran):
    judul = " ".join([JUDUL_PANJANG] * 5)
    _, tata = kartu_dari(ukuran, judul)
    assert tata.dipotong and tata.baris_judul[-1].endswith(kartu.ELIPSIS)
    kata, _ = _kata_tampil(tata.baris_judul)
    assert kata[:-1] == judul.split()[: len(kata) - 1]


def test_ukuran_judul_turun_seiring_panjangnya():
    sedang = "Penetapan Daftar Pemilih Tetap Pemilihan Umum Anggota Dewan Perwakilan Rakyat Daerah"
    ukuran = [
        kartu_dari("persegi", j)[1].ukuran_huruf_judul
        for j in (JUDUL_PENDEK, sedang, JUDUL_PANJANG)
    ]
    assert ukuran == sorted(ukuran, reverse=True) and ukuran[0] > ukuran[2]


def test_kata_tanpa_spasi_lebih_lebar_dari_baris_tetap_di_dalam_kanvas():
    judul = "Lampiran " + "A/" * 200 + "Akhir"
    png, tata = gambar_kartu(isi(judul), "persegi")
    x0, _, x1, _ = tata.kotak["judul"]
    assert tata.tepi <= x0 and x1 <= tata.kanvas[0] - tata.tepi


@pytest.mark.parametrize("ukuran", UKURAN)
def test_nama_kantor_nomor_dan_situs_terpanjang_tetap_rapi(ukuran):
    """The longest values the models allow still keep every element inside
    the margins and apart: the band grows, the names shrink or are cut."""
    isi_ekstrem = isi(
        JUDUL_PANJANG,
        satker=("Komisi Pemilihan Umum Kabupaten Kepulauan Siau Tagulandang Biaro " * 4)[:200],
        identitas="Kpts Sekretaris KPU Prov/Kab Nomor "
        + "123/PL.02.1-Kpt/7109/KPU-Kab/" * 3
        + "2026",
    )
    isi_ekstrem = IsiKartu(**{**isi_ekstrem.__dict__, "situs": "jdih." + "a" * 60 + ".go.id"})
    png, tata = gambar_kartu(isi_ekstrem, ukuran)
    lebar, tinggi = tata.kanvas
    for nama, (x0, y0, x1, y1) in tata.kotak.items():
        assert tata.tepi <= x0 < x1 <= lebar - tata.tepi, nama
        assert tata.tepi <= y0 < y1 <= tinggi - tata.tepi, nama
    for (a, ka), (b, kb) in itertools.combinations(tata.kotak.items(), 2):
        assert ka[2] <= kb[0] or kb[2] <= ka[0] or ka[3] <= kb[1] or kb[3] <= ka[1], (a, b)
    assert tata.baris_judul  # some of the title is still there
    teks = [h.text for h in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]
    assert teks == [URL]


@pytest.mark.parametrize("ukuran,judul", SEMUA)
def test_qr_terbaca_ke_alamat_produk(ukuran, judul):
    png, tata = kartu_dari(ukuran, JUDUL[judul])
    hasil = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert [(h.format, h.text) for h in hasil] == [(zxingcpp.BarcodeFormat.QRCode, URL)]
    # And it is where the layout says it is.
    x0, y0, x1, y1 = tata.kotak["qr"]
    pos = hasil[0].position
    assert x0 <= pos.top_left.x < pos.bottom_right.x <= x1
    assert y0 <= pos.top_left.y < pos.bottom_right.y <= y1


@pytest.mark.parametrize("ukuran", UKURAN)
def test_lencana_tidak_berlaku_berwarna_lain_dan_lebih_lebar(ukuran):
    png_b, berlaku = kartu_dari(ukuran, JUDUL_PENDEK, True)
    png_t, tidak = kartu_dari(ukuran, JUDUL_PENDEK, False)

    def warna_lencana(png, tata):
        x0, y0, x1, y1 = tata.kotak["status"]
        gambar = Image.open(io.BytesIO(png)).convert("RGB")
        return gambar.getpixel((x0 + (y1 - y0) // 2, y0 + 3))  # inside the pill, off the text

    hijau, abu = warna_lencana(png_b, berlaku), warna_lencana(png_t, tidak)
    assert berlaku.warna_lencana == kartu.HIJAU and tidak.warna_lencana == kartu.BATU
    assert sum(abs(a - b) for a, b in zip(hijau, abu, strict=True)) > 80
    assert max(abs(a - b) for a, b in zip(hijau, kartu.HIJAU, strict=True)) < 24
    lebar = {
        n: t.kotak["status"][2] - t.kotak["status"][0] for n, t in (("b", berlaku), ("t", tidak))
    }
    assert lebar["t"] > lebar["b"]


tanpa_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tanpa tesseract")


def _ocr(gambar: Image.Image) -> str:
    from documents.ocr import kenali_gambar

    keluar = io.BytesIO()
    gambar.convert("L").save(keluar, "PPM")
    return " ".join(kenali_gambar(keluar.getvalue()).split())


def _teks_lencana(png, tata) -> str:
    x0, y0, x1, y1 = tata.kotak["status"]
    lencana = Image.open(io.BytesIO(png)).convert("L").crop((x0, y0, x1, y1))
    # White letters on a coloured pill: black on white for tesseract.
    lencana = ImageOps.expand(lencana.point(lambda v: 0 if v > 200 else 255), 30, fill=255)
    return _ocr(lencana)


@tanpa_tesseract
@pytest.mark.parametrize("ukuran", UKURAN)
def test_lencana_bertulisan_statusnya(ukuran):
    teks = _teks_lencana(*kartu_dari(ukuran, JUDUL_PENDEK, False))
    assert "Tidak Berlaku" in teks
    teks = _teks_lencana(*kartu_dari(ukuran, JUDUL_PENDEK, True))
    assert "Berlaku" in teks and "Tidak" not in teks


@tanpa_tesseract
def test_seluruh_teks_kartu_terbaca_mesin():
    png, _ = kartu_dari("persegi", JUDUL_PENDEK)
    teks = _ocr(Image.open(io.BytesIO(png)))
    for bagian in (
        "KPU Kabupaten Kotawaringin Timur",
        "2/HK.03.1-Kpt/9204/KPU-Kab/2026",
        "tentang",
        JUDUL_PENDEK,
        "jdih.kpu-kotimkab.go.id",
    ):
        assert bagian in teks


def test_ukuran_tak_dikenal_ditolak():
    with pytest.raises(ValueError):
        gambar_kartu(isi(), "spanduk")


# --- from a product, and the view --------------------------------------------------


def url_kartu(produk, ukuran="persegi"):
    return url("kartu", produk, ukuran)


@pytest.mark.django_db
def test_isi_kartu_dari_produk():
    satker = buat_satker("KPU Kabupaten Sorong Selatan", slug="sorong-selatan")
    jenis = buat_jenis("Kpts KPU Kab/Kota", nama="Keputusan KPU Kabupaten/Kota")
    produk = buat_produk(
        satker,
        jenis,
        nomor="2/HK.03.1-Kpt/9204/KPU-Kab/2026",
        tahun=2026,
        judul="Penetapan  Daftar\nPemilih Tetap",
        berkas=False,
    )
    hasil = isi_dari_produk(produk)
    assert hasil.satker == "KPU Kabupaten Sorong Selatan"
    assert hasil.identitas == "Kpts KPU Kab/Kota Nomor 2/HK.03.1-Kpt/9204/KPU-Kab/2026"
    assert hasil.judul == "Penetapan Daftar Pemilih Tetap"
    assert (hasil.status, hasil.berlaku) == ("Berlaku", True)
    assert hasil.url == settings.JDIH_SITE_URL + produk.get_absolute_url()
    assert hasil.situs and hasil.situs in settings.JDIH_SITE_URL


@pytest.mark.django_db
def test_isi_kartu_produk_tidak_berlaku():
    produk = buat_produk(status=StatusBerlaku.TIDAK_BERLAKU, berkas=False)
    hasil = isi_dari_produk(produk)
    assert (hasil.status, hasil.berlaku) == ("Tidak Berlaku", False)


@pytest.mark.django_db
@pytest.mark.parametrize("ukuran", UKURAN)
def test_kartu_produk_terbit_dilayani_sebagai_png(client, ukuran):
    produk = buat_produk(berkas=False)
    respons = client.get(url_kartu(produk, ukuran))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "image/png"
    assert respons["Cache-Control"] == "public, max-age=3600"
    gambar = Image.open(io.BytesIO(respons.content))
    assert gambar.size == UKURAN[ukuran]
    teks = [h.text for h in zxingcpp.read_barcodes(gambar)]
    assert teks == [settings.JDIH_SITE_URL + produk.get_absolute_url()]


@pytest.mark.django_db
def test_kartu_produk_draf_404(client):
    produk = buat_produk(terbit=False, berkas=False)
    assert client.get(url_kartu(produk)).status_code == 404


@pytest.mark.django_db
def test_kartu_produk_diturunkan_404(client):
    produk = buat_produk()
    turunkan(produk)
    assert client.get(url_kartu(produk)).status_code == 404


@pytest.mark.django_db
def test_kartu_ukuran_tak_dikenal_404(client):
    produk = buat_produk(berkas=False)
    assert client.get(url_kartu(produk, "spanduk")).status_code == 404
    assert client.get(url_kartu(produk, "persegi").replace(".png", ".jpg")).status_code == 404


@pytest.mark.django_db
def test_kartu_produk_satker_lain_atau_tak_dikenal_404(client):
    produk = buat_produk(berkas=False)
    lain = buat_satker()
    alamat = url_kartu(produk).replace(f"/{produk.satker.slug}/", f"/{lain.slug}/", 1)
    assert client.get(alamat).status_code == 404
    alamat = url_kartu(produk).replace(f"/{produk.pk}-", f"/{produk.pk + 999}-", 1)
    assert client.get(alamat).status_code == 404


@pytest.mark.django_db
def test_kartu_dengan_slug_lama_dialihkan_ke_alamat_kanonis(client):
    produk = buat_produk(berkas=False)
    alamat = url_kartu(produk, "cerita").replace(f"/{produk.pk}-{produk.slug}/", f"/{produk.pk}-x/")
    respons = client.get(alamat)
    assert respons.status_code == 301
    assert respons["Location"] == url_kartu(produk, "cerita")


@pytest.mark.django_db
def test_kartu_hanya_digambar_sekali_selama_produk_tidak_berubah(client, monkeypatch):
    produk = buat_produk(berkas=False)
    gambar = []

    def hitung(isi_kartu, ukuran):
        gambar.append(ukuran)
        return gambar_kartu(isi_kartu, ukuran)

    monkeypatch.setattr(views_kartu, "gambar_kartu", hitung)
    pertama = client.get(url_kartu(produk))
    kedua = client.get(url_kartu(produk))
    assert pertama.content == kedua.content
    assert gambar == ["persegi"]
    client.get(url_kartu(produk, "tautan"))
    assert gambar == ["persegi", "tautan"]
    # HEAD is served too, from the same cache.
    assert client.head(url_kartu(produk)).status_code == 200
    assert gambar == ["persegi", "tautan"]


@pytest.mark.django_db
def test_kartu_dari_cache_cukup_satu_kueri_tanpa_sesi(client):
    produk = buat_produk(berkas=False)
    client.get(url_kartu(produk))
    with CaptureQueriesContext(connection) as kueri:
        respons = client.get(url_kartu(produk))
    assert respons.status_code == 200
    assert len(kueri.captured_queries) == 1
    assert "Set-Cookie" not in respons and not respons.cookies


@pytest.mark.django_db
def test_kunci_cache_berubah_saat_produk_berubah_dan_kartu_baru_tampil(client):
    produk = buat_produk()
    awal = client.get(url_kartu(produk)).content
    segar = ProdukHukum.objects.select_related("satker", "jenis").get(pk=produk.pk)
    kunci_awal = views_kartu.kunci_kartu(segar, isi_dari_produk(segar), "persegi", "testserver")
    segar.status = StatusBerlaku.TIDAK_BERLAKU
    segar.save()
    kunci_baru = views_kartu.kunci_kartu(segar, isi_dari_produk(segar), "persegi", "testserver")
    assert kunci_baru != kunci_awal
    baru = client.get(url_kartu(produk)).content
    assert baru != awal
    assert Image.open(io.BytesIO(baru)).size == UKURAN["persegi"]


@pytest.mark.django_db
def test_kartu_tersimpan_langsung_404_setelah_diturunkan(client):
    produk = buat_produk()
    assert client.get(url_kartu(produk)).status_code == 200
    turunkan(ProdukHukum.objects.get(pk=produk.pk))
    assert client.get(url_kartu(produk)).status_code == 404


@pytest.mark.django_db
def test_ganti_nama_jenis_menggambar_kartu_baru(client):
    produk = buat_produk(berkas=False)
    awal = client.get(url_kartu(produk)).content
    Jenis.objects.filter(pk=produk.jenis_id).update(singkatan="KPTS-BARU")
    respons = client.get(url_kartu(produk), follow=True)
    assert respons.status_code == 200
    assert respons.content != awal


@pytest.mark.django_db
def test_detail_page_names_the_link_preview_card_as_og_image(client):
    import re

    produk = buat_produk()
    html = client.get(produk.get_absolute_url()).content.decode()
    gambar = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert gambar.startswith("http://testserver/") and "/kartu-tautan.png?v=" in gambar
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    respons = client.get(gambar.removeprefix("http://testserver"))
    assert respons.status_code == 200
    assert Image.open(io.BytesIO(respons.content)).size == (1200, 630)
