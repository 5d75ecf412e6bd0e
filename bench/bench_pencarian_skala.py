"""Public search at national scale (issue 13): p50/p95 of typical queries
through the real view, before and after the relevance change.

    .venv/bin/python bench/bench_pencarian_skala.py

Reads (never writes) the scale database built by ``manage.py buat_data_skala``
(BENCH_CARI_DB; by default jdih_skala when /tmp/laporan/skala-siap.txt
exists, else jdih_skala_100k, else jdih_hd1). It needs migration
documents.0010 (the exact-match and nomor-sort indexes); without it the
script says so and stops.

Each query is asked through the search view in this process (Django test
client: form, search, count, page, snippets, template) ULANG times after two
warm-up requests. "sebelum" runs the public search code of komit
BENCH_CARI_KOMIT_LAMA (default 5f3c50d, before issue 13) in place of
publicsite.selectors' search; "sesudah" the code in the tree. Both run
against the same database and its indexes. Also reported: where the
oldest published product lands when its judul or its nomor is the query
(the relevance defect: before, only the 1,000 newest matches were ranked).

Writes its section of bench/RESULTS.md and the URLs of the typical queries
to bench/hasil_pencarian_url.txt (for the throughput bench).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from urllib.parse import urlencode

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.django_sementara import lingkungan_server  # noqa: E402

ULANG = int(os.environ.get("BENCH_CARI_ULANG", "15"))
KOMIT_LAMA = os.environ.get("BENCH_CARI_KOMIT_LAMA", "5f3c50d")
# "sesudah" alone skips the old code (minutes at a million products).
FASE = os.environ.get("BENCH_CARI_FASE", "sebelum sesudah").split()
LAPORAN = Path("/tmp/laporan")
URL_BERKAS = AKAR / "bench" / "hasil_pencarian_url.txt"


def pilih_db() -> str:
    if os.environ.get("BENCH_CARI_DB"):
        return os.environ["BENCH_CARI_DB"]
    dasar = "postgres://postgres@127.0.0.1:5432/"
    if (LAPORAN / "skala-siap.txt").exists():
        return dasar + "jdih_skala"
    if (LAPORAN / "skala-100k-siap.txt").exists():
        return dasar + "jdih_skala_100k"
    return dasar + "jdih_hd1"


def kueri_khas():
    """(name, GET params): the typical searches. The title and nomor are
    the oldest published product's, the case relevance used to miss."""
    from documents.models import ProdukHukum

    tertua = (
        ProdukHukum.objects.terbit()
        .exclude(search_vector=None)
        .order_by("diterbitkan_pada", "id")
        .values("pk", "judul", "nomor")
        .first()
    )
    return tertua, [
        ("satu kata", {"q": "kampanye"}),
        ("dua kata", {"q": "dana kampanye"}),
        ("kata umum", {"q": "pemilihan"}),
        ("kata langka", {"q": "wondama"}),
        ("judul persis (produk tertua)", {"q": tertua["judul"]}),
        ("nomor (produk tertua)", {"q": tertua["nomor"]}),
        ("frasa berkutip", {"q": '"daftar pemilih tetap"'}),
        ("kata + saringan tahun", {"q": "pemilihan bupati", "tahun": "2020"}),
        ("kata + urut terbaru", {"q": "rekapitulasi", "urut": "terbaru"}),
        ("tanpa kata, urut nomor", {"urut": "nomor"}),
        ("tanpa kata", {}),
    ]


