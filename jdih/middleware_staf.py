"""Staff pages and non-public files are never kept by a browser's disk cache
or a shared proxy.

Everything under the private prefixes (settings.JDIH_AWALAN_PRIVAT: the staff
workspace /staf/ with its draft PDFs, lampiran, SOP 003 files and content
images, the admin, the login pages) answers ``Cache-Control: private,
no-store``: a draft or another user's page must not be served back from a
shared office proxy or from the disk of a shared computer after logout.
Public pages keep their own caching (the take-down rules live there).
"""

from django.conf import settings

NILAI = "private, no-store"


def awalan_privat() -> tuple[str, ...]:
    return tuple(getattr(settings, "JDIH_AWALAN_PRIVAT", ("/staf/", "/admin/")))


class CacheStafMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.awalan = awalan_privat()

    def __call__(self, request):
        respons = self.get_response(request)
        if request.path_info.startswith(self.awalan):
            ada = respons.get("Cache-Control", "")
            # A view that already forbids storing (never_cache, the admin) is
            # at least as strict; anything weaker is replaced, not merged.
            if "no-store" not in ada.lower():
                respons["Cache-Control"] = NILAI
                if "Expires" in respons:
                    del respons["Expires"]
        return respons
