"""The home page and each Satker's home page, cached whole.

Both pages show only the catalogue (the newest products, counts per jenis
and per year, the Satkers): nothing of the visitor. They are rendered once
per *catalogue version* and served from the default cache after that.

The catalogue version is one key in the default cache. Any save or delete
of a product, a jenis or a Satker (publish, take-down, a metadata edit)
moves it — at once, and again when the transaction commits, so that a page
rendered from the data before the commit is never stored under the new
version (publicsite.apps connects the signals). A page is stored under the
version read *before* it was rendered.

With REDIS_URL the version and the pages are shared by every process on
every node: a take-down leaves the home page of every node on the very next
request. Without it (LocMemCache, one cache per process) another process
learns of a change only when its own copy expires: the pages then live
JDIH_HALAMAN_CACHE_DETIK_LOKAL seconds (default 5) instead of
JDIH_HALAMAN_CACHE_DETIK (default 300).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

KUNCI_VERSI = "publik:katalog:versi"


def cache_bersama() -> bool:
    """Whether the default cache is shared between processes (Redis, Memcached,
    a database cache) rather than each process's own."""
    backend = settings.CACHES["default"]["BACKEND"]
    return not backend.endswith(("LocMemCache", "DummyCache"))


def umur_halaman() -> int:
    if cache_bersama():
        return getattr(settings, "JDIH_HALAMAN_CACHE_DETIK", 300)
    return getattr(settings, "JDIH_HALAMAN_CACHE_DETIK_LOKAL", 5)


def versi_katalog() -> str:
    """The current catalogue version. A time stamp, not a counter: if the cache
    loses the key, the next version matches no page stored before."""
    versi = cache.get(KUNCI_VERSI)
    if versi is None:
        versi = str(time.time_ns())
        if not cache.add(KUNCI_VERSI, versi, None):
            versi = cache.get(KUNCI_VERSI) or versi
    return versi


def _naikkan():
    cache.set(KUNCI_VERSI, str(time.time_ns()), None)


def katalog_berubah(**kwargs) -> None:
    """Signal receiver: a new catalogue version now, and another once the
    transaction commits (see the module's docstring)."""
    _naikkan()
    transaction.on_commit(_naikkan)


def halaman(nama: str, render) -> str:
    """The page ``nama`` of the current catalogue version; ``render()`` makes
    it (a str of HTML) on a miss."""
    if len(nama) > 80:
        # The name carries a slug from the URL: a visitor must not choose the
        # key's length (memcached refuses keys over 250 characters).
        nama = hashlib.sha256(nama.encode()).hexdigest()
    kunci = f"publik:halaman:{versi_katalog()}:{nama}"
    isi = cache.get(kunci)
    if isi is None:
        isi = render()
        cache.set(kunci, isi, umur_halaman())
    return isi
