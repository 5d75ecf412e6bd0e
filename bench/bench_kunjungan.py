"""Cost of the visitor statistics (publicsite.kunjungan.KunjunganMiddleware)
per request.

    .venv/bin/python bench/bench_kunjungan.py

In-process (Django test client, no network, SQLite in a temporary folder):
requests per second and CPU milliseconds per request of a trivial public
HTML page (bench/kunjungan_urls.py) and of the home page `/`, with the full
middleware stack and with the same stack minus KunjunganMiddleware.
"Dengan" runs as production does (counts buffered, one UPSERT every
JDIH_PENGUNJUNG_SIMPAN_DETIK = 60 s); "tulis tiap permintaan" forces the
write on every request (JDIH_PENGUNJUNG_SIMPAN_DETIK = 0) to show what the
buffer saves. Configurations alternate within each round; median of rounds.
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.django_sementara import lingkungan_server  # noqa: E402

PUTARAN = int(os.environ.get("BENCH_KUNJUNGAN_PUTARAN", "3"))
N_TRIVIAL = int(os.environ.get("BENCH_KUNJUNGAN_N", "1500"))
N_BERANDA = 100
MW = "publicsite.kunjungan.KunjunganMiddleware"
PERAMBAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"


def siapkan(folder):
    lingkungan_server(
        folder, f"sqlite:///{folder / 'bench.sqlite3'}", settings="bench.middleware_settings"
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", run_syncdb=True, verbosity=0)
    from tests.factories import buat_jenis, buat_produk, buat_satker

    satker = buat_satker(nama="KPU Kabupaten Bench", slug="bench")
    jenis = buat_jenis(singkatan="KEP-BENCH", nama="Keputusan Bench")
    for n in range(12):
        buat_produk(satker, jenis, judul=f"Penetapan Bench {n + 1}", berkas=False)


def ukur(klien, alamat, n, alamat_ip):
    mulai_cpu, mulai = time.process_time(), time.perf_counter()
    for i in range(n):
        # A new visitor every 10 requests: the distinct-visitor check adds keys.
        k = klien.get(alamat, HTTP_USER_AGENT=PERAMBAN, REMOTE_ADDR=alamat_ip(i))
        assert k.status_code == 200
    return (
        (time.process_time() - mulai_cpu) * 1000 / n,
        n / (time.perf_counter() - mulai),
    )


def ukur_murni(n=5000):
    """CPU milliseconds of the middleware's own work per counted request (the
    view answers at once; the buffer is never written): the cost without the
    noise of the rest of the stack."""
    from django.http import HttpResponse
    from django.test import RequestFactory, override_settings

    from publicsite import kunjungan

    rf = RequestFactory()
    permintaan = [
        rf.get("/x/", HTTP_USER_AGENT=PERAMBAN, REMOTE_ADDR=f"10.9.{i // 250 % 250}.{i % 250}")
        for i in range(n)
    ]
    respons = HttpResponse("<p>x</p>")
    hasil = []
    with override_settings(
        JDIH_PENGUNJUNG_SIMPAN_DETIK=10**9, JDIH_PENGUNJUNG_MAKS_PENYANGGA=10**9
    ):
        mw = kunjungan.KunjunganMiddleware(lambda r: respons)
        for _ in range(5):
            mulai = time.process_time()
            for r in permintaan:
                mw(r)
            hasil.append((time.process_time() - mulai) * 1000 / n)
    kunjungan._penyangga.ambil()
    return statistics.median(hasil)


def main():
    folder = Path(tempfile.mkdtemp(prefix="jdih-bench-kunjungan-"))
    try:
        siapkan(folder)
        from django.conf import settings
        from django.test import Client, override_settings

        from publicsite.models import KunjunganHalaman

        konfigurasi = {
            "tanpa KunjunganMiddleware": {
                "MIDDLEWARE": [m for m in settings.MIDDLEWARE if m != MW]
            },
            "dengan (penyangga, tulis tiap 60 s)": {"JDIH_PENGUNJUNG_SIMPAN_DETIK": 60},
            "dengan, tulis tiap permintaan": {"JDIH_PENGUNJUNG_SIMPAN_DETIK": 0},
        }
        hasil = {(k, a): [] for k in konfigurasi for a in ("trivial", "beranda")}
        with override_settings(ROOT_URLCONF="bench.kunjungan_urls"):
            for putaran in range(PUTARAN):
                for nama, atur in konfigurasi.items():
                    with override_settings(**atur):
                        klien = Client()
                        klien.get("/__trivial-html/")  # builds the handler
                        for alamat, kunci, n in [
                            ("/__trivial-html/", "trivial", N_TRIVIAL),
                            ("/", "beranda", N_BERANDA),
                        ]:
                            hasil[(nama, kunci)].append(
                                ukur(
                                    klien,
                                    alamat,
                                    n,
                                    lambda i, p=putaran: f"10.0.{p}.{i // 10 % 250}",
                                )
                            )
                print(f"putaran {putaran + 1}/{PUTARAN} selesai", flush=True)
        from publicsite import kunjungan

        kunjungan.simpan(paksa=True)
        murni = ukur_murni()
        tercatat = sum(KunjunganHalaman.objects.values_list("jumlah", flat=True))
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def med(nama, kunci, i):
        return statistics.median(h[i] for h in hasil[(nama, kunci)])

    dasar = "tanpa KunjunganMiddleware"
    baris = []
    for nama in konfigurasi:
        baris.append(
            f"| {nama} | {med(nama, 'trivial', 1):.0f} | {med(nama, 'trivial', 0):.3f} "
            f"| {med(nama, 'beranda', 1):.0f} | {med(nama, 'beranda', 0):.2f} |"
        )
    tambahan = med("dengan (penyangga, tulis tiap 60 s)", "trivial", 0) - med(dasar, "trivial", 0)
    tiap = med("dengan, tulis tiap permintaan", "trivial", 0) - med(dasar, "trivial", 0)
    isi = f"""
`.venv/bin/python bench/bench_kunjungan.py` — dalam proses (klien uji Django, tanpa
jaringan), SQLite, tumpukan middleware lengkap; {PUTARAN} putaran bergantian, median.
Halaman trivial: HTML publik tanpa templat dan tanpa basis data ({N_TRIVIAL} permintaan per
putaran); beranda `/`: 12 produk terbit ({N_BERANDA} permintaan). Pengunjung baru setiap
10 permintaan. Total kunjungan tercatat selama bench: {tercatat}.

| konfigurasi | trivial (req/s) | trivial (ms CPU) | beranda (req/s) | beranda (ms CPU) |
| --- | ---: | ---: | ---: | ---: |
{chr(10).join(baris)}

Biaya KunjunganMiddleware per permintaan (selisih halaman trivial, waktu CPU):
**{tambahan:.3f} ms** dengan penyangga; {tiap:.3f} ms bila setiap permintaan langsung
menulis UPSERT ke basis data. Pekerjaan middleware itu sendiri, diukur terpisah
(RequestFactory, view langsung menjawab, 5.000 permintaan, median 5 kali): **{murni:.3f} ms**
per kunjungan yang dihitung (saring, hash BLAKE2b, satu `cache.add` LocMemCache, catat di
penyangga). Mesin dipakai bersama proses lain, jadi req/s berfluktuasi; waktu CPU lebih stabil.
"""
    from bench.hasil import tulis_bagian

    tulis_bagian("Statistik pengunjung: biaya per permintaan (issue 12)", isi)
    print(isi)


if __name__ == "__main__":
    main()
