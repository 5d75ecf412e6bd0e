"""The catalogue record in a real browser (Debian chromium): the Pengelola
prepares a monografi with its own fields, a structured abstrak, managed
subjek and a lampiran; once published, a reader sees all of it."""

import pytest
from django.test import TestCase
from playwright.sync_api import expect

from documents.models import ProdukHukum
from documents.subjek import setel_subjek
from tests.alur_helpers import ajukan, buat_tim, majukan
from tests.factories import buat_jenis, buat_produk, pdf_bytes
from tests.publik_helpers import http_polos  # noqa: F401
from tests.test_workflow_browser import masuk
from workflow.models import Status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


def test_pengelola_menyiapkan_monografi_lengkap_dan_pembaca_melihatnya(page, live_server, tmp_path):
    tim = buat_tim()
    buku = buat_jenis(singkatan="MONOGRAFI", nama="Monografi Hukum", tipe_dokumen="monografi")
    # A subjek already in use elsewhere is offered as a suggestion.
    setel_subjek(buat_produk(tim.satker, berkas=False), "Penyelenggara Pemilu")
    p = majukan(ajukan(tim, jenis=buku), tim, Status.DIDISPOSISI)
    lampiran = tmp_path / "daftar-isi.pdf"
    lampiran.write_bytes(pdf_bytes(judul="Daftar Isi Buku"))

    masuk(page, live_server, tim.pengelola)
    page.goto(f"{live_server.url}/staf/permohonan/{p.pk}/siapkan/")
    # Only the monografi's own group is shown for a monografi jenis.
    expect(page.get_by_role("group", name="Khusus monografi", exact=True)).to_be_visible()
    expect(page.get_by_role("group", name="Khusus putusan")).to_be_hidden()
    page.fill("#id_judul", "Hukum Pemilihan Umum di Indonesia")
    page.fill("#id_tanggal_penetapan", "2023-11-20")
    page.select_option("#id_bidang_hukum", "Hukum Tata Negara")
    page.fill("#id_subjek", "Pemilihan Umum; Penye")
    expect(page.locator("#id_subjek")).to_have_attribute("list", "id_subjek-saran")
    expect(page.locator("datalist#id_subjek-saran option")).to_have_count(1, timeout=5000)
    page.fill("#id_subjek", "Pemilihan Umum; Penyelenggara Pemilu")
    page.fill("#id_abstrak", "Menguraikan asas pemilihan umum.\nMembahas kelembagaan KPU.")
    page.fill("#id_abstrak_dasar_hukum", "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum")
    page.fill("#id_penerbit", "Komisi Pemilihan Umum")
    page.fill("#id_tempat_terbit", "Jakarta")
    page.fill("#id_deskripsi_fisik", "xii, 240 hlm.; 21 cm")
    page.fill("#id_isbn", "978-602-0000-00-9")
    page.get_by_role("button", name="Simpan metadata").click()
    expect(page.get_by_text("ISBN tidak valid")).to_be_visible()
    page.fill("#id_isbn", "978-602-0000-00-8")
    page.get_by_role("button", name="Simpan metadata").click()
    expect(page.get_by_text("Metadata produk hukum tersimpan.")).to_be_visible()

    page.fill("#lampiran-baru-judul", "Daftar isi dan indeks")
    page.set_input_files("#lampiran-baru-berkas", str(lampiran))
    page.get_by_role("button", name="Tambah lampiran").click()
    expect(page.get_by_text("Daftar isi dan indeks").first).to_be_visible()

    with TestCase.captureOnCommitCallbacks(execute=True):
        majukan(p, tim, Status.DIUNGGAH)
    produk = ProdukHukum.objects.get(pk=p.produk_id)
    assert produk.terbit and produk.isbn == "978-602-0000-00-8"

    page.context.clear_cookies()
    page.goto(live_server.url + produk.get_absolute_url())
    expect(page.get_by_role("heading", name="Abstrak")).to_be_visible()
    expect(page.get_by_text("Membahas kelembagaan KPU.")).to_be_visible()
    expect(page.get_by_text("978-602-0000-00-8")).to_be_visible()
    expect(page.get_by_text("Pemilihan Umum; Penyelenggara Pemilu")).to_be_visible()
    tautan = page.get_by_role("link", name="Daftar isi dan indeks")
    expect(tautan).to_be_visible()
    respons = page.request.get(live_server.url + tautan.get_attribute("href"))
    assert respons.ok and respons.body().startswith(b"%PDF")
    abstrak = page.get_by_role("link", name="Lembar abstrak (PDF)").get_attribute("href")
    respons = page.request.get(live_server.url + abstrak)
    assert respons.ok and respons.headers["content-type"] == "application/pdf"
