"""Issue 11, item 3: memory of a web worker during a 300 MB upload.

    .venv/bin/python bench/bench_unggahan.py

gunicorn (one sync worker) on 127.0.0.1 with a SQLite database in a temporary
folder; a Pengelola's session on the real prepare page (`/staf/permohonan/<id>/
siapkan/`). A scan-like PDF of 300 MB (JPEG pages) is written to disk and sent
by a streaming client (http.client, block by block, with Content-Length), so
the client holds no copy either. The worker's RSS is read from /proc every
5 ms: before (after a warm-up upload of a small file, so code and libraries are
loaded), its peak during the request, and VmHWM at the end.

1. accepted: JDIH_MAKS_UKURAN_PDF raised to 400 MB, the file goes through
   parsing (to a temporary file on disk), the intake checks (hash, pypdf,
   decompression count, PDFium) and storage (a rename), and a new version.
2. refused: the default 50 MB limit, refused 413 from its Content-Length.

Target: the worker grows by no more than ~20 MB.
"""

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(AKAR))

from bench.django_sementara import lingkungan_server  # noqa: E402


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# Other benchmarks may hold their own fixed ports at the same time.
PORT = int(os.environ.get("BENCH_UNGGAH_PORT") or _port_bebas())
UKURAN = int(os.environ.get("BENCH_UNGGAH_MB", "300")) * 1024 * 1024
BATAS_DITERIMA = 400 * 1024 * 1024
MiB = 1024 * 1024


def siapkan(folder: Path):
    # The setup here processes at once; the server only queues (no worker runs).
    lingkungan_server(folder, f"sqlite:///{folder / 'bench.sqlite3'}", hosts="127.0.0.1,localhost")
    import django

    django.setup()
    from django.core.management import call_command
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client
    from django.urls import reverse

    call_command("migrate", verbosity=0)
    from tests.alur_helpers import ajukan, buat_tim, majukan
    from workflow.models import Status

    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    klien = Client()
    klien.force_login(tim.pengelola)
    del os.environ["JDIH_TASKS_BACKEND"]
    return {
        "url": reverse("workflow:siapkan", args=[p.pk]),
        "sesi": klien.cookies["sessionid"].value,
        "csrf": _get_new_csrf_string(),
        "produk": p.produk_id,
    }


class Gunicorn:
    def __init__(self, batas: int | None):
        self.env = {**os.environ, "PYTHONPATH": str(AKAR)}
        if batas:
            self.env["JDIH_MAKS_UKURAN_PDF"] = str(batas)

    def __enter__(self):
        self.proses = subprocess.Popen(
            [
                str(AKAR / ".venv/bin/gunicorn"),
                "jdih.wsgi:application",
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                "1",
                "--timeout",
                "300",
                "--log-level",
                "warning",
            ],
            env=self.env,
            cwd=AKAR,
        )
        for _ in range(200):
            try:
                koneksi = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
                koneksi.request("GET", "/__tidak_ada__")
                koneksi.getresponse().read()
                break
            except OSError:
                time.sleep(0.1)
        anak = Path(f"/proc/{self.proses.pid}/task/{self.proses.pid}/children").read_text()
        if self.proses.poll() is not None or not anak.split():
            raise SystemExit(f"gunicorn tidak berjalan di port {PORT}")
        self.pekerja = int(anak.split()[0])
        return self

    def __exit__(self, *exc):
        self.proses.terminate()
        self.proses.wait(timeout=30)


def rss(pid: int, medan: str = "VmRSS") -> int:
    teks = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{medan}:\s+(\d+) kB", teks, re.M).group(1)) * 1024


