"""Who is at the other end of a request: one rule for the audit trail, the
JDIHN harvest log and login throttling.

``X-Forwarded-For`` is anyone's to write, so it is read only when the direct
peer (``REMOTE_ADDR``) is one of the proxies named in ``JDIH_PROXY_TEPERCAYA``.
Each proxy appends the address it saw, so the header is read from the right:
the first address that is not a trusted proxy is the client. Whatever a
client put further left is never reached.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

Alamat = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=8)
def _jaringan(daftar: tuple[str, ...]):
    return tuple(ipaddress.ip_network(item, strict=False) for item in daftar)


def proxy_tepercaya():
    nilai = getattr(settings, "JDIH_PROXY_TEPERCAYA", ())
    if isinstance(nilai, str):
        nilai = nilai.split(",")
    return _jaringan(tuple(item.strip() for item in nilai if item.strip()))


def baca_alamat(teks) -> Alamat | None:
    """An address from a header entry, or None when it is not one.

    Proxies differ in how they write an entry: ``[2001:db8::1]:443`` and
    ``203.0.113.7:5678`` carry a port, ``::ffff:10.0.0.1`` is an IPv4 peer
    seen on an IPv6 socket.
    """
    teks = (teks or "").strip()
    if teks.startswith("["):
        teks = teks[1 : teks.find("]")] if "]" in teks else ""
    elif teks.count(":") == 1:
        teks = teks.split(":", 1)[0]
    try:
        alamat = ipaddress.ip_address(teks)
    except ValueError:
        return None
    if isinstance(alamat, ipaddress.IPv6Address) and alamat.ipv4_mapped:
        return alamat.ipv4_mapped
    return alamat


def _tepercaya(alamat: Alamat, jaringan) -> bool:
    return any(alamat in net for net in jaringan)


def alamat_klien(request) -> str | None:
    """The client's address as text, or None when the peer is no IP address
    (a unix socket, a test request without one)."""
    alamat = baca_alamat(request.META.get("REMOTE_ADDR"))
    if alamat is None:
        return None
    jaringan = proxy_tepercaya()
    if not jaringan or not _tepercaya(alamat, jaringan):
        return str(alamat)
    # Several X-Forwarded-For headers reach Django joined by commas.
    for entri in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        hop = baca_alamat(entri)
        if hop is None:
            # The chain is broken here; the last hop a trusted proxy vouched
            # for is as far as anything can be known.
            break
        alamat = hop
        if not _tepercaya(hop, jaringan):
            break
    return str(alamat)
