"""Abuse limits of the anonymous survey form, without third-party services
and without keeping anything personal:

- a signed form timestamp: an answer sent sooner than JDIH_SURVEI_MIN_DETIK
  after the form was served (a script) or later than JDIH_SURVEI_MAKS_DETIK
  (a replayed old form) is refused with a form error;
- a honeypot field the page hides; a filled one is thanked and dropped;
- per address: at most JDIH_SURVEI_BATAS_JAM submissions an hour and
  JDIH_SURVEI_BATAS_HARI accepted answers a day (a service counter's kiosk
  shares one address, hence not one a day).

The counters live in the cache only, under a keyed hash of the address
(never the address itself) that expires with its window.
"""

import ipaddress
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

from jdih.jaringan import alamat_klien

GARAM_TOKEN = "survei.formulir"


def _atur(nama, bawaan):
    return getattr(settings, nama, bawaan)


def token_baru() -> str:
    return signing.dumps({"t": time.time()}, salt=GARAM_TOKEN, compress=False)


def periksa_token(token: str) -> str | None:
    """None when the form was filled in a plausible time, else the message."""
    try:
        isi = signing.loads(token, salt=GARAM_TOKEN, max_age=_atur("JDIH_SURVEI_MAKS_DETIK", 7200))
        umur = time.time() - float(isi["t"])
    except signing.SignatureExpired:
        return "Formulir sudah terlalu lama terbuka. Periksa jawaban Anda lalu kirim kembali."
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return "Formulir tidak dikenali. Muat ulang halaman lalu isi kembali."
    if umur < _atur("JDIH_SURVEI_MIN_DETIK", 8):
        return "Formulir terkirim terlalu cepat. Periksa kembali jawaban Anda lalu kirim lagi."
    return None


def _jejak(request) -> str:
    alamat = alamat_klien(request) or "tanpa-alamat"
    if ":" in alamat:
        # One IPv6 subscriber holds a whole /64: counted as one address.
        alamat = str(ipaddress.ip_network(f"{alamat}/64", strict=False))
    return salted_hmac("survei.batas", alamat).hexdigest()[:32]


def _naikkan(kunci: str, umur: int) -> int:
    cache.add(kunci, 0, umur)
    try:
        return cache.incr(kunci)
    except ValueError:  # expired between add and incr
        cache.set(kunci, 1, umur)
        return 1


def _kunci_jam(request) -> str:
    return f"survei:batas:jam:{int(time.time() // 3600)}:{_jejak(request)}"


def _kunci_hari(request) -> str:
    return f"survei:batas:hari:{timezone.localdate().isoformat()}:{_jejak(request)}"


def catat_percobaan(request) -> bool:
    """Count one submission; False when the address has sent too many this hour."""
    return _naikkan(_kunci_jam(request), 3600) <= _atur("JDIH_SURVEI_BATAS_JAM", 10)


def kuota_harian_habis(request) -> bool:
    return (cache.get(_kunci_hari(request)) or 0) >= _atur("JDIH_SURVEI_BATAS_HARI", 20)


def catat_diterima(request) -> None:
    _naikkan(_kunci_hari(request), 86400 + 3600)
