"""The monitoring page in a real browser (Debian chromium): a province
Kasubbag opens it, sees its regencies (and no other province's), drills into
one, downloads the CSV; axe finds no violation of any impact, and no page
scrolls sideways on a phone."""

import csv
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.alur_helpers import KATA_SANDI, buat_pengguna
from tests.pemantauan_helpers import buat_pohon, panen, pemantau, permohonan_terbuka, terbitkan
from tests.publik_helpers import http_polos  # noqa: F401

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


@pytest.fixture
def pohon():
    pohon = buat_pohon(2, 2, awalan="Jelajah")
    a = pohon.provinsi[0]
    k1, k2 = pohon.kabupaten[a.pk]
    terbitkan(k1, 2, abstrak="Menetapkan daftar pemilih.")
    terbitkan(k2, 1)  # no abstrak
    panen(k1, umur=timedelta(hours=3))
    permohonan_terbuka(k2, buat_pengguna("pengusul.jelajah"), umur=timedelta(days=2))
    pohon.pemantau = pemantau(a)
    return pohon


def _pelanggaran(page):
    if not AXE.exists():
        pytest.fail(f"axe-core belum terpasang di {AXE}; jalankan `make axe` (npm).")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )


def _masuk(page, live_server, user):
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", KATA_SANDI)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r"/staf/"))


def test_province_opens_monitoring_drills_down_and_downloads_csv(page, live_server, pohon):
    a, b = pohon.provinsi
    k1, k2 = pohon.kabupaten[a.pk]
    _masuk(page, live_server, pohon.pemantau)
    page.get_by_role("navigation", name="Menu staf").get_by_role("link", name="Pemantauan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Pemantauan JDIH: {a.nama}")
    tabel = page.locator("table.tabel-pemantauan")
    expect(tabel.get_by_role("link", name=k1.nama)).to_be_visible()
    expect(tabel.get_by_role("link", name=k2.nama)).to_be_visible()
    expect(page.get_by_text(b.nama)).to_have_count(0)
    expect(page.locator("svg[role=img]")).to_have_count(3)
    assert _pelanggaran(page) == []

    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh CSV").click()
    berkas = unduhan.value
    assert berkas.suggested_filename == f"pemantauan-{a.slug}-12b.csv"
    baris = list(csv.DictReader(io.StringIO(Path(berkas.path()).read_text("utf-8-sig"))))
    assert {r["satker"] for r in baris} == {a.nama, k1.nama, k2.nama}

    tabel.get_by_role("link", name=k2.nama).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Pemantauan JDIH: {k2.nama}")
    expect(page.get_by_role("navigation", name="Jejak satker").get_by_role("link")).to_have_text(
        [a.nama]
    )
    expect(page.get_by_role("heading", name="Permohonan yang melewati mutu baku")).to_be_visible()
    expect(page.get_by_text("Memberi disposisi", exact=False).first).to_be_visible()
    expect(page.get_by_role("cell", name="abstrak", exact=True)).to_be_visible()
    assert _pelanggaran(page) == []

    # Sorting by a column is a link; the form keeps the choice.
    page.goto(live_server.url + "/staf/pemantauan/")
    page.locator("table.tabel-pemantauan").get_by_role("link", name="Terbit dalam periode").click()
    expect(page.locator("th[aria-sort=descending]")).to_have_text("Terbit dalam periode")
    expect(page.locator("table.tabel-pemantauan tbody tr").first).to_contain_text(k1.nama)

    # Another province's page does not exist for this user.
    respons = page.goto(live_server.url + f"/staf/pemantauan/{b.slug}/")
    assert respons.status == 404


def test_phone_width_does_not_scroll_sideways(page, live_server, pohon):
    _masuk(page, live_server, pohon.pemantau)
    page.set_viewport_size({"width": 360, "height": 740})
    k2 = pohon.kabupaten[pohon.provinsi[0].pk][1]
    for alamat in ["/staf/pemantauan/", f"/staf/pemantauan/{k2.slug}/"]:
        page.goto(live_server.url + alamat)
        lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert lebar[0] <= lebar[1], (alamat, lebar)
        assert _pelanggaran(page) == []
