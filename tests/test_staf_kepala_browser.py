"""Staff header, menus, roles in admin and password reset in a real browser
(Debian chromium): issue 12, items 4, 5 and 6."""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from tests.alur_helpers import KATA_SANDI, buat_pengguna, buat_tim
from tests.factories import buat_satker
from tests.publik_helpers import http_polos  # noqa: F401
from tests.test_publik_aksesibilitas import AXE
from tests.test_workflow_browser import masuk
from workflow.izin import pastikan_grup_peran
from workflow.models import PenugasanPeran
from workflow.penugasan import grup_peran
from workflow.peran import Peran

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


@pytest.fixture
def tim():
    satker = buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur")
    tim = buat_tim(satker)
    tim.pengelola.first_name, tim.pengelola.last_name = "Rina", "Wati"
    tim.pengelola.save()
    return tim


def _axe(page, konteks="document"):
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        f"async () => (await axe.run({konteks}, {{resultTypes: ['violations']}}))"
        ".violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )


def _tanpa_gulir_mendatar(page):
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar[0] <= lebar[1], lebar


def test_kepala_menampilkan_nama_peran_dan_satker_dalam_satu_baris(page, live_server, tim):
    page.set_viewport_size({"width": 1280, "height": 800})
    masuk(page, live_server, tim.pengelola)
    ringkas = page.locator(".akun summary")
    expect(ringkas).to_have_text("Rina Wati · Pengelola JDIH, KPU Kab. Kotawaringin Timur")
    assert page.locator(".kepala").bounding_box()["height"] < 70
    menu = page.get_by_role("navigation", name="Menu staf")
    assert menu.bounding_box()["height"] < 60  # one row of entries
    expect(menu.get_by_role("link", name="Tugas saya")).to_have_attribute("aria-current", "page")
    # The full list (and the username) is one click away, without JavaScript tricks.
    ringkas.click()
    expect(page.locator(".akun-panel")).to_contain_text("KPU Kabupaten Kotawaringin Timur")
    expect(page.locator(".akun-panel")).to_contain_text(tim.pengelola.username)
    assert _axe(page, "['.kepala', '.menu-staf']") == []

    page.set_viewport_size({"width": 390, "height": 800})
    page.reload()
    expect(page.locator(".akun-nama")).to_be_visible()
    assert page.locator(".kepala").bounding_box()["height"] < 70
    _tanpa_gulir_mendatar(page)


def test_pengusul_melihat_ajukan_permohonan_dan_tidak_melihat_evaluasi(page, live_server, tim):
    masuk(page, live_server, tim.pengusul)
    menu = page.get_by_role("navigation", name="Menu staf")
    expect(menu.get_by_role("link", name="Usulkan penurunan")).to_be_visible()
    expect(menu.get_by_role("link", name="Evaluasi SOP")).to_have_count(0)
    expect(menu.get_by_role("link", name="Konten media sosial")).to_have_count(0)
    menu.get_by_role("link", name="Ajukan permohonan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ajukan pengunggahan")
    expect(menu.get_by_role("link", name="Ajukan permohonan")).to_have_attribute(
        "aria-current", "page"
    )


def test_pengguna_tanpa_peran_melihat_kepada_siapa_meminta(page, live_server, tim):
    buat_pengguna(
        "admin.pusat",
        is_staff=True,
        is_superuser=True,
        first_name="Ahmad",
        last_name="Fauzi",
        email="ahmad@kpu.test",
    )
    baru = buat_pengguna("pegawai.baru", first_name="Andi")
    masuk(page, live_server, baru)
    expect(page.locator(".akun summary")).to_contain_text("Belum memegang peran")
    kotak = page.locator(".tanpa-peran")
    expect(kotak.get_by_role("heading", name="Anda belum memegang peran")).to_be_visible()
    expect(kotak.get_by_role("link", name="ahmad@kpu.test")).to_have_attribute(
        "href", "mailto:ahmad@kpu.test"
    )
    expect(kotak).to_contain_text("Ahmad Fauzi")
    expect(kotak).not_to_contain_text(tim.kasubbag.username)
    assert _axe(page, "['.tanpa-peran', '.kepala', '.menu-staf']") == []


