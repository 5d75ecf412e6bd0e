"""Search snippets cannot be injected: whatever a product's text or the
reader's query holds, the only markup in a snippet is the <mark> around
matched words (publicsite.selectors.sorot on SQLite, ts_headline on
PostgreSQL, both through publicsite.selectors.cuplikan)."""

import html
import re

import pytest

from publicsite.selectors import PENANDA_AKHIR, PENANDA_AWAL, cuplikan, sorot
from tests.factories import buat_produk

pytestmark = pytest.mark.django_db

JAHAT = (
    f'Tentang {PENANDA_AWAL}rahasia{PENANDA_AKHIR} pemilu <script>alert("x")</script> '
    f"&lt;b&gt;tebal&lt;/b&gt; 'kutip' \"ganda\" {PENANDA_AKHIR} akhir {PENANDA_AWAL} "
    "<img src=x onerror=alert(1)> pemilu."
)
MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def periksa_aman(cuplik: str, *kata: str):
    """Only balanced <mark> elements, each around a matched word; every other
    character of the text is escaped."""
    assert cuplik.count("<mark>") == cuplik.count("</mark>") >= 1
    for isi in MARK.findall(cuplik):
        assert isi.lower().startswith(kata), cuplik
        assert "<" not in isi and ">" not in isi
    sisa = MARK.sub(lambda m: m.group(1), cuplik)
    assert "<" not in sisa and ">" not in sisa, cuplik
    # The source's own markers never become (or break) a <mark>.
    assert "rahasia</mark>" not in cuplik and "<mark>rahasia" not in cuplik
    assert "akhir</mark>" not in cuplik
    # What the reader sees is the text itself (ts_headline drops what its
    # parser takes for a tag; the rest stays, escaped).
    assert 'alert("x")' in html.unescape(sisa)


def test_sorot_hanya_menandai_kata_yang_cocok():
    cuplik = sorot(JAHAT, ["pemilu"], panjang=1000)
    periksa_aman(cuplik, "pemilu")
    assert "&lt;script&gt;" in cuplik
    assert "&amp;lt;b&amp;gt;" in cuplik


@pytest.mark.parametrize(
    "q,kata",
    [
        ("pemilu", ["pemilu"]),
        (f"{PENANDA_AWAL}pemilu{PENANDA_AKHIR}", ["pemilu"]),
        ("pemilu <b>x", ["pemilu", "b", "x"]),
    ],
)
def test_cuplikan_teks_produk_jahat_tidak_menghasilkan_markup(q, kata):
    """On PostgreSQL a product text holding ⟪ ⟫ became <mark> (and a lone ⟫
    an unbalanced </mark>): the markers are now removed from the source."""
    produk = buat_produk(judul="Penetapan uji sorot", abstrak=JAHAT)
    hasil = cuplikan([produk], q)
    periksa_aman(str(hasil[produk.pk]), *kata)


def test_halaman_cari_tidak_memuat_skrip_dari_teks_produk(client):
    buat_produk(judul="Penetapan uji sorot", abstrak=JAHAT)
    r = client.get("/cari/", {"q": "pemilu"})
    assert r.status_code == 200
    [p] = r.context["hasil"]
    periksa_aman(str(p.cuplikan), "pemilu")
    isi = r.content.decode()
    assert '<script>alert("x")' not in isi
    assert "<img src=x" not in isi
