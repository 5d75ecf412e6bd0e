"""Reading on phones: the worker renders the first pages of a naskah as
images, the detail page shows them lazily with the PDF beside them, and they
are served only for the version the public sees — never for a draft or a
taken-down product."""

import io

import pytest
from django.core.management import call_command
from django.test import TestCase
from PIL import Image

from documents import halaman_gambar
from documents.models import GambarHalaman, ProdukHukum, StatusPublikasi, VersiBerkas
from documents.publikasi import turunkan
from tests.factories import buat_produk, pdf_bytes
from tests.ocr_helpers import pdf_pindaian
from tests.publik_helpers import http_polos, isi, url, versi_baru  # noqa: F401


@pytest.fixture(autouse=True)
def _gambar_halaman_aktif(settings):
    # Whatever the suite's default, these tests need the page images.
    settings.JDIH_GAMBAR_HALAMAN_MAKS = 20


def url_gambar(produk, nomor_versi=1, halaman=1):
    return url("gambar-halaman", produk, nomor_versi, halaman)


# --- rendering -------------------------------------------------------------------


@pytest.mark.django_db
def test_versi_baru_mendapat_gambar_halaman_webp_selebar_1000_piksel():
    produk = buat_produk()
    versi = produk.versi_terbit()
    gambar = list(versi.gambar_halaman.order_by("nomor"))
    assert [g.nomor for g in gambar] == list(range(1, versi.jumlah_halaman + 1))
    with gambar[0].berkas.open("rb") as f:
        data = f.read()
    with Image.open(io.BytesIO(data)) as img:
        assert img.format == "WEBP"
        assert img.size == (gambar[0].lebar, gambar[0].tinggi)
    assert gambar[0].lebar == halaman_gambar.LEBAR
    assert gambar[0].tinggi <= 2 * halaman_gambar.LEBAR
    assert gambar[0].ukuran == len(data) < 200_000
    # One folder per version.
    assert gambar[0].berkas.name.startswith(f"halaman/{versi.pk}/")


@pytest.mark.django_db
def test_jumlah_gambar_dibatasi_dan_sisanya_ada_di_pdf(client, settings):
    settings.JDIH_GAMBAR_HALAMAN_MAKS = 2
    produk = buat_produk()
    versi = versi_baru(produk, pdf_bytes(halaman_tambahan=4))
    assert versi.jumlah_halaman > 2
    assert versi.gambar_halaman.count() == 2
    teks = client.get(url("detail", produk)).content.decode()
    assert teks.count('loading="lazy" decoding="async" alt="Halaman ') == 2
    assert f"Halaman selanjutnya (3–{versi.jumlah_halaman}) ada di PDF." in teks


@pytest.mark.django_db
def test_render_ulang_mengganti_gambar_lama_tanpa_berkas_yatim():
    produk = buat_produk()
    versi = produk.versi_terbit()
    lama = [g.berkas.name for g in versi.gambar_halaman.all()]
    storage = versi.berkas.storage
    with TestCase.captureOnCommitCallbacks(execute=True):
        halaman_gambar.buat_gambar_halaman(versi)
    baru = [g.berkas.name for g in versi.gambar_halaman.all()]
    assert len(baru) == len(lama) and set(baru).isdisjoint(lama)
    assert all(storage.exists(n) for n in baru)
    assert not any(storage.exists(n) for n in lama)


@pytest.mark.django_db
def test_gambar_halaman_terhapus_bersama_versinya():
    produk = buat_produk(terbit=False)
    versi = produk.versi.get()
    nama = [g.berkas.name for g in versi.gambar_halaman.all()]
    assert nama
    with TestCase.captureOnCommitCallbacks(execute=True):
        versi.delete()
    assert not GambarHalaman.objects.exists()
    assert not any(versi.berkas.storage.exists(n) for n in nama)


@pytest.mark.django_db
def test_gagal_membuat_gambar_tidak_menggagalkan_pemrosesan_versi(monkeypatch, caplog):
    def rusak(*args, **kwargs):
        raise RuntimeError("pdfium mogok")

    monkeypatch.setattr(halaman_gambar, "render_halaman", rusak)
    produk = buat_produk()
    versi = produk.versi.get()
    assert versi.status_proses == VersiBerkas.StatusProses.SELESAI
    assert versi.teks and versi.thumbnail
    assert not versi.gambar_halaman.exists()
    assert not GambarHalaman.objects.exists()


