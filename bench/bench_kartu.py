"""Share cards (documents.kartu) in their three sizes, with a 400-character
title: layout, drawing, QR code and PNG. Target < 150 ms per card.

.venv/bin/python bench/bench_kartu.py

``documents.kartu.gambar_kartu`` is pure (text in, PNG bytes out), so no
Django setup.
"""

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ULANG = 10
TARGET_MS = 150

JUDUL = (
    "Perubahan Kedua atas Keputusan Komisi Pemilihan Umum Kabupaten Kotawaringin Timur "
    "Nomor 12/HK.03.1-Kpt/6202/KPU-Kab/2024 tentang Pedoman Teknis Pembentukan Panitia "
    "Pemilihan Kecamatan, Panitia Pemungutan Suara, dan Kelompok Penyelenggara Pemungutan "
    "Suara dalam Penyelenggaraan Pemilihan Gubernur dan Wakil Gubernur, Bupati dan Wakil "
    "Bupati, serta Wali Kota dan Wakil Wali Kota Tahun 2024 dan Evaluasi"
)


def main():
    from bench.hasil import tulis_bagian
    from documents import kartu
    from documents.kartu import UKURAN, IsiKartu, gambar_kartu

    isi = IsiKartu(
        satker="KPU Kabupaten Kotawaringin Timur",
        identitas="Kpts KPU Kab/Kota Nomor 2/HK.03.1-Kpt/9204/KPU-Kab/2026",
        judul=JUDUL,
        status="Berlaku",
        berlaku=True,
        url="https://jdih.kpu-kotimkab.go.id/kotawaringin-timur/produk/4821-kpts-kpu-kabkota-2/",
        situs="jdih.kpu-kotimkab.go.id",
    )
    assert len(JUDUL) == 400

    baris = []
    for ukuran, (lebar, tinggi) in UKURAN.items():
        gambar_kartu(isi, ukuran)  # warm-up: font files, imports
        waktu = []
        for _ in range(ULANG):
            # Every card in production has a new title: no word measured yet.
            kartu._lebar_kata.cache_clear()
            mulai = time.perf_counter()
            png, tata = gambar_kartu(isi, ukuran)
            waktu.append(time.perf_counter() - mulai)
        median = statistics.median(waktu) * 1000
        status = "ya" if median < TARGET_MS else "**tidak**"
        judul = f"{tata.ukuran_huruf_judul} px, {len(tata.baris_judul)} baris" + (
            ", dipotong …" if tata.dipotong else ""
        )
        baris.append(
            f"| {ukuran} {lebar}×{tinggi} | {judul} | {len(png) / 1024:.0f} KiB "
            f"| median {median:.0f} ms, maks {max(waktu) * 1000:.0f} ms | {status} |"
        )

    isi_md = f"""
`gambar_kartu` (fungsi murni `documents.kartu`): tata letak dengan metrik huruf
Noto Sans, gambar Pillow, kode QR segno, PNG palet 64 warna; judul 400 karakter,
{ULANG} kali per ukuran setelah satu pemanasan (huruf termuat; lebar kata diukur ulang
setiap kali, seperti judul baru). Target: < {TARGET_MS} ms per kartu.

| ukuran | judul | PNG | waktu | < {TARGET_MS} ms |
| --- | --- | --- | --- | --- |
{chr(10).join(baris)}
"""
    tulis_bagian("Kartu berbagi (PNG)", isi_md)
    print(isi_md)


if __name__ == "__main__":
    main()
