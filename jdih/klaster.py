"""Several web nodes behind one proxy: which forwarded headers are believed.

Django's ``SECURE_PROXY_SSL_HEADER`` believes ``X-Forwarded-Proto`` from
whoever sends it. A client that reaches a node directly (around the proxy)
could then claim HTTPS: no redirect to HTTPS, and a request Django treats as
secure over plain HTTP. This middleware runs first and drops the forwarded
scheme headers unless the direct peer is a proxy we trust: the ones named in
``JDIH_PROXY_TEPERCAYA`` or, when that is empty, only loopback (a proxy on
the same machine — gunicorn's own default for ``FORWARDED_ALLOW_IPS``).
"""

import ipaddress

from django.conf import settings

from jdih.jaringan import baca_alamat, proxy_tepercaya

# The headers Django (SECURE_PROXY_SSL_HEADER) or gunicorn's
# secure_scheme_headers would read as "the client spoke HTTPS".
HEADER_SKEMA = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_PROTOCOL", "HTTP_X_FORWARDED_SSL")

LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))


def peer_tepercaya(request) -> bool:
    alamat = baca_alamat(request.META.get("REMOTE_ADDR"))
    if alamat is None:
        return False
    jaringan = proxy_tepercaya() or LOOPBACK
    return any(alamat in net for net in jaringan)


class SkemaProxyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        self.node = getattr(settings, "JDIH_NODE", "")

    def __call__(self, request):
        if not peer_tepercaya(request):
            for nama in HEADER_SKEMA:
                request.META.pop(nama, None)
            if self.header:
                request.META.pop(self.header[0], None)
        respons = self.get_response(request)
        if self.node:
            # Only when the operator named the node: which one answered.
            respons["X-JDIH-Node"] = self.node
        return respons