@pytest.mark.django_db
def test_pindaian_juga_mendapat_gambar_halaman():
    produk = buat_produk(berkas=False)
    versi = versi_baru(produk, pdf_pindaian(halaman=2))
    assert versi.teks_ocr
    assert versi.gambar_halaman.count() == 2


@pytest.mark.django_db
def test_lampiran_tidak_dirender():
    from documents.berkas import tambah_lampiran

    produk = buat_produk()
    with TestCase.captureOnCommitCallbacks(execute=True):
        lampiran = tambah_lampiran(produk, "Daftar TPS", io.BytesIO(pdf_bytes()))
    assert not GambarHalaman.objects.filter(versi__lampiran=lampiran).exists()


@pytest.mark.django_db
def test_perintah_mengantrekan_versi_terbit_yang_belum_bergambar(settings):
    settings.JDIH_GAMBAR_HALAMAN_MAKS = 0  # published before the feature existed
    terbit = buat_produk()
    draf = buat_produk(terbit=False)
    assert not GambarHalaman.objects.exists()
    settings.JDIH_GAMBAR_HALAMAN_MAKS = 20
    keluaran = io.StringIO()
    call_command("buat_gambar_halaman", stdout=keluaran)
    assert "Gambar halaman diantrekan untuk 1 versi." in keluaran.getvalue()
    assert terbit.versi_terbit().gambar_halaman.exists()
    assert not draf.versi.get().gambar_halaman.exists()
    # Idempotent: nothing left to queue.
    keluaran = io.StringIO()
    call_command("buat_gambar_halaman", "--langsung", stdout=keluaran)
    assert "untuk 0 versi" in keluaran.getvalue()


# --- serving ---------------------------------------------------------------------


@pytest.mark.django_db
def test_gambar_versi_publik_dilayani_webp_dengan_etag_dan_revalidasi(client):
    produk = buat_produk()
    respons = client.get(url_gambar(produk))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "image/webp"
    assert "no-cache" in respons["Cache-Control"] and "public" in respons["Cache-Control"]
    etag = respons["ETag"]
    assert b"".join(respons.streaming_content)[:4] == b"RIFF"
    lagi = client.get(url_gambar(produk), HTTP_IF_NONE_MATCH=etag)
    assert lagi.status_code == 304


@pytest.mark.django_db
def test_gambar_draf_404(client):
    produk = buat_produk(terbit=False)
    assert produk.versi.get().gambar_halaman.exists()
    assert client.get(url_gambar(produk)).status_code == 404


@pytest.mark.django_db
def test_gambar_setelah_diturunkan_404_walau_pernah_disimpan_peramban(client):
    produk = buat_produk()
    etag = client.get(url_gambar(produk))["ETag"]
    turunkan(ProdukHukum.objects.get(pk=produk.pk))
    assert client.get(url_gambar(produk)).status_code == 404
    assert client.get(url_gambar(produk), HTTP_IF_NONE_MATCH=etag).status_code == 404


@pytest.mark.django_db
def test_hanya_versi_yang_dilihat_publik_bukan_versi_lama_atau_draf_baru(client):
    produk = buat_produk()
    versi_baru(produk, terbit=False)  # a correction being prepared
    assert client.get(url_gambar(produk, 1)).status_code == 200
    assert client.get(url_gambar(produk, 2)).status_code == 404
    versi_baru(produk)  # version 3 published
    assert client.get(url_gambar(produk, 3)).status_code == 200
    assert client.get(url_gambar(produk, 1)).status_code == 404
    assert client.get(url_gambar(produk, 3, 99)).status_code == 404


@pytest.mark.django_db
def test_gambar_satker_lain_404(client):
    produk = buat_produk()
    lain = buat_produk()
    alamat = url_gambar(produk).replace(f"/{produk.satker.slug}/", f"/{lain.satker.slug}/", 1)
    assert client.get(alamat).status_code == 404


