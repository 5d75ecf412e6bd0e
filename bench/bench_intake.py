"""Intake of a 100-page text PDF: validate + text + thumbnail. Target < 1 s.

.venv/bin/python bench/bench_intake.py
"""

import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.django_sementara import siapkan  # noqa: E402

ULANG = 7


def main():
    siapkan()
    from django.db import transaction

    from documents import pdf
    from documents.berkas import simpan_versi
    from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
    from documents.demo import muat_jenis, muat_satker
    from documents.models import ProdukHukum

    def naskah(n):
        return pdf_keputusan(
            NaskahKeputusan(
                teu_badan="Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
                nomor=f"{n}/HK.03.1-Kpt/6202/KPU-Kab/2024",
                tahun=2024,
                judul="Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024",
                halaman_tambahan=99,
            )
        )

    contoh = naskah(0)
    halaman = pdf.periksa_pdf(contoh).jumlah_halaman

    murni = []
    for _ in range(ULANG):
        mulai = time.perf_counter()
        pdf.periksa_pdf(contoh)
        pdf.ekstrak_teks(contoh)
        pdf.render_thumbnail(contoh)
        murni.append(time.perf_counter() - mulai)

    satker = muat_satker()["kotawaringin-timur"]
    jenis = muat_jenis()["Kpts KPU Kab/Kota"]
    penuh = []
    for n in range(1, ULANG + 1):
        data = naskah(n)
        produk = ProdukHukum.objects.create(
            satker=satker, jenis=jenis, nomor=str(n), tahun=2024, judul="Bench"
        )
        mulai = time.perf_counter()
        with transaction.atomic():
            simpan_versi(produk, io.BytesIO(data))
        penuh.append(time.perf_counter() - mulai)
        assert produk.versi.get().status_proses == "selesai"

    def ms(xs):
        return f"median {statistics.median(xs) * 1000:.0f} ms, maks {max(xs) * 1000:.0f} ms"

    isi = f"""
PDF teks {halaman} halaman ({len(contoh) / 1024:.0f} KiB), {ULANG} kali. Target: < 1 s.

| langkah | waktu |
| --- | --- |
| periksa + teks + thumbnail (fungsi `documents.pdf`) | {ms(murni)} |
| `simpan_versi` penuh: periksa, simpan berkas + baris, teks + thumbnail, SQLite | {ms(penuh)} |
"""
    from bench.hasil import tulis_bagian

    tulis_bagian("Intake PDF 100 halaman (issue 2)", isi)
    print(isi)


if __name__ == "__main__":
    main()
