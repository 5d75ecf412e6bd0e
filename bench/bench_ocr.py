"""Issue 5: OCR throughput, and upload request time for scans of 1 and 50 pages
(which must not grow with the page count: OCR runs in the worker).

.venv/bin/python bench/bench_ocr.py
"""

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.django_sementara import siapkan  # noqa: E402

HALAMAN_OCR = 20
ULANG_UNGGAH = 5


def ms(detik: float) -> str:
    return f"{detik * 1000:.0f} ms"


def main():
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["SECURE_SSL_REDIRECT"] = "false"
    siapkan(pemrosesan_langsung=False)  # the real queue: django-tasks-db
    beban_awal = os.getloadavg()[0]
    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

    from bench.hasil import tulis_bagian
    from documents import ocr
    from documents.berkas import simpan_versi
    from documents.demo import muat_jenis, muat_satker
    from documents.models import ProdukHukum, VersiBerkas
    from tests.ocr_helpers import pdf_pindaian

    # 1. OCR alone, on a 10-page scan, with tesseract one per core (the default)
    #    and then one page at a time.
    pindaian = pdf_pindaian(halaman=HALAMAN_OCR)
    ocr.teks_dengan_ocr(pdf_pindaian())  # warm the tesseract data files into the page cache
    laju = {}
    for paralel in (0, 1):
        settings.JDIH_OCR_PARALEL = paralel
        mulai = time.perf_counter()
        hasil = ocr.teks_dengan_ocr(pindaian)
        laju[paralel] = time.perf_counter() - mulai
        assert len(hasil.halaman_ocr) == HALAMAN_OCR and "REKAPITULASI" in hasil.teks.upper()
    settings.JDIH_OCR_PARALEL = 0

    # 2. Upload request time through the admin form (multipart, checks, file and
    #    row, enqueue on commit), and the bare simpan_versi call.
    satker = muat_satker()["kotawaringin-timur"]
    jenis = muat_jenis()["Kpts KPU Kab/Kota"]
    admin = User.objects.create_superuser("bench", "bench@example.org", "bench-rahasia-123")
    klien = Client()
    klien.force_login(admin)
    urut = iter(range(1, 10_000))

    def form_produk(data: bytes) -> dict:
        n = next(urut)
        isian = {
            "satker": satker.pk,
            "jenis": jenis.pk,
            "tipe_dokumen": "peraturan",
            "nomor": f"{n}/PL.01-Kpt/2024",
            "tahun": 2024,
            "judul": f"Penetapan Rekapitulasi Bench {n}",
            "bahasa": "Indonesia",
            "status": "berlaku",
            "status_publikasi": "draf",
            "berkas_baru": io.BytesIO(data),
        }
        isian["berkas_baru"].name = "pindaian.pdf"
        for awalan in ("versi", "relasi_keluar", "relasi_masuk"):
            isian.update({f"{awalan}-TOTAL_FORMS": 0, f"{awalan}-INITIAL_FORMS": 0})
        return isian

    unggah = {}
    for halaman in (1, 50):
        berkas = [pdf_pindaian(halaman=halaman) for _ in range(ULANG_UNGGAH + 1)]
        waktu_admin, waktu_fungsi = [], []
        for data in berkas[:-1]:
            isian = form_produk(data)
            mulai = time.perf_counter()
            respons = klien.post("/admin/documents/produkhukum/add/", isian)
            waktu_admin.append(time.perf_counter() - mulai)
            assert respons.status_code == 302, respons.content[:2000]
        for n in range(ULANG_UNGGAH):
            data = berkas[-1] if n == 0 else pdf_pindaian(halaman=halaman)
            produk = ProdukHukum.objects.create(
                satker=satker, jenis=jenis, nomor=f"f{halaman}-{n}", tahun=2024, judul="Bench"
            )
            mulai = time.perf_counter()
            with transaction.atomic():
                simpan_versi(produk, io.BytesIO(data))
            waktu_fungsi.append(time.perf_counter() - mulai)
        unggah[halaman] = (len(berkas[0]), waktu_admin, waktu_fungsi)
    menunggu = VersiBerkas.objects.filter(status_proses="menunggu").count()
    assert menunggu == VersiBerkas.objects.count(), "unggahan tidak boleh memproses di request"

    # 3. The worker drains one 50-page scan: OCR + thumbnail end to end.
    VersiBerkas.objects.exclude(pk=VersiBerkas.objects.filter(jumlah_halaman=50).first().pk).update(
        status_proses="selesai"
    )
    from django_tasks_db.models import DBTaskResult

    sasaran = VersiBerkas.objects.filter(jumlah_halaman=50).first()
    DBTaskResult.objects.exclude(args_kwargs={"args": [sasaran.pk], "kwargs": {}}).delete()
    mulai = time.perf_counter()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    waktu_worker = time.perf_counter() - mulai
    sasaran.refresh_from_db()
    assert sasaran.status_proses == "selesai" and sasaran.teks_ocr, sasaran.pesan_proses

    beban = f"{beban_awal:.1f} di awal, {os.getloadavg()[0]:.1f} di akhir"
    per_menit = {k: HALAMAN_OCR / v * 60 for k, v in laju.items()}
    versi_tesseract = os.popen("tesseract --version").readline().split()[-1]
    baris_ocr = "\n".join(
        [
            f"| satu proses tesseract per core ({os.cpu_count()}, bawaan) "
            f"| {laju[0]:.1f} s | **{per_menit[0]:.0f}** |",
            f"| satu halaman sekaligus (`JDIH_OCR_PARALEL=1`) "
            f"| {laju[1]:.1f} s | {per_menit[1]:.0f} |",
            f"| worker `db_worker --batch`: pindaian 50 halaman, OCR + teks + thumbnail "
            f"| {waktu_worker:.1f} s | {50 / waktu_worker * 60:.0f} |",
        ]
    )
    baris_unggah = "\n".join(
        f"| {h} halaman ({ukuran / 1024:.0f} KiB) | median {ms(statistics.median(a))}, "
        f"maks {ms(max(a))} | median {ms(statistics.median(f))}, maks {ms(max(f))} |"
        for h, (ukuran, a, f) in unggah.items()
    )
    isi = f"""
Pindaian dibuat oleh skrip (teks keputusan berbahasa Indonesia digambar dengan
pillow, A4 150 dpi, PDF tanpa lapisan teks). OCR: tesseract {versi_tesseract}, bahasa
`ind`, halaman dirender PDFium pada {settings.JDIH_OCR_DPI} dpi, `OMP_THREAD_LIMIT=1`.

| OCR ({HALAMAN_OCR} halaman pindaian, kecuali baris terakhir) | waktu | halaman per menit |
| --- | --- | --- |
{baris_ocr}

Waktu request unggah, {ULANG_UNGGAH} kali per ukuran; basis data SQLite, antrean
django-tasks-db (request hanya menyimpan berkas + baris dan mengantre tugas;
OCR berjalan di worker):

| pindaian | POST form admin tambah produk hukum + berkas | `simpan_versi` + antre |
| --- | --- | --- |
{baris_unggah}

Waktu unggah tidak tumbuh dengan jumlah halaman karena OCR: sisa selisihnya
adalah membaca, memeriksa (pypdf + PDFium), meng-hash, dan menulis berkas yang
lebih besar. Beban mesin (load average 1 menit) selama pengukuran: {beban};
OCR memakai seluruh core, jadi proses lain di mesin yang sama memperlambatnya.
"""
    tulis_bagian("Pemrosesan dan OCR (issue 5)", isi)
    print(isi)


if __name__ == "__main__":
    main()
