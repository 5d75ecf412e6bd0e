"""The SOP journeys in a real browser (Debian chromium), one login per role,
ending on the public page."""

import re

import pytest
from playwright.sync_api import expect

from documents.models import ProdukHukum, StatusPublikasi
from tests.alur_helpers import KATA_SANDI, buat_tim, nota_pdf_bytes
from tests.factories import buat_jenis, buat_produk, buat_satker, pdf_bytes
from tests.publik_helpers import http_polos  # noqa: F401
from workflow.models import Permohonan, Status
from workflow.peran import Peran

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]


def masuk(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", KATA_SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Tugas saya")).to_be_visible()


def buka_tugas(page, teks):
    page.get_by_role("link", name=re.compile(re.escape(teks))).first.click()


@pytest.fixture
def tim():
    satker = buat_satker(nama="KPU Kabupaten Kotawaringin Timur", slug="kotawaringin-timur")
    return buat_tim(satker, validator=[Peran.KEPALA_BAGIAN])


def test_publish_journey_through_every_role_ends_on_public_page(page, live_server, tim, tmp_path):
    jenis = buat_jenis(singkatan="KEP-KAB", nama="Keputusan KPU Kabupaten")
    naskah = tmp_path / "naskah-asli.pdf"
    naskah.write_bytes(pdf_bytes(judul="Penetapan Lokasi TPS"))
    nota = tmp_path / "nota-dinas.pdf"
    nota.write_bytes(nota_pdf_bytes())

    # 1. Sub Bagian Pengusul: Nota Dinas and the signed original.
    masuk(page, live_server, tim.pengusul)
    page.get_by_role("link", name="Ajukan pengunggahan").click()
    page.select_option("#id_jenis", str(jenis.pk))
    page.fill("#id_nomor", "45/PL.02.1-Kpt/6202/2024")
    page.fill("#id_tahun", "2024")
    page.fill("#id_judul", "Penetapan Lokasi Tempat Pemungutan Suara")
    page.fill("#id_nota_nomor", "17/ND/2024")
    page.fill("#id_nota_tanggal", "2024-05-02")
    page.fill("#id_nota_perihal", "Permohonan pengunggahan Keputusan")
    page.fill("#id_nota_dari", "Kasubbag Teknis")
    page.set_input_files("#id_nota_berkas", str(nota))
    page.set_input_files("#id_berkas", str(naskah))
    page.get_by_role("button", name="Ajukan").click()
    expect(page.get_by_text("Permohonan diajukan")).to_be_visible()
    p = Permohonan.objects.get()

    # 2. Kasubbag: disposisi to the Pengelola.
    masuk(page, live_server, tim.kasubbag)
    buka_tugas(page, "KEP-KAB Nomor 45")
    page.select_option("#id_disposisi-kepada", str(tim.pengelola.pk))
    page.fill("#id_disposisi-petunjuk", "Siapkan dan unggah hari ini.")
    page.get_by_role("button", name="Kirim disposisi").click()
    expect(page.get_by_text("Disposisi: berhasil.")).to_be_visible()

    # 3. Pengelola: metadata, then hand in.
    masuk(page, live_server, tim.pengelola)
    buka_tugas(page, "KEP-KAB Nomor 45")
    page.get_by_role("link", name=re.compile("Siapkan produk hukum")).click()
    page.fill("#id_abstrak", "Menetapkan lokasi TPS Pemilihan Bupati.")
    page.fill("#id_tanggal_penetapan", "2024-04-30")
    page.get_by_role("button", name="Simpan metadata").click()
    expect(page.get_by_text("Metadata produk hukum tersimpan.")).to_be_visible()
    page.get_by_role("button", name="Serahkan ke Kasubbag").click()
    expect(page.locator(".lencana").first).to_have_text("Diperiksa (koreksi)")

    # 4. Kasubbag: koreksi, back with a note.
    masuk(page, live_server, tim.kasubbag)
    buka_tugas(page, "KEP-KAB Nomor 45")
    page.fill("#id_kembalikan-catatan", "Tanggal penetapan belum diisi.")
    page.get_by_role("button", name="Kembalikan").click()

    # 5. Pengelola sees the note, fixes and hands in again.
    masuk(page, live_server, tim.pengelola)
    buka_tugas(page, "KEP-KAB Nomor 45")
    page.get_by_role("link", name=re.compile("Siapkan produk hukum")).click()
    expect(page.get_by_text("Tanggal penetapan belum diisi.")).to_be_visible()
    page.fill("#id_tanggal_penetapan", "2024-05-01")
    page.get_by_role("button", name="Simpan metadata").click()
    page.get_by_role("button", name="Serahkan ke Kasubbag").click()

    # 6. Kasubbag passes the koreksi; 7. the Kepala Bagian validates.
    masuk(page, live_server, tim.kasubbag)
    buka_tugas(page, "KEP-KAB Nomor 45")
    page.get_by_role("button", name="Loloskan koreksi").click()
    masuk(page, live_server, tim.validator[0])
    buka_tugas(page, "KEP-KAB Nomor 45")
    page.get_by_role("button", name="Validasi").click()
    expect(page.get_by_text("Validasi: berhasil.")).to_be_visible()

    # 8. Persetujuan Ya.
    masuk(page, live_server, tim.kasubbag)
    buka_tugas(page, "KEP-KAB Nomor 45")
    page.get_by_role("button", name="Setujui (Ya)").click()

    # 9. Pengelola uploads; the timeline shows every step.
    masuk(page, live_server, tim.pengelola)
    buka_tugas(page, "KEP-KAB Nomor 45")
    page.get_by_role("button", name="Unggah", exact=True).click()
    expect(page.locator(".lencana").first).to_have_text("Diunggah")
    # Nine steps, plus a note for every metadata save (the hand-in button
    # saves the metadata on its way, so their number is the prepare page's).
    catatan = p.jejak.filter(aksi="ubah-metadata").count()
    assert catatan >= 2
    expect(page.locator(".linimasa tbody tr")).to_have_count(9 + catatan)
    p.refresh_from_db()
    assert p.status == Status.DIUNGGAH

    # 10. The public page.
    page.get_by_role("link", name="lihat di laman publik").click()
    expect(page.locator("h1")).to_contain_text("45/PL.02.1-Kpt/6202/2024")
    expect(page.get_by_text("Penetapan Lokasi Tempat Pemungutan Suara").first).to_be_visible()


