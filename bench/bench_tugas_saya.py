"""Tugas saya with 2,000 open items across both procedures (sop 000 requests
and sop 003 drafting): queries per page and response time, against 20 items.

.venv/bin/python bench/bench_tugas_saya.py
(DATABASE_URL=postgres://… to run it on PostgreSQL; a throwaway SQLite file otherwise)
"""

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

    def baris(u):
        return (
            f"| {u['item']:,} | {u['kueri']} | {u['baris']} "
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

Jumlah kueri sama untuk 20 dan 2.000 item: satu UNION atas semua prosedur
mengurutkan dan memotong halaman di basis data, lalu satu kueri per prosedur
yang ada di halaman itu.
"""
    from bench.hasil import tulis_bagian

    tulis_bagian(f"Tugas saya lintas prosedur, 2.000 item ({mesin_db})", teks)
    print(teks)


if __name__ == "__main__":
    main()
