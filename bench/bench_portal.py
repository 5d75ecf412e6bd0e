"""Public portal at 100,000 products (PostgreSQL).

    .venv/bin/python bench/bench_portal.py

Needs a local PostgreSQL (BENCH_PORTAL_DB, default
postgres://postgres@127.0.0.1:5432/jdih_bench — dropped and re-created) and
wrk (/usr/bin/wrk, Debian package `wrk`). Everything listens on 127.0.0.1.

Measures:
1. p50/p95 server time of 20 typical searches (in-process, Django test client);
2. requests/s of the detail and search pages under gunicorn, as a ratio to a
   trivial view served in the same run by the same stack;
3. peak RSS of the gunicorn worker while it streams the full JDIHN feed, at
   25,000 and at 100,000 products (flat = streamed).

Targets: search p95 < 100 ms; detail >= 40 % of trivial; feed memory flat.
"""

import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlparse

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.django_sementara import lingkungan_server  # noqa: E402

DB_URL = os.environ.get("BENCH_PORTAL_DB", "postgres://postgres@127.0.0.1:5432/jdih_bench")
TAHAP = tuple(int(n) for n in os.environ.get("BENCH_PORTAL_TAHAP", "25000,100000").split(","))
PORT = int(os.environ.get("BENCH_PORTAL_PORT", "8765"))
WRK = shutil.which("wrk") or "/usr/bin/wrk"
DURASI_WRK = os.environ.get("BENCH_PORTAL_DURASI", "10s")
ULANG_CARI = 5

PENCARIAN = [
    {"q": "pemilih"},
    {"q": "daftar pemilih tetap"},
    {"q": "kampanye"},
    {"q": "dana kampanye"},
    {"q": "penetapan calon"},
    {"q": "rekapitulasi hasil penghitungan"},
    {"q": "badan ad hoc"},
    {"q": "honorarium"},
    {"q": "logistik"},
    {"q": "sengketa"},
    {"q": '"daftar pemilih"'},
    {"q": "pemilihan bupati", "tahun": "2024"},
    {"q": "pemungutan suara", "jenis": "1"},
    {"q": "sosialisasi", "satker": "satker-7"},
    {"q": "tata kerja"},
    {"q": "verifikasi partai politik"},
    {"q": "kotawaringin"},
    {"q": "alat peraga", "urut": "terbaru"},
    {"q": "jadwal tahapan", "status": "berlaku"},
    {"q": "PL.01-Kpt"},
]

KATA_UMUM = (
    "bahwa dalam rangka pelaksanaan tahapan penyelenggaraan pemilihan umum perlu menetapkan "
    "keputusan komisi tentang sebagaimana dimaksud pada huruf mengingat undang-undang nomor "
    "tahun peraturan pemerintah ketentuan pasal ayat lampiran yang merupakan bagian tidak "
    "terpisahkan dari ini mulai berlaku pada tanggal ditetapkan dengan apabila dikemudian hari "
    "terdapat kekeliruan akan diadakan perbaikan sebagaimana mestinya"
).split()
KATA_TOPIK = (
    "pemilih daftar tetap sementara pemutakhiran data kampanye dana laporan penerimaan "
    "pengeluaran calon bupati wakil gubernur walikota anggota dewan perwakilan rakyat daerah "
    "rekapitulasi hasil penghitungan suara pemungutan tempat badan ad hoc panitia pemilihan "
    "kecamatan pemungutan suara kelompok penyelenggara honorarium logistik pengadaan "
    "distribusi surat sengketa proses gugatan sosialisasi pendidikan partisipasi masyarakat "
    "tata kerja organisasi sekretariat verifikasi partai politik peserta alat peraga bahan "
    "jadwal program anggaran hibah naskah perjanjian pengawasan netralitas aparatur "
    "disabilitas pindah memilih pengumuman penetapan pengangkatan pemberhentian antarwaktu"
).split()
WILAYAH = (
    "kotawaringin timur barat sampit payakumbuh sorong selatan kalimantan tengah pontianak "
    "palangka raya katingan seruyan lamandau sukamara gunung mas kapuas barito murung "
    "pulang pisau teluk bintuni manokwari bukittinggi padang agam tanah datar"
).split()
JENIS = [
    ("Keputusan KPU", "Kpts KPU"),
    ("Peraturan KPU", "PKPU"),
    ("Keputusan KPU Provinsi", "Kpts KPU Prov"),
    ("Keputusan KPU Kabupaten/Kota", "Kpts KPU Kab/Kota"),
    ("Surat Edaran", "SE"),
    ("Keputusan Sekretaris Jenderal", "Kpts Sekjen"),
    ("Instruksi", "Instruksi"),
    ("Berita Acara", "BA"),
]
BIDANG = ["Hukum Tata Negara", "Hukum Administrasi Negara", "Hukum Keuangan", "Hukum Pidana"]