def pasang_kode_lama():
    """publicsite.selectors' search as it was at KOMIT_LAMA (read with
    ``git show``, nothing in the tree changes)."""
    from publicsite import selectors

    sumber = subprocess.run(
        ["git", "show", f"{KOMIT_LAMA}:publicsite/selectors.py"],
        cwd=AKAR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    lama = types.ModuleType("selectors_lama")
    exec(compile(sumber, "selectors_lama.py", "exec"), lama.__dict__)
    asli = {n: getattr(selectors, n) for n in ("cari_produk", "PaginatorTerbatas", "cuplikan")}
    for n in asli:
        setattr(selectors, n, getattr(lama, n))
    return lambda: [setattr(selectors, n, f) for n, f in asli.items()]


def ukur(client, params, pk_tertua):
    respons = None
    for _ in range(2):
        respons = client.get("/cari/", params)
    waktu = []
    for _ in range(ULANG):
        t = time.perf_counter()
        respons = client.get("/cari/", params)
        waktu.append((time.perf_counter() - t) * 1000)
    assert respons.status_code == 200, respons.status_code
    # What the page showed, read the way the view reads it (not timed).
    from publicsite import selectors
    from publicsite.forms import CariForm

    halaman = selectors.PaginatorTerbatas(
        selectors.cari_produk(
            CariForm(params or None).kriteria() if params else selectors.Kriteria()
        ),
        20,
    ).get_page(1)
    jumlah = halaman.paginator.count
    if getattr(halaman.paginator, "terbatas", False):
        jumlah = f"> {jumlah}"
    ids = [p.pk for p in halaman.object_list]
    posisi = ids.index(pk_tertua) + 1 if pk_tertua in ids else None
    waktu.sort()
    return {
        "p50": statistics.median(waktu),
        "p95": waktu[min(len(waktu) - 1, round(0.95 * (len(waktu) - 1)))],
        "jumlah": jumlah,
        "posisi": posisi,
    }


def main():
    db = pilih_db()
    lingkungan_server(Path(tempfile.mkdtemp(prefix="jdih-bench-cari-")), db)
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from documents.models import ProdukHukum
    from documents.pencarian import INDEKS_JUDUL_TEPAT

    with connection.cursor() as c:
        c.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [INDEKS_JUDUL_TEPAT])
        if c.fetchone() is None:
            sys.exit(
                f"{db}: migrasi documents.0010 belum diterapkan (indeks {INDEKS_JUDUL_TEPAT})."
            )
    jumlah_produk = ProdukHukum.objects.terbit().count()
    tertua, daftar = kueri_khas()
    URL_BERKAS.write_text("".join(f"/cari/?{urlencode(p)}\n" for _n, p in daftar))
    client = Client()
    hasil = {}
    for mode in FASE:
        pulihkan = pasang_kode_lama() if mode == "sebelum" else (lambda: None)
        try:
            for nama, params in daftar:
                hasil[mode, nama] = ukur(client, params, tertua["pk"])
                r = hasil[mode, nama]
                print(f"{mode:8} {nama:32} p50 {r['p50']:6.1f} p95 {r['p95']:6.1f} ms", flush=True)
        finally:
            pulihkan()
    beban = os.getloadavg()
    baris = []
    for nama, params in daftar:
        s, d = hasil.get(("sebelum", nama)), hasil["sesudah", nama]
        posisi = " | "
        if "tertua" in nama:
            dulu = (s["posisi"] or "tidak ada") if s else "—"
            posisi = f" | {dulu} → {d['posisi'] or 'tidak ada'}"
        lama = f"{s['p50']:.0f} / {s['p95']:.0f}" if s else "tidak diukur"
        baris.append(
            f"| {nama} | `{urlencode(params)[:60]}` | {lama} "
            f"| {d['p50']:.0f} / {d['p95']:.0f} | {d['jumlah']}{posisi} |"
        )
    p95_sesudah = max(hasil["sesudah", n]["p95"] for n, _p in daftar)
    from bench.hasil import tulis_bagian

    tulis_bagian(
        "Pencarian pada skala nasional (issue 13)",
        f"""
`bench/bench_pencarian_skala.py` terhadap `{db.rsplit("/", 1)[-1]}`
({jumlah_produk:,} produk terbit), PostgreSQL, lewat view `/cari/` dalam proses
(Django test client: formulir, pencarian, hitungan, halaman, cuplikan, templat),
{ULANG} kali per kueri setelah 2 pemanasan. "Sebelum" = kode pencarian komit
{KOMIT_LAMA} (1.000 kecocokan terbaru yang diperingkat); "sesudah" = kode sekarang.
Keduanya memakai indeks basis data yang sama (termasuk migrasi 0010).
Beban mesin saat diukur (load average 1/5/15 menit): {beban[0]:.1f} / {beban[1]:.1f} /
{beban[2]:.1f} — mesin dipakai bersama, angka bisa lebih tinggi dari mesin khusus.

Produk tertua: id {tertua["pk"]}, judul "{tertua["judul"][:80]}", nomor `{tertua["nomor"]}`.

| kueri | parameter | sebelum p50/p95 ms | sesudah p50/p95 ms | jumlah | posisi tertua |
|---|---|---|---|---|---|
{chr(10).join(baris)}

p95 terburuk sesudah: {p95_sesudah:.0f} ms (target < 100 ms). URL kueri khas untuk bench
throughput: `bench/hasil_pencarian_url.txt`.
""",
    )


if __name__ == "__main__":
    main()
