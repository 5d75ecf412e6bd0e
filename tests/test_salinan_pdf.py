"""Certified copies: every page of the original keeps its size and text, shrunk
above a band where the stamp (attestation, official, QR of the verification
URL) is drawn; the QR really decodes and never covers the original text."""

import io
import re

import pypdf
import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf.generic import NameObject, NumberObject, RectangleObject
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
from documents.pdf import BerkasTidakValid
from documents.salinan_pdf import PITA_NOMINAL, Cap, buat_salinan

CAP = Cap(
    satker="Komisi Pemilihan Umum Kabupaten Sorong Selatan",
    nama_pejabat="Mohammad Rusdianto, S.H.",
    nip="198503122009121002",
    jabatan="Kepala Subbagian Hukum dan SDM",
    url_verifikasi="https://jdih.kpu-sorongselatan.go.id/verifikasi/Ab3kP9xQ7mZt2LwR/",
    kode="Ab3kP9xQ7mZt2LwR",
    nomor="12/HK.03.1-Kpt/9204/KPU-Kab/2024",
)


def keputusan(halaman_tambahan: int = 2) -> bytes:
    return pdf_keputusan(
        NaskahKeputusan(
            teu_badan="Komisi Pemilihan Umum Kabupaten Sorong Selatan",
            nomor="12/HK.03.1-Kpt/9204/KPU-Kab/2024",
            tahun=2024,
            judul="Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024",
            halaman_tambahan=halaman_tambahan,
        )
    )


def halaman_teks(ukuran, teks: str, huruf: float = 10, tautan: str = "") -> bytes:
    """One page filled edge to edge (small margins) with lines of ``teks``."""
    keluaran = io.BytesIO()
    kanvas = canvas.Canvas(keluaran, pagesize=ukuran, invariant=True)
    lebar, tinggi = ukuran
    kanvas.setFont("Times-Roman", huruf)
    y = tinggi - 2 * huruf
    while y > huruf:
        kanvas.drawString(huruf, y, teks)
        y -= huruf * 1.3
    if tautan:  # a link over the first line
        akhir = huruf + kanvas.stringWidth(teks, "Times-Roman", huruf)
        kanvas.linkURL(tautan, (huruf, tinggi - 2 * huruf - 2, akhir, tinggi - huruf), relative=0)
    kanvas.showPage()
    kanvas.save()
    return keluaran.getvalue()


def gabung(*berkas: bytes, ubah=None) -> bytes:
    penulis = pypdf.PdfWriter()
    for data in berkas:
        penulis.append(pypdf.PdfReader(io.BytesIO(data)))
    if ubah:
        ubah(penulis)
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    return keluaran.getvalue()


def diputar_90(penulis):
    penulis.pages[0][NameObject("/Rotate")] = NumberObject(90)


def asal_bukan_nol(penulis):
    halaman = penulis.pages[0]
    halaman.add_transformation(pypdf.Transformation().translate(100, 200))
    halaman.mediabox = RectangleObject([100, 200, 100 + A4[0], 200 + A4[1]])


# Pages of every shape the stamp must handle: (name, pdf bytes, render scale for the QR).
HALAMAN_ANEH = {
    "lanskap": (lambda: halaman_teks(landscape(A4), "Lampiran tabel daftar pemilih " * 4), 3),
    "kecil": (lambda: halaman_teks((200, 120), "Halaman kecil sekali", 8), 10),
    "diputar-90": (
        lambda: gabung(halaman_teks(A4, "Halaman diputar sembilan puluh"), ubah=diputar_90),
        3,
    ),
    "asal-bukan-nol": (
        lambda: gabung(halaman_teks(A4, "Kotak halaman berasal bukan nol"), ubah=asal_bukan_nol),
        3,
    ),
}


def rata(teks: str) -> str:
    return " ".join(teks.split())


def teks_pdfium(data: bytes) -> list[str]:
    dokumen = pdfium.PdfDocument(data)
    return [rata(halaman.get_textpage().get_text_range()) for halaman in dokumen]


def teks_pypdf(data: bytes) -> list[str]:
    return [rata(h.extract_text()) for h in pypdf.PdfReader(io.BytesIO(data)).pages]


def dekode_qr(data: bytes, indeks: int = 0, skala: float = 3):
    gambar = pdfium.PdfDocument(data)[indeks].render(scale=skala).to_pil()
    return gambar, zxingcpp.read_barcodes(gambar)


