"""The full JDIHN feed at 10,000 and 100,000 products, PostgreSQL and SQLite.

    .venv/bin/python bench/bench_jdihn.py

PostgreSQL: BENCH_JDIHN_DB (default
postgres://postgres@127.0.0.1:5432/jdih_bench_jdihn -- dropped and re-created),
handed to Django as DATABASE_URL. SQLite: a file in a temporary folder.
BENCH_JDIHN_BASIS=postgresql,sqlite and BENCH_JDIHN_TAHAP=10000,100000
choose what runs.

Each measurement runs in a fresh process (``ukur``) that streams
/integrasi/jdihn.json through the Django test client piece by piece, so its
memory is the feed's alone: RSS before the stream and the peak while it runs
(sampled every 5 ms, and the kernel's high-water mark). Items, bytes and the
products left out come from the harvest-log row the feed itself writes.

Read-only, on an existing database (e.g. the 1,000,000-product `jdih_skala`
built by ``manage.py buat_data_skala``; nothing is created, dropped or
written there):

    BENCH_JDIHN_BACA_DB=postgres://postgres@127.0.0.1:5432/jdih_skala \
        .venv/bin/python bench/bench_jdihn.py

streams the full feed through ``publicsite.jdihn.alirkan`` -- the generator
the view serves, without the harvest-log row the view writes -- in a
read-only session (SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY),
and records time, items/s and memory: RSS before, its peak in the first and
the second half of the stream (flat memory: the second half no higher), and
VmHWM. BENCH_JDIHN_TRACEMALLOC=1 also reports tracemalloc's peak of Python
allocations (slower). A name of its own, not BENCH_JDIHN_DB: that one is
dropped and re-created.
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlparse

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.django_sementara import lingkungan_server  # noqa: E402

DB_PG = os.environ.get("BENCH_JDIHN_DB", "postgres://postgres@127.0.0.1:5432/jdih_bench_jdihn")
BASIS = tuple(os.environ.get("BENCH_JDIHN_BASIS", "postgresql,sqlite").split(","))
TAHAP = tuple(int(n) for n in os.environ.get("BENCH_JDIHN_TAHAP", "10000,100000").split(","))
# One product in TANPA_TANGGAL has no tanggal_penetapan: the feed leaves it
# out and logs it, as it would a real incomplete record.
TANPA_TANGGAL = 997

JENIS = [
    ("Keputusan KPU Kabupaten/Kota", "Kpts KPU Kab/Kota", "peraturan"),
    ("Peraturan KPU", "PKPU", "peraturan"),
    ("Keputusan KPU Provinsi", "Kpts KPU Prov", "peraturan"),
    ("Surat Edaran", "SE", "peraturan"),
    ("Keputusan KPU", "Kpts KPU", "peraturan"),
    ("Instruksi", "Instruksi", "peraturan"),
    ("Monografi Hukum", "MON", "monografi"),
    ("Artikel/Majalah Hukum", "ART", "artikel"),
    ("Putusan", "PTS", "putusan"),
]
BIDANG = ["Hukum Tata Negara", "Hukum Administrasi Negara", "Hukum Keuangan Negara", ""]
SUBJEK = "Pemilu; Daftar Pemilih; Kampanye; Logistik; Badan Ad Hoc; Dana Kampanye".split("; ")


def siapkan(basis):
    folder = Path(os.environ["BENCH_JDIHN_FOLDER"])
    url = DB_PG if basis == "postgresql" else f"sqlite:///{folder / 'bench.sqlite3'}"
    lingkungan_server(folder, url)
    import django

    django.setup()


def buat_basis(basis):
    if basis == "postgresql":
        import psycopg

        url = urlparse(DB_PG)
        nama = url.path.lstrip("/")
        with psycopg.connect(url._replace(path="/postgres").geturl(), autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
            c.execute(f'CREATE DATABASE "{nama}"')
    siapkan(basis)
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _produk(n, satker, jenis, sekarang):
    from documents.models import ProdukHukum, StatusPublikasi

    j = jenis[n % len(jenis)]
    s = satker[n % len(satker)]
    tahun = 2008 + n % 17
    ditetapkan = date(tahun, 1, 1) + timedelta(days=n % 360)
    p = ProdukHukum(
        satker=s,
        jenis=j,
        tipe_dokumen=j.tipe_dokumen,
        judul=f"Penetapan Daftar Pemilih Tetap Pemilihan Umum Nomor Urut {n + 1} Tahun {tahun}",
        teu_badan=s.teu_badan,
        nomor=f"{n + 1}/PL.0{n % 9}-Kpt/{6200 + n % 40}/{tahun}",
        tahun=tahun,
        tempat_penetapan=s.tempat,
        tanggal_penetapan=None if n % TANPA_TANGGAL == 5 else ditetapkan,
        # Most Keputusan are never promulgated; a Peraturan is.
        tanggal_pengundangan=ditetapkan + timedelta(days=3) if n % 4 == 0 else None,
        subjek="; ".join(SUBJEK[n % 6 : n % 6 + 3]),
        abstrak="Menetapkan daftar pemilih tetap.\nMulai berlaku pada tanggal ditetapkan."
        if n % 3
        else "",
        bidang_hukum=BIDANG[n % len(BIDANG)],
        status="berlaku" if n % 7 else "tidak-berlaku",
        status_publikasi=StatusPublikasi.TERBIT,
        diterbitkan_pada=sekarang - timedelta(minutes=n),
    )
    if j.tipe_dokumen == "monografi":
        p.penulis = "Tim Penyusun"
        p.nomor_panggil = f"342.07 KPU {n}"
        p.isbn = "978-0-306-40615-7"
        p.penerbit = "KPU"
        p.tempat_terbit = "Jakarta"
        p.deskripsi_fisik = "xii, 240 hlm.; 21 cm"
        p.nomor_induk_buku = f"B-{n:06d}"
    elif j.tipe_dokumen == "artikel":
        p.penulis = "Penulis Bench"
        p.jurnal = "Jurnal Pemilu dan Demokrasi"
        p.volume = f"Vol. {n % 9 + 1} No. {n % 4 + 1}"
        p.halaman = "45-67"
    elif j.tipe_dokumen == "putusan":
        p.lembaga_peradilan = "Mahkamah Konstitusi"
        p.nomor_perkara = f"{n}/PHPU.D-XXII/{tahun}"
        p.amar = "Menolak permohonan Pemohon untuk seluruhnya."
    return p


def semai(basis, sampai):
    siapkan(basis)
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from documents.models import Jenis, ProdukHukum, Satker, VersiBerkas

    if not Satker.objects.exists():
        for i in range(1, 41):  # save(): the T.E.U. badan is computed there
            Satker.objects.create(
                nama=f"KPU Kabupaten Bench {i}",
                slug=f"satker-{i}",
                tingkat="kabupaten-kota",
                tempat="Sampit",
                zona_waktu=("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")[i % 3],
            )
        Jenis.objects.bulk_create(
            Jenis(nama=n, singkatan=s, tipe_dokumen=t, urutan=i)
            for i, (n, s, t) in enumerate(JENIS)
        )
    satker = list(Satker.objects.order_by("id"))
    jenis = list(Jenis.objects.order_by("id"))
    nama_berkas = "bench/naskah.pdf"
    if not default_storage.exists(nama_berkas):
        default_storage.save(nama_berkas, ContentFile(b"%PDF-1.4\n%%EOF\n"))
    sekarang = timezone.now()
    mulai = ProdukHukum.objects.count()
    for awal in range(mulai, sampai, 5000):
        produk = [
            _produk(n, satker, jenis, sekarang) for n in range(awal, min(awal + 5000, sampai))
        ]
        ProdukHukum.objects.bulk_create(produk, batch_size=1000)
        VersiBerkas.objects.bulk_create(
            (
                VersiBerkas(
                    produk=p,
                    nomor_versi=1,
                    berkas=nama_berkas,
                    sha256=f"{p.pk:064x}",
                    ukuran=20_000,
                    jumlah_halaman=3,
                    status_proses="selesai",
                    # Every tenth product's file is not published yet.
                    diterbitkan_pada=None if i % 10 == 9 else p.diterbitkan_pada,
                )
                for i, p in enumerate(produk)
            ),
            batch_size=1000,
        )
    from django.db import connection

    with connection.cursor() as c:
        c.execute("ANALYZE")


def _kb(kunci):
    for baris in Path("/proc/self/status").read_text().splitlines():
        if baris.startswith(kunci + ":"):
            return int(baris.split()[1])
    return 0


def ukur(basis):
    siapkan(basis)
    from django.test import Client

    from documents.models import ProdukHukum
    from publicsite.models import PanenJDIHN

    klien = Client()
    # Warm up imports, URL resolver, templates of the error pages, the
    # connection: the baseline is a process ready to serve.
    for _ in klien.get("/satker-1/integrasi/jdihn.json").streaming_content:
        pass
    jumlah_produk = ProdukHukum.objects.count()
    awal = _kb("VmRSS")
    puncak = [awal]
    berhenti = threading.Event()

    def sampel():
        while not berhenti.is_set():
            puncak.append(_kb("VmRSS"))
            time.sleep(0.005)

    t = threading.Thread(target=sampel, daemon=True)
    t.start()
    mulai = time.perf_counter()
    ukuran = 0
    for potongan in klien.get("/integrasi/jdihn.json").streaming_content:
        ukuran += len(potongan)
    detik = time.perf_counter() - mulai
    berhenti.set()
    t.join()
    panen = PanenJDIHN.objects.filter(satker__isnull=True).latest("waktu")
    assert panen.selesai and panen.jumlah_bita == ukuran, (panen.selesai, panen.jumlah_bita)
    hasil = {
        "produk": jumlah_produk,
        "item": panen.jumlah_item,
        "ditahan": panen.jumlah_dilewati,
        "bita": ukuran,
        "detik": detik,
        "awal_kb": awal,
        "puncak_kb": max(puncak),
        "hwm_kb": _kb("VmHWM"),
        "beban": os.getloadavg()[0],
    }
    print("HASIL " + json.dumps(hasil), flush=True)


def ukur_baca():
    """The full feed from an existing database, read-only (see the module doc)."""
    import tracemalloc

    folder = Path(tempfile.mkdtemp(prefix="jdih-bench-jdihn-baca-"))
    lingkungan_server(folder, os.environ["BENCH_JDIHN_BACA_DB"])
    import django

    django.setup()
    from django.db import connection

    from documents.models import ProdukHukum
    from publicsite.jdihn import Laporan, alirkan, produk_umpan

    with connection.cursor() as c:
        c.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    jumlah_produk = ProdukHukum.objects.count()
    dasar = "https://jdih.kpu.go.id"
    # Warm up: imports, the first chunk's code paths, the connection.
    for _ in zip(range(2), alirkan(produk_umpan()[:1000], dasar), strict=False):
        pass
    jejak = os.environ.get("BENCH_JDIHN_TRACEMALLOC") == "1"
    if jejak:
        tracemalloc.start()
    awal = _kb("VmRSS")
    sampel = []  # (items so far, RSS kB) after each piece
    laporan = Laporan()
    mulai, cpu = time.perf_counter(), time.process_time()
    ukuran = 0
    for potongan in alirkan(produk_umpan(), dasar, laporan):
        ukuran += len(potongan)
        sampel.append((laporan.jumlah_item, _kb("VmRSS")))
    detik = time.perf_counter() - mulai
    cpu = time.process_time() - cpu
    puncak_py = tracemalloc.get_traced_memory()[1] if jejak else None
    separuh = len(sampel) // 2
    hasil = {
        "basis": connection.settings_dict["NAME"],
        "produk": jumlah_produk,
        "item": laporan.jumlah_item,
        "ditahan": laporan.jumlah_dilewati,
        "selesai": laporan.selesai,
        "bita": ukuran,
        "detik": detik,
        "cpu": cpu,
        "awal_kb": awal,
        "puncak_1_kb": max(r for _, r in sampel[: max(separuh, 1)]),
        "puncak_2_kb": max(r for _, r in sampel[separuh:]),
        "hwm_kb": _kb("VmHWM"),
        "tracemalloc_kb": puncak_py // 1024 if puncak_py is not None else None,
        "beban": os.getloadavg()[0],
    }
    print("HASIL " + json.dumps(hasil), flush=True)


def main_baca():
    env = {**os.environ, "PYTHONPATH": str(AKAR)}
    beban_awal = os.getloadavg()[0]
    h = _anak("ukur-baca", env=env)
    from bench.hasil import tulis_bagian

    mb = 1024
    py = f"{h['tracemalloc_kb'] / mb:.1f} MB" if h["tracemalloc_kb"] is not None else "—"
    kolom = [
        ("basis data", h["basis"]),
        ("produk", f"{h['produk']:,}"),
        ("item dikirim", f"{h['item']:,}"),
        ("ditahan", f"{h['ditahan']:,}"),
        ("ukuran", f"{h['bita'] / 1e6:.1f} MB"),
        ("waktu", f"{h['detik']:.1f} s"),
        ("CPU", f"{h['cpu']:.1f} s"),
        ("item/s", f"{h['item'] / h['detik']:,.0f}"),
        ("RSS sebelum", f"{h['awal_kb'] / mb:.0f} MB"),
        ("puncak paruh 1", f"{h['puncak_1_kb'] / mb:.0f} MB"),
        ("puncak paruh 2", f"{h['puncak_2_kb'] / mb:.0f} MB"),
        ("VmHWM", f"{h['hwm_kb'] / mb:.0f} MB"),
        ("tracemalloc puncak", py),
        ("beban", f"{beban_awal:.1f} → {h['beban']:.1f}"),
    ]
    tabel = "\n".join(
        [
            "| " + " | ".join(k for k, _ in kolom) + " |",
            "|" + " --- |" * len(kolom),
            "| " + " | ".join(str(v) for _, v in kolom) + " |",
        ]
    )
    isi = f"""
