"""Sop 003 in a real browser (Debian chromium): a variant-2 Keputusan from
the template to the upload request that digitalisation opens, one login per
role, clicking through the staff pages only."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from documents.models import Satker
from tests.alur_helpers import KATA_SANDI
from tests.factories import buat_satker, pdf_bytes
from tests.penyusunan_helpers import buat_tim_penyusunan
from tests.publik_helpers import http_polos  # noqa: F401
from workflow.models import JenisPermohonan, Status
from workflow.penyusunan.models import FormatNomor, PenyusunanKeputusan, StatusPenyusunan

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("http_polos"),
]

JUDUL = "Pedoman Teknis Pengelolaan Jaringan Dokumentasi dan Informasi Hukum"
POLA = "{urut}/HK.03.1-Kpt/9204/KPU-Kab/{tahun}"


def masuk(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + "/masuk/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", KATA_SANDI)
    page.get_by_role("button", name="Masuk").click()
    expect(page.get_by_role("heading", name="Tugas saya")).to_be_visible()


def buka_tugas(page, teks):
    page.get_by_role("link", name=re.compile(re.escape(teks))).first.click()
    expect(page.locator("h1")).to_contain_text(teks)


def status(page, teks):
    expect(page.locator(".lencana").first).to_have_text(teks)


def berhasil(page, teks):
    expect(page.get_by_text(teks).first).to_be_visible()


def unggah_kelengkapan(page, jenis, nama, data):
    page.select_option("#id_jenis", jenis)
    page.set_input_files(
        "#id_berkas", files=[{"name": nama, "mimeType": "application/pdf", "buffer": data}]
    )
    page.get_by_role("button", name="Unggah", exact=True).click()


@pytest.fixture
def tim():
    satker = buat_satker(
        nama="KPU Kabupaten Sorong Selatan",
        slug="sorong-selatan",
        teu_badan="Komisi Pemilihan Umum Kabupaten Sorong Selatan",
        tempat="Teminabuan",
        zona_waktu=Satker.ZonaWaktu.WIT,
    )
    tim = buat_tim_penyusunan(satker)
    FormatNomor.objects.create(satker=satker, jenis=tim.templat.jenis, pola=POLA)
    return tim


def test_variant_2_from_template_to_the_upload_request(page, live_server, tim):
    tahun = timezone.localdate().year
    nomor = f"1/HK.03.1-Kpt/9204/KPU-Kab/{tahun}"

    # 1. Pengusul: a new draft from the office's template (variant 2).
    masuk(page, live_server, tim.pengusul)
    page.get_by_role("link", name="Susun keputusan baru").click()
    expect(page).to_have_url(re.compile("/staf/penyusunan/baru/$"))
    page.select_option("#id_varian", "2")
    page.select_option("#id_templat", str(tim.templat.pk))
    page.fill("#id_judul", JUDUL)
    page.fill("#id_pemrakarsa", "Subbagian Hukum dan Sumber Daya Manusia")
    page.fill("#id_divisi_terkait", "Divisi Hukum dan Pengawasan")
    page.get_by_role("button", name="Mulai penyusunan").click()
    berhasil(page, "Draft dibuat dari templat.")
    p = PenyusunanKeputusan.objects.get()
    judul_tugas = f"Draft {tim.templat.jenis.singkatan} #{p.pk}"

    # The text edited in the draft editor and saved: revision 2.
    menimbang = page.input_value("#id_menimbang")
    assert "perlu dibentuk tim" in menimbang
    page.fill(
        "#id_menimbang",
        menimbang.replace("perlu dibentuk tim", "perlu disusun pedoman teknis sebagai acuan"),
    )
    page.fill("#id_catatan", "Pertimbangan disesuaikan dengan sifat pengaturan")
    page.get_by_role("button", name="Simpan sebagai revisi baru").click()
    berhasil(page, "Draft tersimpan sebagai revisi 2.")

    # The comparison highlights the change.
    page.get_by_role("link", name="bandingkan dengan terakhir").click()
    expect(page.get_by_role("heading", name="Bandingkan revisi 1 dan 2")).to_be_visible()
    expect(page.locator("ins", has_text="pedoman teknis").first).to_be_visible()
    expect(page.locator("del", has_text="dibentuk tim").first).to_be_visible()

    # Hand in the draft awal, then the notulensi and the draft akhir.
    page.locator(".remah").get_by_role("link", name=judul_tugas).click()
    page.get_by_role("button", name="Serahkan", exact=True).click()
    berhasil(page, "Serahkan draft untuk diverifikasi: berhasil.")
    status(page, "Penyempurnaan draft akhir")
    unggah_kelengkapan(
        page, "notulensi_rapat", "notulensi.pdf", pdf_bytes(judul="Notulensi rapat tim penyusun")
    )
    berhasil(page, "Notulensi rapat tim penyusun tersimpan.")
    page.get_by_role("button", name="Serahkan draft akhir").click()
    status(page, "Verifikasi muatan")

    # 2. Kasubbag: verifikasi muatan, on to the pleno.
    masuk(page, live_server, tim.kasubbag)
    buka_tugas(page, judul_tugas)
    page.get_by_role("button", name="Ajukan ke pleno").click()
    status(page, "Pleno: pembahasan dan penetapan")

    # 3. Ketua: berita acara pleno, then the pleno sets the SK.
    masuk(page, live_server, tim.ketua)
    buka_tugas(page, judul_tugas)
    unggah_kelengkapan(
        page, "berita_acara_pleno", "ba-pleno.pdf", pdf_bytes(judul="Berita acara pleno")
    )
    berhasil(page, "Berita acara pleno tersimpan.")
    page.get_by_role("button", name="Tetapkan (SK final)").click()
    status(page, "Sinkronisasi SK final")

    # 4. Pengelola: sinkronisasi.
    masuk(page, live_server, tim.pengelola)
    buka_tugas(page, judul_tugas)
    page.get_by_role("button", name="SK final tersinkron").click()
    status(page, "Paraf Sekretaris")

    # 5. Sekretaris: paraf.
    masuk(page, live_server, tim.sekretaris)
    buka_tugas(page, judul_tugas)
    page.get_by_role("button", name="Paraf", exact=True).click()
    status(page, "Tanda tangan Ketua")

    # 6. Ketua: the signed scan, then tanda tangan.
    masuk(page, live_server, tim.ketua)
    buka_tugas(page, judul_tugas)
    unggah_kelengkapan(
        page, "naskah_ttd", "sk-ttd.pdf", pdf_bytes(judul=f"{JUDUL} (ditandatangani)")
    )
    berhasil(page, "Pindaian SK bertanda tangan tersimpan.")
    page.fill("#id_tandatangani-penandatangan", "Yohanis Sarefa")
    page.get_by_role("button", name="Tandatangani").click()
    status(page, "Penomoran")

    # 7. Pengelola: the number from the buku agenda, the salinan, the distribution.
    masuk(page, live_server, tim.pengelola)
    buka_tugas(page, judul_tugas)
    page.get_by_role("button", name="Ambil nomor").click()
    status(page, "Pembuatan salinan")
    expect(page.get_by_text(nomor).first).to_be_visible()
    page.fill("#id_buat_salinan-nama_pejabat", "Markus Kambuaya")
    page.fill("#id_buat_salinan-nip", "197903152006041002")
    page.get_by_role("button", name="Buat salinan").click()
    status(page, "Distribusi salinan")
    expect(page.get_by_role("link", name="laman verifikasi")).to_be_visible()

    distribusi = page.locator("#distribusi")
    page.fill("#id_penerima-nama", "KPU Provinsi Papua Barat Daya")
    page.select_option("#id_penerima-jenis", "eksternal")
    page.fill("#id_penerima-alamat", "Kota Sorong")
    distribusi.get_by_role("button", name="Tambah penerima").click()
    berhasil(page, "dicatat di buku ekspedisi")
    page.get_by_role("button", name=re.compile(r"Kirim salinan \(1 penerima\)")).click()
    berhasil(page, "Salinan dikirim kepada 1 penerima.")
    expect(page.locator("#distribusi")).to_contain_text("Menunggu tanda terima")
    page.locator("#distribusi").get_by_role("link", name="Catat tanda terima").click()
    page.fill("#id_diterima_oleh", "Rahel Sapisa")
    page.get_by_role("button", name="Simpan tanda terima").click()
    berhasil(page, "Tanda terima “KPU Provinsi Papua Barat Daya” dicatat.")
    expect(page.locator("#distribusi")).to_contain_text("Rahel Sapisa")
    page.get_by_role("button", name="Distribusi selesai").click()
    status(page, "Penyimpanan dan digitalisasi")

    # Digitalisasi with the scan of the numbered original and where it is kept.
    page.get_by_role("link", name=re.compile("Simpan dan teruskan ke pengunggahan")).click()
    page.fill("#id_digitalisasi-lokasi_arsip", "Lemari arsip Subbag Hukum, rak 2")
    page.set_input_files(
        "#id_digitalisasi-berkas",
        files=[
            {
                "name": "naskah-asli.pdf",
                "mimeType": "application/pdf",
                "buffer": pdf_bytes(judul=JUDUL, nomor=nomor, tahun=tahun),
            }
        ],
    )
    page.get_by_role("button", name="Simpan dan teruskan ke pengunggahan").click()
    status(page, "Selesai, diteruskan ke pengunggahan")
    expect(page.locator("p.kartu", has_text="Diteruskan ke pengunggahan JDIH")).to_contain_text(
        "Diajukan"
    )

    p.refresh_from_db()
    assert p.status == StatusPenyusunan.SELESAI
    assert p.nomor.nomor == nomor
    assert p.draft.count() == 2
    permohonan = p.permohonan
    assert permohonan.jenis == JenisPermohonan.UNGGAH
    assert permohonan.status == Status.DIAJUKAN

    # 8. Kasubbag: the upload request is on Tugas saya, with the SK's number.
    masuk(page, live_server, tim.kasubbag)
    # (A substring name: a regular expression with "/" breaks Playwright's selector.)
    tugas = page.get_by_role("link", name=nomor)
    expect(tugas.first).to_be_visible()
    tugas.first.click()
    expect(page.locator("h1")).to_contain_text(nomor)
    nota = page.locator("section", has=page.get_by_role("heading", name="Nota Dinas"))
    expect(nota).to_contain_text("Naskah asli")
    expect(nota.get_by_role("link", name="Naskah asli bertanda tangan (PDF)")).to_be_visible()
    expect(nota).to_contain_text(f"PK-{p.pk}/{nomor}")