def tinggi_tampil(halaman, kotak) -> tuple[float, float]:
    """(bottom, top) of a user-space box, measured up from the page's bottom
    edge *as displayed* (after /Rotate and the CropBox origin)."""
    x0, y0, x1, y1 = halaman.get_cropbox()
    kiri, bawah, kanan, atas = kotak
    return {
        0: (bawah - y0, atas - y0),
        90: (x1 - kanan, x1 - kiri),
        180: (y1 - atas, y1 - bawah),
        270: (kiri - x0, kanan - x0),
    }[halaman.get_rotation()]


def rentang(halaman, teks, awal, akhir) -> list[tuple[float, float]]:
    """Displayed (bottom, top) of the visible characters ``awal``..``akhir``."""
    return [
        tinggi_tampil(halaman, teks.get_charbox(i))
        for i in range(awal, akhir)
        if teks.get_text_range(i, 1).strip()
    ]


def test_salinan_keeps_page_count_size_and_rotation():
    for asli in [keputusan(3)] + [buat() for buat, _ in HALAMAN_ANEH.values()]:
        salinan = buat_salinan(asli, CAP)
        sebelum = pypdf.PdfReader(io.BytesIO(asli)).pages
        sesudah = pypdf.PdfReader(io.BytesIO(salinan), strict=True).pages
        assert len(sesudah) == len(sebelum)
        assert len(pdfium.PdfDocument(salinan)) == len(sebelum)
        for a, b in zip(sebelum, sesudah, strict=True):
            assert list(b.mediabox) == list(a.mediabox)
            assert b.rotation == a.rotation


def test_salinan_keeps_original_text_and_adds_stamp_on_every_page():
    asli = keputusan(2)
    salinan = buat_salinan(asli, CAP)
    for ekstrak in (teks_pdfium, teks_pypdf):
        halaman_asli, halaman_salinan = ekstrak(asli), ekstrak(salinan)
        assert len(halaman_salinan) == len(halaman_asli) == 3
        pasangan = zip(halaman_asli, halaman_salinan, strict=True)
        for nomor, (lama, baru) in enumerate(pasangan, start=1):
            assert lama and lama in baru, ekstrak.__name__
            cap = baru.replace(lama, "", 1)
            for teks in (
                "Salinan sesuai dengan aslinya",
                "KOMISI PEMILIHAN UMUM KABUPATEN SORONG SELATAN",
                "Kepala Subbagian Hukum dan SDM",
                "Mohammad Rusdianto, S.H.",
                "NIP. 198503122009121002",
                "12/HK.03.1-Kpt/9204/KPU-Kab/2024",
                "Ab3kP9xQ7mZt2LwR",
                f"Halaman {nomor} dari 3",
            ):
                assert teks in cap, (ekstrak.__name__, teks)


def test_salinan_without_nomor_leaves_the_nomor_out():
    salinan = buat_salinan(keputusan(0), Cap(**{**CAP.__dict__, "nomor": ""}))
    (teks,) = teks_pdfium(salinan)
    assert "Nomor:" not in teks
    assert "NIP. 198503122009121002" in teks


def test_salinan_qr_decodes_to_verification_url_on_every_page():
    salinan = buat_salinan(keputusan(1), CAP)
    for indeks in range(2):
        _, hasil = dekode_qr(salinan, indeks)
        assert [(k.format, k.text) for k in hasil] == [
            (zxingcpp.BarcodeFormat.QRCode, CAP.url_verifikasi)
        ]


@pytest.mark.parametrize("jenis", HALAMAN_ANEH)
def test_salinan_qr_decodes_on_landscape_small_rotated_and_offset_pages(jenis):
    buat, skala = HALAMAN_ANEH[jenis]
    _, hasil = dekode_qr(buat_salinan(buat(), CAP), skala=skala)
    assert [k.text for k in hasil] == [CAP.url_verifikasi]


