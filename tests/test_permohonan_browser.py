"""Issue 12 items 1, 3 and 5 in a real browser (Debian chromium): a request
with both PDFs, sent back and completed, disposed to one Pengelola whom
another cannot stand in for until the Kasubbag re-assigns it; and a request
withdrawn before disposisi."""

import re

import pytest
from playwright.sync_api import expect

from tests.alur_helpers import KATA_SANDI, buat_tim, nota_pdf_bytes, tambah_pengelola
from tests.factories import buat_jenis, buat_satker, pdf_bytes
from tests.publik_helpers import http_polos  # noqa: F401
from workflow.models import Permohonan, Status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]
NOMOR = "45/PL.02.1-Kpt/6202/2024"


def masuk(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", KATA_SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Tugas saya")).to_be_visible()


def buka(page, live_server, p):
    page.goto(live_server.url + p.get_absolute_url())


@pytest.fixture
def tim():
    satker = buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur")
    t = buat_tim(satker)
    t.pengelola.first_name, t.pengelola.last_name = "Rina", "Pengelola"
    t.pengelola.save()
    tambah_pengelola(t, first_name="Budi", last_name="Santoso")
    return t


@pytest.fixture
def berkas(tmp_path):
    nota = tmp_path / "nota-dinas.pdf"
    nota.write_bytes(nota_pdf_bytes())
    naskah = tmp_path / "naskah-asli.pdf"
    naskah.write_bytes(pdf_bytes(judul="Penetapan Lokasi TPS"))
    final = tmp_path / "naskah-final.pdf"
    final.write_bytes(pdf_bytes(judul="Penetapan Lokasi TPS (final)"))
    rusak = tmp_path / "nota-rusak.pdf"
    rusak.write_bytes(b"GIF89a ini gambar, bukan PDF")
    return {"nota": nota, "naskah": naskah, "final": final, "rusak": rusak}


def isi_pengajuan(page, jenis, berkas_nota, berkas_naskah):
    page.select_option("#id_jenis", str(jenis.pk))
    page.fill("#id_nomor", NOMOR)
    page.fill("#id_tahun", "2024")
    page.fill("#id_judul", "Penetapan Lokasi Tempat Pemungutan Suara")
    page.fill("#id_nota_nomor", "17/ND/2024")
    page.fill("#id_nota_tanggal", "2024-05-02")
    page.fill("#id_nota_perihal", "Permohonan pengunggahan Keputusan")
    page.fill("#id_nota_dari", "Kasubbag Teknis")
    page.set_input_files("#id_nota_berkas", str(berkas_nota))
    page.set_input_files("#id_berkas", str(berkas_naskah))


