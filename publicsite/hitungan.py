"""Views and downloads of products, counted in batches.

A public page view must not cost a write: an UPDATE per view makes every
reader of a popular product queue on one row lock and wait for a WAL flush.
So a view (or a download) only adds one to a count waiting outside the
database, and the waiting counts are written together, one
``UPDATE … FROM (VALUES …)`` for all products, at most every
JDIH_HITUNGAN_SIMPAN_DETIK seconds (default 10):

- with REDIS_URL (a shared cache), in one Redis hash: ``HINCRBY`` per view,
  shared by every process of every node; whichever process is due next
  takes the whole hash (``HGETALL`` + ``DEL`` in one MULTI) and writes it;
- otherwise in the process's own memory (like publicsite.kunjungan), written
  by the process itself.

Counts survive: a write that fails puts its counts back; a process ending
normally writes what it holds (atexit); the worker task
``publicsite.tasks.simpan_hitungan`` writes whatever waits. A process killed
outright loses at most its last interval (in-process buffer only: in Redis
the counts wait for the next writer). The page shows the stored count plus
what waits (Redis: every node's; in-process: this process's).

JDIH_HITUNGAN_SIMPAN_DETIK=0 writes every view at once, as before (the
tests of other parts rely on it).
"""

import atexit
import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

log = logging.getLogger(__name__)

# Column -> one-letter code in the waiting counts.
KODE = {"jumlah_dilihat": "d", "jumlah_unduhan": "u"}
KOLOM = {v: k for k, v in KODE.items()}
KUNCI_REDIS = "publik:hitungan:tertunda"
UKURAN_TULIS = 1000  # products per UPDATE statement


def interval() -> int:
    return getattr(settings, "JDIH_HITUNGAN_SIMPAN_DETIK", 10)


def langsung() -> bool:
    """Every view is written at once (the interval is 0)."""
    return interval() <= 0


class _Penyangga:
    """Counts waiting in this process's memory: {(pk, kode): n}."""

    def __init__(self):
        self.kunci = threading.Lock()
        self.kunci_simpan = threading.Lock()
        self.tertunda: dict[tuple[int, str], int] = {}
        self.terakhir = time.monotonic()
        self.basis_data = None  # the database the waiting counts belong to

    def tambah(self, hitungan: dict) -> int:
        with self.kunci:
            n = 0
            for kunci, k in hitungan.items():
                n = self.tertunda[kunci] = self.tertunda.get(kunci, 0) + k
            return n

    def ambil(self) -> dict:
        with self.kunci:
            tertunda, self.tertunda = self.tertunda, {}
            return tertunda


_penyangga = _Penyangga()


def _redis():
    """(client, key) of the shared hash when the default cache is Django's
    RedisCache; None otherwise."""
    klien = getattr(getattr(cache, "_cache", None), "get_client", None)
    if klien is None:
        return None
    kunci = cache.make_and_validate_key(KUNCI_REDIS)
    return klien(kunci, write=True), kunci


def tambah(pk: int, kolom: str) -> None:
    """Count one view (``jumlah_dilihat``) or download (``jumlah_unduhan``) of
    product ``pk``. Never raises: a lost count beats a failed page."""
    try:
        if langsung():
            _tulis({(pk, KODE[kolom]): 1})
            return
        r = _redis()
        if r is not None:
            klien, kunci = r
            klien.hincrby(kunci, f"{KODE[kolom]}:{pk}", 1)
        else:
            _tambah_lokal({(pk, KODE[kolom]): 1})
        _simpan_bila_waktunya()
    except Exception:  # noqa: BLE001 - counting never breaks a page
        log.warning("Hitungan %s produk %s tidak tercatat.", kolom, pk, exc_info=True)


def lihat(pk: int, hitung: bool) -> tuple[int, int]:
    """Count one view of ``pk`` when ``hitung``, and return the views and
    downloads of it that wait unwritten, this one included (one Redis round
    trip). Never raises."""
    try:
        if langsung():
            if hitung:
                _tulis({(pk, "d"): 1})
            return 0, 0
        r = _redis()
        if r is not None:
            klien, kunci = r
            pipa = klien.pipeline(transaction=False)
            if hitung:
                pipa.hincrby(kunci, f"d:{pk}", 1)
            pipa.hmget(kunci, [f"d:{pk}", f"u:{pk}"])
            d, u = pipa.execute()[-1]
            hasil = int(d or 0), int(u or 0)
        else:
            if hitung:
                _tambah_lokal({(pk, "d"): 1})
            hasil = _penyangga.tertunda.get((pk, "d"), 0), _penyangga.tertunda.get((pk, "u"), 0)
        if hitung:
            _simpan_bila_waktunya()
        return hasil
    except Exception:  # noqa: BLE001 - counting never breaks a page
        log.warning("Hitungan dilihat produk %s tidak tercatat.", pk, exc_info=True)
        return 0, 0