@pytest.mark.parametrize("jenis", ["keputusan", *HALAMAN_ANEH])
def test_stamp_lies_in_bottom_band_below_all_original_text(jenis):
    if jenis == "keputusan":
        asli, skala = keputusan(0), 3
    else:
        buat, skala = HALAMAN_ANEH[jenis]
        asli = buat()
    salinan = buat_salinan(asli, CAP)

    halaman_asli = pdfium.PdfDocument(asli)[0]
    halaman = pdfium.PdfDocument(salinan)[0]
    tampil_lebar, tampil_tinggi = halaman.get_size()  # as displayed: /Rotate applied
    teks_asli = halaman_asli.get_textpage()
    teks = halaman.get_textpage()
    # The original's characters come first on the stamped page, unchanged.
    n_asli = teks_asli.count_chars()
    assert teks.get_text_range(0, n_asli) == teks_asli.get_text_range(0, n_asli)

    asli_rentang = rentang(halaman, teks, 0, n_asli)
    cap_rentang = rentang(halaman, teks, n_asli, teks.count_chars())
    assert asli_rentang and cap_rentang
    bawah_asli = min(b for b, _ in asli_rentang)
    atas_asli = max(a for _, a in asli_rentang)

    gambar, (qr,) = dekode_qr(salinan, skala=skala)
    posisi = qr.position
    sudut = (posisi.top_left, posisi.top_right, posisi.bottom_left, posisi.bottom_right)
    atas_qr = max(tampil_tinggi - p.y / skala for p in sudut)
    bawah_qr = min(tampil_tinggi - p.y / skala for p in sudut)
    assert gambar.height == pytest.approx(tampil_tinggi * skala, abs=1)

    pita = PITA_NOMINAL * min(1, tampil_tinggi / 595, tampil_lebar / 460)
    # The stamp (text and QR) stays inside the band...
    assert max(a for _, a in cap_rentang) <= pita
    assert 0 <= bawah_qr < atas_qr <= pita
    # ...and every original character is above it, on the page.
    assert bawah_asli >= pita
    assert atas_asli <= tampil_tinggi
    # The original is shrunk only as much as the band needs.
    asli_atas = max(a for _, a in rentang(halaman_asli, teks_asli, 0, n_asli))
    assert atas_asli == pytest.approx(pita + asli_atas * (1 - pita / tampil_tinggi), abs=0.5)


def test_salinan_moves_links_with_the_shrunk_text():
    asli = halaman_teks(A4, "Tautan ke laman JDIH", huruf=12, tautan="https://jdih.kpu.go.id/")
    salinan = buat_salinan(asli, CAP)
    halaman = pypdf.PdfReader(io.BytesIO(salinan)).pages[0]
    (anotasi,) = [a.get_object() for a in halaman["/Annots"]]
    kiri, bawah, kanan, atas = (float(v) for v in anotasi["/Rect"])
    teks = pdfium.PdfDocument(salinan)[0].get_textpage()
    pertama = [teks.get_charbox(i) for i in range(len("Tautan ke laman JDIH"))]
    assert kiri <= min(k[0] for k in pertama) and max(k[2] for k in pertama) <= kanan
    assert bawah <= min(k[1] for k in pertama) and max(k[3] for k in pertama) <= atas


def test_salinan_is_repeatable_and_stamps_100_pages_with_one_qr():
    asli = keputusan(99)
    salinan = buat_salinan(asli, CAP)
    assert buat_salinan(asli, CAP) == salinan
    assert len(pypdf.PdfReader(io.BytesIO(salinan)).pages) == 100
    # The QR is drawn once (in the stamp shared by every A4 page), not 100 times:
    # the copy grows by well under 1 KiB per page.
    assert len(salinan) - len(asli) < 100 * 1024
    assert "Halaman 100 dari 100" in teks_pdfium(salinan)[-1]


def pdf_terenkripsi() -> bytes:
    penulis = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(keputusan(0))))
    penulis.encrypt(user_password="rahasia", owner_password="pemilik")
    keluaran = io.BytesIO()
    penulis.write(keluaran)
    return keluaran.getvalue()


def rusak_di_tengah() -> bytes:
    data = keputusan(1)
    return data[:1000] + b"\x00" * 2000 + data[3000:]


@pytest.mark.parametrize(
    "buat, pesan",
    [
        (lambda: b"", "rusak"),
        (lambda: b"ini bukan PDF", "rusak"),
        (lambda: keputusan(1)[:2000], "rusak"),
        (rusak_di_tengah, "rusak"),
        (pdf_terenkripsi, "kata sandi"),
    ],
    ids=["kosong", "bukan-pdf", "terpotong", "rusak-di-tengah", "terenkripsi"],
)
def test_damaged_or_encrypted_pdf_raises_berkas_tidak_valid(buat, pesan):
    with pytest.raises(BerkasTidakValid) as info:
        buat_salinan(buat(), CAP)
    (teks,) = info.value.messages
    assert pesan in teks and re.search(r"salinan tidak dapat dibuat", teks)
