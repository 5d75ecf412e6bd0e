"""Content-Security-Policy for every response.

Pages run only the site's own scripts and stylesheets (no inline script,
style or event handler anywhere in the templates), so an injected fragment
cannot execute. PDFs get ``sandbox``: a PDF opened directly from the site runs
in an opaque origin with no scripts, so an uploaded document can never act
as the site. The policy is a setting (JDIH_CSP) so an office that adds, say,
an analytics host edits one dict.
"""

from django.conf import settings

KEBIJAKAN_BAWAAN = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

# What X-Frame-Options (Django's clickjacking protection, already decided
# per view) means for frame-ancestors: the PDF preview is framed by the
# detail page and says SAMEORIGIN; everything else is DENY.
_LELUHUR_BINGKAI = {"DENY": "'none'", "SAMEORIGIN": "'self'"}


def _gabung(kebijakan):
    return "; ".join(f"{k} {v}".strip() for k, v in kebijakan.items())


class KebijakanKeamananMiddleware:
    """Add Content-Security-Policy unless the view set its own.

    Placed outside XFrameOptionsMiddleware, so X-Frame-Options is final by
    the time the response passes here.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        kebijakan = {**KEBIJAKAN_BAWAAN, **getattr(settings, "JDIH_CSP", {})}
        kebijakan.pop("frame-ancestors", None)
        self.kebijakan = kebijakan
        self.per_bingkai = {
            xfo: _gabung({**kebijakan, "frame-ancestors": nilai})
            for xfo, nilai in _LELUHUR_BINGKAI.items()
        }
        self.tanpa_bingkai = _gabung(kebijakan)
        self.pdf = {
            xfo: f"sandbox; frame-ancestors {nilai}" for xfo, nilai in _LELUHUR_BINGKAI.items()
        }

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" in response:
            return response
        if settings.DEBUG and response.status_code >= 400:
            # Django's own debug pages style themselves inline.
            return response
        # Absent only when the view is xframe_options_exempt: no frame-ancestors then.
        xfo = response.get("X-Frame-Options", "").upper()
        jenis = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
        if jenis == "application/pdf":
            response["Content-Security-Policy"] = self.pdf.get(xfo, "sandbox")
        else:
            response["Content-Security-Policy"] = self.per_bingkai.get(xfo, self.tanpa_bingkai)
        return response
