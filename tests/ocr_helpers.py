"""Scanned PDFs made on the spot: Indonesian legal text drawn with pillow on a
page image and saved as an image-only PDF (no text layer), as an office
scanner would produce it."""

import io
import itertools

from PIL import Image, ImageDraw, ImageFont

DPI = 150
UKURAN_A4 = (round(8.27 * DPI), round(11.69 * DPI))
_urut = itertools.count(1)

BARIS_KEPUTUSAN = [
    "KEPUTUSAN KOMISI PEMILIHAN UMUM",
    "KABUPATEN KOTAWARINGIN TIMUR",
    "NOMOR 45/PL.01.8-Kpt/2024",
    "TENTANG",
    "PENETAPAN REKAPITULASI HASIL PENGHITUNGAN",
    "PEROLEHAN SUARA PEMILIHAN UMUM",
    "",
    "DENGAN RAHMAT TUHAN YANG MAHA ESA",
    "",
    "Menimbang : a. bahwa penertiban baliho dan alat peraga",
    "kampanye perlu diatur dengan keputusan;",
    "b. bahwa berdasarkan ketentuan Pasal 12",
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan",
    "Umum, perlu menetapkan Keputusan Komisi Pemilihan Umum.",
    "",
    "MEMUTUSKAN:",
    "Menetapkan : REKAPITULASI HASIL PENGHITUNGAN SUARA.",
]


def gambar_halaman(baris: list[str], ukuran_huruf: int = 30) -> Image.Image:
    """A white A4 page at 150 dpi with ``baris`` in black (about 14 pt)."""
    # Pillow's bundled FreeType font: no dependency on the machine's fonts.
    huruf = ImageFont.load_default(size=ukuran_huruf)
    gambar = Image.new("L", UKURAN_A4, 255)
    gambar_tulis = ImageDraw.Draw(gambar)
    y = DPI  # one-inch margin
    for teks in baris:
        gambar_tulis.text((DPI, y), teks, font=huruf, fill=0)
        y += round(ukuran_huruf * 1.6)
    return gambar


def pdf_pindaian(baris: list[str] | None = None, halaman: int = 1) -> bytes:
    """An image-only PDF of ``halaman`` pages; each call differs (a serial line),
    so the intake's duplicate check never refuses it."""
    baris = list(baris or BARIS_KEPUTUSAN)
    n = next(_urut)
    gambar = [
        gambar_halaman([*baris, "", f"Halaman {i + 1} dari {halaman} - arsip {n}"])
        for i in range(halaman)
    ]
    keluaran = io.BytesIO()
    gambar[0].save(keluaran, format="PDF", resolution=DPI, save_all=True, append_images=gambar[1:])
    return keluaran.getvalue()
