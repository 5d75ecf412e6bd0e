"""The answer to a download, once the caller has decided the reader may have
the file (the publication check for the public, the permission check for
staff). This module checks nothing about who may read: call it last.

Three ways, by setting, so a big PDF never occupies a sync worker while a
slow reader drains it:

- S3 (S3_BUCKET): a 302 to a presigned URL valid for S3_PRESIGN_DETIK
  seconds; the object store answers with the filename, content type and
  Cache-Control the caller asked for. The redirect itself is never stored
  (the URL is a short-lived key).
- nginx in front of local files (JDIH_UNDUH_X_ACCEL = an ``internal``
  location prefix): an empty answer with ``X-Accel-Redirect``; nginx sends
  the file and strips the header, so readers never see the storage name.
- otherwise the file streamed by Django, as before.
"""

from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header

PRIVAT = "private, no-store"


def jawab_unduhan(
    berkas,
    *,
    nama: str,
    lampiran: bool = False,
    jenis: str = "application/pdf",
    cache_control: str | None = None,
    pesan_404: str = "Berkas tidak ditemukan.",
):
    """The response delivering ``berkas`` (a FieldFile) as ``nama``.

    ``lampiran``: download (attachment) rather than show inline.
    ``cache_control``: what the caller sends with the file (public files:
    "no-cache", so a take-down reaches readers at once); None leaves it to
    the staff middleware (private, no-store) and to the object store the
    private value."""
    if not berkas:
        raise Http404(pesan_404)
    storage = berkas.storage
    if hasattr(storage, "url_unduhan"):  # jdih.penyimpanan_s3.PenyimpananS3
        alamat = storage.url_unduhan(
            berkas.name,
            nama_berkas=nama,
            jenis=jenis,
            lampiran=lampiran,
            cache_control=cache_control or PRIVAT,
        )
        respons = HttpResponseRedirect(alamat)
        respons["Cache-Control"] = PRIVAT
        return respons
    awalan = getattr(settings, "JDIH_UNDUH_X_ACCEL", "")
    if awalan:
        if not storage.exists(berkas.name):
            raise Http404(pesan_404)
        respons = HttpResponse(b"", content_type=jenis)
        # nginx decodes the URI: quote it, so a name with a space or '%'
        # still finds its file (storage names use '/' as separator).
        respons["X-Accel-Redirect"] = awalan + quote(berkas.name.lstrip("/"))
        respons["Content-Disposition"] = content_disposition_header(lampiran, nama)
        if cache_control:
            respons["Cache-Control"] = cache_control
        return respons
    try:
        isi = berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404(pesan_404) from exc
    respons = FileResponse(isi, as_attachment=lampiran, filename=nama, content_type=jenis)
    if cache_control:
        respons["Cache-Control"] = cache_control
    return respons
