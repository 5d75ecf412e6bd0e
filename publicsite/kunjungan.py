"""Visitor statistics without cookies or personal data (issue 12).

What is counted: a public HTML page served to a GET with status 200, not
under the staff area, the admin, the login, the API, static or media files,
the feeds or the downloads, and not requested by an obvious bot (its user
agent names itself one, or is empty).

What is stored in the database, and nothing else:

- KunjunganHalaman: (day, path, views). The path is the URL path without
  its query string, at most 200 characters.
- KunjunganHarian: (day, views, approximate distinct visitors).

What is never stored: no cookie is set or read, no IP address, user agent,
referrer, query string, user or session reaches the database or a log.

Distinct visitors, approximately: the request's address and user agent are
hashed (keyed BLAKE2b) with a salt made at random for the day; the hash is
kept in the cache until the day is over, only to tell "first time today"
from "again". The salt lives in the cache (two days) and in process memory,
never in the database, and a new one is drawn every day, so a hash cannot
be linked to an address, nor one day's visitor to the next day's. With a
per-process cache (no REDIS_URL), each worker process has its own salt and
hashes, so a visitor served by two workers counts twice.

Cost per request: a few string tests, one hash, one ``cache.add`` and a dict
update. The counts wait in process memory and are written with one UPSERT
per table every JDIH_PENGUNJUNG_SIMPAN_DETIK seconds (or when the buffer
holds JDIH_PENGUNJUNG_MAKS_PENYANGGA paths), and when the process exits; a
process killed outright loses at most that interval of counts.
"""

import atexit
import hashlib
import logging
import re
import secrets
import threading
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone

log = logging.getLogger(__name__)

PANJANG_JALUR = 200
# Prefixes that are not public pages, or not pages (files, feeds, API).
AWALAN_DIKECUALIKAN = (
    "/staf/",
    "/admin/",
    "/masuk/",
    "/keluar/",
    "/api/",
    "/static/",
    "/media/",
    "/healthz",
    "/integrasi/",
    "/umpan/",
)
# Path parts of downloads and feeds under /<satker>/.
BAGIAN_DIKECUALIKAN = ("/unduh/", "/pratinjau/", "/lampiran/", "/integrasi/", "/umpan/")
BOT = re.compile(
    r"bot|crawl|spider|slurp|scrap|fetch|preview|monitor|check|curl|wget|httpie|"
    r"python|java/|go-http|okhttp|axios|node-fetch|libwww|headless|lighthouse|pingdom|"
    r"facebookexternalhit|whatsapp|telegram|discord|embedly|feed",
    re.IGNORECASE,
)
GARIS_MIRING = re.compile(r"/{2,}")


def _pengaturan(nama, bawaan):
    return getattr(settings, nama, bawaan)


def hari_ini():
    # The site's own day, whatever zone a staff user's request activated.
    return timezone.localdate(timezone=timezone.get_default_timezone())


def interval_simpan() -> int:
    return _pengaturan("JDIH_PENGUNJUNG_SIMPAN_DETIK", 60)


def jalur_normal(path: str) -> str:
    """The path as counted: no query string (Django's ``path`` has none),
    single slashes, at most PANJANG_JALUR characters."""
    jalur = GARIS_MIRING.sub("/", path or "/")
    return jalur[:PANJANG_JALUR]


def dihitung(request, respons) -> bool:
    if request.method != "GET" or respons.status_code != 200:
        return False
    if getattr(respons, "streaming", False):
        return False
    if not respons.get("Content-Type", "").startswith("text/html"):
        return False
    path = request.path_info
    awalan = tuple(_pengaturan("JDIH_AWALAN_PRIVAT", ())) + AWALAN_DIKECUALIKAN
    if path.startswith(awalan) or any(b in path for b in BAGIAN_DIKECUALIKAN):
        return False
    agen = request.META.get("HTTP_USER_AGENT", "")
    return bool(agen) and BOT.search(agen) is None


class _Penyangga:
    """Counts waiting in process memory for the next write."""

    def __init__(self):
        self.kunci = threading.Lock()
        self.kunci_simpan = threading.Lock()
        self.halaman: dict[tuple, int] = {}
        self.harian: dict = {}  # tanggal -> [views, distinct visitors]
        self.terakhir = time.monotonic()
        self.garam: tuple = (None, b"")
        self.akhir_hari: tuple = (None, 0.0)
        self.dibersihkan = None  # the day old rows were last removed
        self.basis_data = None  # the database the waiting counts belong to

    def catat(self, tanggal, jalur, baru: bool) -> int:
        with self.kunci:
            kunci = (tanggal, jalur)
            self.halaman[kunci] = self.halaman.get(kunci, 0) + 1
            hari = self.harian.setdefault(tanggal, [0, 0])
            hari[0] += 1
            hari[1] += baru
            return len(self.halaman)

    def ambil(self):
        with self.kunci:
            halaman, harian = self.halaman, self.harian
            self.halaman, self.harian = {}, {}
            self.terakhir = time.monotonic()
        return halaman, harian


_penyangga = _Penyangga()


