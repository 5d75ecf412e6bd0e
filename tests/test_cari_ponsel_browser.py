"""The search page in Chromium: on a phone (390×844) the filters fold away
and the first result is on the first screen; on a wide screen they are
open; a filter to correct is in sight; axe finds no violation of any impact."""

from pathlib import Path

import pytest

from tests.factories import buat_jenis, buat_produk
from tests.publik_helpers import http_polos  # noqa: F401

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]

PONSEL = {"width": 390, "height": 844}


@pytest.fixture
def katalog():
    jenis = buat_jenis()
    for i in range(12):
        buat_produk(
            jenis=jenis,
            judul=f"Penetapan Daftar Pemilih Tetap Pemilihan Umum Kecamatan {i}",
            abstrak="Menetapkan daftar pemilih tetap hasil rekapitulasi dalam rapat pleno.",
            berkas=False,
        )


def _pelanggaran(page):
    if not AXE.exists():
        pytest.fail(f"axe-core belum terpasang di {AXE}; jalankan `make axe` (npm).")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )


def test_di_ponsel_saringan_terlipat_dan_hasil_pertama_di_layar_pertama(page, live_server, katalog):
    page.set_viewport_size(PONSEL)
    page.goto(live_server.url + "/cari/?q=pemilih&tahun=2024&urut=nomor")
    lipat = page.locator("details.lipat-saringan")
    assert lipat.evaluate("d => d.open") is False
    assert page.locator("#id_jenis").is_hidden()
    assert "1 saringan aktif" in lipat.locator("summary").inner_text()
    pertama = page.locator(".daftar-produk .produk").first
    kotak = pertama.bounding_box()
    assert 0 <= kotak["y"] < PONSEL["height"] - 40, kotak
    # The title of the first result can be read, not only its top edge.
    judul = pertama.locator(".produk-judul").bounding_box()
    assert judul["y"] + judul["height"] <= PONSEL["height"], judul
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], lebar
    # One tap opens the filters, with the date range and tipe dokumen.
    lipat.locator("summary").click()
    assert page.locator("#id_tanggal_dari").is_visible()
    assert page.locator("#id_tanggal_dari").get_attribute("type") == "date"
    assert page.locator("#id_tipe").is_visible()


def test_di_layar_lebar_saringan_terbuka(page, live_server, katalog):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/cari/?q=pemilih")
    page.wait_for_function("() => document.querySelector('details.lipat-saringan').open")
    assert page.locator("#id_tanggal_sampai").is_visible()


def test_saringan_yang_salah_terlihat_di_ponsel(page, live_server, katalog):
    page.set_viewport_size(PONSEL)
    page.goto(
        live_server.url + "/cari/?q=pemilih&tanggal_dari=2024-05-01&tanggal_sampai=2024-01-01"
    )
    galat = page.locator("#id_tanggal_sampai-galat")
    assert galat.is_visible()
    assert "tidak boleh sebelum tanggal awal" in galat.inner_text()


def test_kata_kunci_simbol_saja_diberi_pesan_tanpa_daftar(page, live_server, katalog):
    page.set_viewport_size(PONSEL)
    page.goto(live_server.url + "/cari/")
    page.fill("#id_q", "%%%")
    page.click(".baris-cari button")
    page.wait_for_selector(".pesan-kueri")
    assert page.locator(".daftar-produk").count() == 0
    assert "huruf atau angka" in page.locator("#id_q-galat").inner_text()
    assert page.locator("#id_q").get_attribute("aria-invalid") == "true"


@pytest.mark.parametrize(
    "alamat,lebar",
    [
        ("/cari/?q=pemilih", 390),
        ("/cari/?q=pemilih&urut=nomor&tanggal_dari=2020-01-01", 1280),
        ("/cari/?q=%25%25%25", 390),
        ("/cari/?tanggal_dari=2024-05-01&tanggal_sampai=2024-01-01", 1280),
    ],
)
def test_axe_tanpa_pelanggaran_apa_pun(page, live_server, katalog, alamat, lebar):
    page.set_viewport_size({"width": lebar, "height": 900})
    page.goto(live_server.url + alamat)
    assert _pelanggaran(page) == []
