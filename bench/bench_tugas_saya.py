"""Tugas saya with 2,000 open items across both procedures (sop 000 requests
and sop 003 drafting): queries per page and response time, against 20 items.

.venv/bin/python bench/bench_tugas_saya.py
(DATABASE_URL=postgres://… to run it on PostgreSQL; a throwaway SQLite file otherwise)

On an existing database (nothing created there but the user's login:
last_login and a signed-cookie session), e.g. one built by
``manage.py buat_data_skala`` plus a user holding a role in every Satker:

BENCH_TUGAS_DB=postgres://postgres@127.0.0.1:5432/jdih_hd3 \
BENCH_TUGAS_PENGGUNA=kasubbag.nasional .venv/bin/python bench/bench_tugas_saya.py
(BENCH_TUGAS_BUAT_PENGGUNA=1 first gives that user the Kasubbag role in
every Satker of the database; BENCH_TUGAS_PROFIL=berkas.prof writes a
cProfile of the timed requests; BENCH_TUGAS_ULANG=n requests, default 30.)
Wall time, this process's CPU time and the database time are reported
apart, with the load average: the machine may be shared.
"""

import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.django_sementara import siapkan  # noqa: E402

ULANG = 20


def main():
    siapkan()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from documents.demo import muat_jenis, muat_satker
    from documents.models import ProdukHukum
    from workflow.izin import pastikan_grup_peran
    from workflow.models import Permohonan, Status
    from workflow.penugasan import tetapkan_peran
    from workflow.penyusunan.models import PenyusunanKeputusan, StatusPenyusunan
    from workflow.peran import Peran

    setup_test_environment()  # the response's context, to count the rows shown
    settings.ALLOWED_HOSTS = ["*"]
    # No collectstatic here: plain static names (the page, not the assets, is measured).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    pastikan_grup_peran()
    satker = muat_satker()["sorong-selatan"]
    jenis = muat_jenis()["Kpts KPU Kab/Kota"]
    from django.contrib.auth.models import User

    kasubbag = User.objects.create(username="kasubbag.bench")
    pengusul = User.objects.create(username="pengusul.bench")
    tetapkan_peran(kasubbag, satker, Peran.KASUBBAG)
    tetapkan_peran(pengusul, satker, Peran.PENGUSUL)
    klien = Client()
    klien.force_login(kasubbag)
    url = "/staf/"  # over HTTPS: production settings redirect plain HTTP

    def isi(n_awal, n):
        """n more open items: half requests waiting for disposisi, half
        drafts waiting for verification, spread over the last days."""
        sekarang = timezone.now()
        produk = ProdukHukum.objects.bulk_create(
            ProdukHukum(satker=satker, jenis=jenis, nomor=f"B{i}", tahun=2024, judul=f"Bench {i}")
            for i in range(n_awal, n_awal + n // 2)
        )
        Permohonan.objects.bulk_create(
            Permohonan(
                satker=satker,
                jenis="unggah",
                produk=p,
                status=Status.DIAJUKAN,
                status_sejak=sekarang - timedelta(minutes=i),
                diajukan_oleh=pengusul,
            )
            for i, p in enumerate(produk)
        )
        PenyusunanKeputusan.objects.bulk_create(
            PenyusunanKeputusan(
                satker=satker,
                varian=1 + i % 2,
                jenis=jenis,
                judul=f"Pembentukan Tim Bench {i}",
                pemrakarsa="Subbagian Teknis",
                status=StatusPenyusunan.VERIFIKASI_MUATAN,
                status_sejak=sekarang - timedelta(minutes=i, seconds=30),
                diajukan_oleh=pengusul,
            )
            for i in range(n - n // 2)
        )

    def ukur(n_item):
        klien.get(url, secure=True)
        kueri = []

        def hitung(execute, sql, params, many, context):
            kueri.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(hitung):
            respons = klien.get(url, secure=True)
        assert respons.status_code == 200, (respons.status_code, respons.get("Location"))
        baris = len(respons.context["baris"])
        waktu = []
        for _ in range(ULANG):
            mulai = time.perf_counter()
            klien.get(url, secure=True)
            waktu.append(time.perf_counter() - mulai)
        waktu.sort()
        return {
            "item": n_item,
            "kueri": len(kueri),
            "baris": baris,
            "p50": statistics.median(waktu) * 1000,
            "p95": waktu[int(0.95 * len(waktu)) - 1] * 1000,
        }

    isi(0, 20)
    kecil = ukur(20)
    isi(20, 1980)
    besar = ukur(2000)
    assert kecil["kueri"] == besar["kueri"], (kecil, besar)
    mesin_db = connection.vendor

    # A KPU RI Kasubbag holding the role in all 553 Satker (KPU RI, 38
    # provinces, 514 regencies), two open requests waiting in each.
    from tests.tugas_skala_helpers import kpu_ri_553

    ri, _ = kpu_ri_553(awalan="bench", per_satker=2)
    klien.force_login(ri)
    nasional = ukur(553 * 2)
    nasional["item"] = f"{553 * 2:,} (553 satker, KPU RI)"

    def baris(u):
        return (
            f"| {u['item'] if isinstance(u['item'], str) else format(u['item'], ',')} "
            f"| {u['kueri']} | {u['baris']} "
            f"| {u['p50']:.1f} ms | {u['p95']:.1f} ms |"
        )

    teks = f"""
Tugas saya sebagai Kasubbag Hukum & SDM satu satker; item terbuka setengah
permohonan pengunggahan (menunggu disposisi), setengah penyusunan keputusan
(menunggu verifikasi muatan). Basis data: {mesin_db}. {ULANG} permintaan per ukuran,
klien uji Django (tanpa jaringan).

| item terbuka | kueri per halaman | baris di halaman | p50 | p95 |
| --- | --- | --- | --- | --- |
{baris(kecil)}
{baris(besar)}
{baris(nasional)}

Jumlah kueri sama untuk 20 dan 2.000 item: satu UNION atas semua prosedur
mengurutkan dan memotong halaman di basis data, lalu satu kueri per prosedur
yang ada di halaman itu. Baris terakhir: Kasubbag KPU RI yang memegang peran
di ke-553 satker (target < 100 ms, kueri tetap). Satker dengan izin dan rantai
validasi yang sama berbagi satu syarat `satker_id IN (…)`, dan mutu baku
dimuat hanya untuk satker baris di halaman.
"""
    from bench.hasil import tulis_bagian

    tulis_bagian(f"Tugas saya lintas prosedur, 2.000 item ({mesin_db})", teks)
    print(teks)


def _persen(nilai, p):
    nilai = sorted(nilai)
    return nilai[min(len(nilai) - 1, int(p * len(nilai)))]


def main_db_ada():
    """Tugas saya of one user on an existing database: wall, CPU and DB ms."""
    os.environ.update(
        DATABASE_URL=os.environ["BENCH_TUGAS_DB"],
        DJANGO_SETTINGS_MODULE="jdih.settings",
        DEBUG="false",
        LOG_LEVEL="WARNING",
        SECRET_KEY="bench-" + "x" * 50,
    )
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # No session rows written into the measured database.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    nama = os.environ.get("BENCH_TUGAS_PENGGUNA", "kasubbag.nasional")
    ulang = int(os.environ.get("BENCH_TUGAS_ULANG", "30"))
    User = get_user_model()
    if os.environ.get("BENCH_TUGAS_BUAT_PENGGUNA") == "1":
        from documents.models import Satker
        from tests.tugas_skala_helpers import beri_peran_massal
        from workflow.models import PenugasanPeran

        user, _ = User.objects.get_or_create(
            username=nama, defaults={"first_name": "Kasubbag", "last_name": "Nasional"}
        )
        PenugasanPeran.objects.filter(pengguna=user).delete()
        user.satkeruserobjectpermission_set.all().delete()
        beri_peran_massal(user, list(Satker.objects.all()))
    user = User.objects.get(username=nama)
    klien = Client()
    klien.force_login(user)
    hasil = {}
    for label, url in [("Tugas saya", "/staf/"), ("Semua pekerjaan", "/staf/?lingkup=semua")]:
        klien.get(url, secure=True)
        kueri, dinding, cpu, db = [], [], [], []
        waktu_db = [0.0]

        def hitung(execute, sql, params, many, context, waktu_db=waktu_db):
            mulai = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                waktu_db[0] += time.perf_counter() - mulai

        def catat(execute, sql, params, many, context, kueri=kueri):
            kueri.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(catat):
            respons = klien.get(url, secure=True)
        assert respons.status_code == 200, respons.status_code
        beban_awal = os.getloadavg()
        with connection.execute_wrapper(hitung):
            for _ in range(ulang):
                waktu_db[0] = 0.0
                c0, t0 = time.process_time(), time.perf_counter()
                klien.get(url, secure=True)
                dinding.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
                db.append(waktu_db[0] * 1000)
        if os.environ.get("BENCH_TUGAS_PROFIL"):
            # Apart from the timed requests: the profiler slows what it watches.
            import cProfile

            profil = cProfile.Profile()
            profil.enable()
            for _ in range(10):
                klien.get(url, secure=True)
            profil.disable()
            profil.dump_stats(os.environ["BENCH_TUGAS_PROFIL"] + f".{len(hasil)}")
        hasil[label] = {
            "kueri": len(kueri),
            "total": respons.context["halaman"].paginator.count,
            "baris": len(respons.context["baris"]),
            "bita": len(respons.content),
            "p50": statistics.median(dinding),
            "p95": _persen(dinding, 0.95),
            "cpu": statistics.median(cpu),
            "db": statistics.median(db),
            "beban": (beban_awal, os.getloadavg()),
        }
    satker = len(set(user.penugasan_peran.values_list("satker_id", flat=True)))
    baris = "\n".join(
        f"| {label} | {u['total']:,} | {u['baris']} | {u['kueri']} | {u['p50']:.1f} ms "
        f"| {u['p95']:.1f} ms | {u['cpu']:.1f} ms | {u['db']:.1f} ms | {u['bita'] / 1024:.0f} KiB "
        f"| {u['beban'][0][0]:.2f} → {u['beban'][1][0]:.2f} |"
        for label, u in hasil.items()
    )
    teks = f"""
Pengguna `{nama}` dengan peran di {satker} satker, basis data
`{connection.settings_dict["NAME"]}` ({connection.vendor}, data `buat_data_skala`).
{ulang} permintaan per halaman lewat klien uji Django (tanpa jaringan, sesi cookie
bertanda tangan). CPU = waktu CPU proses Django (tanpa proses PostgreSQL); DB = waktu
tunggu kueri di proses ini. Beban = load average 1 menit di awal → akhir pengukuran
(2 core dipakai bersama helper lain: waktu dinding naik karena antrean CPU).

| halaman | item | baris | kueri | p50 | p95 | CPU p50 | DB p50 | HTML | beban |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
{baris}
"""
    from bench.hasil import tulis_bagian

    tulis_bagian(f"Tugas saya pengguna KPU RI, basis data yang ada ({connection.vendor})", teks)
    print(teks)


if __name__ == "__main__":
    if os.environ.get("BENCH_TUGAS_DB"):
        main_db_ada()
    else:
        main()
