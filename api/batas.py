"""Rate limit of the open API per client address.

A sliding window of request times per address, kept in the cache alias
``api`` (per process unless REDIS_URL names a shared Redis: with N worker
processes and no Redis a client may reach up to N times the limit). The
address is jdih.jaringan.alamat_klien, so behind a trusted proxy it is the
reader's, not the proxy's; an IPv6 client is counted per /64, the block one
subscriber usually holds. A request whose peer is no IP address (a unix
socket without a trusted proxy) is not limited: one shared bucket would let
a single client shut everyone out.
"""

import ipaddress
import math
import time

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import BaseThrottle

from jdih.jaringan import alamat_klien

ALIAS_CACHE = "api"


def batas() -> int:
    return int(getattr(settings, "JDIH_API_BATAS", 120))


def jendela() -> int:
    return max(1, int(getattr(settings, "JDIH_API_JENDELA", 60)))


def kunci_klien(request) -> str | None:
    alamat = alamat_klien(request)
    if alamat is None:
        return None
    ip = ipaddress.ip_address(alamat)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class BatasPerAlamat(BaseThrottle):
    def allow_request(self, request, view):
        self.sisa = None
        self.tunggu = None
        self.batas, self.jendela = batas(), jendela()
        if self.batas <= 0:
            return True
        klien = kunci_klien(request._request)
        if klien is None:
            return True
        cache = caches[ALIAS_CACHE]
        kunci = f"api:batas:{klien}"
        sekarang = time.time()
        riwayat = [t for t in cache.get(kunci, []) if t > sekarang - self.jendela]
        if len(riwayat) >= self.batas:
            # The oldest request in the window leaves it first.
            self.tunggu = max(1, math.ceil(riwayat[-1] + self.jendela - sekarang))
            self.sisa = 0
            return False
        riwayat.insert(0, sekarang)
        cache.set(kunci, riwayat[: self.batas], self.jendela)
        self.sisa = self.batas - len(riwayat)
        # Read by api.views for the X-RateLimit-* headers.
        request._request.api_batas = (self.batas, self.sisa)
        return True

    def wait(self):
        return self.tunggu