`BENCH_JDIHN_BACA_DB=postgres://…/{h["basis"]} .venv/bin/python bench/bench_jdihn.py` —
umpan JDIHN penuh dari basis data yang sudah ada (hanya baca: sesi
`TRANSACTION READ ONLY`, tanpa baris log panen), lewat generator yang sama
dengan view (`publicsite.jdihn.alirkan(produk_umpan())`), tanpa HTTP. Memori
datar berarti puncak RSS paruh kedua aliran tidak lebih tinggi daripada paruh
pertama. Beban = load average 1 menit di awal → akhir (2 core dipakai bersama).

{tabel}
"""
    tulis_bagian("Umpan JDIHN penuh dari basis data skala (issue 13)", isi)
    print(isi)


def _anak(*argumen, env):
    hasil = subprocess.run(
        [sys.executable, __file__, *argumen],
        env=env,
        cwd=AKAR,
        capture_output=True,
        text=True,
    )
    if hasil.returncode:
        sys.exit(f"{argumen} gagal:\n{hasil.stdout}\n{hasil.stderr}")
    baris = [b for b in hasil.stdout.splitlines() if b.startswith("HASIL ")]
    return json.loads(baris[-1][6:]) if baris else None


def main():
    semua = {}
    for basis in BASIS:
        folder = Path(tempfile.mkdtemp(prefix=f"jdih-bench-jdihn-{basis}-"))
        env = {**os.environ, "BENCH_JDIHN_FOLDER": str(folder), "PYTHONPATH": str(AKAR)}
        mulai = time.perf_counter()
        _anak("buat", basis, env=env)
        for n in TAHAP:
            print(f"{basis}: menyemai sampai {n} produk ...", flush=True)
            awal = time.perf_counter()
            _anak("semai", basis, str(n), env=env)
            print(f"  {time.perf_counter() - awal:.0f} detik", flush=True)
            semua[(basis, n)] = hasil = _anak("ukur", basis, env=env)
            print(f"  umpan: {hasil}", flush=True)
        print(f"{basis}: {time.perf_counter() - mulai:.0f} detik", flush=True)
    tulis(semua)


def tulis(semua):
    from bench.hasil import tulis_bagian

    def angka(x, d=0):
        # As the other sections: thousands with a dot, decimals with a dot.
        return f"{x:,.{d}f}".replace(",", ".") if d == 0 else f"{x:.{d}f}"

    baris = []
    for (basis, _), h in semua.items():
        mb = 1024
        selisih = (h["puncak_kb"] - h["awal_kb"]) / mb
        baris.append(
            f"| {basis} | {angka(h['produk'])} | {angka(h['item'])} | {angka(h['ditahan'])} "
            f"| {angka(h['bita'] / 1e6, 1)} MB | {angka(h['detik'], 1)} s "
            f"| {angka(h['item'] / h['detik'])} | {angka(h['awal_kb'] / mb)} MB "
            f"| {angka(h['puncak_kb'] / mb)} MB | {angka(selisih, 1)} MB "
            f"| {angka(h['hwm_kb'] / mb)} MB | {h['beban']:.1f} |"
        )
    kepala = (
        "| basis data | produk | item dikirim | ditahan | ukuran | waktu | item/s "
        "| RSS sebelum | RSS puncak | selisih | VmHWM | beban mesin |"
    )
    isi = f"""