class Pengamat(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.puncak, self.berhenti = pid, 0, threading.Event()

    def run(self):
        while not self.berhenti.is_set():
            try:
                self.puncak = max(self.puncak, rss(self.pid))
            except (OSError, AttributeError):
                return
            time.sleep(0.005)


def unggah(info, jalur: Path) -> tuple[int, float, str]:
    """POST ``jalur`` as the prepare page's file, block by block; the status
    (0 when the connection was cut before an answer), seconds, and a note."""
    batas = "----benchjdih" + os.urandom(8).hex()
    bagian = []
    for nama, nilai in [("csrfmiddlewaretoken", info["csrf"]), ("unggah_berkas", "1")]:
        bagian.append(
            f'--{batas}\r\nContent-Disposition: form-data; name="{nama}"\r\n\r\n{nilai}\r\n'
        )
    bagian.append(
        f'--{batas}\r\nContent-Disposition: form-data; name="berkas"; '
        f'filename="{jalur.name}"\r\nContent-Type: application/pdf\r\n\r\n'
    )
    depan, belakang = "".join(bagian).encode(), f"\r\n--{batas}--\r\n".encode()
    panjang = len(depan) + jalur.stat().st_size + len(belakang)
    koneksi = http.client.HTTPConnection("127.0.0.1", PORT, timeout=300)
    mulai = time.perf_counter()
    terkirim = 0
    try:
        koneksi.putrequest("POST", info["url"])
        koneksi.putheader("Content-Type", f"multipart/form-data; boundary={batas}")
        koneksi.putheader("Content-Length", str(panjang))
        koneksi.putheader("Cookie", f"sessionid={info['sesi']}; csrftoken={info['csrf']}")
        koneksi.endheaders()
        koneksi.send(depan)
        with jalur.open("rb") as f:
            while blok := f.read(MiB):
                koneksi.send(blok)
                terkirim += len(blok)
        koneksi.send(belakang)
        catatan = "seluruh badan terkirim"
    except (BrokenPipeError, ConnectionResetError):
        catatan = f"koneksi diputus server setelah {terkirim / MiB:.0f} MB terkirim"
    try:
        respons = koneksi.getresponse()
        respons.read()
        status = respons.status
    except (ConnectionResetError, http.client.HTTPException, OSError):
        status = 0
    return status, time.perf_counter() - mulai, catatan


def ukur(info, jalur_kecil, jalur_besar, batas) -> dict:
    with Gunicorn(batas) as server:
        status_hangat, _, _ = unggah(info, jalur_kecil)
        assert status_hangat == 302, status_hangat
        sebelum = rss(server.pekerja)
        pengamat = Pengamat(server.pekerja)
        pengamat.start()
        status, detik, catatan = unggah(info, jalur_besar)
        pengamat.berhenti.set()
        pengamat.join()
        return {
            "status": status,
            "detik": detik,
            "catatan": catatan,
            "sebelum": sebelum,
            "puncak": max(pengamat.puncak, sebelum),
            "hwm": rss(server.pekerja, "VmHWM"),
        }


def main():
    folder = Path(tempfile.mkdtemp(prefix="jdih-bench-unggah-"))
    try:
        info = siapkan(folder)
        from django.conf import settings

        from bench.hasil import tulis_bagian
        from documents.models import VersiBerkas
        from tests.test_unggahan_batas import tulis_pdf_pindaian

        kecil, besar = folder / "kecil.pdf", folder / "besar.pdf"
        tulis_pdf_pindaian(kecil, MiB)
        tulis_pdf_pindaian(besar, UKURAN)
        ukuran = besar.stat().st_size

        diterima = ukur(info, kecil, besar, BATAS_DITERIMA)
        versi = VersiBerkas.objects.filter(produk_id=info["produk"]).order_by("-nomor_versi")[0]
        assert diterima["status"] == 302 and versi.ukuran == ukuran, (diterima, versi.ukuran)
        kecil2 = folder / "kecil2.pdf"
        tulis_pdf_pindaian(kecil2, MiB)
        ditolak = ukur(info, kecil2, besar, None)
        assert ditolak["status"] in (413, 0), ditolak
        sisa = [f for f in Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir() if f.is_file()]

        def mb(n):
            return f"{n / MiB:.0f} MB"

        def baris(nama, h):
            selisih = h["puncak"] - h["sebelum"]
            return (
                f"| {nama} | {h['status'] or 'diputus'} | {h['detik']:.1f} s | {mb(h['sebelum'])} "
                f"| {mb(h['puncak'])} | **{selisih / MiB:.1f} MB** | {mb(h['hwm'])} "
                f"| {'ya' if selisih <= 20 * MiB else 'TIDAK'} | {h['catatan']} |"
            )

        isi = f"""
`.venv/bin/python bench/bench_unggahan.py` — gunicorn (1 pekerja sync) di 127.0.0.1,
SQLite, sesi Pengelola pada halaman Siapkan yang sebenarnya. PDF mirip pindaian
{mb(ukuran)} (halaman JPEG) dikirim klien `http.client` per blok 1 MB dengan
Content-Length. RSS pekerja dibaca dari `/proc` tiap 5 ms; "sebelum" = setelah satu
unggahan pemanasan 1 MB (kode dan pustaka sudah termuat). Pemrosesan (teks, OCR,
thumbnail) hanya diantrekan: itu kerja worker, bukan pekerja web.

| kasus | status | waktu | RSS sebelum | RSS puncak | selisih | VmHWM | ≤ 20 MB | catatan |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |
{baris(f"diterima (batas {mb(BATAS_DITERIMA)})", diterima)}
{baris("ditolak (batas bawaan 50 MB)", ditolak)}

Diterima: badan multipart dialirkan ke berkas sementara di `var/unggahan`
(FILE_UPLOAD_MAX_MEMORY_SIZE 256 KB), SHA-256 dihitung per blok, pypdf dan PDFium
membaca berkas di tempatnya, isi terkompresi dihitung per blok, lalu berkas
dipindahkan (rename) ke media. Ditolak: 413 dari Content-Length sebelum badan
dibaca. Berkas sementara yang tertinggal: {len(sisa)}.
"""
        tulis_bagian("Unggahan 300 MB: memori pekerja web (issue 11)", isi)
        print(isi)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
