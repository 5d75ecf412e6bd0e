"""Issue 13, item 2: several nodes behind nginx share everything through
PostgreSQL, Redis and S3, and losing one loses nothing.

The real cluster of `make cluster` (deploy/klaster.sh) on free loopback
ports: nginx, gunicorn nodes a and b (each with its own var/ and media
folder, so nothing can pass between them on disk), two task workers, moto's
S3 server; against the PostgreSQL (a fresh database cloned from a migrated
template) and the Redis (a db number of its own) of this machine.
"""

import hashlib
import os
import pickle
import signal
import socket
import subprocess
import threading
import time
from pathlib import Path

import psycopg
import pytest
import redis
import requests

from tests.alur_helpers import nota_pdf_bytes
from tests.factories import pdf_bytes

pytestmark = [
    pytest.mark.klaster,
    pytest.mark.skipif(
        not (Path("/usr/sbin/nginx").exists() or Path("/usr/bin/nginx").exists()),
        reason="nginx belum terpasang (make debian-test memasangnya)",
    ),
]

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_DB = 11
HOST = "127.0.0.1"  # what nginx passes on ($host): the nodes' cache keys agree


def port_bebas(n):
    soket = [socket.socket() for _ in range(n)]
    for s in soket:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in soket]
    for s in soket:
        s.close()
    return ports


def db_templat():
    """A database migrated once per set of migrations; each run clones it
    (a fraction of a second) instead of migrating (a minute on a busy box)."""
    sidik = hashlib.sha256()
    for berkas in sorted(ROOT.glob("*/migrations/*.py")):
        sidik.update(str(berkas.relative_to(ROOT)).encode() + berkas.read_bytes())
    nama = f"jdih_klaster_templat_{sidik.hexdigest()[:12]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as k:
        k.execute("SELECT pg_advisory_lock(4213)")
        try:
            ada = k.execute("SELECT 1 FROM pg_database WHERE datname = %s", [nama]).fetchone()
            if not ada:
                sementara = nama + "_baru"
                k.execute(f'DROP DATABASE IF EXISTS "{sementara}"')
                k.execute(f'CREATE DATABASE "{sementara}"')
                env = {
                    **os.environ,
                    "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{sementara}",
                    "SECRET_KEY": "uji-klaster-migrasi",
                    "DEBUG": "false",
                }
                subprocess.run(
                    [str(ROOT / ".venv/bin/python"), "manage.py", "migrate", "--noinput", "-v0"],
                    cwd=ROOT,
                    env=env,
                    check=True,
                )
                lama = k.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE 'jdih_klaster_templat_%%'"
                    " AND datname <> %s",
                    [sementara],
                ).fetchall()
                for (usang,) in lama:
                    k.execute(f'DROP DATABASE IF EXISTS "{usang}" WITH (FORCE)')
                k.execute(f'ALTER DATABASE "{sementara}" RENAME TO "{nama}"')
        finally:
            k.execute("SELECT pg_advisory_unlock(4213)")
    return nama


class Klaster:
    def __init__(self, folder, ports, db):
        self.folder = folder
        self.nginx, self.a, self.b, self.s3 = ports
        self.db = db
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "S3_", "JDIH_", "KLASTER_"))
            and k not in {"DEBUG", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "MEDIA_ROOT"}
        }
        self.env.update(
            KLASTER_DIR=str(folder),
            KLASTER_PORT_NGINX=str(self.nginx),
            KLASTER_PORT_A=str(self.a),
            KLASTER_PORT_B=str(self.b),
            KLASTER_PORT_S3=str(self.s3),
            KLASTER_PEKERJA="2",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{db}",
            REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
            S3_BUCKET=f"jdih-uji-{os.getpid()}",
            WEB_CONCURRENCY="1",
            # A dead worker's version is noticed within seconds, not minutes.
            JDIH_PEMROSESAN_SEWA="3",
            JDIH_OCR_PARALEL="1",
        )

    def skrip(self, *arg, **kw):
        return subprocess.run(
            [str(ROOT / "deploy/klaster.sh"), *arg],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            **kw,
        )

    def di_node(self, node, langkah, *arg):
        """A step of tests.klaster_helpers with ``node``'s environment."""
        import json

        try:
            keluaran = self.skrip(
                "sebagai",
                node,
                str(ROOT / ".venv/bin/python"),
                "-m",
                "tests.klaster_helpers",
                langkah,
                *map(str, arg),
            ).stdout
        except subprocess.CalledProcessError as exc:
            pytest.fail(f"{langkah} di node {node} gagal:\n{exc.stderr[-3000:]}")
        return json.loads(keluaran.strip().splitlines()[-1])

    def url(self, port, path):
        return f"http://127.0.0.1:{port}{path}"

    def pid(self, nama):
        return int((self.folder / "run" / f"{nama}.pid").read_text())