def siapkan_basis_data():
    import psycopg

    url = urlparse(DB_URL)
    nama = url.path.lstrip("/")
    admin = url._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{nama}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{nama}"')
    folder = Path(tempfile.mkdtemp(prefix="jdih-bench-portal-"))
    lingkungan_server(folder, DB_URL, settings="bench.portal_settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return folder


def _teks(rng, n_kata):
    kata = rng.choices(KATA_UMUM, k=n_kata // 2)
    kata += rng.choices(KATA_TOPIK, k=n_kata // 3)
    kata += rng.choices(WILAYAH, k=n_kata - len(kata))
    rng.shuffle(kata)
    return " ".join(kata)


def semai(sampai, rng):
    """Grow the catalogue to ``sampai`` published products, each with one
    published version carrying realistic text (bulk_create, then one UPDATE
    per batch for the search index)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.db import connection
    from django.utils import timezone

    from documents.models import Jenis, ProdukHukum, Satker, StatusPublikasi, VersiBerkas
    from documents.pencarian import perbarui_indeks

    if not Satker.objects.exists():
        Satker.objects.bulk_create(
            Satker(
                nama=f"KPU Bench {i}",
                slug=f"satker-{i}",
                tingkat="kabupaten-kota",
                teu_badan=f"Komisi Pemilihan Umum Kabupaten Bench {i}",
                tempat="Sampit",
            )
            for i in range(1, 41)
        )
        Jenis.objects.bulk_create(
            Jenis(nama=n, singkatan=s, urutan=i) for i, (n, s) in enumerate(JENIS)
        )
    satker = list(Satker.objects.order_by("id"))
    jenis = list(Jenis.objects.order_by("id"))
    nama_berkas = "bench/naskah.pdf"
    if not default_storage.exists(nama_berkas):
        from tests.factories import pdf_bytes

        default_storage.save(nama_berkas, ContentFile(pdf_bytes()))
    sekarang = timezone.now()
    mulai = ProdukHukum.objects.count()
    ukuran = 5000
    for awal in range(mulai, sampai, ukuran):
        produk = []
        for n in range(awal, min(awal + ukuran, sampai)):
            tahun = 2008 + n % 17
            topik = " ".join(rng.sample(KATA_TOPIK, 4))
            produk.append(
                ProdukHukum(
                    satker=satker[n % len(satker)],
                    jenis=jenis[n % len(jenis)],
                    judul=f"Penetapan {topik} {rng.choice(WILAYAH)} tahun {tahun}".title(),
                    teu_badan=satker[n % len(satker)].teu_badan,
                    nomor=f"{n + 1}/PL.0{n % 9}-Kpt/{6200 + n % 40}/{tahun}",
                    tahun=tahun,
                    tempat_penetapan="Sampit",
                    tanggal_penetapan=date(tahun, 1, 1) + timedelta(days=n % 360),
                    subjek=", ".join(rng.sample(KATA_TOPIK, 3)),
                    abstrak=_teks(rng, 40),
                    bidang_hukum=BIDANG[n % len(BIDANG)],
                    status="berlaku" if n % 7 else "tidak-berlaku",
                    status_publikasi=StatusPublikasi.TERBIT,
                    diterbitkan_pada=sekarang - timedelta(minutes=sampai - n),
                    jumlah_unduhan=rng.randint(0, 500),
                )
            )
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
                    # ~3 pages of a Keputusan: 350-900 words.
                    teks=_teks(rng, rng.randint(350, 900)),
                    status_proses="selesai",
                    diterbitkan_pada=p.diterbitkan_pada,
                )
                for p in produk
            ),
            batch_size=1000,
        )
        perbarui_indeks([p.pk for p in produk])
        print(f"  {awal + len(produk):>7} produk", flush=True)
    with connection.cursor() as c:
        c.execute("VACUUM ANALYZE documents_produkhukum")
        c.execute("VACUUM ANALYZE documents_versiberkas")


def ukur_pencarian():
    from django.test import Client

    from publicsite.forms import CariForm
    from publicsite.selectors import cari_produk

    klien = Client()
    per_kueri, semua = [], []
    for params in PENCARIAN:
        respons = klien.get("/cari/", params)  # warm the plan and the caches
        assert respons.status_code == 200, respons.status_code
        jumlah = cari_produk(CariForm(params).kriteria()).count()
        waktu = []
        for _ in range(ULANG_CARI):
            mulai = time.perf_counter()
            klien.get("/cari/", params)
            waktu.append((time.perf_counter() - mulai) * 1000)
        semua += waktu
        per_kueri.append((params, jumlah, statistics.median(waktu)))
    semua.sort()
    p95 = semua[max(0, round(0.95 * len(semua)) - 1)]
    return statistics.median(semua), p95, per_kueri


class Gunicorn:
    def __init__(self, folder, workers):
        self.folder, self.workers = folder, workers

    def __enter__(self):
        self.proses = subprocess.Popen(
            [
                str(AKAR / ".venv/bin/gunicorn"),
                "jdih.wsgi:application",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                str(self.workers),
                "--control-socket",
                str(self.folder / "gunicorn.ctl"),
                "--access-logfile",
                "-" if os.environ.get("BENCH_PORTAL_LOG") else "/dev/null",
                "--log-level",
                "warning",
            ],
            cwd=AKAR,
            env={**os.environ, "PYTHONPATH": str(AKAR)},
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/__trivial/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn tidak mulai")
        return self

    def pekerja(self):
        anak = Path(f"/proc/{self.proses.pid}/task/{self.proses.pid}/children").read_text()
        return [int(p) for p in anak.split()]

    def __exit__(self, *exc):
        self.proses.send_signal(signal.SIGTERM)
        self.proses.wait(timeout=30)


def wrk(url_list, folder, nama):
    skrip = folder / f"{nama}.lua"
    daftar = ",".join(f'"{u}"' for u in url_list)
    skrip.write_text(
        f"local u = {{{daftar}}}\nlocal i = 0\n"
        "request = function()\n  i = i % #u + 1\n  return wrk.format('GET', u[i])\nend\n"
    )
    hasil = subprocess.run(
        [WRK, "-t2", "-c8", f"-d{DURASI_WRK}", "-s", str(skrip), f"http://127.0.0.1:{PORT}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(next(b for b in hasil.splitlines() if b.startswith("Requests/sec")).split()[1])
    non2xx = next((b for b in hasil.splitlines() if "Non-2xx" in b), "")
    if non2xx:
        raise RuntimeError(f"{nama}: {non2xx}")
    return rps


def ukur_throughput(folder):
    from documents.models import ProdukHukum

    detail = [
        p.get_absolute_url()
        for p in ProdukHukum.objects.select_related("satker", "jenis").order_by("?")[:200]
    ]
    cari = ["/cari/?" + urlencode(p) for p in PENCARIAN]
    with Gunicorn(folder, workers=2):
        for u in detail[:5] + cari[:5]:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}{u}").read()
        return {
            "trivial": wrk(["/__trivial/"], folder, "trivial"),
            # First run: every URL is rendered once per worker (cache cold);
            # the second run is the steady state the page cache gives.
            "detail_dingin": wrk(detail, folder, "detail"),
            "detail": wrk(detail, folder, "detail"),
            "cari": wrk(cari, folder, "cari"),
        }


def _rss_kb(pid, kunci="VmRSS"):
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith(kunci + ":"):
            return int(baris.split()[1])
    return 0


def ukur_umpan(folder):
    """Peak RSS of the single worker while it streams the whole feed."""
    with Gunicorn(folder, workers=1) as g:
        (pid,) = g.pekerja()
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}/").read()
        awal = _rss_kb(pid)
        puncak = [awal]
        selesai = threading.Event()

        def sampel():
            while not selesai.is_set():
                puncak.append(_rss_kb(pid))
                time.sleep(0.02)

        t = threading.Thread(target=sampel)
        t.start()
        mulai = time.perf_counter()
        ukuran = 0
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/integrasi/jdihn.json") as r:
            while potongan := r.read(1 << 16):
                ukuran += len(potongan)
        durasi = time.perf_counter() - mulai
        selesai.set()
        t.join()
        return {"awal": awal, "puncak": max(puncak), "mb": ukuran / 1e6, "detik": durasi}


def main():
    if not Path(WRK).exists():
        sys.exit("wrk tidak ditemukan (apt-get install wrk).")
    folder = siapkan_basis_data()
    rng = random.Random(4)
    umpan = {}
    for n in TAHAP:
        print(f"Menyemai sampai {n} produk ...", flush=True)
        mulai = time.perf_counter()
        semai(n, rng)
        print(f"  selesai dalam {time.perf_counter() - mulai:.0f} detik", flush=True)
        umpan[n] = ukur_umpan(folder)
        print(f"  umpan JDIHN: {umpan[n]}", flush=True)

    p50, p95, per_kueri = ukur_pencarian()
    print(f"Pencarian: p50 {p50:.1f} ms, p95 {p95:.1f} ms", flush=True)
    rps = ukur_throughput(folder)
    print(f"Throughput: {rps}", flush=True)

    baris_kueri = "\n".join(
        f"| `{urlencode(p)}` | {jumlah:,} | {median:.1f} |".replace(",", ".")
        for p, jumlah, median in per_kueri
    )
    baris_umpan = "\n".join(
        f"| {n:,} | {u['mb']:.1f} MB | {u['detik']:.1f} s | {u['awal'] / 1024:.0f} MB "
        f"| {u['puncak'] / 1024:.0f} MB | {(u['puncak'] - u['awal']) / 1024:.1f} MB |".replace(
            ",", "."
        )
        for n, u in umpan.items()
    )
    dingin = f"{rps['detail_dingin']:.0f} | {rps['detail_dingin'] / rps['trivial']:.0%}"
    hangat = f"{rps['detail']:.0f} | {rps['detail'] / rps['trivial']:.0%}"
    isi = f"""
`.venv/bin/python bench/bench_portal.py` — PostgreSQL 15 (`{urlparse(DB_URL).path.lstrip("/")}`),
{TAHAP[-1]:,} produk hukum terbit, masing-masing satu versi PDF terbit dengan teks
350–900 kata (indeks GIN `indonesian`, bobot A–D). gunicorn sync, 2 pekerja, di
127.0.0.1; wrk 2 utas, 8 koneksi, {DURASI_WRK} per halaman.

**Pencarian** — 20 pencarian khas, masing-masing {ULANG_CARI}× setelah pemanasan,
waktu server (klien uji Django, termasuk render templat):
p50 **{p50:.1f} ms**, p95 **{p95:.1f} ms** (target p95 < 100 ms).

| kueri | hasil (relevansi: jendela maks. 1.000) | median (ms) |
| --- | ---: | ---: |
{baris_kueri}

**Throughput** (permintaan/detik, run yang sama):

| halaman | req/s | rasio terhadap view trivial |
| --- | ---: | ---: |
| view trivial (`/__trivial/`) | {rps["trivial"]:.0f} | 100 % |
| detail produk (200 URL bergiliran), cache dingin: run pertama | {dingin} |
| detail produk (200 URL bergiliran), cache hangat: run kedua | {hangat} |
| pencarian (20 kueri bergiliran) | {rps["cari"]:.0f} | {rps["cari"] / rps["trivial"]:.0%} |

Target detail ≥ 40 % dari view trivial (keadaan tunak: cache hangat). Cache di
sini LocMemCache per pekerja, jadi pada run pertama setiap URL dirender sekali
oleh setiap pekerja (2 × 200 render penuh).

**Umpan JDIHN penuh** (`/integrasi/jdihn.json`, dialirkan), RSS pekerja gunicorn tunggal:

| produk | ukuran | waktu | RSS sebelum | RSS puncak | selisih |
| ---: | ---: | ---: | ---: | ---: | ---: |
{baris_umpan}

Memori datar: selisih puncak tidak tumbuh bersama katalog (kursor sisi server,
potongan 500 baris, keluaran per ~64 KB).

Catatan: relevansi diperingkat dengan vektor metadata yang kecil
(`search_metadata`); jendela 1.000 kecocokan terbaru dibaca sekali untuk
hitungan dan halaman. Frasa (`"daftar pemilih"`) hanya bisa cocok di metadata,
jadi kandidatnya diambil dari indeks GIN `search_metadata` lebih dulu (paling
banyak 5.000), bukan memeriksa vektor besar setiap produk yang memuat kedua
kata. Saringan `tahun`, `jenis`, `satker` punya indeks parsial (saringan,
`diterbitkan_pada`). Halaman detail dirender sekali per perubahan produk
(`diubah_pada`) dan disimpan di cache (LocMemCache per proses di sini); setiap
permintaan tetap satu kueri `UPDATE … RETURNING` yang menghitung kunjungan
sekaligus memeriksa status terbit. View trivial tidak menyentuh basis data sama
sekali.
""".replace("100,000", "100.000").replace("25,000", "25.000")
    from bench.hasil import tulis_bagian

    tulis_bagian("Portal publik (issue 4)", isi)
    print("Ditulis ke bench/RESULTS.md")


if __name__ == "__main__":
    main()
