"""manage.py buat_data_skala: the national-scale data (553 Satker, N products,
role users, open requests). See documents/skala/ and the README."""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from documents.models import ProdukHukum, Satker, VersiBerkas
from documents.skala import muat


class Command(BaseCommand):
    help = (
        "Membangkitkan data skala nasional: 553 satker KPU (KPU RI, 38 provinsi, "
        "514 kabupaten/kota), N produk hukum terbit beserta berkas dan teksnya, pengguna "
        "per peran, dan permohonan terbuka. PostgreSQL: dimuat dengan COPY."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--produk", type=int, default=0, help="Jumlah produk hukum yang dibangkitkan."
        )
        parser.add_argument(
            "--satker-saja", action="store_true", help="Hanya pohon satker (tanpa produk)."
        )
        parser.add_argument("--seed", type=int, default=13, help="Benih acak (hasil sama).")
        parser.add_argument(
            "--batch", type=int, default=50_000, help="Produk per kelompok COPY (bawaan 50000)."
        )
        parser.add_argument(
            "--permohonan",
            type=int,
            default=None,
            help="Jumlah permohonan terbuka (bawaan: 600 bila --produk diberikan, selain itu 0).",
        )
        parser.add_argument(
            "--kosongkan",
            action="store_true",
            help=(
                "Hapus semua data yang dibuat perintah ini (dan hanya itu); bersama --produk: "
                "hapus dulu, lalu bangkitkan lagi."
            ),
        )
        parser.add_argument(
            "--berkas-saja",
            action="store_true",
            help="Hanya taruh PDF contoh ke penyimpanan bawaan (mis. S3 node lain).",
        )
        parser.add_argument(
            "--laporan",
            default="",
            help="Tulis ringkasan (JSON) ke berkas ini; dibaca bench/bench_data_skala.py.",
        )

    def handle(self, *args, **o):
        if o["batch"] < 1 or o["produk"] < 0:
            raise CommandError("--batch harus ≥ 1 dan --produk ≥ 0.")
        tulis = self.stdout.write
        if o["berkas_saja"]:
            for b in muat.berkas_contoh():
                tulis(f"{b.nama} ({b.jumlah_halaman} halaman, {b.ukuran} bita)")
            return
        mulai = time.monotonic()
        if o["kosongkan"]:
            muat.kosongkan(tulis)
            if not (o["produk"] or o["satker_saja"] or o["permohonan"]):
                return
        satker = muat.muat_satker(tulis)
        if o["satker_saja"]:
            return
        from documents.demo import muat_jenis

        jenis = muat_jenis()
        n = o["produk"]
        if n and ProdukHukum.objects.filter(lokasi=muat.PENANDA_LOKASI).exists():
            raise CommandError(
                "Produk data skala sudah ada di basis data ini. Jalankan dengan --kosongkan "
                "untuk menggantinya."
            )
        hasil = muat.muat_produk(n, satker, jenis, seed=o["seed"], batch=o["batch"], keluaran=tulis)
        permohonan = o["permohonan"] if o["permohonan"] is not None else (600 if n else 0)
        t = time.monotonic()
        from workflow.peran import Peran

        muat.muat_pengguna(satker, muat.SATKER_SEMUA_PERAN, lambda s: list(Peran), tulis)
        muat.muat_permohonan(satker, jenis, permohonan, seed=o["seed"], keluaran=tulis)
        detik_permohonan = time.monotonic() - t
        t = time.monotonic()
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as c:
                c.execute("VACUUM ANALYZE")
        detik_vacuum = time.monotonic() - t
        total = time.monotonic() - mulai
        ringkas = {
            "basis_data": connection.settings_dict["NAME"],
            "vendor": connection.vendor,
            "satker": Satker.objects.count(),
            "produk_dibangkitkan": n,
            "produk_total": ProdukHukum.objects.count(),
            "versi_total": VersiBerkas.objects.count(),
            "permohonan": permohonan,
            "detik_total": round(total, 1),
            "detik_muat_produk": round(hasil.detik_muat, 1),
            "detik_vektor_cari": round(hasil.detik_indeks_cari, 1),
            "detik_indeks": round(hasil.detik_indeks, 1),
            "detik_pengguna_permohonan": round(detik_permohonan, 1),
            "detik_vacuum": round(detik_vacuum, 1),
            "produk_per_detik": round(n / hasil.detik_muat) if hasil.detik_muat else None,
        }
        if connection.vendor == "postgresql":
            with connection.cursor() as c:
                c.execute("SELECT pg_database_size(current_database())")
                ringkas["ukuran_basis_data_bita"] = c.fetchone()[0]
                for nama, tabel in (
                    ("produk", ProdukHukum._meta.db_table),
                    ("versi", VersiBerkas._meta.db_table),
                ):
                    c.execute("SELECT pg_total_relation_size(%s)", [tabel])
                    ringkas[f"ukuran_{nama}_bita"] = c.fetchone()[0]
        tulis(json.dumps(ringkas, ensure_ascii=False))
        if o["laporan"]:
            Path(o["laporan"]).write_text(json.dumps(ringkas, ensure_ascii=False, indent=2))
