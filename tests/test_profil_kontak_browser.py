"""Profil and kontak in a real browser (Debian chromium): a reader's message
reaches the Pengelola's inbox and is answered; the Pengelola's visi-misi
reaches the portal; the public pages pass axe and fit a 360 px phone."""

import re
from pathlib import Path

import pytest
from django.core import mail
from playwright.sync_api import expect

from profil import layanan
from profil.models import Bagian, PesanKontak, StatusPesan
from tests.alur_helpers import KATA_SANDI, buat_tim
from tests.factories import buat_satker
from tests.profil_helpers import kosongkan_batas, png
from tests.publik_helpers import http_polos  # noqa: F401

AXE = Path(__file__).parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


@pytest.fixture
def tim(settings):
    # A person takes longer than a second; the test need not wait three.
    settings.JDIH_KONTAK_MIN_DETIK = 1
    kosongkan_batas()
    satker = buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur")
    return buat_tim(satker)


def masuk(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", KATA_SANDI)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile("/masuk/"))


def test_pembaca_mengirim_pesan_pengelola_menandainya_dijawab(page, live_server, tim):
    page.goto(f"{live_server.url}/{tim.satker.slug}/kontak/")
    expect(page.get_by_role("heading", name="Kontak dan saran", level=1)).to_be_visible()
    page.get_by_label("Nama").fill("Rahmat Hidayat")
    page.get_by_label("Alamat email").fill("rahmat@contoh.id")
    page.get_by_label("Kategori").select_option("permintaan-dokumen")
    page.get_by_label("Pesan").fill("Mohon salinan keputusan penetapan lokasi TPS tahun 2024.")
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Kirim pesan").click()
    expect(page.get_by_role("heading", name=re.compile("Terima kasih"))).to_be_visible()
    p = PesanKontak.objects.get()
    assert [m.to for m in mail.outbox] == [[tim.pengelola.email]]

    masuk(page, live_server, tim.pengelola)
    page.goto(live_server.url + "/staf/satker/pesan/")
    expect(page.get_by_role("heading", name="Pesan kontak")).to_be_visible()
    page.get_by_role("link", name="Rahmat Hidayat").click()
    expect(page.get_by_text("Mohon salinan keputusan penetapan lokasi TPS")).to_be_visible()
    page.get_by_label("Status pesan").select_option("dijawab")
    page.get_by_label("Catatan internal").fill("Salinan dikirim lewat email.")
    page.get_by_role("button", name="Simpan tindak lanjut").click()
    expect(page.get_by_text("Pesan ditandai “Dijawab”.")).to_be_visible()
    p.refresh_from_db()
    assert p.status == StatusPesan.DIJAWAB and p.diubah_oleh == tim.pengelola


def test_pesan_yang_gagal_tidak_kehilangan_isian(page, live_server, tim):
    page.goto(f"{live_server.url}/{tim.satker.slug}/kontak/")
    page.get_by_label("Nama").fill("Siti")
    page.get_by_label("Alamat email").fill("bukan-email")
    page.get_by_label("Pesan").fill("Pertanyaan tentang jadwal pemutakhiran data pemilih.")
    page.get_by_role("button", name="Kirim pesan").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label("Nama")).to_have_value("Siti")
    expect(page.get_by_label("Pesan")).to_have_value(
        "Pertanyaan tentang jadwal pemutakhiran data pemilih."
    )
    expect(page.get_by_label("Alamat email")).to_have_attribute("aria-invalid", "true")
    assert not PesanKontak.objects.exists()


