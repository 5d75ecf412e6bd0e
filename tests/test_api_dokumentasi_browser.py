"""The API's documentation page (/api/): rendered on the server from the
schema, readable without JavaScript, under the site's CSP, zero axe
violations, no horizontal scroll on a phone."""

import pytest
from django.urls import reverse

from api.skema import skema_api
from tests.api_helpers import batas_bersih  # noqa: F401
from tests.publik_helpers import http_polos  # noqa: F401
from tests.test_publik_aksesibilitas import AXE


@pytest.mark.django_db
def test_halaman_dokumentasi_dari_skema(client):
    respons = client.get(reverse("api:dokumentasi"))
    assert respons.status_code == 200
    assert respons["Content-Type"].startswith("text/html")
    html = respons.content.decode()
    skema = skema_api()
    for isi in skema["paths"].values():
        op = isi["get"]
        assert op["summary"] in html
        assert f'id="op-{op["operationId"]}"' in html
        for p in op.get("parameters", []):
            assert f"<code>{p['name']}</code>" in html
    assert "curl -s http://testserver/api/v1/produk/" in html
    assert "jdih.contoh.go.id" not in html  # the examples show this site's address
    assert "Ketentuan penggunaan" in html and "Batas permintaan" in html
    assert "<script" not in html and "style=" not in html
    assert respons["Content-Security-Policy"].startswith("default-src 'self'")
    assert 'href="/static/css/api.css"' in html


def _axe(page):
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
@pytest.mark.parametrize("lebar", [1280, 360])
def test_axe_tanpa_pelanggaran_dan_tanpa_gulir_mendatar(page, live_server, lebar):
    pelanggaran_csp = []
    page.on(
        "console", lambda m: "Content Security Policy" in m.text and pelanggaran_csp.append(m.text)
    )
    page.set_viewport_size({"width": lebar, "height": 800})
    page.goto(live_server.url + reverse("api:dokumentasi"))
    assert page.get_by_role("heading", level=1).inner_text() == "API Terbuka JDIH KPU"
    # Every example opened, so axe also checks what a reader unfolds.
    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    assert _axe(page) == []
    lebar_dok = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert lebar_dok[0] <= lebar_dok[1], lebar_dok
    assert pelanggaran_csp == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("http_polos")
def test_terbaca_tanpa_javascript(browser, live_server):
    konteks = browser.new_context(java_script_enabled=False)
    page = konteks.new_page()
    page.goto(live_server.url + reverse("api:dokumentasi"))
    assert page.get_by_role("heading", name="Daftar dan cari produk hukum terbit").is_visible()
    assert page.get_by_text("curl -s", exact=False).first.is_visible()
    page.get_by_role("link", name="Rincian satu produk hukum").click()
    assert page.url.endswith("#op-rincian_produk")
    konteks.close()
