"""Throughput ratios at national scale (issue 13 item 4), in one run.

    .venv/bin/python bench/bench_skala.py

gunicorn (2 sync workers, production settings, DEBUG off) on 127.0.0.1
against the PostgreSQL database BENCH_SKALA_DB (default
postgres://postgres@127.0.0.1:5432/jdih_skala: 553 Satker and 1,000,000
products, built by ``manage.py buat_data_skala``); wrk for
BENCH_SKALA_DURASI (default 10s) per page, 2 threads, 8 connections:

- a trivial view (``/__trivial/``, bench/portal_urls.py: same middleware, no query),
- the home page, a Satker's page (varying Satkers), a product's detail page
  (varying products), the search page (typical queries),
- Tugas saya of a KPU RI user holding roles in every Satker (username
  BENCH_SKALA_PENGGUNA, default ``kasubbag.skala``; skipped when the
  database has no such user),

each as requests/s, the ratio to the trivial view, p50 and p99. With
BENCH_SKALA_REDIS=redis://… the whole run is repeated with that REDIS_URL
(a shared cache for both workers).

BENCH_SKALA_BUAT=N first makes BENCH_SKALA_DB anew (dropped!) with N
products (bench_portal's generator) plus the 553 Satker and the KPU RI user
(tests/tugas_skala_helpers.py): a smaller database to develop against.
Without it the database is only read (apart from what serving writes: the
batched view counts, the visitor statistics, one session row).

Targets: search >= 10 %, home and Satker >= 60 %, detail >= 70 % of trivial.
"""

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlparse

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.django_sementara import lingkungan_server  # noqa: E402

DB_URL = os.environ.get("BENCH_SKALA_DB", "postgres://postgres@127.0.0.1:5432/jdih_skala")
PORT = int(os.environ.get("BENCH_SKALA_PORT", "8790"))
DURASI = os.environ.get("BENCH_SKALA_DURASI", "10s")
BUAT = int(os.environ.get("BENCH_SKALA_BUAT", "0"))
PENGGUNA = os.environ.get("BENCH_SKALA_PENGGUNA", "kasubbag.skala")
REDIS = os.environ.get("BENCH_SKALA_REDIS", "")
WRK = shutil.which("wrk") or "/usr/bin/wrk"

# Three common queries (D1's list in bench/bench_pencarian_skala.py is used
# when it exists).
PENCARIAN = [{"q": "daftar pemilih tetap"}, {"q": "dana kampanye"}, {"q": "honorarium"}]


def _kueri_pencarian():
    try:
        from bench import bench_pencarian_skala as d1

        daftar = getattr(d1, "KUERI", None) or getattr(d1, "PENCARIAN", None)
        if daftar:
            return [p if isinstance(p, dict) else {"q": p} for p in daftar]
    except ImportError:
        pass
    return PENCARIAN


def buat_basis_data(n):
    import psycopg

    url = urlparse(DB_URL)
    nama = url.path.lstrip("/")
    if nama == "jdih_skala":
        sys.exit("BENCH_SKALA_BUAT tidak boleh menimpa jdih_skala (milik data-skala).")
    with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{nama}"')
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from bench.bench_portal import semai
    from tests.tugas_skala_helpers import kpu_ri_553

    semai(n, random.Random(13))
    kpu_ri_553(awalan="skala", per_satker=2)


