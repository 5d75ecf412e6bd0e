"""/healthz for load balancers and monitoring: is this node able to serve?

Checks the database, the cache and the default file storage (the three things
every page or upload needs). Anonymous, no CSRF, never cached; the answer
names only which part failed, the reason goes to the log.
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _basis_data():
    with connection.cursor() as c:
        c.execute("SELECT 1")
        if c.fetchone()[0] != 1:
            raise RuntimeError("SELECT 1 tidak menjawab 1")


def _cache():
    kunci, nilai = f"jdih:healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(kunci, nilai, timeout=30)
        if cache.get(kunci) != nilai:
            raise RuntimeError("nilai yang disimpan ke cache tidak terbaca kembali")
    finally:
        cache.delete(kunci)


def _penyimpanan():
    isi = uuid.uuid4().hex.encode()
    nama = default_storage.save(f"healthz/sehat-{uuid.uuid4().hex}.txt", ContentFile(isi))
    try:
        with default_storage.open(nama, "rb") as f:
            if f.read() != isi:
                raise RuntimeError("berkas uji terbaca berbeda")
    finally:
        default_storage.delete(nama)


PEMERIKSAAN = {"basis_data": _basis_data, "cache": _cache, "penyimpanan": _penyimpanan}


@csrf_exempt
@never_cache
@require_safe
def healthz(request):
    hasil = {}
    for nama, periksa in PEMERIKSAAN.items():
        try:
            periksa()
        except Exception:
            logger.exception("Pemeriksaan kesehatan gagal: %s", nama)
            hasil[nama] = "gagal"
        else:
            hasil[nama] = "ok"
    sehat = all(v == "ok" for v in hasil.values())
    return JsonResponse(
        {"status": "ok" if sehat else "gagal", "periksa": hasil},
        status=200 if sehat else 503,
    )
