"""Certified copy ("salinan") of a 100-page PDF: every page shrunk and stamped
with the attestation and QR code. Target < 2 s.

.venv/bin/python bench/bench_salinan.py

``documents.salinan_pdf`` is pure (bytes in, bytes out), so no Django setup.
"""

import io
import statistics
import sys
import time
from pathlib import Path

import pypdf

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ULANG = 5


def main():
    from bench.hasil import tulis_bagian
    from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
    from documents.salinan_pdf import Cap, buat_salinan

    def naskah(halaman_tambahan):
        return pdf_keputusan(
            NaskahKeputusan(
                teu_badan="Komisi Pemilihan Umum Kabupaten Sorong Selatan",
                nomor="12/HK.03.1-Kpt/9204/KPU-Kab/2024",
                tahun=2024,
                judul="Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024",
                halaman_tambahan=halaman_tambahan,
            )
        )

    cap = Cap(
        satker="Komisi Pemilihan Umum Kabupaten Sorong Selatan",
        nama_pejabat="Mohammad Rusdianto, S.H.",
        nip="198503122009121002",
        jabatan="Kepala Subbagian Hukum dan SDM",
        url_verifikasi="https://jdih.kpu-sorongselatan.go.id/verifikasi/Ab3kP9xQ7mZt2LwR/",
        kode="Ab3kP9xQ7mZt2LwR",
        nomor="12/HK.03.1-Kpt/9204/KPU-Kab/2024",
    )

    def ukur(data):
        buat_salinan(data, cap)  # warm-up: imports, font metrics
        waktu = []
        for _ in range(ULANG):
            mulai = time.perf_counter()
            hasil = buat_salinan(data, cap)
            waktu.append(time.perf_counter() - mulai)
        return waktu, hasil

    def ms(xs):
        return f"median {statistics.median(xs) * 1000:.0f} ms, maks {max(xs) * 1000:.0f} ms"

    baris = []
    for tambahan in (0, 99):
        data = naskah(tambahan)
        waktu, hasil = ukur(data)
        halaman = len(pypdf.PdfReader(io.BytesIO(hasil)).pages)
        ukuran = f"{len(data) / 1024:.0f} KiB → {len(hasil) / 1024:.0f} KiB"
        baris.append(f"| {halaman} | {ukuran} | {ms(waktu)} |")

    isi = f"""
`buat_salinan` (fungsi murni `documents.salinan_pdf`): setiap halaman naskah keputusan
(PDF teks A4) diperkecil dan dicap (keterangan salinan, pejabat, kode QR verifikasi,
nomor halaman), {ULANG} kali setelah satu pemanasan. Target: 100 halaman < 2 s.

| halaman | ukuran asli → salinan | waktu |
| --- | --- | --- |
{chr(10).join(baris)}
"""
    tulis_bagian("Salinan PDF bercap QR", isi)
    print(isi)


if __name__ == "__main__":
    main()
