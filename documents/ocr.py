"""Text of every page of a PDF, recognising scanned pages with Tesseract OCR.

Pure functions over bytes: no models, no storage. A page whose text layer is
empty or near-empty (a scan, perhaps with a stray page number) is rendered by
PDFium and read by the Debian ``tesseract`` program in Indonesian (``ind``).

Tesseract runs as a subprocess per page with ``OMP_THREAD_LIMIT=1``: on this
2-core machine its own OpenMP threading made one page 4x slower (5.0 s vs
1.3 s), so the parallelism is ours instead — one process per core.
"""

import io
import os
import shutil
import subprocess
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

import pypdfium2 as pdfium
from django.conf import settings

# Fewer letters/digits than this on a page's text layer means "no real text":
# scans often carry only a page number or a scanner's stamp.
MIN_KARAKTER_TEKS = 20
# Longest side of a rendered page, in pixels (A4 at 300 dpi is 3508).
MAKS_PIKSEL_SISI = 5000


class OcrGagal(Exception):
    """OCR could not be done; the message is for staff (Bahasa Indonesia)."""


@dataclass
class HasilTeks:
    halaman: list[str]
    halaman_ocr: list[int] = field(default_factory=list)  # 1-based page numbers

    @property
    def teks(self) -> str:
        return "\n\n".join(t for t in self.halaman if t)

    @property
    def pakai_ocr(self) -> bool:
        return bool(self.halaman_ocr)


def _pengaturan():
    return (
        getattr(settings, "JDIH_OCR_BAHASA", "ind"),
        getattr(settings, "JDIH_OCR_DPI", 300),
        getattr(settings, "JDIH_OCR_BATAS_WAKTU", 180),
        getattr(settings, "JDIH_OCR_PARALEL", 0) or os.cpu_count() or 1,
    )


def perlu_ocr(teks_halaman: str) -> bool:
    return sum(c.isalnum() for c in teks_halaman) < MIN_KARAKTER_TEKS


def program_tesseract() -> str:
    program = getattr(settings, "JDIH_TESSERACT", "") or shutil.which("tesseract")
    if not program:
        raise OcrGagal(
            "Program OCR (tesseract) tidak terpasang di server. Pasang paket Debian "
            "tesseract-ocr dan tesseract-ocr-ind, lalu proses ulang versi ini."
        )
    return program


def kenali_gambar(gambar_pnm: bytes, *, nomor_halaman: int = 1) -> str:
    """Text of one page image (PNM bytes) in the configured language."""
    bahasa, dpi, batas_waktu, _ = _pengaturan()
    lingkungan = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        hasil = subprocess.run(
            [program_tesseract(), "-", "-", "-l", bahasa, "--dpi", str(dpi)],
            input=gambar_pnm,
            capture_output=True,
            timeout=batas_waktu,
            env=lingkungan,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrGagal(
            f"OCR halaman {nomor_halaman} melebihi batas waktu {batas_waktu} detik."
        ) from exc
    except OSError as exc:
        raise OcrGagal(f"Program OCR (tesseract) tidak dapat dijalankan: {exc}") from exc
    if hasil.returncode != 0:
        galat = hasil.stderr.decode("utf-8", "replace").strip()
        if "Failed loading language" in galat or "Error opening data file" in galat:
            raise OcrGagal(
                f"Data bahasa OCR '{bahasa}' tidak terpasang. Pasang paket Debian "
                f"tesseract-ocr-{bahasa}, lalu proses ulang versi ini."
            )
        raise OcrGagal(
            f"OCR halaman {nomor_halaman} gagal (kode {hasil.returncode}): {galat[-500:]}"
        )
    return hasil.stdout.decode("utf-8", "replace").replace("\x0c", "").strip()


def skala_render(lebar_pt: float, tinggi_pt: float, dpi: int) -> float:
    """The scale for ``dpi``, capped by the page's longer side: an A0 map
    scanned at 300 dpi would be ~140 MB of pixels, and a strip page
    (1×5000 pt) is bounded by its length, not its width."""
    sisi = max(lebar_pt, tinggi_pt, 1.0)  # a degenerate 0-pt page must not divide by zero
    return min(dpi / 72, MAKS_PIKSEL_SISI / sisi)


def _render_pnm(halaman, dpi: int) -> bytes:
    skala = skala_render(halaman.get_width(), halaman.get_height(), dpi)
    gambar = halaman.render(scale=skala, grayscale=True).to_pil()
    keluaran = io.BytesIO()
    # Uncompressed PNM: encoding PNG would cost more than the pipe it saves.
    gambar.save(keluaran, format="PPM")
    return keluaran.getvalue()


def teks_dengan_ocr(data: bytes) -> HasilTeks:
    """The text layer of every page, with OCR for pages that have none.

    PDFium is not thread-safe, so pages are rendered here one by one; only the
    tesseract processes run in parallel.
    """
    _, dpi, _, paralel = _pengaturan()
    dokumen = pdfium.PdfDocument(data)
    try:
        halaman_teks: list[str] = []
        antrean: list[int] = []
        for halaman in dokumen:
            teks_halaman = halaman.get_textpage()
            halaman_teks.append(teks_halaman.get_text_bounded().replace("\r\n", "\n").strip())
            teks_halaman.close()
            halaman.close()
            if perlu_ocr(halaman_teks[-1]):
                antrean.append(len(halaman_teks) - 1)
        if antrean:
            program_tesseract()  # fail with the clear message before rendering anything
        with ThreadPoolExecutor(max_workers=paralel) as pelaksana:
            berjalan: dict = {}  # future -> page index

            def ambil(selesai):
                for masa_depan in selesai:
                    indeks = berjalan.pop(masa_depan)
                    # A blank scanned page reads as nothing; keep its stray text then.
                    halaman_teks[indeks] = masa_depan.result() or halaman_teks[indeks]

            for indeks in antrean:
                # One page rendered ahead keeps every core busy while the next
                # image is drawn, and bounds memory to paralel + 1 page images.
                if len(berjalan) > paralel:
                    ambil(wait(berjalan, return_when=FIRST_COMPLETED).done)
                halaman = dokumen[indeks]
                pnm = _render_pnm(halaman, dpi)
                halaman.close()
                berjalan[pelaksana.submit(kenali_gambar, pnm, nomor_halaman=indeks + 1)] = indeks
            ambil(wait(berjalan).done)
    finally:
        dokumen.close()
    return HasilTeks(halaman=halaman_teks, halaman_ocr=[i + 1 for i in antrean])
