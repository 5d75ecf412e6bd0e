"""Throughput of the home page with and without the middleware issue 11 added
(request id, CSP, and whatever else the hardening put in MIDDLEWARE).

    .venv/bin/python bench/bench_middleware.py

gunicorn (sync, 2 workers) on 127.0.0.1 and wrk (Debian package `wrk`), a
SQLite database in a temporary folder with a dozen published products. Each
configuration serves `/` and the trivial view `/__trivial/` (same stack, no
template, no database); the result is `/` as a fraction of the trivial view
in the same run, so the machine's speed cancels out. Both configurations run
side by side (two gunicorns, two ports) and short wrk bursts alternate
between them, so a busy neighbour on the machine hits both alike; the median
over the rounds is reported.

The machine may be shared (wall-clock throughput then swings with the
neighbours), so the same two stacks are also timed in-process in CPU time
(time.process_time, Django test client, no network): the cost per request
of the new middleware itself.

Target: the ratio with the new middleware within a few percent of the ratio
without it.
"""

import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.django_sementara import lingkungan_server  # noqa: E402

PORT = int(os.environ.get("BENCH_MW_PORT", "8767"))
WRK = shutil.which("wrk") or "/usr/bin/wrk"
DURASI = os.environ.get("BENCH_MW_DURASI", "3s")
PUTARAN = int(os.environ.get("BENCH_MW_PUTARAN", "10"))
PEKERJA = 2


def siapkan(folder):
    lingkungan_server(
        folder,
        f"sqlite:///{folder / 'bench.sqlite3'}",
        settings="bench.middleware_settings",
        hosts="127.0.0.1,localhost",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)
    from tests.factories import buat_jenis, buat_produk, buat_satker

    satker = buat_satker(nama="KPU Kabupaten Bench", slug="bench")
    jenis = buat_jenis(singkatan="KEP-BENCH", nama="Keputusan Bench")
    for n in range(12):
        buat_produk(satker, jenis, judul=f"Penetapan Daftar Pemilih Tetap Bench {n + 1}")
    return settings.MIDDLEWARE_BARU


