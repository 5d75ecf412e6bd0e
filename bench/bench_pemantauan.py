"""The monitoring page (pemantauan) at national scale: KPU RI over every
Satker, a province over its regencies, a regency's own page, and the CSV,
read from an existing database (the scale data of `manage.py
buat_data_skala`); nothing is written to it.

DATABASE_URL=postgres://postgres@127.0.0.1:5432/jdih_skala \
    .venv/bin/python bench/bench_pemantauan.py
(--ulang N: timed runs per page after one warm-up; --tanpa-tulis: print only)
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ulang", type=int, default=10)
    parser.add_argument("--tanpa-tulis", action="store_true")
    parser.add_argument("--catatan", default="", help="Keterangan basis data (asal salinan).")
    args = parser.parse_args()
    if "DATABASE_URL" not in os.environ:
        sys.exit("DATABASE_URL wajib: basis data skala yang sudah terisi (hanya dibaca).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jdih.settings")
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.db.models import Count
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from documents.models import ProdukHukum, Satker
    from pemantauan import views
    from pemantauan.pohon import Lingkup, Pohon
    from publicsite.models import PanenJDIHN
    from workflow.models import STATUS_SELESAI, Permohonan

    settings.ALLOWED_HOSTS = ["*"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    pohon = Pohon()
    semua = set(pohon.simpul)
    ri = next(s for s in pohon.simpul.values() if s.tingkat == Satker.Tingkat.PUSAT)
    # The province with the most regencies, and its regency with the most products.
    prov = max(ri.anak, key=lambda s: len(s.anak))
    jumlah_produk = dict(
        ProdukHukum.objects.filter(satker_id__in=[k.id for k in prov.anak])
        .order_by()
        .values("satker_id")
        .annotate(n=Count("pk"))
        .values_list("satker_id", "n")
    )
    kab = max(prov.anak, key=lambda s: jumlah_produk.get(s.id, 0))
    faktor = RequestFactory()

    def halaman(lingkup, simpul, kueri=""):
        request = faktor.get(f"/staf/pemantauan/{simpul.slug}/{kueri}")
        request.user = AnonymousUser()  # the scope is given: the page, not the login, is timed
        r = views._halaman(request, lingkup, simpul)
        assert r.status_code == 200, r.status_code
        return len(r.content)

    kasus = [
        ("KPU RI (seluruh pohon), halaman", Lingkup(pohon, semua, True), ri, ""),
        ("KPU RI, CSV", Lingkup(pohon, semua, True), ri, "?format=csv"),
        (
            f"Provinsi ({prov.nama}, {len(prov.anak)} kab/kota)",
            Lingkup(pohon, pohon.keturunan(prov.id), False),
            prov,
            "",
        ),
        (
            f"Kabupaten/kota ({kab.nama}), rincian",
            Lingkup(pohon, pohon.keturunan(prov.id), False),
            kab,
            "",
        ),
    ]
    indeks_ada = "—"
    if connection.vendor == "postgresql":
        from pemantauan.indeks import INDEKS

        with connection.cursor() as c:
            c.execute(
                "SELECT count(*) FROM pg_indexes WHERE indexname = ANY(%s)",
                [[nama for nama, _ in INDEKS.values()]],
            )
            indeks_ada = f"{c.fetchone()[0]}/{len(INDEKS)}"
        print(f"indeks parsial pemantauan: {indeks_ada}", flush=True)
    beban = os.getloadavg()
    baris = []
    for nama, lingkup, simpul, kueri in kasus:
        halaman(lingkup, simpul, kueri)  # warm-up
        waktu = []
        for _ in range(args.ulang):
            with CaptureQueriesContext(connection) as q:
                mulai = time.perf_counter()
                ukuran = halaman(lingkup, simpul, kueri)
                waktu.append((time.perf_counter() - mulai) * 1000)
        waktu.sort()
        p95 = waktu[min(len(waktu) - 1, round(0.95 * len(waktu)) - 1)]
        baris.append(
            f"| {nama} | {statistics.median(waktu):.0f} | {p95:.0f} | {len(q)} | "
            f"{ukuran / 1024:.0f} KB |"
        )
        print(baris[-1], flush=True)

    n_produk = ProdukHukum.objects.count()
    n_terbit = ProdukHukum.objects.terbit().count()
    n_buka = Permohonan.objects.exclude(status__in=STATUS_SELESAI).count()
    n_panen = PanenJDIHN.objects.count()
    db = connection.settings_dict
    isi = (
        f"Basis data `{db['NAME']}` ({connection.vendor}"
        + (f"; {args.catatan}" if args.catatan else "")
        + f"): {len(semua)} satker, "
        f"{n_produk:,} produk ({n_terbit:,} terbit), {n_buka} permohonan terbuka, "
        f"{n_panen} catatan panen; indeks parsial pemantauan terpasang: {indeks_ada}. "
        "Fungsi tampilan dipanggil langsung (RequestFactory, "
        f"lingkup sudah ditentukan: tanpa sesi dan middleware), {args.ulang}× per halaman "
        f"setelah satu pemanasan. Beban mesin saat mulai (load average 1/5/15 menit): "
        f"{beban[0]:.2f} / {beban[1]:.2f} / {beban[2]:.2f} — mesin dipakai bersama.\n\n"
        "| halaman | p50 (ms) | p95 (ms) | kueri | ukuran |\n|---|---|---|---|---|\n"
        + "\n".join(baris)
        + "\n\nJumlah kueri tidak bergantung pada jumlah satker (diuji di "
        "tests/test_pemantauan.py dengan 5 dan 50 kabupaten)."
    )
    print(isi)
    if not args.tanpa_tulis:
        from bench.hasil import tulis_bagian

        tulis_bagian("Pemantauan JDIH per pohon satker", isi)


if __name__ == "__main__":
    main()