@pytest.fixture(scope="module")
def klaster(tmp_path_factory):
    templat = db_templat()
    db = f"jdih_klaster_uji_{os.getpid()}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as k:
        k.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        k.execute(f'CREATE DATABASE "{db}" TEMPLATE "{templat}"')
    redis.Redis(db=REDIS_DB).flushdb()
    kl = Klaster(tmp_path_factory.mktemp("klaster"), port_bebas(4), db)
    try:
        kl.skrip("start", timeout=300)
    except subprocess.CalledProcessError as exc:
        kl.skrip("stop")
        pytest.fail(f"klaster tidak dapat dimulai:\n{exc.stdout}\n{exc.stderr}")
    yield kl
    kl.skrip("stop", timeout=120)
    with psycopg.connect(PG_ADMIN, autocommit=True) as k:
        k.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    redis.Redis(db=REDIS_DB).flushdb()


@pytest.fixture(scope="module")
def terbit(klaster):
    """A product whose PDF the Pengusul uploaded through node a's form (a real
    multipart POST to a's port), then published by its staff on a's side."""
    tim = klaster.di_node("a", "siapkan_tim")
    sesi = requests.Session()
    masuk = klaster.url(klaster.a, "/masuk/")
    sesi.get(masuk)
    r = sesi.post(
        masuk,
        data={
            "username": tim["pengusul"],
            "password": tim["kata_sandi"],
            "csrfmiddlewaretoken": sesi.cookies["csrftoken"],
        },
        allow_redirects=False,
    )
    assert r.status_code == 302, r.text[:500]
    baru = klaster.url(klaster.a, "/staf/permohonan/baru/")
    sesi.get(baru)
    naskah = pdf_bytes(judul="Penetapan Rekapitulasi Klaster Node A")
    r = sesi.post(
        baru,
        data={
            "csrfmiddlewaretoken": sesi.cookies["csrftoken"],
            "satker": tim["satker"],
            "jenis": tim["jenis"],
            "nomor": "7/PL.02-Kpt/2024",
            "tahun": "2024",
            "judul": "Penetapan Rekapitulasi Klaster Node A",
            "nota_nomor": "12/HK.03-ND/2024",
            "nota_tanggal": "2024-03-04",
            "nota_perihal": "Permohonan pengunggahan produk hukum",
            "nota_dari": "Kasubbag Teknis",
            "nota_kepada": "Kasubbag Hukum dan SDM",
        },
        files={
            "berkas": ("naskah.pdf", naskah, "application/pdf"),
            "nota_berkas": ("nota.pdf", nota_pdf_bytes(), "application/pdf"),
        },
        allow_redirects=False,
    )
    assert r.status_code == 302, r.text[:2000]
    assert r.headers["X-JDIH-Node"] == "a"
    permohonan = int(r.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
    produk = klaster.di_node("a", "terbitkan", permohonan)
    assert produk["status_publikasi"] == "terbit"
    return {**produk, "naskah": naskah}


def ambil(port, path, **kw):
    return requests.get(f"http://127.0.0.1:{port}{path}", headers={"Host": HOST}, timeout=30, **kw)


def test_berkas_yang_diunggah_lewat_node_a_diunduh_lewat_node_b(klaster, terbit):
    r = ambil(klaster.b, terbit["unduh"], allow_redirects=False)
    assert r.headers["X-JDIH-Node"] == "b"
    if r.status_code == 302:
        # S3: a short-lived presigned URL, fetched from the object store.
        isi = requests.get(r.headers["Location"], timeout=30).content
    else:
        assert r.status_code == 200, r.status_code
        isi = r.content
    assert hashlib.sha256(isi).hexdigest() == hashlib.sha256(terbit["naskah"]).hexdigest()
    # Neither node kept a copy of its own: the file lives in shared storage.
    for node in ("node-a", "node-b"):
        assert not list((klaster.folder / node / "media").rglob("*.pdf"))


def test_halaman_yang_dicache_node_a_disajikan_node_b(klaster, terbit):
    r = ambil(klaster.a, terbit["detail"])
    assert r.status_code == 200 and r.headers["X-JDIH-Node"] == "a"
    assert terbit["judul"] in r.text

    # The page a rendered sits in the shared Redis. Marked there, it must come
    # back from b as marked: b served a's render instead of making its own.
    r_ = redis.Redis(db=REDIS_DB)
    kunci = [k for k in r_.scan_iter("*detail*") if f":{terbit['pk']}:".encode() in k]
    assert kunci, sorted(r_.scan_iter("*"))[:50]
    tanda = "Ditandai-di-Redis-oleh-uji"
    for k in kunci:
        simpanan = pickle.loads(r_.get(k))
        for nama, nilai in list(simpanan.items()):
            if isinstance(nilai, str) and terbit["judul"] in nilai:
                simpanan[nama] = nilai.replace(terbit["judul"], tanda, 1)
        r_.set(k, pickle.dumps(simpanan, pickle.HIGHEST_PROTOCOL), keepttl=True)

    r = ambil(klaster.b, terbit["detail"])
    assert r.status_code == 200 and r.headers["X-JDIH-Node"] == "b"
    assert tanda in r.text


def _tugas_versi(k, versi):
    return k.execute(
        "SELECT status, worker_ids FROM django_tasks_database_dbtaskresult "
        "WHERE task_path = 'documents.tasks.proses_versi_berkas' "
        "AND args_kwargs -> 'args' ->> 0 = %s ORDER BY enqueued_at",
        [str(versi)],
    ).fetchall()


def test_tugas_pekerja_yang_dimatikan_diselesaikan_pekerja_lain(klaster):
    versi = klaster.di_node("a", "pindaian", 3)["versi"]
    with psycopg.connect(
        klaster.env["DATABASE_URL"].replace("postgres://", "postgresql://"), autocommit=True
    ) as k:
        batas = time.monotonic() + 60
        pemegang = None
        while time.monotonic() < batas and pemegang is None:
            (status,) = k.execute(
                "SELECT status_proses FROM documents_versiberkas WHERE id = %s", [versi]
            ).fetchone()
            berjalan = [w for s, w in _tugas_versi(k, versi) if s == "RUNNING" and w]
            if status == "diproses" and berjalan:
                pemegang = berjalan[-1][-1]
            else:
                time.sleep(0.05)
        assert pemegang in ("pekerja-1", "pekerja-2"), _tugas_versi(k, versi)
        # Mid-OCR: the worker and its tesseract children die at once.
        os.killpg(klaster.pid(pemegang), signal.SIGKILL)

        lain = {"pekerja-1": "pekerja-2", "pekerja-2": "pekerja-1"}[pemegang]
        batas = time.monotonic() + 90
        while time.monotonic() < batas:
            tugas = _tugas_versi(k, versi)
            if tugas[-1][0] in ("SUCCESSFUL", "FAILED"):
                break
            time.sleep(0.2)
        baris = k.execute(
            "SELECT status_proses, pesan_proses, length(teks) FROM documents_versiberkas "
            "WHERE id = %s",
            [versi],
        ).fetchone()
        assert baris[0] == "selesai", baris
        assert baris[2] > 100
        # The dead worker's task stays RUNNING for ever; the sweep queued a
        # new one, and the other worker ran it to the end.
        tugas = _tugas_versi(k, versi)
        assert tugas[0] == ("RUNNING", [pemegang])
        assert tugas[-1] == ("SUCCESSFUL", [lain]), tugas


class Beban:
    """Twelve clients through nginx, each request after the previous one
    (home, a product page, a search, a download), until stopped; every answer
    and every failure is kept with its time and the node that answered."""

    def __init__(self, klaster, terbit):
        self.url = [
            klaster.url(klaster.nginx, p)
            for p in ("/", terbit["detail"], "/cari/?q=rekapitulasi", terbit["unduh"])
        ]
        self.hasil, self.galat = [], []
        self.berhenti = threading.Event()
        self.utas = [threading.Thread(target=self._klien, args=(i,)) for i in range(12)]

    def _klien(self, n):
        sesi = requests.Session()
        while not self.berhenti.is_set():
            url = self.url[n % len(self.url)]
            n += 1
            try:
                r = sesi.get(url, timeout=30, allow_redirects=False)
                self.hasil.append((time.monotonic(), r.status_code, r.headers.get("X-JDIH-Node")))
            except requests.RequestException as exc:
                self.galat.append(repr(exc))

    def __enter__(self):
        for u in self.utas:
            u.start()
        time.sleep(2)
        return self

    def __exit__(self, *exc):
        self.berhenti.set()
        for u in self.utas:
            u.join(60)

    def status(self):
        hitung = {}
        for _, kode, _ in self.hasil:
            hitung[kode] = hitung.get(kode, 0) + 1
        return hitung

    def node(self, dari, sampai=float("inf")):
        return {n for t, _, n in self.hasil if dari < t < sampai}


def test_restart_bergilir_di_tengah_beban_tanpa_permintaan_gagal(klaster, terbit):
    pid_lama = klaster.pid("node-a"), klaster.pid("node-b")
    with Beban(klaster, terbit) as beban:
        klaster.skrip("rolling", timeout=240)
        selesai = time.monotonic()
        time.sleep(2)

    assert not beban.galat, beban.galat[:5]
    # Pages 200, downloads 302 to the object store (200 without S3).
    assert set(beban.status()) <= {200, 302}, beban.status()
    assert (klaster.pid("node-a"), klaster.pid("node-b")) != pid_lama
    assert beban.node(selesai) == {"a", "b"}  # both back in service


def test_node_a_mati_di_tengah_beban_tidak_ada_permintaan_yang_hilang(klaster, terbit):
    with Beban(klaster, terbit) as beban:
        assert beban.node(0) == {"a", "b"}  # both served while a lived
        dibunuh = time.monotonic()
        os.killpg(klaster.pid("node-a"), signal.SIGKILL)
        time.sleep(4)

    assert not beban.galat, beban.galat[:5]
    assert set(beban.status()) <= {200, 302}, beban.status()
    # Every request after the kill was answered, and by b.
    assert beban.node(dibunuh + 0.5) == {"b"}
