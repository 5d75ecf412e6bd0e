"""Open API throughput on loopback (PostgreSQL).

    .venv/bin/python bench/bench_api.py

Needs a local PostgreSQL (BENCH_API_DB, default
postgres://postgres@127.0.0.1:5432/jdih_bench_api — dropped and re-created).
Seeds BENCH_API_PRODUK published products (default 5,000) with
bench_portal.semai, starts gunicorn (sync, 2 workers, production-like
settings from bench.django_sementara, rate limit off) on 127.0.0.1 and
drives it with a small closed-loop load generator (threads, one request at a
time each) for BENCH_API_DETIK seconds per URL set, at most BENCH_API_MAKS
requests. Reports requests/s of the list and detail endpoints, and of the
trivial view served by the same stack in the same run (the ratio cancels
out the machine's speed and its busy neighbours).
"""

import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlparse

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.django_sementara import lingkungan_server  # noqa: E402

DB_URL = os.environ.get("BENCH_API_DB", "postgres://postgres@127.0.0.1:5432/jdih_bench_api")
JUMLAH_PRODUK = int(os.environ.get("BENCH_API_PRODUK", "5000"))
PORT = int(os.environ.get("BENCH_API_PORT", "8779"))
DETIK = float(os.environ.get("BENCH_API_DETIK", "8"))
MAKS = int(os.environ.get("BENCH_API_MAKS", "20000"))
UTAS = int(os.environ.get("BENCH_API_UTAS", "8"))


def siapkan():
    import psycopg

    url = urlparse(DB_URL)
    nama = url.path.lstrip("/")
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{nama}"')
    folder = Path(tempfile.mkdtemp(prefix="jdih-bench-api-"))
    lingkungan_server(folder, DB_URL, settings="bench.portal_settings")
    os.environ["JDIH_API_BATAS"] = "0"  # one client address: the limit would answer 429
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench.bench_portal import semai

    semai(JUMLAH_PRODUK, random.Random(12))
    return folder


class Gunicorn:
    def __init__(self, folder):
        self.folder = folder

    def __enter__(self):
        self.proses = subprocess.Popen(
            [
                str(AKAR / ".venv/bin/gunicorn"),
                "jdih.wsgi:application",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                "2",
                "--control-socket",
                str(self.folder / "gunicorn.ctl"),
                "--access-logfile",
                "/dev/null",
                "--log-level",
                "warning",
            ],
            cwd=AKAR,
            env={**os.environ, "PYTHONPATH": str(AKAR)},
        )
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/__trivial/", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn tidak mulai")

    def __exit__(self, *exc):
        self.proses.send_signal(signal.SIGTERM)
        self.proses.wait(timeout=30)


def beban(urls, detik=DETIK, maks=MAKS):
    """(requests/s, p50 ms, p95 ms) of UTAS threads cycling through ``urls``."""
    waktu, galat = [], []
    kunci = threading.Lock()
    berhenti = time.perf_counter() + detik
    sisa = [maks]

    def kerja(mulai_di):
        i = mulai_di
        while time.perf_counter() < berhenti:
            with kunci:
                if sisa[0] <= 0:
                    return
                sisa[0] -= 1
            u = urls[i % len(urls)]
            i += 1
            awal = time.perf_counter()
            c = HTTPConnection("127.0.0.1", PORT, timeout=30)
            c.request("GET", u)
            r = c.getresponse()
            r.read()
            c.close()
            with kunci:
                waktu.append(time.perf_counter() - awal)
                if r.status != 200:
                    galat.append((u, r.status))

    mulai = time.perf_counter()
    utas = [threading.Thread(target=kerja, args=(n * 7,)) for n in range(UTAS)]
    for t in utas:
        t.start()
    for t in utas:
        t.join()
    durasi = time.perf_counter() - mulai
    if galat:
        raise RuntimeError(f"jawaban bukan 200: {galat[:3]}")
    waktu.sort()
    p95 = waktu[max(0, round(0.95 * len(waktu)) - 1)] * 1000
    return len(waktu) / durasi, statistics.median(waktu) * 1000, p95


def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