def _tambah_lokal(hitungan: dict) -> None:
    _penyangga.tambah(hitungan)
    if _penyangga.basis_data is None:
        _penyangga.basis_data = connection.settings_dict.get("NAME")


def _simpan_bila_waktunya() -> None:
    umur = time.monotonic() - _penyangga.terakhir
    if umur >= interval() or len(_penyangga.tertunda) >= getattr(
        settings, "JDIH_HITUNGAN_MAKS_PENYANGGA", 5000
    ):
        simpan()


def tertunda(pk: int, kolom: str) -> int:
    """How many views/downloads of ``pk`` wait unwritten (as far as this
    process can see)."""
    kode = KODE[kolom]
    r = _redis()
    if r is not None:
        klien, kunci = r
        return int(klien.hget(kunci, f"{kode}:{pk}") or 0)
    return _penyangga.tertunda.get((pk, kode), 0)


def _ambil_redis(r) -> dict:
    klien, kunci = r
    pipa = klien.pipeline(transaction=True)
    pipa.hgetall(kunci)
    pipa.delete(kunci)
    isi, _ = pipa.execute()
    hasil = {}
    for medan, n in isi.items():
        kode, pk = medan.decode().split(":", 1)
        hasil[(int(pk), kode)] = int(n)
    return hasil


def _kembalikan(hitungan: dict, r) -> None:
    """Put counts that could not be written back where they waited."""
    if r is not None:
        klien, kunci = r
        pipa = klien.pipeline(transaction=False)
        for (pk, kode), n in hitungan.items():
            pipa.hincrby(kunci, f"{kode}:{pk}", n)
        pipa.execute()
    else:
        _penyangga.tambah(hitungan)


def simpan(paksa: bool = False) -> int:
    """Write every waiting count; returns how many products were updated.
    Waits (unless ``paksa``) while the connection is inside a transaction:
    the counts must not be rolled back with someone else's work."""
    if not paksa and connection.in_atomic_block:
        return 0
    if not _penyangga.kunci_simpan.acquire(blocking=False):
        return 0  # another thread of this process is writing now
    try:
        _penyangga.terakhir = time.monotonic()
        ditulis = 0
        r = _redis()
        for sumber in (None, r) if r is not None else (None,):
            hitungan = _ambil_redis(sumber) if sumber is not None else _penyangga.ambil()
            if not hitungan:
                continue
            try:
                ditulis += _tulis(hitungan)
            except Exception:
                _kembalikan(hitungan, sumber)
                raise
        return ditulis
    except Exception:  # noqa: BLE001 - kept for the next write
        log.warning("Hitungan tayang/unduhan belum tersimpan; dicoba lagi nanti.", exc_info=True)
        return 0
    finally:
        _penyangga.kunci_simpan.release()


def _tulis(hitungan: dict) -> int:
    """One UPDATE … FROM (VALUES …) per UKURAN_TULIS products, in id order (two
    writers never lock the same rows in opposite orders)."""
    from documents.models import ProdukHukum

    per_produk: dict[int, list[int]] = {}
    for (pk, kode), n in hitungan.items():
        baris = per_produk.setdefault(pk, [0, 0])
        baris[0 if kode == "d" else 1] += n
    baris = sorted((pk, d, u) for pk, (d, u) in per_produk.items() if d or u)
    tabel = connection.ops.quote_name(ProdukHukum._meta.db_table)
    jenis = "::bigint" if connection.vendor == "postgresql" else ""
    ditulis = 0
    with transaction.atomic():
        with connection.cursor() as c:
            if connection.vendor == "postgresql":
                # A counter need not wait for the WAL flush.
                c.execute("SET LOCAL synchronous_commit TO OFF")
            for awal in range(0, len(baris), UKURAN_TULIS):
                potongan = baris[awal : awal + UKURAN_TULIS]
                nilai = ", ".join([f"(%s{jenis}, %s{jenis}, %s{jenis})"] * len(potongan))
                # column1… are VALUES' own column names in PostgreSQL and SQLite alike.
                c.execute(
                    f"UPDATE {tabel} SET jumlah_dilihat = jumlah_dilihat + v.d, "
                    f"jumlah_unduhan = jumlah_unduhan + v.u "
                    f"FROM (SELECT column1 AS id, column2 AS d, column3 AS u "
                    f"FROM (VALUES {nilai}) AS w) AS v WHERE {tabel}.id = v.id",
                    [x for b in potongan for x in b],
                )
                ditulis += c.rowcount
    return ditulis


@atexit.register
def _simpan_saat_keluar():
    # Only into the database the counts were made against: at the end of a
    # test run the connection points back at the real one.
    if _penyangga.tertunda and _penyangga.basis_data == connection.settings_dict.get("NAME"):
        try:
            simpan(paksa=True)
        except Exception:  # noqa: BLE001 - the process is ending anyway
            pass
