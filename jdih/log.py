"""Logs an operator can follow: every record carries the request it belongs
to, 4xx answers leave no traceback, and JSON lines are one setting away.

Wired in the settings block "kepala-log": IdPermintaanMiddleware is the first
middleware, the console (and optional file) handler uses FormatTeks or
FormatJSON (JDIH_LOG_JSON=true), and FilterTanpaJejak4xx sits on the
django.request logger and on the handlers.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

# The request being served by this thread/task, for records that do not carry
# it themselves (the app's own loggers, database errors, ...).
_permintaan = contextvars.ContextVar("jdih_permintaan", default=None)

# An upstream proxy's id is kept only when it cannot smuggle anything into a
# log line or a header: short, and letters, digits and a few separators.
POLA_ID_PERMINTAAN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:=-]{0,99}")


class IdPermintaanMiddleware:
    """Give each request an id (X-Request-ID when sane, else a new uuid), put
    it on ``request.id``, on every log record of the request, and on the
    response's X-Request-ID header so a user's report can be found in the log."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        dari_proxy = request.headers.get("X-Request-ID", "")
        request.id = dari_proxy if POLA_ID_PERMINTAAN.fullmatch(dari_proxy) else uuid.uuid4().hex
        token = _permintaan.set(request)
        try:
            response = self.get_response(request)
        finally:
            _permintaan.reset(token)
        response["X-Request-ID"] = request.id
        return response


def konteks_rekaman(record):
    """(request id, path, status) of a log record, from the request Django
    attached to it or else from the request being served."""
    from django.http import HttpRequest

    request = getattr(record, "request", None)
    if not isinstance(request, HttpRequest):
        # django.server puts its socket here; anything else is not ours.
        request = _permintaan.get()
    if request is None:
        return None, None, getattr(record, "status_code", None)
    return getattr(request, "id", None), request.path, getattr(record, "status_code", None)


class FilterTanpaJejak4xx(logging.Filter):
    """Drop the traceback from records of 4xx answers.

    Django logs PermissionDenied (403), BadRequest and SuspiciousOperation
    (400) with the exception attached; each is an expected answer to a user,
    not a fault, and a traceback per refused request buries the real errors.
    The message (status, path) stays.
    """

    def filter(self, record):
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500 and record.exc_info:
            record.exc_info = None
            record.exc_text = None
        return True


class FormatTeks(logging.Formatter):
    """Plain lines with the request id: ``waktu LEVEL logger [id] pesan``."""

    def __init__(self, fmt=None, datefmt=None, style="%", **kw):
        super().__init__(
            fmt or "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
            datefmt,
            style,
            **kw,
        )

    def format(self, record):
        request_id, _path, _status = konteks_rekaman(record)
        record.request_id = request_id or "-"
        return super().format(record)


class FormatJSON(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id,
    path, status (and exc when a traceback belongs to the record)."""

    def format(self, record):
        request_id, path, status = konteks_rekaman(record)
        data = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id,
            "path": path,
            "status": status,
        }
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            data["exc"] = record.exc_text
        if record.stack_info:
            data["stack"] = self.formatStack(record.stack_info)
        return json.dumps(data, ensure_ascii=False, default=str)


def pasang_sentry(dsn, lingkungan=""):
    """Send errors to Sentry when SENTRY_DSN is set and sentry-sdk is installed
    (``pip install sentry-sdk``; not a dependency of the project). Returns
    whether reporting is on; never raises, so a missing package or a bad DSN
    cannot stop the site from starting."""
    if not dsn:
        return False
    try:
        import sentry_sdk
    except ImportError:
        logging.getLogger(__name__).warning(
            "SENTRY_DSN diisi tetapi paket sentry-sdk tidak terpasang; "
            "pelaporan galat ke Sentry tidak aktif (pip install sentry-sdk)."
        )
        return False
    try:
        sentry_sdk.init(
            dsn=dsn,
            environment=lingkungan or None,
            # No user names, addresses or cookies leave the office.
            send_default_pii=False,
            traces_sample_rate=0.0,
        )
    except Exception:  # a malformed DSN must not take the site down
        logging.getLogger(__name__).exception("SENTRY_DSN tidak dapat dipakai; Sentry tidak aktif.")
        return False
    return True
