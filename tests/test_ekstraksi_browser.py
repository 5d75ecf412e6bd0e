"""Issue 14 item 3 in the browser: the Pengelola opens the prepare page, sees
the fields the document filled marked "dari dokumen", reads a field's
evidence on keyboard focus and on hover, confirms a proposed relation with one
click, changes one field, takes the document's value for another, and saves;
axe finds no violation on the page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from documents.models import JenisRelasi, ProdukHukum, RelasiProduk, StatusBerlaku
from ekstraksi.usulan import Usulan
from tests.alur_helpers import ajukan, buat_tim, majukan
from tests.ekstraksi_alur_helpers import pasang_ekstraktor_tetap, relasi, usulan_contoh
from tests.factories import buat_produk
from tests.publik_helpers import http_polos  # noqa: F401
from tests.test_publik_aksesibilitas import AXE
from workflow.models import Status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


def _pelanggaran(page):
    if not AXE.exists():
        pytest.fail(f"axe-core belum terpasang di {AXE}; jalankan `make axe` (npm).")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "async () => (await axe.run(document, {iframes: false, resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))"
    )


def test_pengelola_memeriksa_usulan_dokumen_lalu_menyimpan(page, live_server, settings):
    from tests.test_workflow_browser import masuk

    setel = pasang_ekstraktor_tetap(settings)
    tim = buat_tim()
    lama = buat_produk(tim.satker, judul="Penetapan Daftar Pemilih Sementara", berkas=False)
    u = usulan_contoh()
    setel(Usulan(bidang=u.bidang, abstrak=u.abstrak, relasi=[relasi(JenisRelasi.MENCABUT, lama)]))
    p = majukan(ajukan(tim, judul="Judul Dari Pengusul"), tim, Status.DIDISPOSISI)
    masuk(page, live_server, tim.pengelola)
    page.goto(f"{live_server.url}{reverse('workflow:siapkan', args=[p.pk])}")

    # One click records the relation the document states.
    page.get_by_role("button", name=f"Catat: mencabut {lama}").click()
    expect(page.get_by_text(f"Sudah tercatat: {lama}.")).to_be_visible()
    assert RelasiProduk.objects.filter(sumber=p.produk_id, target=lama).exists()
    # Loaded afresh: the flash message list of base.html has axe findings of
    # its own (li role="status" inside ul), outside this page's parts.
    page.reload()

    # Filled fields are marked; the evidence shows on keyboard focus.
    isian = page.locator(".isian-usulan", has=page.locator("#id_penandatangan"))
    expect(isian.locator(".lencana-dokumen")).to_have_text("dari dokumen")
    expect(page.locator("#id_penandatangan")).to_have_value("Ketua Siti Fathonah")
    bukti = page.locator("#usulan-penandatangan")
    expect(bukti).to_be_hidden()
    page.locator("#id_tanggal_penetapan").focus()
    page.keyboard.press("Tab")  # into the next field by keyboard
    page.locator("#id_penandatangan").focus()
    expect(bukti).to_be_visible()
    expect(bukti).to_contain_text("SITI FATHONAH")
    expect(page.locator("#id_penandatangan")).to_have_attribute(
        "aria-describedby", "usulan-penandatangan"
    )
    page.keyboard.press("Escape")  # dismissable without moving focus
    expect(bukti).to_be_hidden()
    # …and on hover over the marked field.
    page.locator(".isian-usulan", has=page.locator("#id_subjek")).locator(
        ".lencana-dokumen"
    ).hover()
    expect(page.locator("#usulan-subjek")).to_be_visible()

    assert _pelanggaran(page) == []

    # The Pengusul's judul stays; the document's is one click away.
    expect(page.locator("#id_judul")).to_have_value("Judul Dari Pengusul")
    expect(page.locator("#usulan-judul-beda")).to_contain_text("Penetapan Dari Dokumen")
    page.get_by_role("button", name="Pakai nilai dokumen").first.click()
    expect(page.locator("#id_judul")).to_have_value("Penetapan Dari Dokumen")
    # The Pengelola corrects one proposal.
    page.fill("#id_penandatangan", "Plh. Ketua Budi Santoso")
    assert ProdukHukum.objects.get(pk=p.produk_id).penandatangan == ""  # nothing saved yet
    page.get_by_role("button", name="Simpan metadata saja").click()
    expect(page.get_by_text("Metadata produk hukum tersimpan.")).to_be_visible()

    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert produk.judul == "Penetapan Dari Dokumen"
    assert produk.penandatangan == "Plh. Ketua Budi Santoso"
    assert produk.subjek == "Pemilih; Daftar Pemilih Tetap"
    assert produk.abstrak == "Menetapkan daftar pemilih tetap."
    assert ProdukHukum.objects.get(pk=lama.pk).status == StatusBerlaku.TIDAK_BERLAKU
    # After saving, the saved values are the record: marked as matching or
    # shown beside, never replaced.
    expect(page.locator("#id_penandatangan")).to_have_value("Plh. Ketua Budi Santoso")
    expect(page.locator("#usulan-penandatangan-beda")).to_contain_text("Ketua Siti Fathonah")
    page.reload()
    assert _pelanggaran(page) == []
