"""Settings for JDIH KPU, read from the environment.

Local defaults give a working SQLite site under var/ (DEBUG only when
DEBUG=true, as `make run` sets it); production sets SECRET_KEY, ALLOWED_HOSTS
and DATABASE_URL (PostgreSQL).
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("JDIH_VAR_DIR", BASE_DIR / "var"))


BENAR = {"1", "true", "yes", "ya", "on"}
SALAH = {"0", "false", "no", "tidak", "off", ""}


class PengaturanSalah(Exception):
    """A setting in the environment that cannot mean anything: stop the start
    instead of quietly running with a default the operator did not choose."""


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    kata = value.strip().lower()
    if kata not in BENAR | SALAH:
        raise PengaturanSalah(f"{name}={value!r}: isi true/false (atau 1/0, ya/tidak).")
    return kata in BENAR


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return int(default)
    try:
        return int(value.strip())
    except ValueError:
        raise PengaturanSalah(f"{name}={value!r}: isi bilangan bulat.") from None


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)


def _secret_key():
    """SECRET_KEY from the environment; without it, a key kept in var/.

    The published development key is used only with DEBUG on, so a node started
    without SECRET_KEY never runs on a key anyone can read. Nodes behind one
    proxy must share SECRET_KEY through the environment.
    """
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    if DEBUG:
        return "django-insecure-jdih-kpu-hanya-untuk-pengembangan-lokal"
    import secrets

    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "guardian",
    "django_tasks",
    "django_tasks_db",
    "documents",
    "workflow",
    "publicsite",
    "profil",
    "survei",
    "rest_framework",
    "drf_spectacular",
    "api",
    "pemantauan",
    "ekstraksi",
]

MIDDLEWARE = [
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

ROOT_URLCONF = "jdih.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "jdih.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'jdih.sqlite3'}"),
        # Persistent connections: measured 9x throughput on a list page.
        conn_max_age=env_int("CONN_MAX_AGE", "600"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves the demo and the worker from one file.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: at a million products the planner's cost estimates pass the JIT
    # threshold for queries that do milliseconds of work, and compiling them
    # took seconds (measured: 3.2 s of a 3.24 s snippet query).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

# Rendered public pages and the search filters' options. Each process keeps its
# own in memory unless REDIS_URL names a shared Redis (Django's RedisCache, needs
# the `redis` package): correctness never depends on it (every page checks
# publication in the database), a shared cache only saves renders across nodes.
# A REDIS_URL that is no Redis address (typo'd scheme, bad port) stops the
# start: a node quietly on its own cache would serve stale pages and count
# limits apart from its neighbours (jdih.penyimpanan).
from jdih.penyimpanan import cache_redis, lokasi_redis  # noqa: E402

REDIS_URL = lokasi_redis(os.environ.get("REDIS_URL", ""))
CACHES = {
    "default": (
        cache_redis(REDIS_URL)
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # A detail page is ~15 KB: about 30 MB per process when full.
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
ANONYMOUS_USER_NAME = None  # guardian: the public never holds object permissions
GUARDIAN_RAISE_403 = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workflow:tugas-saya"
LOGOUT_REDIRECT_URL = "publicsite:beranda"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
USE_I18N = True
# Stored in UTC; shown in the office's own zone (WIB/WITA/WIT), see jdih.middleware.
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Jakarta")

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    # Media are never served by URL: every download goes through a view that
    # checks publication, so object storage is a settings change here.
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("JDIH_PLAIN_STATIC")
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# PDF intake
JDIH_MAKS_UKURAN_PDF = env_int("JDIH_MAKS_UKURAN_PDF", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background processing (django-tasks with the database backend).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("JDIH_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}
# OCR of scanned pages (Debian tesseract-ocr + tesseract-ocr-<bahasa>), see documents.ocr.
JDIH_OCR_BAHASA = os.environ.get("JDIH_OCR_BAHASA", "ind")
JDIH_OCR_DPI = env_int("JDIH_OCR_DPI", "300")
JDIH_OCR_BATAS_WAKTU = env_int("JDIH_OCR_BATAS_WAKTU", "180")  # seconds per page
JDIH_OCR_PARALEL = env_int("JDIH_OCR_PARALEL", "0")  # 0: one per CPU core

# Email: console locally, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", "587")
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "JDIH KPU <jdih@localhost>")

# Absolute URLs in feeds and emails when no request is at hand.
JDIH_SITE_URL = os.environ.get("JDIH_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# Nothing is framed, except the PDF preview view, which opts in to SAMEORIGIN.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", "31536000")
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- blok: unggahan (batas unggahan sebelum dibaca) ---
# A request over JDIH_MAKS_UKURAN_PDF + this allowance (multipart headers and
# the form's other fields) is refused from its Content-Length, unread.
JDIH_KELONGGARAN_FORMULIR = env_int("JDIH_KELONGGARAN_FORMULIR", 2 * 1024 * 1024)
# Intake refuses absurd PDFs (documents.pdf): pages, inflated size of all
# compressed non-image streams together, pixels of one embedded image.
JDIH_MAKS_HALAMAN = env_int("JDIH_MAKS_HALAMAN", "2000")
JDIH_MAKS_DEKOMPRESI = env_int("JDIH_MAKS_DEKOMPRESI", 256 * 1024 * 1024)
JDIH_MAKS_PIKSEL_GAMBAR = env_int("JDIH_MAKS_PIKSEL_GAMBAR", "150000000")
# Files are streamed to disk, never held in a worker: only a small one stays
# in memory. The temporary folder sits beside the media (a rename, not a copy,
# when stored; and not a tmpfs /tmp that would hold a 300 MB upload in RAM).
FILE_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
FILE_UPLOAD_TEMP_DIR = os.environ.get("JDIH_UNGGAHAN_SEMENTARA", str(VAR_DIR / "unggahan"))
Path(FILE_UPLOAD_TEMP_DIR).mkdir(parents=True, exist_ok=True)
FILE_UPLOAD_HANDLERS = [
    "jdih.batas_unggahan.BatasUnggahanHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Before the session, CSRF and every view: an oversized body is never read.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "jdih.batas_unggahan.BatasUnggahanMiddleware",
)
# --- akhir blok: unggahan ---

# --- blok: masuk (pembatasan login, sesi staf) ---
# Login throttling (django-axes) on /masuk/ and /admin/login/. Failures are
# counted per account AND address: an attacker guessing one account locks only
# himself out, the owner still logs in from his own desk.
import ipaddress  # noqa: E402
from datetime import timedelta  # noqa: E402

from django.core.exceptions import ImproperlyConfigured  # noqa: E402

INSTALLED_APPS += ["jdih.masuk.PembatasanMasukConfig"]
# Last, so every other middleware (headers, CSP) also wraps the lockout page.
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS.insert(0, "jdih.masuk.PembatasanMasukBackend")
SILENCED_SYSTEM_CHECKS = [*globals().get("SILENCED_SYSTEM_CHECKS", []), "axes.W003"]
AXES_FAILURE_LIMIT = env_int("JDIH_MASUK_BATAS_GAGAL", "5")
AXES_COOLOFF_TIME = timedelta(minutes=env_int("JDIH_MASUK_JEDA_MENIT", "15"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "jdih.jaringan.alamat_klien"
AXES_USERNAME_CALLABLE = "jdih.masuk.nama_pengguna"
AXES_LOCKOUT_TEMPLATE = "registration/terkunci.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # jdih.masuk registers it with Indonesian labels

# Proxies whose X-Forwarded-For is believed (IPs or CIDRs, comma-separated);
# empty: REMOTE_ADDR is the client. A typo must stop the start, not quietly
# turn every visitor into the proxy's address.
JDIH_PROXY_TEPERCAYA = env_list("JDIH_PROXY_TEPERCAYA")
for _proxy in JDIH_PROXY_TEPERCAYA:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _galat:
        raise ImproperlyConfigured(
            f"JDIH_PROXY_TEPERCAYA: {_proxy!r} bukan alamat IP atau jaringan CIDR."
        ) from _galat

# Staff sessions last a working day, not Django's two weeks.
SESSION_COOKIE_AGE = int(float(os.environ.get("JDIH_UMUR_SESI_JAM", "9")) * 3600)
# --- akhir blok: masuk ---

# --- blok: kepala-log (CSP, log, healthz, Sentry) ---
# First: every log record of the request, even from the outer middleware,
# carries the request id.
MIDDLEWARE.insert(0, "jdih.log.IdPermintaanMiddleware")
# Outside XFrameOptionsMiddleware (it reads the final X-Frame-Options), after
# WhiteNoise (static files need no policy).
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "jdih.keamanan.KebijakanKeamananMiddleware",
)
# Directive -> sources, merged over jdih.keamanan.KEBIJAKAN_BAWAAN.
JDIH_CSP = {}

JDIH_LOG_JSON = env_bool("JDIH_LOG_JSON")
JDIH_LOG_BERKAS = os.environ.get("JDIH_LOG_BERKAS", "")
LOGGING["filters"] = {"tanpa_jejak_4xx": {"()": "jdih.log.FilterTanpaJejak4xx"}}
LOGGING["formatters"] = {
    "jdih": {"()": "jdih.log.FormatJSON" if JDIH_LOG_JSON else "jdih.log.FormatTeks"}
}
LOGGING["handlers"]["console"].update(formatter="jdih", filters=["tanpa_jejak_4xx"])
if JDIH_LOG_BERKAS:
    # WatchedFileHandler reopens the file after logrotate moves it.
    LOGGING["handlers"]["berkas"] = {
        "class": "logging.handlers.WatchedFileHandler",
        "filename": JDIH_LOG_BERKAS,
        "formatter": "jdih",
        "filters": ["tanpa_jejak_4xx"],
    }
    LOGGING["root"]["handlers"].append("berkas")
# On the logger too, so every handler (Sentry's, pytest's) sees 403s without
# a traceback; django.security.* records pass through the handlers' filter.
LOGGING["loggers"]["django.request"] = {"filters": ["tanpa_jejak_4xx"]}

# Load balancers probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    from jdih.log import pasang_sentry  # noqa: E402

    pasang_sentry(SENTRY_DSN, lingkungan=os.environ.get("SENTRY_ENVIRONMENT", ""))
# --- akhir blok: kepala-log ---

# --- blok: pekerja (sewa tugas, antrean) ---
# A worker holds a lease on the version it processes and renews it every third
# of the lease; a version whose lease ran out (worker killed, database lost) is
# queued again by the periodic sweep, at most JDIH_PEMROSESAN_MAKS_PERCOBAAN
# times, then marked gagal. See documents.pemrosesan.
JDIH_PEMROSESAN_SEWA = env_int("JDIH_PEMROSESAN_SEWA", "120")  # seconds
JDIH_PEMROSESAN_MAKS_PERCOBAAN = env_int("JDIH_PEMROSESAN_MAKS_PERCOBAAN", "3")
# OCR budget per version: pages recognised and seconds spent; beyond either the
# version is finished with the pages read so far and a message saying so.
JDIH_OCR_MAKS_HALAMAN = env_int("JDIH_OCR_MAKS_HALAMAN", "1000")
JDIH_OCR_MAKS_DETIK = env_int("JDIH_OCR_MAKS_DETIK", "3600")
# Page images for reading on phones: the first N pages of the version the
# public sees (documents.halaman_gambar); 0 turns them off.
JDIH_GAMBAR_HALAMAN_MAKS = env_int("JDIH_GAMBAR_HALAMAN_MAKS", "20")
# --- akhir blok: pekerja ---

# --- blok: staf (Cache-Control halaman staf) ---
# Staff pages and non-public files: "Cache-Control: private, no-store"
# (jdih.middleware_staf). Near the top, so it also sees the responses other
# middleware answer by themselves (login lockout, CSRF refusal).
JDIH_AWALAN_PRIVAT = ("/staf/", "/admin/", "/masuk/", "/keluar/")
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "jdih.middleware_staf.CacheStafMiddleware",
)
# --- akhir blok: staf ---

# --- blok: staf-ergonomi (surel, lupa kata sandi, make run) — issue 12 ---
# The staff header and menu (name, roles, Satkers), built on first use.
TEMPLATES[0]["OPTIONS"]["context_processors"].append("workflow.konteks_staf.konteks_staf")
# Password reset by email (/masuk/lupa/, workflow.lupa_sandi): a link lasts
# this long; requests are limited per email address and per client address.
PASSWORD_RESET_TIMEOUT = env_int("JDIH_ATUR_ULANG_MENIT", "60") * 60
JDIH_ATUR_ULANG_BATAS_ALAMAT = env_int("JDIH_ATUR_ULANG_BATAS_ALAMAT", "3")  # per jam
JDIH_ATUR_ULANG_BATAS_KLIEN = env_int("JDIH_ATUR_ULANG_BATAS_KLIEN", "10")  # per jam
# Whether email really leaves this server. Unset: yes with SMTP (EMAIL_HOST)
# or any other real backend; with the console/locmem/file/dummy backend only
# under DEBUG (the developer reads the console). The reset page says so.
JDIH_SUREL_TERSEDIA = (
    env_bool("JDIH_SUREL_TERSEDIA") if os.environ.get("JDIH_SUREL_TERSEDIA") else None
)
# --- akhir blok: staf-ergonomi ---

# --- blok: pengunjung (statistik kunjungan tanpa cookie) — issue 12 ---
MIDDLEWARE.append("publicsite.kunjungan.KunjunganMiddleware")
# What is and is not stored: see publicsite/kunjungan.py (no cookie, no IP/UA
# in the database; distinct visitors from a daily-salted hash in the cache).
JDIH_PENGUNJUNG_AKTIF = env_bool("JDIH_PENGUNJUNG_AKTIF", True)
# Counts wait in process memory this long (or until this many paths) before
# one UPSERT writes them; a killed process loses at most this interval.
JDIH_PENGUNJUNG_SIMPAN_DETIK = env_int("JDIH_PENGUNJUNG_SIMPAN_DETIK", "60")
JDIH_PENGUNJUNG_MAKS_PENYANGGA = env_int("JDIH_PENGUNJUNG_MAKS_PENYANGGA", "1000")
# Per-page rows are kept this many days; the daily totals are kept for good.
JDIH_PENGUNJUNG_HARI_RINCIAN = env_int("JDIH_PENGUNJUNG_HARI_RINCIAN", "400")
# Survei kepuasan (survei/batas.py): the form must be open at least MIN and at
# most MAKS seconds; per address at most BATAS_JAM submissions an hour and
# BATAS_HARI accepted answers a day (a service counter's kiosk shares one).
JDIH_SURVEI_MIN_DETIK = env_int("JDIH_SURVEI_MIN_DETIK", "8")
JDIH_SURVEI_MAKS_DETIK = env_int("JDIH_SURVEI_MAKS_DETIK", "7200")
JDIH_SURVEI_BATAS_JAM = env_int("JDIH_SURVEI_BATAS_JAM", "10")
JDIH_SURVEI_BATAS_HARI = env_int("JDIH_SURVEI_BATAS_HARI", "20")
# --- akhir blok: pengunjung ---

# --- blok: api (API terbuka /api/v1/) — issue 12 ---
# CORS for GET on /api/ only, outside CSRF (the API never reads a cookie).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"), "api.cors.CorsApiMiddleware"
)
# Requests per client address (jdih.jaringan.alamat_klien; an IPv6 client is
# counted per /64) within a sliding window of seconds; 0 switches the limit off.
JDIH_API_BATAS = env_int("JDIH_API_BATAS", "120")
JDIH_API_JENDELA = env_int("JDIH_API_JENDELA", "60")
# The limit's counters live in their own cache, so a crowd of API clients
# cannot push the rendered public pages out of the default one.
CACHES["api"] = (
    {**CACHES["default"], "KEY_PREFIX": "api"}
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "api-batas",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
)
# Anonymous and read-only: no authentication (so no session, no CSRF), JSON
# only (no browsable API with its inline scripts), no body parsers, errors in
# Indonesian from api.galat; every limit and default is in the api app.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negosiasi.SelaluJson",
    "DEFAULT_THROTTLE_CLASSES": ["api.batas.BatasPerAlamat"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_METADATA_CLASS": None,
    "DEFAULT_VERSIONING_CLASS": None,
    "EXCEPTION_HANDLER": "api.galat.penangan_galat",
    "URL_FORMAT_OVERRIDE": None,
    "UNICODE_JSON": True,
    "COMPACT_JSON": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Terbuka JDIH KPU",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": [],
    "COMPONENT_SPLIT_REQUEST": False,
    # Operations in the order of api/urls.py (list before detail), as the
    # documentation page reads them.
    "SORT_OPERATIONS": False,
    "ENUM_NAME_OVERRIDES": {
        "StatusBerlakuEnum": "documents.models.StatusBerlaku",
        "TipeDokumenEnum": "documents.models.TipeDokumen",
        "TingkatSatkerEnum": "documents.models.Satker.Tingkat",
        "JenisRelasiEnum": "documents.models.JenisRelasi",
    },
    "PREPROCESSING_HOOKS": ["api.skema.hanya_api_v1"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.skema.lengkapi",
    ],
}
# --- akhir blok: api ---

# --- blok: penyimpanan-bersama (Redis, S3, unduhan besar) — issue 13 ---
# Media in an S3-compatible object store when S3_BUCKET is set (every node
# and the worker then share one bucket); without it, local files under
# MEDIA_ROOT as before. Checked at start-up by jdih.penyimpanan: a bucket
# without keys, a malformed endpoint or S3_* without S3_BUCKET stop the start.
from jdih.penyimpanan import awalan_x_accel, opsi_s3  # noqa: E402

S3_OPSI = opsi_s3(os.environ)
if S3_OPSI:
    STORAGES["default"] = {"BACKEND": "jdih.penyimpanan_s3.PenyimpananS3", "OPTIONS": S3_OPSI}
# Big downloads never stream through a sync worker (documents.unduhan): with
# S3 a redirect to a presigned URL valid this many seconds; with local files
# behind nginx, X-Accel-Redirect to this `internal` location prefix (e.g.
# /_berkas/ aliased to MEDIA_ROOT); with neither, Django streams as before.
S3_PRESIGN_DETIK = S3_OPSI["querystring_expire"] if S3_OPSI else 60
JDIH_UNDUH_X_ACCEL = awalan_x_accel(os.environ.get("JDIH_UNDUH_X_ACCEL", ""))
# --- akhir blok: penyimpanan-bersama ---

# --- blok: klaster (beberapa node) — issue 13 ---
# X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER above) is believed only from the
# proxies in JDIH_PROXY_TEPERCAYA, or loopback when that is empty: a client
# that reaches a node around the proxy cannot claim HTTPS (jdih.klaster).
# First of all middleware, before anything asks request.is_secure().
MIDDLEWARE.insert(0, "jdih.klaster.SkemaProxyMiddleware")
# Which node answered (deploy/klaster.sh names them a, b, ...): a response
# header, so an operator behind the proxy can tell the nodes apart.
JDIH_NODE = os.environ.get("JDIH_NODE", "").strip()
if JDIH_NODE and not all(c.isalnum() or c in "-_." for c in JDIH_NODE):
    raise PengaturanSalah(f"JDIH_NODE={JDIH_NODE!r}: hanya huruf, angka, '-', '_' dan '.'.")
# --- akhir blok: klaster ---

# --- blok: halaman-cepat (cache beranda/satker, hitungan tayang) — issue 13 ---
# Home and Satker pages cached whole per catalogue version (publicsite.cache_halaman):
# seconds a page lives with a shared cache (REDIS_URL), and with each
# process's own cache (a change made in another process shows after this).
JDIH_HALAMAN_CACHE_DETIK = env_int("JDIH_HALAMAN_CACHE_DETIK", "300")
JDIH_HALAMAN_CACHE_DETIK_LOKAL = env_int("JDIH_HALAMAN_CACHE_DETIK_LOKAL", "5")
# Views and downloads are written in batches (publicsite.hitungan): at most
# every this many seconds per process; 0 writes each one at once.
JDIH_HITUNGAN_SIMPAN_DETIK = env_int("JDIH_HITUNGAN_SIMPAN_DETIK", "10")
# ... or sooner when this many products wait in a process's own buffer.
JDIH_HITUNGAN_MAKS_PENYANGGA = env_int("JDIH_HITUNGAN_MAKS_PENYANGGA", "5000")
for _nama in (
    "JDIH_HALAMAN_CACHE_DETIK",
    "JDIH_HALAMAN_CACHE_DETIK_LOKAL",
    "JDIH_HITUNGAN_SIMPAN_DETIK",
    "JDIH_HITUNGAN_MAKS_PENYANGGA",
):
    if globals()[_nama] < 0:
        raise PengaturanSalah(f"{_nama}={globals()[_nama]}: isi bilangan bulat 0 atau lebih.")
# --- akhir blok: halaman-cepat ---

# --- blok: pencarian-skala — issue 13 ---
# --- akhir blok: pencarian-skala ---

# --- blok: pemantauan — issue 13 ---
# --- akhir blok: pemantauan ---

# --- blok: ekstraksi (usulan metadata dari dokumen) — issue 14 ---
# The worker reads each processed version's text into proposals for its record
# (ekstraksi.layanan); the prepare page and `impor_arsip --dari-dokumen` show or
# use them. Off: no proposals are computed or shown (uploads are unaffected).
JDIH_EKSTRAKSI_AKTIF = env_bool("JDIH_EKSTRAKSI_AKTIF", default=True)
# The extractor, as a dotted path (a seam for tests: a function of the same
# signature as ekstraksi.baca.ekstrak). Not read from the environment.
JDIH_EKSTRAKSI = "ekstraksi.baca.ekstrak"
# --- akhir blok: ekstraksi ---