@pytest.mark.django_db
def test_detail_memuat_gambar_lazy_berukuran_dengan_alt_dan_unduhan(client):
    produk = buat_produk()
    versi = produk.versi_terbit()
    g = versi.gambar_halaman.get(nomor=1)
    teks = client.get(url("detail", produk)).content.decode()
    assert (
        f'<img src="{url_gambar(produk)}" width="{g.lebar}" height="{g.tinggi}" '
        f'loading="lazy" decoding="async" alt="Halaman 1 dari {versi.jumlah_halaman}">'
    ) in teks
    assert 'id="baca"' in teks and url("unduh", produk) in teks
    assert "halaman selanjutnya" not in teks.lower()


@pytest.mark.django_db
def test_detail_tanpa_gambar_memberi_tahu_pembaca_ponsel(client, settings):
    settings.JDIH_GAMBAR_HALAMAN_MAKS = 0
    produk = buat_produk()
    teks = client.get(url("detail", produk)).content.decode()
    assert 'class="halaman-naskah"' not in teks
    assert "Tampilan halaman untuk ponsel sedang disiapkan" in teks


@pytest.mark.django_db
def test_gambar_baru_menyegarkan_halaman_detail_yang_tersimpan(client, settings):
    settings.JDIH_GAMBAR_HALAMAN_MAKS = 0
    produk = buat_produk()
    assert url_gambar(produk) not in client.get(url("detail", produk)).content.decode()
    settings.JDIH_GAMBAR_HALAMAN_MAKS = 20
    call_command("buat_gambar_halaman", "--langsung", stdout=io.StringIO())
    assert url_gambar(produk) in client.get(url("detail", produk)).content.decode()


# --- in the browser, on a phone --------------------------------------------------


def _halaman_1_tampil_dan_termuat(page, live_server, produk):
    page.set_viewport_size({"width": 390, "height": 844})
    pdf_diminta = []
    page.on("request", lambda r: pdf_diminta.append(r.url) if "/pratinjau/" in r.url else None)
    page.goto(live_server.url + produk.get_absolute_url())
    page.locator("#baca").scroll_into_view_if_needed()
    gambar = page.get_by_role("img", name="Halaman 1 dari", exact=False)
    gambar.scroll_into_view_if_needed()
    gambar.wait_for(state="visible")
    page.wait_for_function(
        "el => el.complete && el.naturalWidth > 0", arg=gambar.element_handle(), timeout=15_000
    )
    kotak = gambar.bounding_box()
    assert kotak["width"] > 300 and kotak["y"] < 844 and kotak["y"] + kotak["height"] > 0
    # The reading view is the images: the PDF frame is not shown on a phone.
    assert not page.locator("iframe.pratinjau").is_visible()
    assert page.locator("#baca").get_by_role("link", name="Unduh PDF").is_visible()
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], lebar
    return pdf_diminta


@pytest.mark.parametrize("jenis", ["teks", "pindaian"])
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_ponsel_390_halaman_1_terlihat_dan_termuat(page, live_server, jenis):
    if jenis == "teks":
        produk = buat_produk(judul="Penetapan Daftar Pemilih Tetap")
    else:
        produk = buat_produk(berkas=False, judul="Penetapan Rekapitulasi Hasil")
        versi_baru(produk, pdf_pindaian(halaman=2))
    diminta = _halaman_1_tampil_dan_termuat(page, live_server, produk)
    assert not diminta, "PDF dimuat ke bingkai tersembunyi di ponsel"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_layar_lebar_tetap_memakai_penampil_pdf(page, live_server):
    produk = buat_produk()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + produk.get_absolute_url())
    assert page.locator("iframe.pratinjau").is_visible()
    assert not page.get_by_role("img", name="Halaman 1 dari", exact=False).is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_draf_tidak_pernah_menampilkan_gambar(page, live_server):
    produk = buat_produk(terbit=False)
    respons = page.goto(live_server.url + url_gambar(produk))
    assert respons.status == 404
    ProdukHukum.objects.filter(pk=produk.pk).update(status_publikasi=StatusPublikasi.TERBIT)
    assert page.goto(live_server.url + url_gambar(produk)).status == 404  # never published
