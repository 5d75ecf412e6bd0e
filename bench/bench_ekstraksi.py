"""Usulan metadata dari dokumen (issue 14): per-field precision and recall on
the labelled evaluation set (tests/ekstraksi_korpus.py: generated layouts,
OCR'd scans, non-products, the demo catalogue), and the time of one
extraction on a 20-page text PDF (OCR excluded; the text is what the intake
stores). Writes its section of bench/RESULTS.md."""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.django_sementara import siapkan  # noqa: E402

ULANG = 50


def main():
    siapkan()
    from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
    from ekstraksi.baca import ekstrak
    from tests.ekstraksi_korpus import (
        BIDANG_DINILAI,
        bangun_dunia,
        korpus_buatan,
        korpus_demo,
        nilai_korpus,
        teks_pdf,
    )

    dunia = bangun_dunia()
    buatan = korpus_buatan(dunia, pindaian=2)
    demo = korpus_demo()
    semua = buatan + demo
    skor = nilai_korpus(semua, ekstrak)
    skor_buatan = nilai_korpus(buatan, ekstrak)
    skor_demo = nilai_korpus(demo, ekstrak)

    s = dunia.satker["kotawaringin-timur"]
    data = pdf_keputusan(
        NaskahKeputusan(
            teu_badan=s.nama_badan,
            nomor="50/HK.03.1-Kpt/6202/KPU-Kab/2023",
            tahun=2023,
            judul="Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024",
            tempat=s.tempat,
            tanggal="20 Juni 2023",
            halaman_tambahan=19,
        )
    )
    teks = teks_pdf(data)
    ekstrak(teks, satker=s)  # warm caches and imports
    waktu = []
    for _ in range(ULANG):
        mulai = time.perf_counter()
        ekstrak(teks, satker=s)
        waktu.append((time.perf_counter() - mulai) * 1000)
    waktu.sort()
    per_dokumen = []
    for c in semua:
        mulai = time.perf_counter()
        ekstrak(c.teks, satker=c.satker)
        per_dokumen.append((time.perf_counter() - mulai) * 1000)
    beban = os.getloadavg()

    tata_letak = sorted({c.tata_letak for c in semua})
    baris = [
        f"Himpunan evaluasi: {len(semua)} dokumen ({len(buatan)} buatan, {len(demo)} demo); "
        f"tata letak: {', '.join(tata_letak)}.",
        "Presisi = usulan benar / usulan; recall = usulan benar / dokumen yang menyatakan bidang "
        "itu. Relasi: usulan yang dicocokkan ke produk katalog.",
        "",
        "| Bidang | Presisi | Recall | Benar/Usulan/Berlabel | Presisi buatan | Presisi demo "
        "| Target |",
        "|---|---|---|---|---|---|---|",
    ]
    target = {
        "nomor": "≥ 0,98",
        "tahun": "≥ 0,98",
        "tanggal_penetapan": "≥ 0,98",
        "judul": "≥ 0,90",
        "penandatangan": "≥ 0,90",
        "relasi": "≥ 0,95",
    }
    for b in [*BIDANG_DINILAI, "relasi"]:
        x = skor[b]
        baris.append(
            f"| {b} | {x.presisi:.3f} | {x.recall:.3f} | {x.benar}/{x.diusulkan}/{x.berlabel} | "
            f"{skor_buatan[b].presisi:.3f} | {skor_demo[b].presisi:.3f} | {target.get(b, '—')} |"
        )
    salah = [(b, y) for b in skor for y in skor[b].salah]
    if salah:
        baris += ["", "Usulan yang salah:", ""]
        baris += [f"- {b}: `{y}`" for b, y in salah[:10]]
    baris += [
        "",
        f"Waktu satu ekstraksi, PDF teks {len(teks):,} karakter (20 halaman: naskah + 19 "
        f"halaman lampiran), {ULANG} kali: median {statistics.median(waktu):.1f} ms, "
        f"p95 {waktu[int(len(waktu) * 0.95) - 1]:.1f} ms, maks {waktu[-1]:.1f} ms "
        "(target < 200 ms; termasuk kueri katalog SQLite, tanpa OCR).",
        f"Seluruh himpunan: median {statistics.median(per_dokumen):.1f} ms, maks "
        f"{max(per_dokumen):.1f} ms per dokumen.",
        f"Beban mesin (load average 1/5/15 menit): {beban[0]:.1f} / {beban[1]:.1f} / "
        f"{beban[2]:.1f} — mesin dipakai bersama.",
    ]
    isi = "\n".join(baris)
    print(isi)
    from bench.hasil import tulis_bagian

    tulis_bagian("Usulan metadata dari dokumen (ekstraksi)", isi)


if __name__ == "__main__":
    main()