def test_takedown_fix_and_republish_journey_ends_on_public_page(page, live_server, tim, tmp_path):
    produk = buat_produk(
        tim.satker,
        buat_jenis(singkatan="KEP-KAB", nama="Keputusan KPU Kabupaten"),
        nomor="12/PL.01-Kpt/6202/2024",
        judul="Penetapan Daftar Pemilih Tetap",
    )
    nota = tmp_path / "nota-dinas.pdf"
    nota.write_bytes(nota_pdf_bytes())
    perbaikan = tmp_path / "perbaikan.pdf"
    perbaikan.write_bytes(pdf_bytes(judul="Penetapan Daftar Pemilih Tetap (perbaikan)"))
    publik = live_server.url + produk.get_absolute_url()

    # 8. Pengusul proposes the take-down with a reason.
    masuk(page, live_server, tim.pengusul)
    page.get_by_role("link", name="Usulkan penurunan").click()
    page.fill("#id_q", "12/PL.01")
    page.get_by_role("button", name="Cari").click()
    page.get_by_role("link", name=re.compile("KEP-KAB Nomor 12")).click()
    page.fill("#id_alasan", "Lampiran halaman 3 tidak terbaca.")
    page.fill("#id_nota_nomor", "21/ND/2024")
    page.fill("#id_nota_tanggal", "2024-06-03")
    page.fill("#id_nota_perihal", "Usulan penurunan Keputusan")
    page.fill("#id_nota_dari", "Kasubbag Teknis")
    page.set_input_files("#id_nota_berkas", str(nota))
    page.get_by_role("button", name="Ajukan usulan penurunan").click()
    expect(page.get_by_text("Usulan penurunan diajukan.")).to_be_visible()

    # 9. Kasubbag: disposisi.
    masuk(page, live_server, tim.kasubbag)
    buka_tugas(page, "KEP-KAB Nomor 12")
    page.select_option("#id_disposisi-kepada", str(tim.pengelola.pk))
    page.fill("#id_disposisi-petunjuk", "Turunkan dan perbaiki lampiran.")
    page.get_by_role("button", name="Kirim disposisi").click()

    # 10. Pengelola takes it down, with confirmation and a reason.
    masuk(page, live_server, tim.pengelola)
    buka_tugas(page, "KEP-KAB Nomor 12")
    page.get_by_role("link", name="Turunkan…").click()
    # Without a reason and the confirmation the form does not go (the server
    # refuses it too, see test_workflow_halaman).
    page.get_by_role("button", name="Turunkan").click()
    expect(page).to_have_url(re.compile("/turunkan/$"))
    page.fill("#id_turunkan-catatan", "Sesuai disposisi.")
    page.check("#id_turunkan-konfirmasi")
    page.get_by_role("button", name="Turunkan").click()
    expect(page.locator(".lencana").first).to_have_text("Diturunkan (perbaikan)")
    respons = page.goto(publik)
    assert respons.status == 404
    expect(page.get_by_text("sedang diperbaiki").first).to_be_visible()

    # 11. Perbaikan: the corrected file with its keterangan, handed in.
    page.goto(live_server.url + "/staf/")
    buka_tugas(page, "KEP-KAB Nomor 12")
    page.get_by_role("link", name=re.compile("Perbaiki produk hukum")).click()
    page.set_input_files("#id_berkas", str(perbaikan))
    page.fill("#id_keterangan_perbaikan", "Lampiran halaman 3 dipindai ulang.")
    page.get_by_role("button", name="Unggah berkas").click()
    expect(page.get_by_text("Berkas tersimpan sebagai versi 2.")).to_be_visible()
    page.get_by_role("button", name="Serahkan ke Kasubbag").click()

    # Koreksi passes, the Kepala Bagian validates, Persetujuan Ya.
    masuk(page, live_server, tim.kasubbag)
    buka_tugas(page, "KEP-KAB Nomor 12")
    page.get_by_role("button", name="Loloskan koreksi").click()
    masuk(page, live_server, tim.validator[0])
    buka_tugas(page, "KEP-KAB Nomor 12")
    page.get_by_role("button", name="Validasi").click()
    masuk(page, live_server, tim.kasubbag)
    buka_tugas(page, "KEP-KAB Nomor 12")
    page.get_by_role("button", name="Setujui (Ya)").click()

    # 12. Unggah ulang.
    masuk(page, live_server, tim.pengelola)
    buka_tugas(page, "KEP-KAB Nomor 12")
    page.get_by_role("button", name="Unggah", exact=True).click()
    expect(page.locator(".lencana").first).to_have_text("Diunggah")

    produk.refresh_from_db()
    assert produk.status_publikasi == StatusPublikasi.TERBIT
    assert produk.versi_terbit().nomor_versi == 2
    respons = page.goto(publik)
    assert respons.status == 200
    expect(page.locator("h1")).to_contain_text("12/PL.01-Kpt/6202/2024")
    expect(page.get_by_text("Lampiran halaman 3 dipindai ulang.").first).to_be_visible()
    assert (
        ProdukHukum.objects.get(pk=produk.pk).versi.filter(diterbitkan_pada__isnull=False).count()
        == 2
    )
