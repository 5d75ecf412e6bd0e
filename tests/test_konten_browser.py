"""Sop 004 in a real browser (Debian chromium): from the Kepala Bagian's
disposisi to the posted content on the public /konten/ page, one login per
role, clicking through the staff pages."""

import re

import pytest
from playwright.sync_api import expect

from tests.alur_helpers import KATA_SANDI
from tests.konten_helpers import buat_tim_konten
from tests.publik_helpers import http_polos  # noqa: F401
from workflow.konten.models import KontenMedsos, StatusKonten

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]

JUDUL = "Infografis Daftar Pemilih Tetap"


def masuk(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", KATA_SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Tugas saya")).to_be_visible()


def buka_tugas(page):
    page.get_by_role("link", name=re.compile(JUDUL)).first.click()
    expect(page.locator("h1")).to_contain_text(JUDUL)


def klik(page, tombol):
    page.get_by_role("button", name=tombol, exact=True).first.click()


def test_from_disposisi_to_the_posted_content_on_the_public_page(page, live_server):
    tim = buat_tim_konten()

    # Kepala Bagian: the disposisi with its Nota Dinas names the Staf.
    masuk(page, live_server, tim.kabag)
    page.goto(live_server.url + "/staf/konten/baru/")
    page.select_option("#id_staf", str(tim.staf.pk))
    page.select_option("#id_jenis_konten", "infografis")
    page.fill("#id_judul", JUDUL)
    page.fill("#id_petunjuk", "Buat infografis DPT untuk Instagram dan Facebook.")
    page.fill("#id_nota_nomor", "15/HK.06-ND/2029")
    klik(page, "Kirim disposisi")
    expect(page.locator("h1")).to_contain_text(JUDUL)
    k = KontenMedsos.objects.get()

    # Staf: a share card drawn from the product, the concept, handed in.
    masuk(page, live_server, tim.staf)
    buka_tugas(page)
    page.get_by_role("link", name="Susun konsep konten").click()
    page.select_option("#id_kartu-produk", str(tim.produk.pk))
    page.select_option("#id_kartu-ukuran", "persegi")
    klik(page, "Buat kartu")
    expect(page.locator("input[name=gambar]:checked")).to_have_count(1)
    page.check("input[name=platform][value=instagram]")
    page.check("input[name=platform][value=facebook]")
    page.fill("#id_caption", "DPT Pemilu 2029 sudah ditetapkan. Cek namamu di cekdptonline!")
    page.fill("#id_tagar", "#KPU #JDIH")
    page.select_option("#id_produk", str(tim.produk.pk))
    klik(page, "Simpan sebagai revisi baru")
    expect(page.get_by_text("revisi 1").first).to_be_visible()
    page.goto(live_server.url + k.get_absolute_url())
    klik(page, "Serahkan konsep")
    expect(page.locator(".lencana").first).to_have_text(StatusKonten.DIKOREKSI.label)

    # Kasubbag: approves.
    masuk(page, live_server, tim.kasubbag)
    buka_tugas(page)
    klik(page, "Setujui")
    expect(page.locator(".lencana").first).to_have_text(StatusKonten.DISETUJUI.label)

    # Kepala Bagian: orders the posting with a Nota Dinas.
    masuk(page, live_server, tim.kabag)
    buka_tugas(page)
    page.fill("#id_perintahkan_unggah-nota_nomor", "16/HK.06-ND/2029")
    klik(page, "Perintahkan unggah")
    expect(page.locator(".lencana").first).to_have_text(StatusKonten.SIAP_UNGGAH.label)

    # Staf: posts and records each link; a wrong-platform link is refused first.
    masuk(page, live_server, tim.staf)
    buka_tugas(page)
    page.fill("#id_unggah-tautan_instagram", "https://www.facebook.com/kpu/posts/1")
    page.fill("#id_unggah-tautan_facebook", "https://www.facebook.com/kpu/posts/123")
    klik(page, "Catat tautan unggahan")
    expect(page.get_by_text(re.compile("bukan tautan Instagram"))).to_be_visible()
    page.fill("#id_unggah-tautan_instagram", "https://www.instagram.com/p/C4xYz12AbCd/")
    klik(page, "Catat tautan unggahan")
    expect(page.locator(".lencana").first).to_have_text(StatusKonten.DIUNGGAH.label)

    # The public sees it on /konten/, with its post links and the product it explains.
    page.context.clear_cookies()
    page.goto(live_server.url + "/konten/")
    expect(page.get_by_role("heading", name=JUDUL)).to_be_visible()
    expect(page.locator("a[href='https://www.instagram.com/p/C4xYz12AbCd/']")).to_be_visible()
    expect(page.locator(f"a[href='{tim.produk.get_absolute_url()}']").first).to_be_visible()
