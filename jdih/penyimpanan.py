"""Shared cache and object storage, read from the environment at start-up.

Pure parsing, imported by jdih.settings: no Django models, no boto3 (the S3
backend itself lives in jdih.penyimpanan_s3 and is loaded only when S3 is on).
A value that cannot mean anything stops the start with ImproperlyConfigured
naming the variable: a typo must not quietly leave a node on its own cache or
on local files while its neighbours write to the shared ones.
"""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

# --- Redis (REDIS_URL) ---------------------------------------------------------

SKEMA_REDIS = {"redis", "rediss", "unix"}

# Seconds before a Redis call gives up: a dead Redis answers the request with
# an error at once instead of holding a sync worker for the TCP timeout.
BATAS_WAKTU_REDIS = 2


def _periksa_satu_redis(url: str) -> None:
    try:
        bagian = urlsplit(url)
        port = bagian.port  # raises ValueError for a port that is no number
    except ValueError as galat:
        raise ImproperlyConfigured(f"REDIS_URL={url!r}: alamat tidak sah ({galat}).") from galat
    if bagian.scheme not in SKEMA_REDIS:
        raise ImproperlyConfigured(
            f"REDIS_URL={url!r}: skema harus redis://, rediss:// atau unix:// "
            "(contoh: redis://127.0.0.1:6379/0)."
        )
    if bagian.scheme == "unix":
        if not bagian.path:
            raise ImproperlyConfigured(f"REDIS_URL={url!r}: unix:// perlu jalur soket.")
        return
    if not bagian.hostname:
        raise ImproperlyConfigured(f"REDIS_URL={url!r}: nama host Redis kosong.")
    if port is not None and not 0 < port < 65536:
        raise ImproperlyConfigured(f"REDIS_URL={url!r}: port di luar 1–65535.")
    db = bagian.path.strip("/")
    if db and not db.isdigit():
        raise ImproperlyConfigured(
            f"REDIS_URL={url!r}: nomor basis data Redis setelah '/' harus bilangan (mis. /0)."
        )


def lokasi_redis(nilai: str) -> str:
    """REDIS_URL checked; '' when unset. Several URLs separated by commas are
    Django's primary-then-replicas form; each is checked."""
    nilai = (nilai or "").strip()
    if not nilai:
        return ""
    for url in nilai.split(","):
        _periksa_satu_redis(url.strip())
    return ",".join(url.strip() for url in nilai.split(","))


def cache_redis(lokasi: str) -> dict:
    """The CACHES entry for a shared Redis at ``lokasi``."""
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Django splits "primary,replica,…" itself; writes go to the first.
        "LOCATION": lokasi,
        "OPTIONS": {
            "socket_connect_timeout": BATAS_WAKTU_REDIS,
            "socket_timeout": BATAS_WAKTU_REDIS,
        },
    }


# --- S3 (S3_*) -------------------------------------------------------------------

VARIABEL_S3 = (
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_ACCESS_KEY_ID",
    "S3_SECRET_ACCESS_KEY",
    "S3_REGION",
    "S3_ENDPOINT_URL_PUBLIK",
    "S3_PRESIGN_DETIK",
    "S3_ADDRESSING_STYLE",
)
# The rules every S3 implementation shares (AWS, MinIO, Ceph RGW, moto).
POLA_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
POLA_REGION = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")
GAYA_ALAMAT = {"auto", "path", "virtual"}
# S3 refuses a presigned URL valid for longer than a week.
MAKS_PRESIGN_DETIK = 7 * 24 * 3600
BAWAAN_PRESIGN_DETIK = 60


def _url_endpoint(nama: str, nilai: str) -> str | None:
    nilai = nilai.strip()
    if not nilai:
        return None
    try:
        bagian = urlsplit(nilai)
        port = bagian.port
    except ValueError as galat:
        raise ImproperlyConfigured(f"{nama}={nilai!r}: alamat tidak sah ({galat}).") from galat
    if bagian.scheme not in {"http", "https"} or not bagian.hostname:
        raise ImproperlyConfigured(
            f"{nama}={nilai!r}: isi alamat lengkap http:// atau https:// "
            "(contoh: https://s3.ap-southeast-3.amazonaws.com atau http://127.0.0.1:9000)."
        )
    if port is not None and not 0 < port < 65536:
        raise ImproperlyConfigured(f"{nama}={nilai!r}: port di luar 1–65535.")
    if bagian.query or bagian.fragment or bagian.username or bagian.password:
        raise ImproperlyConfigured(
            f"{nama}={nilai!r}: alamat endpoint tanpa ?, # atau nama:sandi@ "
            "(kunci diisi di S3_ACCESS_KEY_ID/S3_SECRET_ACCESS_KEY)."
        )
    return nilai.rstrip("/")