def test_send_back_correct_dispose_reassign_journey(page, live_server, tim, berkas):
    jenis = buat_jenis(singkatan="KEP-KAB", nama="Keputusan KPU Kabupaten")

    # 1. Pengusul: both PDFs, each in its own labelled field. A broken memo
    # is refused beside its field; what was typed stays.
    masuk(page, live_server, tim.pengusul)
    page.get_by_role("link", name="Ajukan pengunggahan").click()
    expect(page.get_by_label("Berkas Nota Dinas (PDF)")).to_be_visible()
    expect(page.get_by_label("Naskah asli bertanda tangan (PDF)")).to_be_visible()
    isi_pengajuan(page, jenis, berkas["rusak"], berkas["naskah"])
    page.get_by_role("button", name="Ajukan").click()
    expect(page.locator("#id_nota_berkas-galat")).to_contain_text("bukan PDF")
    expect(page.get_by_text("pilih kembali berkas PDF Nota Dinas", exact=False)).to_be_visible()
    expect(page.locator("#id_nomor")).to_have_value(NOMOR)
    expect(page.locator("#id_nota_tanggal")).to_have_value("2024-05-02")
    page.set_input_files("#id_nota_berkas", str(berkas["nota"]))
    page.set_input_files("#id_berkas", str(berkas["naskah"]))
    page.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_text("Permohonan diajukan")).to_be_visible()
    p = Permohonan.objects.get()
    expect(page.get_by_role("link", name=re.compile(r"Nota Dinas \(PDF"))).to_be_visible()

    # 2. Kasubbag sends it back with a note.
    masuk(page, live_server, tim.kasubbag)
    buka(page, live_server, p)
    page.fill("#id_kembalikan_ke_pengusul-catatan", "Naskah yang dilampirkan belum versi final.")
    page.get_by_role("button", name="Kembalikan ke pengusul").click()
    expect(page.locator(".lencana").first).to_have_text("Dikembalikan ke pengusul untuk dilengkapi")

    # 3. Pengusul corrects the naskah and hands it in again.
    masuk(page, live_server, tim.pengusul)
    page.get_by_role("link", name=re.compile("KEP-KAB Nomor 45")).first.click()
    expect(page.get_by_text("Naskah yang dilampirkan belum versi final.").first).to_be_visible()
    page.get_by_role("link", name="Lengkapi dan ajukan ulang").click()
    expect(page.locator("#id_nota_nomor")).to_have_value("17/ND/2024")
    page.set_input_files("#id_berkas", str(berkas["final"]))
    page.fill("#id_catatan", "Naskah final terlampir.")
    page.get_by_role("button", name="Simpan dan ajukan ulang").click()
    expect(page.get_by_text("Permohonan dilengkapi dan diajukan ulang")).to_be_visible()
    expect(page.locator(".lencana").first).to_have_text("Diajukan")

    # 4. Kasubbag disposes to Pengelola A (Rina); the list flags nobody
    # without email here, and shows names with the role.
    masuk(page, live_server, tim.kasubbag)
    buka(page, live_server, p)
    pilihan = page.locator("#id_disposisi-kepada option")
    expect(pilihan.filter(has_text="Rina Pengelola — Pengelola JDIH")).to_have_count(1)
    page.select_option("#id_disposisi-kepada", str(tim.pengelola.pk))
    page.fill("#id_disposisi-petunjuk", "Siapkan dan unggah hari ini.")
    page.get_by_role("button", name="Kirim disposisi").click()
    expect(page.get_by_text("Disposisi: berhasil.")).to_be_visible()

    # 5. Pengelola B (Budi) sees it, with the note, but has no action; a
    # direct POST is refused.
    masuk(page, live_server, tim.pengelola2)
    page.goto(live_server.url + "/staf/?lingkup=semua")
    expect(page.get_by_text("Didisposisikan kepada Rina Pengelola").first).to_be_visible()
    buka(page, live_server, p)
    expect(page.locator("#catatan-penugasan")).to_contain_text(
        "Didisposisikan kepada Rina Pengelola; hanya beliau yang dapat menindaklanjuti."
    )
    expect(page.get_by_role("heading", name="Tindakan Anda")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("Siapkan produk hukum"))).to_have_count(0)
    token = page.context.cookies()
    csrf = next(c["value"] for c in token if c["name"] == "csrftoken")
    respons = page.request.post(
        live_server.url + f"/staf/permohonan/{p.pk}/serahkan/",
        form={"serahkan-status_terlihat": "didisposisi"},
        headers={"X-CSRFToken": csrf, "Referer": live_server.url + p.get_absolute_url()},
    )
    assert respons.status == 403
    assert Permohonan.objects.get(pk=p.pk).status == Status.DIDISPOSISI

    # 6. Kasubbag re-assigns it to B, with a reason.
    masuk(page, live_server, tim.kasubbag)
    buka(page, live_server, p)
    page.get_by_role("link", name="Alihkan disposisi…").click()
    page.select_option("#id_alihkan_disposisi-kepada", str(tim.pengelola2.pk))
    page.fill("#id_alihkan_disposisi-alasan", "Rina sedang cuti.")
    page.get_by_role("button", name="Alihkan disposisi").click()
    expect(page.get_by_text("Alihkan disposisi: berhasil.")).to_be_visible()
    expect(page.get_by_text("Rina sedang cuti.").first).to_be_visible()

    # 7. B prepares it now; A sees the note instead.
    masuk(page, live_server, tim.pengelola2)
    page.get_by_role("link", name=re.compile("KEP-KAB Nomor 45")).first.click()
    page.get_by_role("link", name=re.compile("Siapkan produk hukum")).click()
    page.fill("#id_abstrak", "Menetapkan lokasi TPS Pemilihan Bupati.")
    page.fill("#id_tanggal_penetapan", "2024-04-30")
    page.get_by_role("button", name=re.compile("Simpan")).first.click()
    expect(page.get_by_text("tersimpan", exact=False).first).to_be_visible()
    masuk(page, live_server, tim.pengelola)
    buka(page, live_server, p)
    expect(page.locator("#catatan-penugasan")).to_contain_text("Didisposisikan kepada Budi Santoso")
    p.refresh_from_db()
    assert p.pengelola == tim.pengelola2
    assert p.jejak.filter(aksi="ubah-metadata", oleh=tim.pengelola2).exists()


def test_pengusul_withdraws_before_disposisi(page, live_server, tim, berkas):
    jenis = buat_jenis(singkatan="KEP-KAB", nama="Keputusan KPU Kabupaten")
    masuk(page, live_server, tim.pengusul)
    page.get_by_role("link", name="Ajukan pengunggahan").click()
    isi_pengajuan(page, jenis, berkas["nota"], berkas["naskah"])
    page.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_text("Permohonan diajukan")).to_be_visible()

    page.get_by_role("link", name="Tarik permohonan…").click()
    expect(page.get_by_text("draf produk hukum beserta naskah aslinya dihapus")).to_be_visible()
    page.fill("#id_tarik-catatan", "Nomor keputusan keliru.")
    page.check("#id_tarik-konfirmasi")
    page.get_by_role("button", name="Tarik permohonan").click()
    expect(page.locator(".lencana").first).to_have_text("Ditarik oleh pengusul")
    expect(page.get_by_text("Nomor keputusan keliru.").first).to_be_visible()

    # The same nomor and file go in again as a new request.
    page.goto(live_server.url + "/staf/permohonan/baru/")
    isi_pengajuan(page, jenis, berkas["nota"], berkas["naskah"])
    page.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_text("Permohonan diajukan")).to_be_visible()
    assert list(Permohonan.objects.order_by("pk").values_list("status", flat=True)) == [
        Status.DITARIK,
        Status.DIAJUKAN,
    ]
