"""Time at a glance in a real browser (issue 12 item 7): the Kasubbag opens a
request whose preparation runs late and sees the total against the norm,
the meter, and the late step, on a wide screen and on a phone."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.alur_helpers import KATA_SANDI, ajukan, buat_tim, geser_waktu_jejak, majukan
from tests.publik_helpers import http_polos  # noqa: F401
from workflow.models import Status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


def _masuk(page, live_server, user):
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", KATA_SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Tugas saya")).to_be_visible()


@pytest.mark.parametrize("lebar", [1280, 390])
def test_kasubbag_melihat_total_norma_dan_langkah_yang_terlambat(page, live_server, lebar):
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    awal = timezone.now() - timedelta(hours=5)
    geser_waktu_jejak(p.jejak.filter(aksi="ajukan"), awal)
    geser_waktu_jejak(p.jejak.filter(aksi="disposisi"), awal + timedelta(minutes=15))

    page.set_viewport_size({"width": lebar, "height": 900})
    _masuk(page, live_server, tim.kasubbag)
    page.goto(live_server.url + p.get_absolute_url())

    kotak = page.locator("section.waktu-total")
    expect(kotak.get_by_role("heading", name="Waktu keseluruhan")).to_be_visible()
    expect(kotak).to_contain_text("Norma jalur ini: 175 menit")
    expect(kotak).to_contain_text("Melewati norma")
    expect(kotak.locator("meter")).to_be_visible()
    terlambat = kotak.locator("ul.waktu-terlambat li")
    expect(terlambat).to_have_count(1)
    expect(terlambat.first).to_contain_text("Menyiapkan dan menyerahkan produk hukum")
    expect(terlambat.first).to_contain_text("sedang berjalan")
    # Disposisi took 15 of its 20 minutes: not listed as late.
    expect(kotak.locator("ul.waktu-terlambat")).not_to_contain_text("disposisi")
    lebar_halaman = page.evaluate("() => document.documentElement.scrollWidth")
    assert lebar_halaman <= lebar
