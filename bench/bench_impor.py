"""Import of 1,000 products from CSV (impor_arsip), then the worker's processing.

    .venv/bin/python bench/bench_impor.py            # SQLite in a temp folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jdih_bench_impor \
        .venv/bin/python bench/bench_impor.py        # PostgreSQL (database is recreated)
"""

import csv
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

JUMLAH = int(os.environ.get("JUMLAH", "1000"))


def siapkan_postgres():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return
    import psycopg

    nama = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{nama}"')
        c.execute(f'CREATE DATABASE "{nama}"')


def main():
    siapkan_postgres()
    from bench.django_sementara import siapkan

    siapkan(pemrosesan_langsung=False)
    from django.contrib.auth.models import User
    from django.core.management import call_command

    User.objects.get_or_create(username="bench.impor", defaults={"is_staff": True})
    from django.db import connection

    from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
    from documents.demo import muat_jenis, muat_satker
    from documents.models import ProdukHukum, VersiBerkas

    muat_satker()
    muat_jenis()
    folder = Path(tempfile.mkdtemp(prefix="jdih-impor-"))
    (folder / "pdf").mkdir()
    kolom = ["satker", "jenis", "nomor", "tahun", "judul", "tanggal_penetapan", "status"]
    kolom += ["subjek", "abstrak", "berkas"]
    mulai = time.perf_counter()
    with (folder / "arsip.csv").open("w", newline="") as f:
        penulis = csv.writer(f)
        penulis.writerow(kolom)
        for n in range(JUMLAH):
            tahun = 2015 + n % 10
            nomor = f"{n + 1}/HK.03.1-Kpt/6202/KPU-Kab/{tahun}"
            judul = f"Penetapan Hasil Rekapitulasi Nomor {n + 1} Pemilihan Tahun {tahun}"
            data = pdf_keputusan(
                NaskahKeputusan(
                    teu_badan="Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
                    nomor=nomor,
                    tahun=tahun,
                    judul=judul,
                    halaman_tambahan=n % 3,
                )
            )
            (folder / "pdf" / f"{n}.pdf").write_bytes(data)
            penulis.writerow(
                [
                    "kotawaringin-timur",
                    "Kpts KPU Kab/Kota",
                    nomor,
                    tahun,
                    judul,
                    f"{tahun}-03-01",
                    "Berlaku",
                    "Rekapitulasi; Pemilu",
                    "Abstrak uji.",
                    f"pdf/{n}.pdf",
                ]
            )
    siap = time.perf_counter() - mulai

    mulai = time.perf_counter()
    call_command("impor_arsip", str(folder / "arsip.csv"), oleh="bench.impor")
    impor = time.perf_counter() - mulai
    assert ProdukHukum.objects.terbit().count() == JUMLAH

    mulai = time.perf_counter()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    proses = time.perf_counter() - mulai
    selesai = VersiBerkas.objects.filter(status_proses="selesai").count()
    assert selesai == JUMLAH, selesai

    mulai = time.perf_counter()
    call_command("impor_arsip", str(folder / "arsip.csv"), oleh="bench.impor")
    ulang = time.perf_counter() - mulai

    db = connection.vendor
    isi = f"""
Basis data: **{db}**. {JUMLAH} baris CSV, masing-masing dengan PDF teks 1–3 halaman
(pembuatan CSV + PDF: {siap:.1f} s, tidak dihitung).

| langkah | total | per produk |
| --- | --- | --- |
| `impor_arsip` (periksa PDF, simpan berkas + baris, terbitkan, antre pemrosesan) | {impor:.1f} s | {impor / JUMLAH * 1000:.1f} ms |
| worker `db_worker --batch` (teks + thumbnail semua versi) | {proses:.1f} s | {proses / JUMLAH * 1000:.1f} ms |
| impor ulang berkas yang sama (semua dilewati) | {ulang:.1f} s | {ulang / JUMLAH * 1000:.2f} ms |
"""  # noqa: E501
    from bench.hasil import tulis_bagian

    tulis_bagian(f"Impor arsip 1.000 produk — {db} (issue 2)", isi)
    print(isi)


if __name__ == "__main__":
    main()
