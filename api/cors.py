"""CORS for the read-only API: any web page may read /api/ with GET or HEAD.

``Access-Control-Allow-Origin: *`` and never ``Allow-Credentials``: the API
reads no cookie and no login, so a page on another site learns nothing it
could not fetch itself. A preflight (OPTIONS) is answered here, before CSRF
and the views; other methods get no CORS header, so a browser never lets a
foreign page send them. Nothing outside /api/ is touched.
"""

from django.http import HttpResponse

AWALAN = "/api/"
METODE = "GET, HEAD, OPTIONS"
# Request headers a client may send: the conditional ones make a preflight
# (they are not CORS-safelisted), the rest are safelisted anyway.
HEADER_BOLEH = "Accept, Accept-Language, Content-Language, If-None-Match, If-Modified-Since"
# Response headers a foreign page may read besides the safelisted ones.
HEADER_TERBACA = "ETag, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining"
UMUR_PREFLIGHT = "86400"


class CorsApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(AWALAN):
            return self.get_response(request)
        if request.method == "OPTIONS":
            respons = HttpResponse(status=204)
            respons["Allow"] = METODE
            respons["Access-Control-Allow-Origin"] = "*"
            respons["Access-Control-Allow-Methods"] = METODE
            respons["Access-Control-Allow-Headers"] = HEADER_BOLEH
            respons["Access-Control-Max-Age"] = UMUR_PREFLIGHT
            return respons
        respons = self.get_response(request)
        if request.method in ("GET", "HEAD"):
            respons["Access-Control-Allow-Origin"] = "*"
            respons["Access-Control-Expose-Headers"] = HEADER_TERBACA
        return respons