`.venv/bin/python bench/bench_jdihn.py` — umpan JDIHN penuh (`/integrasi/jdihn.json`)
dengan bidang baru (tipe dokumen, bidang buku monografi, sumber artikel, nama
berkas abstrak/naskah, URL panen), semua item diperiksa `masalah()` sebelum
dikirim. Katalog: 40 satker (WIB/WITA/WIT), 9 jenis (6 peraturan/keputusan,
monografi, artikel, putusan), 2/3 produk berabstrak, 1/4 diundangkan, 9/10
berkas terbit; satu dari {TANPA_TANGGAL} produk tanpa tanggal penetapan (ditahan dan
dicatat di log panen). Setiap pengukuran di proses baru: klien uji Django
membaca aliran potongan demi potongan (tanpa gunicorn); RSS sebelum aliran,
puncak selama aliran (sampel tiap 5 ms) dan VmHWM proses di akhir. "Beban
mesin" = load average 1 menit di akhir aliran: mesin 2 core ini dipakai
bersama proses lain, jadi item/s adalah batas bawah.

{kepala}
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{chr(10).join(baris)}

Memori datar: selisih puncak pada 100.000 produk tidak lebih besar daripada
pada 10.000 (kursor sisi server di PostgreSQL, `iterator(chunk_size=500)` di SQLite;
keluaran per ~64 KB). Item dihitung di log panen hanya setelah potongannya
diambil server, jadi angka log = yang benar-benar dikirim.
"""
    tulis_bagian("Umpan JDIHN sesuai skema (issue 10)", isi)
    print("Ditulis ke bench/RESULTS.md")


if __name__ == "__main__":
    perintah = sys.argv[1] if len(sys.argv) > 1 else ""
    if perintah == "buat":
        buat_basis(sys.argv[2])
    elif perintah == "semai":
        semai(sys.argv[2], int(sys.argv[3]))
    elif perintah == "ukur":
        ukur(sys.argv[2])
    elif perintah == "ukur-baca":
        ukur_baca()
    elif os.environ.get("BENCH_JDIHN_BACA_DB"):
        main_baca()
    else:
        main()