def sesi_pengguna():
    """A session cookie of the KPU RI user, or None when there is none."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.contrib.sessions.backends.db import SessionStore

    user = User.objects.filter(username=PENGGUNA).first()
    if user is None:
        return None
    sesi = SessionStore()
    sesi[SESSION_KEY] = str(user.pk)
    sesi[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    sesi[HASH_SESSION_KEY] = user.get_session_auth_hash()
    sesi.create()
    return f"{settings.SESSION_COOKIE_NAME}={sesi.session_key}"


class Gunicorn:
    def __init__(self, env):
        self.env = env

    def __enter__(self):
        self.proses = subprocess.Popen(
            [
                str(AKAR / ".venv/bin/gunicorn"),
                "jdih.wsgi:application",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                "2",
                "--access-logfile",
                "/dev/null",
                "--log-level",
                "warning",
            ],
            cwd=AKAR,
            env={**os.environ, **self.env, "PYTHONPATH": str(AKAR)},
        )
        for _ in range(150):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/__trivial/", timeout=2).read()
                return self
            except OSError:
                time.sleep(0.2)
        self.proses.kill()
        raise RuntimeError("gunicorn tidak mulai")

    def __exit__(self, *exc):
        self.proses.terminate()
        self.proses.wait(timeout=30)


def _ms(teks):
    angka, satuan = re.fullmatch(r"([\d.]+)(us|ms|s)", teks).groups()
    return float(angka) * {"us": 0.001, "ms": 1, "s": 1000}[satuan]


def wrk(urls, folder, nama, kuki=None):
    skrip = folder / f"{nama}.lua"
    daftar = ",".join(f'"{u}"' for u in urls)
    skrip.write_text(
        f"local u = {{{daftar}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #u + 1\n  return wrk.format('GET', u[i])\nend\n"
    )
    perintah = [WRK, "-t2", "-c8", f"-d{DURASI}", "--latency", "-s", str(skrip)]
    if kuki:
        perintah += ["-H", f"Cookie: {kuki}"]
    keluaran = subprocess.run(
        [*perintah, f"http://127.0.0.1:{PORT}"], capture_output=True, text=True, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", keluaran).group(1))
    persen = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", keluaran, re.M))
    salah = re.search(r"Non-2xx or 3xx responses: (\d+)", keluaran)
    return {
        "rps": rps,
        "p50": _ms(persen["50"]),
        "p99": _ms(persen["99"]),
        "galat": int(salah.group(1)) if salah else 0,
    }


def url_uji():
    from documents.models import ProdukHukum, Satker

    produk = list(
        ProdukHukum.objects.terbit()
        .select_related("satker", "jenis")
        .order_by("-diterbitkan_pada")[:5000:25]
    )
    satker = list(Satker.objects.filter(produk_hukum__isnull=False).distinct()[:50])
    return {
        "beranda": ["/"],
        "satker": [f"/{s.slug}/" for s in satker],
        "detail": [p.get_absolute_url() for p in produk],
        "cari": ["/cari/?" + urlencode(p) for p in _kueri_pencarian()],
    }


def satu_run(folder, urls, kuki, env):
    hasil = {}
    with Gunicorn(env):
        # Warm: every page of the rotation, twice (each worker's cache and
        # plans): wrk then measures serving, not 200 first renders in 10 s.
        for daftar in urls.values():
            for u in daftar:
                for _ in range(2):
                    urllib.request.urlopen(f"http://127.0.0.1:{PORT}{u}").read()
        hasil["trivial"] = wrk(["/__trivial/"], folder, "trivial")
        for nama, daftar in urls.items():
            hasil[nama] = wrk(daftar, folder, nama)
        if kuki:
            hasil["tugas"] = wrk(["/staf/"], folder, "tugas", kuki)
    return hasil


LABEL = {
    "trivial": "view trivial (`/__trivial/`)",
    "beranda": "beranda `/`",
    "satker": "halaman Satker (50 Satker bergiliran)",
    "detail": "detail produk (200 produk bergiliran)",
    "cari": "pencarian (kueri khas bergiliran)",
    "tugas": "Tugas saya, Kasubbag KPU RI atas 553 Satker",
}
TARGET = {"beranda": "≥ 60 %", "satker": "≥ 60 %", "detail": "≥ 70 %", "cari": "≥ 10 %"}


def tabel(hasil):
    dasar = hasil["trivial"]["rps"]
    baris = [
        "| halaman | req/s | rasio | target | p50 | p99 | non-2xx |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for nama, h in hasil.items():
        baris.append(
            f"| {LABEL[nama]} | {h['rps']:.0f} | {h['rps'] / dasar:.0%} | "
            f"{TARGET.get(nama, '')} | {h['p50']:.1f} ms | {h['p99']:.1f} ms | {h['galat']} |"
        )
    return "\n".join(baris)


def main():
    if not Path(WRK).exists():
        sys.exit("wrk tidak ditemukan (apt-get install wrk, seperti `make bench`).")
    folder = Path(tempfile.mkdtemp(prefix="jdih-bench-skala-"))
    lingkungan_server(folder, DB_URL, settings="bench.portal_settings")
    import django

    django.setup()
    if BUAT:
        print(f"Membuat {DB_URL} dengan {BUAT} produk ...", flush=True)
        buat_basis_data(BUAT)
    from django.db import connection

    from documents.models import ProdukHukum, Satker

    jumlah = ProdukHukum.objects.terbit().count()
    jumlah_satker = Satker.objects.count()
    urls = url_uji()
    kuki = sesi_pengguna()
    connection.close()
    muat = os.getloadavg()
    runs = {"LocMemCache per pekerja (tanpa REDIS_URL)": satu_run(folder, urls, kuki, {})}
    if REDIS:
        runs[f"Redis bersama (`REDIS_URL={REDIS}`)"] = satu_run(
            folder, urls, kuki, {"REDIS_URL": REDIS}
        )
    muat_akhir = os.getloadavg()
    for judul, hasil in runs.items():
        print(judul)
        print(tabel(hasil))
    isi = f"""
`.venv/bin/python bench/bench_skala.py` — PostgreSQL `{urlparse(DB_URL).path.lstrip("/")}`:
{jumlah:,} produk terbit, {jumlah_satker} Satker. gunicorn sync 2 pekerja, pengaturan
produksi (DEBUG mati), 127.0.0.1; wrk 2 utas, 8 koneksi, {DURASI} per halaman, setelah
pemanasan. Load average mesin (dipakai bersama helper lain) sebelum/sesudah:
{muat[0]:.2f} / {muat_akhir[0]:.2f}.
""".replace(",", ".")
    for judul, hasil in runs.items():
        isi += f"\n**{judul}**\n\n{tabel(hasil)}\n"
    isi += """
Beranda dan halaman Satker disimpan utuh per versi katalog
(publicsite.cache_halaman; versi naik saat terbit/turun/ubah). Detail: satu
SELECT pemeriksaan terbit per permintaan, tayangan dibatch (publicsite.hitungan,
satu UPDATE … FROM (VALUES …) per JDIH_HITUNGAN_SIMPAN_DETIK).
"""
    from bench.hasil import tulis_bagian

    tulis_bagian("Rasio throughput skala nasional (issue 13)", isi)
    print("Ditulis ke bench/RESULTS.md")


if __name__ == "__main__":
    main()
