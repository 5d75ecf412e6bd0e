"""Loading the national-scale data: time to load 100k and 1M products with
manage.py buat_data_skala, rows/s, database size.

The loads themselves are long (minutes to hours) and build databases other
benches read, so this script does not run them: it reads the summaries the
command wrote (``--laporan var/skala/laporan-<db>.json``) and measures the
databases as they are now. To produce them::

    createdb -h 127.0.0.1 -U postgres jdih_skala_100k
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/jdih_skala_100k manage.py migrate
    DATABASE_URL=... manage.py buat_data_skala --produk 100000 \\
        --laporan var/skala/laporan-jdih_skala_100k.json
    (the same with jdih_skala and --produk 1000000)

Usage: .venv/bin/python bench/bench_data_skala.py [db ...]
"""

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.hasil import tulis_bagian  # noqa: E402

AKAR = Path(__file__).resolve().parent.parent
BAWAAN = ["jdih_skala_100k", "jdih_skala"]


def _psql(db: str, sql: str) -> str:
    return subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-Atc", sql],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def _gib(bita) -> str:
    return f"{int(bita) / 2**30:.2f} GiB"


def main(dbs: list[str]) -> None:
    baris = [
        "| basis data | produk | satker | waktu total | muat produk | vektor cari | "
        "indeks | produk/s | ukuran DB | tabel produk | tabel versi |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for db in dbs:
        laporan = AKAR / "var" / "skala" / f"laporan-{db}.json"
        if not laporan.exists():
            baris.append(f"| {db} | (belum dibangun: {laporan.name} tidak ada) ||||||||||")
            continue
        d = json.loads(laporan.read_text())
        try:
            ukuran = _psql(db, "SELECT pg_database_size(current_database())")
        except subprocess.CalledProcessError:
            ukuran = d.get("ukuran_basis_data_bita", 0)
        baris.append(
            f"| {db} | {d['produk_total']:,} | {d['satker']} | {d['detik_total'] / 60:.1f} min | "
            f"{d['detik_muat_produk'] / 60:.1f} min | {d['detik_vektor_cari'] / 60:.1f} min | "
            f"{d['detik_indeks'] / 60:.1f} min | {d['produk_per_detik'] or '-'} | "
            f"{_gib(ukuran)} | {_gib(d['ukuran_produk_bita'])} | {_gib(d['ukuran_versi_bita'])} |"
        )
    beban = os.getloadavg()
    isi = "\n".join(baris) + (
        "\n\n`manage.py buat_data_skala --produk N` on PostgreSQL 15: products, versions "
        "(~350 words of text each) and subjek links by COPY in batches of 50,000, the "
        "catalogue's non-unique indexes dropped during the load and rebuilt after, the search "
        "vectors built per batch in the database (the app's expressions), VACUUM ANALYZE at the "
        "end. *muat produk* includes *vektor cari* (the bulk of it: `to_tsvector` of every "
        "text) and *indeks*. Machine shared with ~8 other sessions during the loads; load "
        f"average when this table was written: {beban[0]:.1f} / {beban[1]:.1f} / {beban[2]:.1f}."
    )
    tulis_bagian("Data skala: pemuatan 100 ribu dan 1 juta produk", isi)
    print(isi)


if __name__ == "__main__":
    main(sys.argv[1:] or BAWAAN)
