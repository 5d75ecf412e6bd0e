"""Automated accessibility check (axe-core, installed from npm into tests/axe
by `make test`) on home, search, detail and statistics, and a phone-width
layout check."""

from pathlib import Path

import pytest

from documents.models import JenisRelasi
from tests.factories import buat_produk
from tests.publik_helpers import http_polos, relasikan  # noqa: F401

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


@pytest.fixture
def produk():
    lama = buat_produk(judul="Penetapan Daftar Pemilih Sementara", abstrak="Daftar pemilih.")
    baru = buat_produk(
        judul="Penetapan Daftar Pemilih Tetap",
        abstrak="Menetapkan daftar pemilih tetap.",
        subjek="pemilih",
        bidang_hukum="Hukum Tata Negara",
    )
    relasikan(baru, JenisRelasi.MENCABUT, lama)
    return baru


def _halaman(live_server, produk):
    return {
        "beranda": "/",
        "pencarian": "/cari/?q=pemilih",
        "detail": produk.get_absolute_url(),
        "statistik": "/statistik/",
    }


def _pelanggaran_berat(page):
    if not AXE.exists():
        pytest.fail(f"axe-core belum terpasang di {AXE}; jalankan `make axe` (npm).")
    # Evaluated through the DevTools protocol: the site's CSP forbids inline
    # <script> tags, which is what add_script_tag would insert.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    # The PDF preview frame is the browser's own viewer, not our markup.
    hasil = page.evaluate(
        "async () => (await axe.run(document, {iframes: false, resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )
    return [v for v in hasil if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("nama", ["beranda", "pencarian", "detail", "statistik"])
def test_axe_tanpa_pelanggaran_serius_atau_kritis(page, live_server, produk, nama):
    page.goto(live_server.url + _halaman(live_server, produk)[nama])
    assert _pelanggaran_berat(page) == []


@pytest.mark.parametrize("nama", ["beranda", "pencarian", "detail", "statistik"])
def test_lebar_ponsel_tanpa_gulir_mendatar(page, live_server, produk, nama):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + _halaman(live_server, produk)[nama])
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], lebar