DAFTAR = [
    "/api/v1/produk/",
    "/api/v1/produk/?tahun=2020",
    "/api/v1/produk/?satker=satker-7",
    "/api/v1/produk/?jenis=2&status=berlaku",
    "/api/v1/produk/?per_halaman=100",
    "/api/v1/produk/?halaman=40",
    "/api/v1/produk/?urut=terlama&tahun=2015",
    "/api/v1/produk/?q=pemilih",
    "/api/v1/produk/?q=dana%20kampanye",
    "/api/v1/produk/?q=honorarium&tahun=2024",
]


def main():
    folder = siapkan()
    from documents.models import ProdukHukum

    ids = list(ProdukHukum.objects.order_by("?").values_list("pk", flat=True)[:200])
    detail = [f"/api/v1/produk/{pk}/" for pk in ids]
    with Gunicorn(folder):
        for u in DAFTAR + detail[:10] + ["/api/v1/satker/", "/api/v1/jenis/"]:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{u}").read()  # warm up
        hasil = {
            "trivial": beban(["/__trivial/"]),
            "daftar_filter": beban(DAFTAR[:7]),
            "daftar_q": beban(DAFTAR[7:]),
            "detail": beban(detail),
            "satker": beban(["/api/v1/satker/"]),
        }
    for k, v in hasil.items():
        print(f"{k}: {v[0]:.0f} req/s, p50 {v[1]:.1f} ms, p95 {v[2]:.1f} ms", flush=True)
    trivial = hasil["trivial"][0]

    def baris(label, kunci):
        rps, p50, p95 = hasil[kunci]
        return f"| {label} | {rps:.0f} | {rps / trivial:.0%} | {p50:.1f} | {p95:.1f} |"

    isi = "\n".join(
        [
            f"`.venv/bin/python bench/bench_api.py` — PostgreSQL (`{urlparse(DB_URL).path[1:]}`), "
            f"{_angka(JUMLAH_PRODUK)} produk hukum terbit (satu versi PDF terbit per produk, teks "
            "350–900 kata), gunicorn sync 2 pekerja di 127.0.0.1 dengan pengaturan mirip "
            "produksi (DEBUG mati), batas permintaan dimatikan (satu alamat klien). Beban: "
            f"{UTAS} utas klien Python berulang (satu permintaan per utas, koneksi baru "
            f"per permintaan), {DETIK:.0f} detik atau paling banyak {_angka(MAKS)} permintaan per "
            "baris. Klien berjalan di mesin yang sama dan ikut memakai CPU; beban rata-rata "
            f"mesin saat diukur: {os.getloadavg()[0]:.1f} (1 menit). Angka mutlak bergantung "
            "pada beban itu; rasio terhadap view trivial di run yang sama lebih stabil.",
            "",
            "| alamat | req/s | rasio thd. view trivial | p50 (ms) | p95 (ms) |",
            "| --- | ---: | ---: | ---: | ---: |",
            baris("view trivial `/__trivial/` (tumpukan middleware yang sama)", "trivial"),
            baris("daftar `/api/v1/produk/` dengan saringan, 7 URL bergiliran", "daftar_filter"),
            baris("daftar dengan kata kunci `q`, 3 URL bergiliran", "daftar_q"),
            baris("rincian `/api/v1/produk/<id>/`, 200 produk bergiliran", "detail"),
            baris("daftar satker `/api/v1/satker/` (40 satker)", "satker"),
            "",
            "Daftar: 2 kueri per halaman (hitung + halaman; dengan `q` hitungan berhenti di "
            "1.000 seperti halaman Cari). Rincian: 6 kueri (produk, versi berlaku, versi "
            "terbit, relasi keluar, relasi masuk, lampiran). Tanpa cache jawaban di server: "
            "setiap GET membawa ETag dan `Cache-Control: public, no-cache`, sehingga klien "
            "dan proxy menyimpan jawabannya dan hanya menerima 304 bila tidak berubah.",
        ]
    )
    from bench.hasil import tulis_bagian

    tulis_bagian("API terbuka /api/v1/ (issue 12)", isi)
    print("Ditulis ke bench/RESULTS.md")


if __name__ == "__main__":
    main()