def _garam(tanggal) -> bytes:
    simpan = _penyangga.garam
    if simpan[0] == tanggal:
        return simpan[1]
    kunci = f"pengunjung:garam:{tanggal.isoformat()}"
    garam = cache.get_or_set(kunci, lambda: secrets.token_hex(16), 2 * 86400)
    _penyangga.garam = (tanggal, garam.encode())
    return _penyangga.garam[1]


def _pengunjung_baru(request, tanggal) -> bool:
    """True the first time today this address and user agent are seen (as far
    as this cache knows). Only a salted hash is held, until the day is over."""
    from jdih.jaringan import alamat_klien

    alamat = alamat_klien(request)
    if alamat is None:
        return False
    agen = request.META.get("HTTP_USER_AGENT", "")[:300]
    jejak = hashlib.blake2b(
        f"{alamat}\n{agen}".encode(), key=_garam(tanggal), digest_size=12
    ).hexdigest()
    sisa = max(60, int(_akhir_hari(tanggal) - time.time()) + 60)
    return cache.add(f"pengunjung:u:{tanggal.isoformat()}:{jejak}", 1, sisa)


def _akhir_hari(tanggal) -> float:
    """The Unix time the day ends, worked out once a day."""
    simpan = _penyangga.akhir_hari
    if simpan[0] != tanggal:
        zona = timezone.get_default_timezone()
        besok = datetime.combine(tanggal + timedelta(days=1), datetime.min.time(), tzinfo=zona)
        _penyangga.akhir_hari = simpan = (tanggal, besok.timestamp())
    return simpan[1]


def catat(request) -> None:
    tanggal = hari_ini()
    baru = _pengunjung_baru(request, tanggal)
    banyak = _penyangga.catat(tanggal, jalur_normal(request.path_info), baru)
    if banyak == 1:
        _penyangga.basis_data = connection.settings_dict.get("NAME")
    umur = time.monotonic() - _penyangga.terakhir
    if umur >= interval_simpan() or banyak >= _pengaturan("JDIH_PENGUNJUNG_MAKS_PENYANGGA", 1000):
        simpan()


def simpan(paksa: bool = False) -> None:
    """Write the waiting counts. Waits (unless ``paksa``) while the connection
    is inside a transaction: the counter's writes must not ride along with,
    and be rolled back with, someone else's work. Never raises: a lost count
    is better than a failed page."""
    if not paksa and connection.in_atomic_block:
        return
    if not _penyangga.kunci_simpan.acquire(blocking=False):
        return  # another thread is writing now
    try:
        halaman, harian = _penyangga.ambil()
        if halaman or harian:
            _tulis(halaman, harian)
        _bersihkan()
    except Exception:  # noqa: BLE001 - statistics never break a page
        log.warning("Statistik kunjungan gagal disimpan; hitungan ini dilewati.", exc_info=True)
    finally:
        _penyangga.kunci_simpan.release()


def _tabel(model):
    return connection.ops.quote_name(model._meta.db_table)


def _tulis(halaman, harian):
    from .models import KunjunganHalaman, KunjunganHarian

    th, tj = _tabel(KunjunganHarian), _tabel(KunjunganHalaman)
    with transaction.atomic():
        with connection.cursor() as c:
            if connection.vendor == "postgresql":
                # A counter need not wait for the WAL flush.
                c.execute("SET LOCAL synchronous_commit TO OFF")
            c.executemany(
                f"INSERT INTO {tj} (tanggal, jalur, jumlah) VALUES (%s, %s, %s) "
                f"ON CONFLICT (tanggal, jalur) DO UPDATE "
                f"SET jumlah = {tj}.jumlah + EXCLUDED.jumlah",
                [(t, j, n) for (t, j), n in sorted(halaman.items())],
            )
            c.executemany(
                f"INSERT INTO {th} (tanggal, jumlah, pengunjung) VALUES (%s, %s, %s) "
                f"ON CONFLICT (tanggal) DO UPDATE SET jumlah = {th}.jumlah + EXCLUDED.jumlah, "
                f"pengunjung = {th}.pengunjung + EXCLUDED.pengunjung",
                [(t, n, u) for t, (n, u) in sorted(harian.items())],
            )


def _bersihkan():
    """Once a day per process: per-page rows past the retention go; the
    daily totals stay."""
    sekarang = hari_ini()
    if _penyangga.dibersihkan == sekarang:
        return
    from .models import KunjunganHalaman

    batas = sekarang - timedelta(days=_pengaturan("JDIH_PENGUNJUNG_HARI_RINCIAN", 400))
    KunjunganHalaman.objects.filter(tanggal__lt=batas).delete()
    _penyangga.dibersihkan = sekarang


@atexit.register
def _simpan_saat_keluar():
    # Only into the database the counts were made against: at the end of a
    # test run the connection points back at the real one.
    if _penyangga.halaman and _penyangga.basis_data == connection.settings_dict.get("NAME"):
        try:
            simpan(paksa=True)
        except Exception:  # noqa: BLE001 - the process is ending anyway
            pass


class KunjunganMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        respons = self.get_response(request)
        if _pengaturan("JDIH_PENGUNJUNG_AKTIF", True) and dihitung(request, respons):
            try:
                catat(request)
            except Exception:  # noqa: BLE001 - statistics never break a page
                log.warning("Kunjungan tidak tercatat.", exc_info=True)
        return respons