class Gunicorn:
    def __init__(self, tanpa_baru):
        self.port = PORT + (1 if tanpa_baru else 0)
        self.env = {
            **os.environ,
            "PYTHONPATH": str(AKAR),
            "BENCH_MW_TANPA_BARU": "1" if tanpa_baru else "0",
        }

    def __enter__(self):
        self.proses = subprocess.Popen(
            [
                str(AKAR / ".venv/bin/gunicorn"),
                "jdih.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(PEKERJA),
                "--access-logfile",
                "/dev/null",
                "--log-level",
                "warning",
            ],
            cwd=AKAR,
            env=self.env,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__trivial/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn tidak mulai")
        for _ in range(20):  # warm both workers' templates and caches
            urllib.request.urlopen(f"http://127.0.0.1:{self.port}/").read()
        return self

    def __exit__(self, *exc):
        self.proses.send_signal(signal.SIGTERM)
        self.proses.wait(timeout=30)


def wrk(port, alamat):
    hasil = subprocess.run(
        [WRK, "-t2", "-c8", f"-d{DURASI}", f"http://127.0.0.1:{port}{alamat}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    baris = hasil.splitlines()
    non2xx = next((b for b in baris if "Non-2xx" in b), "")
    if non2xx:
        raise RuntimeError(f"{alamat}: {non2xx}")
    return float(next(b for b in baris if b.startswith("Requests/sec")).split()[1])


def ukur(port):
    trivial = wrk(port, "/__trivial/")
    beranda = wrk(port, "/")
    return {"trivial": trivial, "beranda": beranda, "rasio": beranda / trivial}


def ukur_cpu(baru, n_trivial=4000, n_beranda=200, putaran=5):
    """CPU milliseconds per request, full stack vs. the stack before issue 11."""
    from django.conf import settings
    from django.test import Client, override_settings

    sebelum = [m for m in settings.MIDDLEWARE if m not in baru]
    klien = {False: Client(HTTP_HOST="127.0.0.1")}
    with override_settings(MIDDLEWARE=sebelum):
        klien[True] = Client(HTTP_HOST="127.0.0.1")
        # The client builds its middleware chain on the first request.
        assert klien[True].get("/__trivial/").status_code == 200
    assert klien[False].get("/__trivial/").status_code == 200
    assert klien[False].get("/")["Content-Security-Policy"]
    assert "Content-Security-Policy" not in klien[True].get("/")
    waktu = {(t, a): [] for t in (False, True) for a in ("/__trivial/", "/")}
    for _ in range(putaran):
        for (tanpa_baru, alamat), daftar in waktu.items():
            k = klien[tanpa_baru]
            n = n_trivial if alamat == "/__trivial/" else n_beranda
            mulai = time.process_time()
            for _ in range(n):
                k.get(alamat)
            daftar.append((time.process_time() - mulai) * 1000 / n)
    return {kunci: statistics.median(v) for kunci, v in waktu.items()}


def main():
    if not Path(WRK).exists():
        sys.exit("wrk tidak ditemukan (apt-get install wrk).")
    folder = Path(tempfile.mkdtemp(prefix="jdih-bench-mw-"))
    try:
        baru = siapkan(folder)
        hasil = {False: [], True: []}
        with Gunicorn(tanpa_baru=False) as dengan, Gunicorn(tanpa_baru=True) as tanpa:
            for putaran in range(PUTARAN):
                urutan = [(False, dengan), (True, tanpa)]
                for tanpa_baru, g in urutan if putaran % 2 == 0 else urutan[::-1]:
                    h = ukur(g.port)
                    hasil[tanpa_baru].append(h)
                    nama = "tanpa middleware baru" if tanpa_baru else "dengan middleware baru"
                    print(
                        f"putaran {putaran + 1} {nama}: trivial {h['trivial']:.0f} req/s, "
                        f"/ {h['beranda']:.0f} req/s, rasio {h['rasio']:.1%}",
                        flush=True,
                    )
        cpu = ukur_cpu(baru)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def median(tanpa_baru, kunci):
        return statistics.median(h[kunci] for h in hasil[tanpa_baru])

    # Adjacent runs of one round share the machine's state: compare within it.
    beranda = statistics.median(
        d["beranda"] / t["beranda"] for d, t in zip(hasil[False], hasil[True], strict=True)
    )
    trivial = statistics.median(
        d["trivial"] / t["trivial"] for d, t in zip(hasil[False], hasil[True], strict=True)
    )
    baris = "\n".join(
        f"| {nama} | {median(t, 'trivial'):.0f} | {median(t, 'beranda'):.0f} "
        f"| {median(t, 'rasio'):.1%} |"
        for nama, t in [("dengan middleware baru", False), ("tanpa middleware baru", True)]
    )
    daftar = ", ".join(f"`{m}`" for m in baru) or "(tidak ada)"
    isi = f"""
`.venv/bin/python bench/bench_middleware.py` — gunicorn sync, {PEKERJA} pekerja, di
127.0.0.1; wrk 2 utas, 8 koneksi, {DURASI} per URL; SQLite, 12 produk terbit;
kedua konfigurasi berjalan berdampingan (dua gunicorn, dua port), {PUTARAN} putaran
bergantian; median.

Middleware baru issue 11 yang diukur: {daftar}.

| konfigurasi | view trivial (req/s) | beranda `/` (req/s) | `/` ÷ trivial |
| --- | ---: | ---: | ---: |
{baris}

Dalam putaran yang sama, dengan ÷ tanpa middleware baru: beranda `/`
**{beranda:.0%}**, view trivial **{trivial:.0%}** (target: beranda praktis tidak
berubah; view trivial menunjukkan biaya murni per permintaan karena tidak
mengerjakan apa pun selain melewati tumpukan middleware).

**Waktu CPU per permintaan** (dalam proses, klien uji Django, `time.process_time`,
median 5 putaran; tidak terpengaruh proses lain di mesin):

| konfigurasi | view trivial (ms) | beranda `/` (ms) |
| --- | ---: | ---: |
| dengan middleware baru | {cpu[(False, "/__trivial/")]:.3f} | {cpu[(False, "/")]:.2f} |
| tanpa middleware baru | {cpu[(True, "/__trivial/")]:.3f} | {cpu[(True, "/")]:.2f} |
| selisih | {cpu[(False, "/__trivial/")] - cpu[(True, "/__trivial/")]:+.3f} \
| {cpu[(False, "/")] - cpu[(True, "/")]:+.2f} |

Beranda dengan middleware baru memakai **{cpu[(False, "/")] / cpu[(True, "/")]:.1%}**
waktu CPU beranda tanpa middleware baru.
"""
    from bench.hasil import tulis_bagian

    tulis_bagian("Middleware keamanan dan log (issue 11)", isi)
    print("Ditulis ke bench/RESULTS.md")


if __name__ == "__main__":
    main()
