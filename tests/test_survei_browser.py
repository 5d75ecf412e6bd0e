"""The survey and the statistics pages in a real browser (Debian chromium):
a visitor fills the survey and is thanked, axe finds no violation of any
impact on the new public pages, no page scrolls sideways at 360 px, and an
evaluator reads the results and downloads the CSV."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from publicsite.models import KunjunganHalaman, KunjunganHarian
from survei.models import ResponsSurvei
from tests.alur_helpers import KATA_SANDI, buat_tim
from tests.factories import buat_produk, buat_satker
from tests.publik_helpers import http_polos  # noqa: F401
from tests.survei_helpers import buat_respons

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


@pytest.fixture(autouse=True)
def _cepat(settings):
    from django.core.cache import cache

    cache.clear()
    settings.JDIH_SURVEI_MIN_DETIK = 0


@pytest.fixture
def satker():
    s = buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur")
    produk = buat_produk(s, judul="Penetapan Daftar Pemilih Tetap Pemilihan Umum")
    from django.utils import timezone

    hari = timezone.localdate()
    KunjunganHalaman.objects.create(tanggal=hari, jalur=produk.get_absolute_url(), jumlah=7)
    KunjunganHalaman.objects.create(tanggal=hari, jalur="/", jumlah=12)
    KunjunganHarian.objects.create(tanggal=hari, jumlah=19, pengunjung=6)
    return s


def _pelanggaran(page):
    if not AXE.exists():
        pytest.fail(f"axe-core belum terpasang di {AXE}; jalankan `make axe` (npm).")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )


HALAMAN = {
    "survei": "/kotawaringin-timur/survei/",
    "terima-kasih": "/kotawaringin-timur/survei/terima-kasih/",
    "statistik-satker": "/kotawaringin-timur/statistik/",
    "statistik": "/statistik/",
    "pengunjung": "/statistik/pengunjung/",
    "pengunjung-satker": "/statistik/pengunjung/?hari=90&satker=kotawaringin-timur",
}


@pytest.mark.parametrize("nama", list(HALAMAN))
def test_axe_tanpa_pelanggaran_apa_pun(page, live_server, satker, nama):
    page.goto(live_server.url + HALAMAN[nama])
    assert _pelanggaran(page) == []


@pytest.mark.parametrize("nama", list(HALAMAN))
def test_lebar_ponsel_tanpa_gulir_mendatar(page, live_server, satker, nama):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + HALAMAN[nama])
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], lebar


def test_mengisi_survei_lalu_melihat_terima_kasih(page, live_server, satker):
    page.goto(live_server.url + HALAMAN["survei"])
    # Sent with one element missing: the summary names it, nothing is stored.
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", name="Jawaban belum dapat dikirim")).to_be_visible()
    assert _pelanggaran(page) == []
    assert not ResponsSurvei.objects.exists()
    jawaban = [
        "Sangat sesuai",
        "Mudah",
        "Sangat cepat",
        "Gratis",
        "Sesuai",
        "Kompeten",
        "Sangat sopan dan ramah",
        "Berfungsi kurang maksimal",
        "Baik",
    ]
    for nomor, label in enumerate(jawaban, start=1):
        grup = page.get_by_role("group", name=re.compile(rf"^{nomor}\. "))
        grup.get_by_label(label, exact=True).check()
    page.get_by_label("Pekerjaan").select_option(label="Pelajar/mahasiswa")
    page.get_by_label("Saran dan masukan (tidak wajib)").fill("Tambahkan abstrak di setiap produk.")
    page.get_by_role("button", name="Kirim jawaban").click()
    expect(page.get_by_role("heading", name="Terima kasih")).to_be_visible()
    r = ResponsSurvei.objects.get()
    assert (r.u1, r.u4, r.u8, r.u9, r.pekerjaan) == (4, 4, 3, 3, "pelajar")
    assert r.komentar == "Tambahkan abstrak di setiap produk."


def test_evaluator_melihat_hasil_dan_mengunduh_csv(page, live_server, satker):
    tim = buat_tim(satker)
    for nilai in [(4, 3, 3, 4, 3, 4, 4, 2, 3), (3, 3, 3, 4, 4, 4, 4, 3, 3)]:
        buat_respons(satker, nilai, komentar="Pencarian nomor keputusan sudah mudah.")
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", tim.kasubbag.username)
    page.fill("#id_password", KATA_SANDI)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r"/staf/"))
    page.goto(live_server.url + "/staf/survei/")
    expect(
        page.get_by_role("heading", name="Hasil Survei Kepuasan Masyarakat (IKM)")
    ).to_be_visible()
    expect(page.get_by_text("IKM unit pelayanan").first).to_be_visible()
    expect(page.get_by_text("Pencarian nomor keputusan sudah mudah.").first).to_be_visible()
    expect(page.locator("svg[role=img]")).to_have_count(1)
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh CSV").click()
    berkas = unduhan.value
    assert berkas.suggested_filename.startswith("ikm-kotawaringin-timur-")
    isi = Path(berkas.path()).read_text(encoding="utf-8-sig")
    assert "Jumlah responden;2" in isi and "IKM unit pelayanan" in isi