def test_admin_memberi_peran_per_satker_lalu_pengguna_dapat_bertindak(page, live_server, tim):
    pastikan_grup_peran()
    admin = buat_pengguna("admin.pusat", is_staff=True, is_superuser=True)
    baru = buat_pengguna("budi.santoso", first_name="Budi", last_name="Santoso")

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", admin.username)
    page.fill("#id_password", KATA_SANDI)
    page.locator("input[type=submit]").click()
    page.goto(live_server.url + f"/admin/auth/user/{baru.pk}/change/")
    expect(page.locator(".messagelist .warning")).to_contain_text("tidak menerima pemberitahuan")
    expect(page.get_by_role("heading", name="Peran per satker")).to_be_visible()
    expect(page.locator("#id_groups")).to_have_count(0)
    page.select_option("#id_penugasan_peran-0-satker", label="KPU Kabupaten Kotawaringin Timur")
    pengusul = grup_peran(Peran.PENGUSUL)
    pilihan = page.locator(f"#id_penugasan_peran-0-peran option[value='{pengusul.pk}']")
    expect(pilihan).to_have_text(re.compile(r"^Sub Bagian Pengusul — mengajukan permohonan"))
    page.select_option("#id_penugasan_peran-0-peran", value=str(pengusul.pk))
    page.fill("#id_email", "budi@kpu.test")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    baris = page.locator("#result_list tr", has_text="budi.santoso")
    expect(baris).to_contain_text("KPU Kab. Kotawaringin Timur: Sub Bagian Pengusul")
    assert PenugasanPeran.objects.filter(pengguna=baru, satker=tim.satker).exists()

    masuk(page, live_server, baru)
    expect(page.locator(".akun summary")).to_contain_text(
        "Budi Santoso · Sub Bagian Pengusul, KPU Kab. Kotawaringin Timur"
    )
    page.get_by_role("navigation", name="Menu staf").get_by_role(
        "link", name="Usulkan penurunan"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Usulkan penurunan")


def test_lupa_kata_sandi_lewat_email_lalu_masuk_dengan_sandi_baru(page, live_server, tim, settings):
    cache.clear()
    settings.JDIH_SUREL_TERSEDIA = True
    settings.JDIH_SITE_URL = live_server.url
    tim.pengelola.email = "rina@kpu.test"
    tim.pengelola.save()

    page.goto(live_server.url + "/masuk/")
    page.get_by_role("link", name="Lupa kata sandi?").click()
    expect(page.get_by_role("heading", name="Lupa kata sandi")).to_be_visible()
    assert _axe(page) == []
    page.get_by_label("Alamat email akun Anda").fill("rina@kpu.test")
    page.get_by_role("button", name="Kirim tautan").click()
    expect(page.get_by_role("heading", name="Periksa email Anda")).to_be_visible()
    assert _axe(page) == []

    assert len(mail.outbox) == 1
    tautan = re.search(r"http://\S+/masuk/atur-ulang/\S+/", mail.outbox[0].body).group(0)
    assert tautan.startswith(live_server.url)
    page.goto(tautan)
    expect(page.get_by_role("heading", name="Buat kata sandi baru")).to_be_visible()
    assert _axe(page) == []
    page.get_by_label("Kata sandi baru", exact=True).fill("12345678")
    page.get_by_label("Ulangi kata sandi baru").fill("12345678")
    page.get_by_role("button", name="Simpan kata sandi baru").click()
    expect(page.get_by_text("Kata sandi ini terlalu umum.")).to_be_visible()
    baru = "Pemilu-Jujur-Adil-2029"
    page.get_by_label("Kata sandi baru", exact=True).fill(baru)
    page.get_by_label("Ulangi kata sandi baru").fill(baru)
    page.get_by_role("button", name="Simpan kata sandi baru").click()
    expect(page.get_by_role("heading", name="Kata sandi diganti")).to_be_visible()
    assert _axe(page) == []

    page.get_by_role("link", name="Masuk").last.click()
    page.fill("#id_username", tim.pengelola.username)
    page.fill("#id_password", baru)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Tugas saya")).to_be_visible()


def test_halaman_lupa_tanpa_email_jelas_dan_aksesibel(page, live_server, settings):
    settings.JDIH_SUREL_TERSEDIA = False
    buat_pengguna("admin.pusat", is_superuser=True, is_staff=True, first_name="Ahmad")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/masuk/lupa/")
    expect(page.get_by_text("tidak tersedia di situs ini")).to_be_visible()
    expect(page.locator(".daftar-admin")).to_contain_text("Ahmad")
    expect(page.get_by_role("textbox")).to_have_count(0)
    assert _axe(page) == []
    _tanpa_gulir_mendatar(page)


def test_pengguna_dengan_banyak_satker_melihat_ringkasan_dan_halaman_peran_saya(
    page, live_server, tim
):
    # A KPU RI Kasubbag over 60 Satker: the header summarises per role, and
    # "Peran saya" lists every role in pages of 50, both readable and axe-clean.
    from tests.tugas_skala_helpers import beri_peran_massal

    banyak = [buat_satker(nama=f"KPU Kabupaten Uji {i}", slug=f"uji-{i}") for i in range(60)]
    pengguna = buat_pengguna("kasubbag.banyak")
    beri_peran_massal(pengguna, banyak)
    page.set_viewport_size({"width": 1280, "height": 900})
    masuk(page, live_server, pengguna)
    page.locator(".akun summary").click()
    expect(page.locator(".akun-panel").get_by_text("— 60 satker")).to_be_visible()
    page.get_by_role("link", name=re.compile("Lihat semua peran dan satker")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Peran")
    assert page.locator("main li, main tbody tr").count() >= 50
    assert _axe(page, "'main'") == []
    _tanpa_gulir_mendatar(page)