def test_pengelola_mengubah_visi_misi_dan_portal_menampilkannya(page, live_server, tim):
    masuk(page, live_server, tim.pengelola)
    page.goto(live_server.url + "/staf/satker/profil/")
    page.get_by_role("link", name="Ubah Visi dan misi").click()
    page.get_by_label("Isi bagian").fill(
        "<h2>Visi</h2><p>Menjadi penyelenggara pemilu yang <strong>berintegritas</strong>.</p>"
        '<p onclick="alert(1)">Misi pertama</p><script>alert(1)</script>'
    )
    page.get_by_role("button", name="Pratinjau").click()
    pratinjau = page.locator(".pratinjau-profil")
    expect(pratinjau.get_by_text("berintegritas")).to_be_visible()
    page.get_by_role("button", name="Simpan").click()
    expect(page.get_by_text("Bagian “Visi dan misi” tersimpan.")).to_be_visible()
    expect(page.get_by_label("Isi bagian")).not_to_have_value(re.compile("onclick|script"))

    page.goto(f"{live_server.url}/{tim.satker.slug}/profil/")
    page.get_by_role("navigation", name=re.compile("Profil")).get_by_role(
        "link", name="Visi dan misi"
    ).click()
    expect(page.get_by_role("heading", name="Visi dan misi", level=1)).to_be_visible()
    expect(page.locator(".isi-profil strong")).to_have_text("berintegritas")
    assert page.locator(".isi-profil [onclick]").count() == 0


# --- axe and phone width on every public page of the app ------------------------------


def _isi_profil(tim):
    u = tim.pengelola
    s = tim.satker
    layanan.simpan_bagian(
        u,
        s,
        Bagian.VISI_MISI,
        isi="<h2>Visi</h2><p>Menjadi penyelenggara pemilu yang mandiri.</p><h2>Misi</h2>"
        "<ol><li>Menyelenggarakan pemilu berkualitas;</li><li>Menyediakan informasi hukum.</li>"
        "</ol>",
    )
    layanan.simpan_bagian(
        u,
        s,
        Bagian.TIM,
        isi="<table><thead><tr><th scope='col'>Nama</th><th scope='col'>Tugas</th><th "
        "scope='col'>Alamat surel kantor</th></tr></thead><tbody><tr><td>Pengelola JDIH "
        "Kabupaten Kotawaringin Timur</td><td>Pengelola</td><td>pengelola.jdih.kotawaringin"
        "timur@kpu.example.go.id</td></tr></tbody></table>",
    )
    from documents.gambar import periksa_gambar

    layanan.simpan_bagian(
        u,
        s,
        Bagian.STRUKTUR,
        isi="<p>Bagan susunan organisasi sekretariat.</p>",
        gambar=periksa_gambar(png(1600, 900)),
        keterangan_gambar="Bagan organisasi",
    )
    layanan.simpan_bagian(
        u,
        s,
        Bagian.DASAR_HUKUM,
        isi="<ul><li>Peraturan Presiden Nomor 33 Tahun 2012 tentang JDIHN; lihat "
        "https://peraturan.go.id/id/perpres-no-33-tahun-2012-yang-sangat-panjang-alamatnya"
        "</li></ul>",
    )


def _halaman(tim):
    s = tim.satker.slug
    return {
        "profil": f"/{s}/profil/",
        "visi-misi": f"/{s}/profil/visi-misi/",
        "tim": f"/{s}/profil/tim-jdih/",
        "struktur": f"/{s}/profil/struktur-organisasi/",
        "dasar-hukum": f"/{s}/profil/dasar-hukum/",
        "kontak": f"/{s}/kontak/",
        "terkirim": f"/{s}/kontak/terkirim/",
    }


def _pelanggaran(page):
    if not AXE.exists():
        pytest.fail(f"axe-core belum terpasang di {AXE}; jalankan `make axe` (npm).")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )


def test_axe_tanpa_pelanggaran_apa_pun_di_halaman_profil_dan_kontak(page, live_server, tim):
    _isi_profil(tim)
    temuan = {}
    for nama, alamat in _halaman(tim).items():
        page.goto(live_server.url + alamat)
        temuan[nama] = _pelanggaran(page)
    # The form with errors shown, too.
    page.goto(live_server.url + _halaman(tim)["kontak"])
    page.get_by_role("button", name="Kirim pesan").click()
    expect(page.get_by_role("alert")).to_be_visible()
    temuan["kontak-galat"] = _pelanggaran(page)
    assert {k: v for k, v in temuan.items() if v} == {}


def test_lebar_360_tanpa_gulir_mendatar(page, live_server, tim):
    _isi_profil(tim)
    page.set_viewport_size({"width": 360, "height": 740})
    lebar = {}
    for nama, alamat in _halaman(tim).items():
        page.goto(live_server.url + alamat)
        lebar[nama] = page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
    assert {k: v for k, v in lebar.items() if v[0] > v[1]} == {}
