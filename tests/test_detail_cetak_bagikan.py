"""The detail page on paper and in a reader's hands: a print layout without
navigation, a banner on a corrected product, share links without third-party
scripts, a copyable link and citation, a QR code of the page's address, the
favicon, and a header that carries the Satker's pages."""

import html
from pathlib import Path
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_tanggal

from documents.models import ProdukHukum, StatusPublikasi
from documents.publikasi import turunkan
from publicsite.bagikan import judul_lengkap, sitasi
from tests.factories import buat_jenis, buat_produk, buat_satker, pdf_teks
from tests.publik_helpers import http_polos, url, versi_baru  # noqa: F401

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"


def _produk(**kw):
    satker = buat_satker(
        nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur", tingkat="kabupaten-kota"
    )
    jenis = buat_jenis(singkatan="KEP-KAB", nama="Keputusan KPU Kabupaten")
    return buat_produk(
        satker=satker,
        jenis=jenis,
        nomor="45/PL.01.8-Kpt/2024",
        judul="Penetapan Daftar Pemilih Tetap",
        abstrak="Menetapkan daftar pemilih tetap.",
        **kw,
    )


# --- citation and share links ----------------------------------------------------


@pytest.mark.django_db
def test_sitasi_memakai_nama_badan_jenis_nomor_judul_alamat_dan_tanggal_akses():
    produk = _produk()
    hari = timezone.datetime(2026, 3, 5).date()
    assert sitasi(produk, "https://jdih.example/x/", hari) == (
        "Komisi Pemilihan Umum Kabupaten Kotawaringin Timur, Keputusan KPU Kabupaten Nomor "
        "45/PL.01.8-Kpt/2024 tentang Penetapan Daftar Pemilih Tetap, https://jdih.example/x/, "
        "diakses 5 Maret 2026."
    )
    produk.nomor = "7"
    assert judul_lengkap(produk).startswith("Keputusan KPU Kabupaten Nomor 7 Tahun 2024 tentang")


@pytest.mark.django_db
def test_tautan_bagikan_polos_dengan_alamat_terenkode_tanpa_skrip_pihak_ketiga(client):
    produk = _produk()
    teks = client.get(url("detail", produk)).content.decode()
    alamat = f"http://testserver{produk.get_absolute_url()}"
    dikodekan = quote(alamat, safe="")
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={dikodekan}"' in teks
    assert "https://wa.me/?text=" in teks and dikodekan in teks
    assert "https://x.com/intent/post?text=" in teks and f"url={dikodekan}" in teks
    skrip = [b.split('"')[1] for b in teks.split("<script src=")[1:]]
    assert skrip and all(s.startswith("/static/") for s in skrip)
    # Without JS the link is a visible, selectable field; the copy buttons wait for JS.
    assert f'<input id="tautan-halaman" type="url" value="{alamat}" readonly>' in teks
    assert 'data-salin="tautan-halaman" data-pesan="Tautan disalin." hidden>' in teks
    tanggal = format_tanggal(timezone.localdate(), "j F Y")
    assert html.escape(sitasi(produk, alamat)) in teks and tanggal in teks


# --- correction banner ---------------------------------------------------------


@pytest.mark.django_db
def test_spanduk_perbaikan_menaut_ke_keterangan_versi(client):
    produk = _produk()
    teks = client.get(url("detail", produk)).content.decode()
    assert "telah diperbaiki" not in teks
    turunkan(ProdukHukum.objects.get(pk=produk.pk))
    versi = versi_baru(produk, pdf_teks("Naskah perbaikan"), keterangan="Salah ketik lampiran")
    ProdukHukum.objects.filter(pk=produk.pk).update(status_publikasi=StatusPublikasi.TERBIT)
    versi_baru_terbit = produk.versi.get(pk=versi.pk)
    teks = client.get(url("detail", produk)).content.decode()
    tanggal = format_tanggal(timezone.localtime(versi_baru_terbit.diterbitkan_pada), "j F Y")
    assert "Produk hukum ini telah diperbaiki pada" in teks and tanggal in teks
    assert '<a href="#versi-2">lihat keterangan</a>' in teks
    assert '<li id="versi-2">' in teks and "Salah ketik lampiran" in teks


# --- QR code -------------------------------------------------------------------


@pytest.mark.django_db
def test_kode_qr_svg_alamat_kanonik_dapat_disimpan_cache(client):
    produk = _produk()
    respons = client.get(url("kode-qr", produk))
    assert respons.status_code == 200
    assert respons["Content-Type"] == "image/svg+xml"
    assert "max-age=86400" in respons["Cache-Control"] and "public" in respons["Cache-Control"]
    svg = respons.content.decode()
    assert "<svg" in svg and "viewBox" in svg and "style=" not in svg
    assert f"http://testserver{produk.get_absolute_url()}" in svg
    assert client.get(url("kode-qr", produk), HTTP_IF_NONE_MATCH=respons["ETag"]).status_code == 304
    assert url("kode-qr", produk) in client.get(url("detail", produk)).content.decode()


@pytest.mark.django_db
def test_kode_qr_draf_dan_diturunkan_404(client):
    draf = buat_produk(terbit=False)
    assert client.get(url("kode-qr", draf)).status_code == 404
    produk = buat_produk()
    turunkan(produk)
    assert client.get(url("kode-qr", produk)).status_code == 404


