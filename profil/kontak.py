"""Keeping the contact form for people, without any third-party service.

- a honeypot field people never see, bots fill;
- a signed token with the time the form was served: a form sent back within
  seconds is a script, one older than a few hours is stale;
- a per-address limit on messages, counted in the cache only (no address is
  ever written to the database; the key is a hash of the address);
- a message with many links is refused (link spam is the bulk of it).

Every number can be tuned in settings (getattr with the defaults below).
"""

import hashlib
import ipaddress
import re
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from jdih.jaringan import alamat_klien

GARAM_TOKEN = "profil.kontak.token"
_TAUTAN = re.compile(r"https?://|www\.|\[url|<a\s", re.I)


def pengaturan(nama, bawaan):
    return getattr(settings, nama, bawaan)


def min_detik() -> int:
    return pengaturan("JDIH_KONTAK_MIN_DETIK", 3)


def maks_detik() -> int:
    return pengaturan("JDIH_KONTAK_MAKS_DETIK", 4 * 3600)


def maks_tautan() -> int:
    return pengaturan("JDIH_KONTAK_MAKS_TAUTAN", 2)


def batas_kirim() -> tuple[int, int]:
    """(messages, seconds) one address may send."""
    return (
        pengaturan("JDIH_KONTAK_BATAS", 5),
        pengaturan("JDIH_KONTAK_JENDELA_DETIK", 3600),
    )


# --- the signed token ------------------------------------------------------------------


def buat_token(satker_id: int, sekarang: float | None = None) -> str:
    sekarang = time.time() if sekarang is None else sekarang
    return signing.dumps({"s": satker_id, "t": int(sekarang)}, salt=GARAM_TOKEN, compress=False)


class TokenDitolak(Exception):
    """Why the token cannot stand for a person filling the form (message for them)."""

    def __init__(self, pesan, *, terbitkan_baru):
        super().__init__(pesan)
        self.terbitkan_baru = terbitkan_baru


def periksa_token(token: str, satker_id: int, sekarang: float | None = None) -> None:
    sekarang = time.time() if sekarang is None else sekarang
    try:
        isi = signing.loads(token or "", salt=GARAM_TOKEN)
        dibuat, untuk = int(isi["t"]), int(isi["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise TokenDitolak(
            "Formulir tidak dapat diverifikasi. Mohon kirim ulang; isian Anda tetap tersimpan "
            "di bawah ini.",
            terbitkan_baru=True,
        ) from None
    if untuk != satker_id:
        raise TokenDitolak(
            "Formulir ini milik halaman satker lain. Mohon kirim ulang dari halaman ini.",
            terbitkan_baru=True,
        )
    umur = sekarang - dibuat
    if umur > maks_detik():
        raise TokenDitolak(
            "Formulir ini sudah terlalu lama terbuka. Mohon periksa isian Anda lalu kirim lagi.",
            terbitkan_baru=True,
        )
    if umur < min_detik():
        # The same token goes back: its clock keeps running, so the next
        # send a moment later passes.
        raise TokenDitolak(
            "Formulir terkirim terlalu cepat. Mohon periksa isian Anda lalu kirim lagi.",
            terbitkan_baru=False,
        )


# --- links -----------------------------------------------------------------------------


def jumlah_tautan(teks: str) -> int:
    return len(_TAUTAN.findall(teks or ""))


# --- rate limit per address --------------------------------------------------------------


def _kunci_alamat(request) -> str:
    """A cache key for the sender's address (its /64 for IPv6, which one
    household usually holds whole); hashed, so not even the cache keeps it."""
    alamat = alamat_klien(request) or "tanpa-alamat"
    try:
        ip = ipaddress.ip_address(alamat)
        if ip.version == 6:
            alamat = str(ipaddress.ip_network(f"{ip}/64", strict=False))
    except ValueError:
        pass
    ringkas = hashlib.sha256(f"{settings.SECRET_KEY}:{alamat}".encode()).hexdigest()[:32]
    return f"profil:kontak:{ringkas}"


def sudah_melewati_batas(request) -> bool:
    batas, _ = batas_kirim()
    return (cache.get(_kunci_alamat(request)) or 0) >= batas


def catat_kiriman(request) -> None:
    _, jendela = batas_kirim()
    kunci = _kunci_alamat(request)
    if not cache.add(kunci, 1, timeout=jendela):
        try:
            cache.incr(kunci)
        except ValueError:  # expired between add and incr
            cache.add(kunci, 1, timeout=jendela)
