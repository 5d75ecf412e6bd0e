"""Content-Security-Policy: every page carries it, no page needs inline
script or style, PDFs are sandboxed, and the pages' own scripts still work
under the policy in a real browser (Debian chromium)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests.alur_helpers import ajukan, buat_pengguna, buat_tim, majukan
from tests.factories import buat_jenis, buat_produk
from tests.konten_helpers import buat_tim_konten, disposisi
from tests.penyusunan_helpers import buat_tim_penyusunan, mulai
from tests.publik_helpers import http_polos, url  # noqa: F401
from workflow.models import Status


def _csp(respons) -> dict:
    arahan = {}
    for bagian in respons["Content-Security-Policy"].split(";"):
        nama, _, nilai = bagian.strip().partition(" ")
        arahan[nama] = nilai
    return arahan


@pytest.mark.django_db
def test_halaman_publik_membawa_csp_tanpa_inline(client):
    produk = buat_produk()
    for alamat in ["/", url("detail", produk), reverse("publicsite:cari"), "/masuk/"]:
        respons = client.get(alamat)
        assert respons.status_code == 200, alamat
        csp = _csp(respons)
        assert csp["script-src"] == "'self'", alamat
        assert csp["style-src"] == "'self'", alamat
        assert csp["object-src"] == "'none'"
        assert csp["base-uri"] == "'self'"
        assert csp["form-action"] == "'self'"
        assert csp["img-src"] == "'self' data:"
        assert csp["frame-ancestors"] == "'none'"
        assert "unsafe-inline" not in respons["Content-Security-Policy"]


@pytest.mark.django_db
def test_halaman_staf_admin_dan_galat_membawa_csp(client):
    tim = buat_tim()
    client.force_login(tim.pengusul)
    assert _csp(client.get("/staf/"))["script-src"] == "'self'"
    assert _csp(client.get("/staf/permohonan/999999/"))["frame-ancestors"] == "'none'"
    admin = buat_pengguna("admin-csp", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert _csp(client.get("/admin/"))["script-src"] == "'self'"
    assert _csp(Client().get("/tidak-ada-satker-ini/"))["default-src"] == "'self'"


@pytest.mark.django_db
def test_pdf_publik_dan_staf_disandbox_pratinjau_boleh_dibingkai_situs_sendiri(client):
    produk = buat_produk(abstrak="Pokok isi pertama.\nPokok isi kedua.")
    unduh = client.get(url("unduh", produk))
    assert unduh["Content-Type"] == "application/pdf"
    assert _csp(unduh) == {"sandbox": "", "frame-ancestors": "'none'"}
    pratinjau = client.get(url("pratinjau", produk))
    assert pratinjau["X-Frame-Options"] == "SAMEORIGIN"
    assert _csp(pratinjau) == {"sandbox": "", "frame-ancestors": "'self'"}
    detail = client.get(url("detail", produk)).content.decode()
    abstrak = re.search(r'href="([^"]*/abstrak/[^"]*\.pdf)"', detail).group(1)
    respons = client.get(abstrak)
    assert respons["Content-Type"] == "application/pdf"
    assert _csp(respons)["sandbox"] == ""

    tim = buat_tim()
    p = ajukan(tim)
    versi = p.produk.versi.get()
    client.force_login(tim.kasubbag)
    respons = client.get(reverse("workflow:berkas", args=[p.pk, versi.pk]))
    assert respons.status_code == 200 and respons["Content-Type"] == "application/pdf"
    assert _csp(respons)["sandbox"] == ""


@pytest.mark.django_db
def test_tidak_ada_templat_dengan_skrip_gaya_atau_penangan_inline():
    from pathlib import Path

    from django.conf import settings

    pola = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)
    temuan = [
        f"{berkas.relative_to(settings.BASE_DIR)}: {m.group(0)}"
        for akar in [settings.BASE_DIR / "templates", *settings.BASE_DIR.glob("*/templates")]
        for berkas in Path(akar).rglob("*.html")
        for m in pola.finditer(berkas.read_text())
    ]
    assert temuan == []


# --- in a real browser -----------------------------------------------------------------

PENDENGAR = """() => {
  window.__pelanggaran = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__pelanggaran.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile);
  });
}"""


def _masuk_sesi(page, live_server, user):
    """The browser takes the session of a force-logged-in client: these tests
    are about the pages, not the login form."""
    c = Client()
    c.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": c.cookies["sessionid"].value, "url": live_server.url}]
    )


def _pelanggaran(page):
    return page.evaluate("() => window.__pelanggaran")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_halaman_utama_berjalan_di_bawah_csp_tanpa_pelanggaran(page, live_server):
    # The listener is installed before any page script runs, on every page.
    page.context.add_init_script(script=f"({PENDENGAR})()")
    dilihat = []

    def kunjungi(alamat):
        page.goto(live_server.url + alamat)
        page.wait_for_load_state("load")
        dilihat.append((alamat, _pelanggaran(page)))

    produk = buat_produk(abstrak="Pokok isi pertama.")
    kunjungi("/")
    kunjungi(produk.get_absolute_url())

    buku = buat_jenis(singkatan="MONO-CSP", nama="Monografi CSP", tipe_dokumen="monografi")
    tim = buat_tim()
    p = majukan(ajukan(tim, jenis=buku), tim, Status.DIDISPOSISI)
    _masuk_sesi(page, live_server, tim.pengelola)
    kunjungi("/staf/")
    kunjungi(f"/staf/permohonan/{p.pk}/siapkan/")
    # katalog.js still runs: only the monografi group shows for a monografi.
    expect(page.get_by_role("group", name="Khusus monografi", exact=True)).to_be_visible()
    expect(page.get_by_role("group", name="Khusus putusan")).to_be_hidden()

    tim_sk = buat_tim_penyusunan()
    sk = mulai(tim_sk)
    _masuk_sesi(page, live_server, tim_sk.pengusul)
    kunjungi(reverse("workflow:penyusunan-draft", args=[sk.pk]))
    expect(page.locator("form[data-jaga-perubahan]")).to_be_visible()

    tim_konten = buat_tim_konten()
    k = disposisi(tim_konten)
    _masuk_sesi(page, live_server, tim_konten.staf)
    kunjungi(reverse("workflow:konten-konsep", args=[k.pk]))
    # konten.js counts the caption against each chosen platform as typed.
    page.check("input[name=platform][value=instagram]")
    page.fill("#id_caption", "Cek namamu di DPT.")
    expect(page.locator("#hitungan-caption li")).to_contain_text(re.compile(r"18 / \d+"))
    dilihat.append(("konsep, setelah mengetik", _pelanggaran(page)))
    kunjungi(reverse("workflow:konten", args=[k.pk]))

    admin = buat_pengguna("admin-csp", is_staff=True, is_superuser=True)
    _masuk_sesi(page, live_server, admin)
    kunjungi("/admin/")
    kunjungi(reverse("admin:documents_produkhukum_change", args=[produk.pk]))
    expect(page.locator("#produkhukum_form")).to_be_visible()
    # The admin's own scripts run: DateTimeShortcuts adds "today" and the calendar
    # beside each date field; clicking the calendar opens it.
    pintasan = page.locator("#id_tanggal_penetapan ~ .datetimeshortcuts")
    expect(pintasan).to_be_visible()
    pintasan.locator("a").last.click()
    expect(page.locator(".calendarbox").first).to_be_visible()
    dilihat.append(("admin, setelah klik", _pelanggaran(page)))

    assert [d for d in dilihat if d[1]] == []
    assert len(dilihat) == 11

    # The listener does hear: an injected inline script is refused and reported.
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.__jalan = true"; document.body.append(s); }"""
    )
    page.wait_for_function("() => window.__pelanggaran.length > 0")
    assert page.evaluate("() => window.__jalan") is None
    assert "script-src" in _pelanggaran(page)[0]
