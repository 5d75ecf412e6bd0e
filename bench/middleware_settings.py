"""Settings for bench/bench_middleware.py: the real settings with the trivial
view of bench/portal_urls.py, optionally without the middleware issue 11
added, and with tables made straight from the models (the bench measures
request handling, not migrations)."""

import os

from bench.portal_settings import *  # noqa: F403

# The middleware as it was before issue 11 (hardening).
MIDDLEWARE_SEBELUM = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "jdih.middleware.ZonaWaktuSatkerMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
MIDDLEWARE_BARU = [m for m in MIDDLEWARE if m not in MIDDLEWARE_SEBELUM]  # noqa: F405
if os.environ.get("BENCH_MW_TANPA_BARU") == "1":
    MIDDLEWARE = [m for m in MIDDLEWARE if m in MIDDLEWARE_SEBELUM]  # noqa: F405


class _TanpaMigrasi(dict):
    def __contains__(self, app):
        return True

    def __getitem__(self, app):
        return None


MIGRATION_MODULES = _TanpaMigrasi()
