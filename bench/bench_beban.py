"""Load test: 200 concurrent clients against nginx in front of two nodes.

    .venv/bin/python bench/bench_beban.py

Starts the cluster of `make cluster` (deploy/klaster.sh: nginx, gunicorn
nodes a and b, one task worker, moto S3; the machine's PostgreSQL and Redis)
on its own loopback ports (8784 nginx, 8785/8786 nodes, 8787 S3), then runs
wrk (Debian package `wrk`) with 200 connections for 60 s across home, search,
detail and download paths taken from the database (bench/beban.lua). Reports
requests, errors (socket errors and answers other than 2xx/3xx), p50/p90/p99;
downloads answer 302 to a presigned S3 URL, a success; meanwhile a thread
follows some of those URLs to the object store and checks the bytes.

Database (BENCH_BEBAN_DB, else the first that exists): the 1M-product
`jdih_skala` once /tmp/laporan/skala-siap.txt exists, `jdih_skala_100k` once
/tmp/laporan/skala-100k-siap.txt exists, otherwise the cluster's demo
database. The load writes what visitors write (batched view counts, visitor
statistics), so a shared database is cloned first (BENCH_BEBAN_KLON=1,
default; CREATE DATABASE ... TEMPLATE, needs no other session on it) and the
clone is dropped afterwards.

Env: BENCH_BEBAN_KLIEN (200), BENCH_BEBAN_DETIK (60), BENCH_BEBAN_BIARKAN=1
keeps the cluster running afterwards.
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import psycopg

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.hasil import tulis_bagian  # noqa: E402

PG = "postgresql://postgres@127.0.0.1:5432"
KLIEN = int(os.environ.get("BENCH_BEBAN_KLIEN", "200"))
DETIK = int(os.environ.get("BENCH_BEBAN_DETIK", "60"))
PORT_NGINX, PORT_A, PORT_B, PORT_S3 = 8784, 8785, 8786, 8787
WRK = shutil.which("wrk") or "/usr/bin/wrk"
KLASTER_DIR = AKAR / "var" / "klaster-beban"

PENCARIAN = [
    "pemilih",
    "daftar pemilih tetap",
    "kampanye",
    "dana kampanye",
    "penetapan calon",
    "rekapitulasi hasil penghitungan",
    "badan ad hoc",
    "honorarium",
    "logistik",
    "sengketa",
    "pemungutan suara",
    "sosialisasi",
]


def pilih_db():
    if os.environ.get("BENCH_BEBAN_DB"):
        return os.environ["BENCH_BEBAN_DB"].rsplit("/", 1)[-1]
    if Path("/tmp/laporan/skala-siap.txt").exists():
        return "jdih_skala"
    if Path("/tmp/laporan/skala-100k-siap.txt").exists():
        return "jdih_skala_100k"
    return None  # the cluster's own demo database


def klon(sumber):
    """A copy to load (CREATE DATABASE ... TEMPLATE needs no other session on
    the source: tried for a while), or None when others keep it open."""
    nama = f"{sumber}_beban"
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as k:
        k.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        batas = time.monotonic() + int(os.environ.get("BENCH_BEBAN_TUNGGU_KLON", "120"))
        while True:
            mulai = time.monotonic()
            try:
                k.execute(f'CREATE DATABASE "{nama}" TEMPLATE "{sumber}"')
            except psycopg.errors.ObjectInUse:
                if time.monotonic() > batas:
                    print(f"{sumber} terus dipakai sesi lain: diuji langsung", flush=True)
                    return None
                time.sleep(1)
                continue
            print(f"{sumber} diklon ke {nama} dalam {time.monotonic() - mulai:.0f} s", flush=True)
            return nama


def hapus_db(nama):
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as k:
        k.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')


def lingkungan(db, bersama=False):
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("S3_", "JDIH_", "KLASTER_")) and k not in {"DATABASE_URL", "DEBUG"}
    }
    env.update(
        KLASTER_DIR=str(KLASTER_DIR),
        KLASTER_PORT_NGINX=str(PORT_NGINX),
        KLASTER_PORT_A=str(PORT_A),
        KLASTER_PORT_B=str(PORT_B),
        KLASTER_PORT_S3=str(PORT_S3),
        REDIS_URL="redis://127.0.0.1:6379/4",
    )
    if bersama:
        # Another helper's database: no visitor statistics written into it
        # (view/download counters still are, batched).
        env["JDIH_PENGUNJUNG_AKTIF"] = "false"
    if db:
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{db}"
    else:
        # The demo database as `make cluster` left it (made, with demo data, if missing).
        env["KLASTER_DB_BARU"] = "0"
    return env


def klaster(perintah, env):
    subprocess.run([str(AKAR / "deploy/klaster.sh"), perintah], cwd=AKAR, env=env, check=True)


def jalur(db):
    """(jenis, path) for the load, and (path, S3 key) of the download sample,
    read through the ORM (URLs as the site builds them)."""
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{db or 'jdih_klaster'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jdih.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from django.db.models import Max, Min

    from documents.models import ProdukHukum, StatusPublikasi, VersiBerkas

    terbit = ProdukHukum.objects.filter(status_publikasi=StatusPublikasi.TERBIT)
    rentang = terbit.aggregate(lo=Min("pk"), hi=Max("pk"))
    acak = random.Random(13)
    # A random sample without sorting a million rows: draws in the pk range.
    pk = {acak.randint(rentang["lo"], rentang["hi"]) for _ in range(3000)}
    produk = list(terbit.filter(pk__in=pk).select_related("satker")[:800])
    versi = (
        VersiBerkas.objects.filter(
            produk__status_publikasi=StatusPublikasi.TERBIT,
            diterbitkan_pada__isnull=False,
        )
        .exclude(berkas="")
        .select_related("produk__satker")
    )
    contoh = list(versi.filter(produk__pk__in=pk)[:300])
    if len(contoh) < 50:
        contoh += list(versi.order_by("-pk")[:300])
    detail = [p.get_absolute_url() for p in produk]
    unduh = {}
    for v in contoh:
        # The newest published version is what the download serves.
        unduh.setdefault(v.produk.get_absolute_url() + "unduh/", v)
    terbaru = {
        path: VersiBerkas.objects.filter(produk=v.produk, diterbitkan_pada__isnull=False)
        .exclude(berkas="")
        .order_by("-nomor_versi")
        .first()
        .berkas.name
        for path, v in list(unduh.items())[:50]
    }
    cari = ["/cari/?" + urlencode({"q": q}) for q in PENCARIAN]
    # The mix of one visit: the home page, a search, two product pages, a download.
    jalur_unduh = list(unduh)
    baris = []
    for i in range(max(len(detail) // 2, 1)):
        baris.append(("beranda", "/"))
        baris.append(("cari", cari[i % len(cari)]))
        baris += [("detail", p) for p in detail[2 * i : 2 * i + 2]]
        if jalur_unduh:
            baris.append(("unduh", jalur_unduh[i % len(jalur_unduh)]))
    return baris, list(terbaru.items())


def isi_s3(unduh, env):
    """The database names files the in-memory S3 server has never seen (it
    starts empty): put a small PDF under each sampled key, so the presigned
    URLs can be followed. Nothing is written to the database."""
    import boto3

    s3 = boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{PORT_S3}",
        region_name="us-east-1",
        aws_access_key_id="klaster",
        aws_secret_access_key="klaster",
    )
    isi = {}
    for path, nama in unduh:
        data = f"%PDF-1.4\n% JDIH uji beban {nama}\n%%EOF\n".encode()
        s3.put_object(Bucket=env.get("S3_BUCKET", "jdih-klaster"), Key=nama, Body=data)
        isi[path] = data
    return isi


class TanpaAlihan(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **kw):
        return None


def ikuti_presign(isi, berhenti, catatan):
    """While wrk runs: download → 302 → the presigned URL → the same bytes."""
    pembuka = urllib.request.build_opener(TanpaAlihan)
    daftar = list(isi.items())
    i = 0
    while not berhenti.is_set() and daftar:
        path, data = daftar[i % len(daftar)]
        i += 1
        try:
            pembuka.open(f"http://127.0.0.1:{PORT_NGINX}{quote(path)}", timeout=30)
            catatan["galat"].append(f"{path}: bukan 302")
        except urllib.error.HTTPError as alihan:
            if alihan.code != 302:
                catatan["galat"].append(f"{path}: {alihan.code}")
                continue
            try:
                with urllib.request.urlopen(alihan.headers["Location"], timeout=30) as r:
                    ok = r.status == 200 and r.read() == data
            except (urllib.error.URLError, OSError) as exc:
                catatan["galat"].append(f"presign {path}: {exc}")
                continue
            catatan["ok" if ok else "beda"] += 1
        except (urllib.error.URLError, OSError) as exc:
            catatan["galat"].append(f"{path}: {exc}")
        time.sleep(0.2)


def wrk(berkas_url, klien, detik):
    keluaran = subprocess.run(
        [
            WRK,
            "-t2",
            f"-c{klien}",
            f"-d{detik}s",
            "--timeout",
            "30s",
            "-s",
            str(AKAR / "bench/beban.lua"),
            f"http://127.0.0.1:{PORT_NGINX}",
        ],
        env={**os.environ, "BEBAN_URL": str(berkas_url)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    baris = next(b for b in keluaran.splitlines() if b.startswith("HASIL-JSON "))
    return json.loads(baris.removeprefix("HASIL-JSON ")), keluaran


def main():
    sumber = pilih_db()
    db = sumber
    if sumber and os.environ.get("BENCH_BEBAN_KLON", "1") == "1":
        db = klon(sumber) or sumber
    env = lingkungan(db, bersama=bool(sumber) and db == sumber)
    klaster("stop", env)
    klaster("start", env)
    try:
        baris, unduh = jalur(db)
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("".join(f"{j} {p}\n" for j, p in baris))
        isi = isi_s3(unduh[:50], env)
        # Warm-up: the caches of a cluster that has just started.
        wrk(f.name, 50, 10)
        beban_awal = os.getloadavg()
        catatan = {"ok": 0, "beda": 0, "galat": []}
        berhenti = threading.Event()
        utas = threading.Thread(target=ikuti_presign, args=(isi, berhenti, catatan))
        utas.start()
        hasil, teks = wrk(f.name, KLIEN, DETIK)
        berhenti.set()
        utas.join()
        beban_akhir = os.getloadavg()
    finally:
        if os.environ.get("BENCH_BEBAN_BIARKAN") != "1":
            klaster("stop", env)
            if db and db != sumber:
                hapus_db(db)

    galat_soket = sum(hasil[k] for k in ("galat_connect", "galat_read", "galat_write"))
    galat = galat_soket + hasil["galat_status"] + hasil["galat_timeout"]
    detik_nyata = hasil["durasi_us"] / 1e6
    jumlah_produk = "?"
    with psycopg.connect(f"{PG}/{sumber or 'jdih_klaster'}") as k:
        jumlah_produk = k.execute("SELECT count(*) FROM documents_produkhukum").fetchone()[0]
    isi_md = [
        f"Basis data `{sumber or 'jdih_klaster (demo)'}` ({jumlah_produk:,} produk"
        + (
            ", diklon agar hitungan kunjungan tidak menulis ke aslinya"
            if db != sumber
            else (
                ", langsung (klon gagal: sesi lain terbuka); statistik pengunjung dimatikan"
                if sumber
                else ""
            )
        )
        + "). nginx → node a dan b (gunicorn, masing-masing "
        f"{os.environ.get('WEB_CONCURRENCY', '2')} worker sync), 1 worker tugas, PostgreSQL, "
        "Redis (cache bersama), moto (S3); semua di loopback pada mesin yang sama dengan wrk.",
        "",
        f"wrk `-t2 -c{KLIEN} -d{DETIK}s --timeout 30s` setelah pemanasan 10 s; campuran per "
        "kunjungan: beranda, pencarian (12 kueri khas), dua halaman detail acak, satu unduhan "
        f"(302 ke URL S3 bertanda tangan) dari {len(baris)} jalur.",
        "",
        "| ukuran | nilai |",
        "| --- | --- |",
        f"| permintaan | {hasil['permintaan']:,} ({hasil['permintaan'] / detik_nyata:.0f}/s) |",
        f"| galat (soket + non-2xx/3xx + timeout) | **{galat}** (soket {galat_soket}, status "
        f"{hasil['galat_status']}, timeout {hasil['galat_timeout']}) |",
        f"| p50 / p90 / p99 | {hasil['p50_us'] / 1000:.0f} / {hasil['p90_us'] / 1000:.0f} / "
        f"**{hasil['p99_us'] / 1000:.0f} ms** (maks {hasil['maks_us'] / 1000:.0f} ms) |",
    ]
    isi_md.append(
        "| jawaban per status | "
        + ", ".join(f"{st}: {n:,}" for st, n in sorted(hasil["per_status"].items()))
        + " |"
    )
    isi_md.append(
        f"| URL S3 bertanda tangan diikuti selama beban | {catatan['ok']} cocok, "
        f"{catatan['beda']} beda, {len(catatan['galat'])} galat |"
    )
    isi_md += [
        "",
        f"Beban mesin (load average 1/5/15 menit) sebelum: "
        f"{' / '.join(f'{x:.1f}' for x in beban_awal)}, sesudah: "
        f"{' / '.join(f'{x:.1f}' for x in beban_akhir)} — mesin dipakai bersama pembantu lain, "
        "jadi angka mutlak ini batas bawah.",
    ]
    if catatan["galat"]:
        isi_md.append("")
        isi_md.append("Galat pengikut presign (5 pertama): " + "; ".join(catatan["galat"][:5]))
    tulis_bagian("Uji beban: 200 klien ke nginx, dua node (bench_beban)", "\n".join(isi_md))
    print("\n".join(isi_md))
    print(teks)


if __name__ == "__main__":
    main()