# --- favicon and header ----------------------------------------------------------


@pytest.mark.django_db
def test_favicon_ditautkan_dan_tersedia(client):
    teks = client.get("/").content.decode()
    assert 'rel="icon" href="/static/ikon/favicon.svg" type="image/svg+xml"' in teks
    assert 'href="/static/ikon/favicon.ico"' in teks
    respons = client.get("/favicon.ico")
    assert respons.status_code == 302 and respons["Location"] == "/static/ikon/favicon.ico"
    for nama in ["favicon.svg", "favicon.ico", "apple-touch-icon.png", "tanda-kpu.svg"]:
        assert (Path(__file__).parent.parent / "static" / "ikon" / nama).exists()


@pytest.mark.django_db
def test_kepala_halaman_satker_dan_detail_memuat_nama_dan_menu_satker(client):
    produk = _produk()
    for alamat in [
        reverse("publicsite:satker", args=["kotawaringin-timur"]),
        url("detail", produk),
    ]:
        teks = client.get(alamat).content.decode()
        kepala = teks.split('<header class="kepala">')[1].split("</header>")[0]
        assert '<span class="merek-nama">KPU Kabupaten Kotawaringin Timur</span>' in kepala
        assert 'href="/kotawaringin-timur/konten/"' in kepala
        assert "/static/ikon/tanda-kpu.svg" in kepala  # no logo uploaded: the default mark
        for nama in ["profil", "kontak", "survei", "statistik-satker"]:
            try:
                alamat_lain = reverse(f"publicsite:{nama}", args=["kotawaringin-timur"])
            except Exception:
                continue  # that page is not built yet; its link waits for it
            assert f'href="{alamat_lain}"' in kepala, nama
    beranda = client.get("/").content.decode().split("</header>")[0]
    assert "merek-nama" not in beranda and "JDIH KPU" in beranda


# --- in the browser ---------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_tata_letak_cetak_tanpa_navigasi_gambar_dan_tombol(page, live_server):
    produk = _produk()
    page.goto(live_server.url + produk.get_absolute_url())
    assert page.locator("nav.menu-lebar").is_visible()
    page.emulate_media(media="print")
    for pemilih in ["header.kepala", "nav", ".remah", "footer.kaki", "#baca", "#bagikan"]:
        assert page.locator(pemilih).first.is_hidden(), pemilih
    assert page.locator("img:visible, button:visible, iframe:visible").count() == 0
    assert page.locator("#judul-produk").is_visible()
    assert page.locator("#judul-metadata").is_visible()
    assert page.locator(".lembar-abstrak").is_visible()
    assert page.get_by_text("Sitasi: Komisi Pemilihan Umum Kabupaten").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_salin_tautan_dan_sitasi_dengan_js(page, live_server, context):
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    produk = _produk()
    page.goto(live_server.url + produk.get_absolute_url())
    page.get_by_role("button", name="Salin tautan").click()
    assert page.get_by_role("status").filter(has_text="Tautan disalin.").is_visible()
    assert page.evaluate("navigator.clipboard.readText()") == page.url
    page.get_by_role("button", name="Salin sitasi").click()
    assert page.evaluate("navigator.clipboard.readText()").endswith(
        f"{page.url}, diakses {format_tanggal(timezone.localdate(), 'j F Y')}."
    )
    assert page.get_by_role("img", name="Kode QR berisi alamat halaman ini").evaluate(
        "el => el.complete && el.naturalWidth > 0"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_menu_ringkas_di_ponsel_tanpa_js(browser, live_server):
    produk = _produk()
    konteks = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = konteks.new_page()
    page.goto(live_server.url + produk.get_absolute_url())
    assert page.locator("nav.menu-lebar").is_hidden()
    assert (
        page.get_by_role("textbox", name="Tautan halaman ini")
        .input_value()
        .endswith(produk.get_absolute_url())
    )
    assert page.get_by_role("button", name="Salin tautan").count() == 0  # hidden without JS
    kepala = page.locator("header.kepala").bounding_box()
    assert kepala["height"] < 120, kepala
    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Menu utama (ringkas)").get_by_role(
        "link", name="Konten"
    ).click()
    page.wait_for_url("**/kotawaringin-timur/konten/")
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], lebar
    konteks.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
@pytest.mark.parametrize("lebar", [390, 1280])
def test_axe_tanpa_pelanggaran_apa_pun_di_detail_dan_beranda_satker(page, live_server, lebar):
    if not AXE.exists():
        pytest.fail(f"axe-core belum terpasang di {AXE}; jalankan `make axe` (npm).")
    produk = _produk()
    versi_baru(produk, keterangan="Perbaikan salah ketik")
    page.set_viewport_size({"width": lebar, "height": 900})
    for alamat in [produk.get_absolute_url(), "/kotawaringin-timur/"]:
        page.goto(live_server.url + alamat)
        page.evaluate(AXE.read_text(encoding="utf-8"))
        hasil = page.evaluate(
            "async () => (await axe.run(document, {iframes: false, resultTypes: ['violations']}))"
            ".violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n =>"
            " n.target.join(' ')).slice(0, 5)}))"
        )
        assert hasil == [], (alamat, hasil)