def _detik_presign(nilai: str | None) -> int:
    if nilai is None or not nilai.strip():
        return BAWAAN_PRESIGN_DETIK
    try:
        detik = int(nilai.strip())
    except ValueError:
        raise ImproperlyConfigured(
            f"S3_PRESIGN_DETIK={nilai!r}: isi bilangan bulat detik."
        ) from None
    if not 1 <= detik <= MAKS_PRESIGN_DETIK:
        raise ImproperlyConfigured(
            f"S3_PRESIGN_DETIK={nilai!r}: isi 1–{MAKS_PRESIGN_DETIK} detik (S3 menolak lebih lama)."
        )
    return detik


def opsi_s3(env) -> dict | None:
    """The OPTIONS of the S3 default storage (jdih.penyimpanan_s3.PenyimpananS3)
    from ``env`` (os.environ), or None when S3_BUCKET is unset."""
    bucket = env.get("S3_BUCKET", "").strip()
    if not bucket:
        lain = [n for n in VARIABEL_S3 if env.get(n, "").strip()]
        if lain:
            raise ImproperlyConfigured(
                f"{', '.join(lain)} diisi tetapi S3_BUCKET kosong: berkas akan tersimpan di "
                "disk lokal node ini saja. Isi S3_BUCKET, atau kosongkan variabel S3_* lainnya."
            )
        return None
    if not POLA_BUCKET.match(bucket) or ".." in bucket:
        raise ImproperlyConfigured(
            f"S3_BUCKET={bucket!r}: nama bucket 3–63 karakter huruf kecil, angka, '-' atau '.'."
        )
    kunci = env.get("S3_ACCESS_KEY_ID", "").strip()
    rahasia = env.get("S3_SECRET_ACCESS_KEY", "").strip()
    if not kunci or not rahasia:
        kurang = [
            n for n, v in (("S3_ACCESS_KEY_ID", kunci), ("S3_SECRET_ACCESS_KEY", rahasia)) if not v
        ]
        raise ImproperlyConfigured(
            f"S3_BUCKET={bucket!r} diisi tetapi {' dan '.join(kurang)} kosong: "
            "isi kunci akses penyimpanan objek."
        )
    region = env.get("S3_REGION", "").strip() or "us-east-1"
    if not POLA_REGION.match(region):
        raise ImproperlyConfigured(f"S3_REGION={region!r}: contoh region: ap-southeast-3.")
    endpoint = _url_endpoint("S3_ENDPOINT_URL", env.get("S3_ENDPOINT_URL", ""))
    publik = _url_endpoint("S3_ENDPOINT_URL_PUBLIK", env.get("S3_ENDPOINT_URL_PUBLIK", ""))
    # Path style by default off AWS: MinIO, Ceph or moto on an IP address have
    # no DNS name per bucket.
    gaya = env.get("S3_ADDRESSING_STYLE", "").strip().lower() or ("path" if endpoint else "auto")
    if gaya not in GAYA_ALAMAT:
        raise ImproperlyConfigured(f"S3_ADDRESSING_STYLE={gaya!r}: isi auto, path atau virtual.")
    return {
        "bucket_name": bucket,
        "access_key": kunci,
        "secret_key": rahasia,
        "region_name": region,
        "endpoint_url": endpoint,
        "endpoint_url_publik": publik,
        "addressing_style": None if gaya == "auto" else gaya,
        "signature_version": "s3v4",
        # Never replace an object under the same name (FileSystemStorage's
        # behaviour): django-storages overwrites by default.
        "file_overwrite": False,
        # Objects are private; readers get them only through a presigned URL
        # handed out after the publication check (documents.unduhan).
        "default_acl": None,
        "querystring_auth": True,
        "querystring_expire": _detik_presign(env.get("S3_PRESIGN_DETIK")),
    }


# --- X-Accel-Redirect (JDIH_UNDUH_X_ACCEL) ------------------------------------------


def awalan_x_accel(nilai: str) -> str:
    """The nginx ``internal`` location prefix, '' when unset."""
    nilai = (nilai or "").strip()
    if not nilai:
        return ""
    if not (nilai.startswith("/") and nilai.endswith("/")) or any(c in nilai for c in "?#\\ \r\n"):
        raise ImproperlyConfigured(
            f"JDIH_UNDUH_X_ACCEL={nilai!r}: isi awalan lokasi internal nginx yang diawali dan "
            "diakhiri '/', mis. /_berkas/."
        )
    return nilai
