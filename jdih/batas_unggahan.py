"""Uploads are bounded before they are read.

A request whose declared size (Content-Length) is over the limit is answered
413 before a byte of its body is read; one that declares no size but sends a
body (chunked) is answered 411, since Django would read nothing of it anyway.
A multipart body is parsed here, before any view runs, by the configured
upload handlers: this module's handler first, which stops the upload once a
file passes the PDF limit or the body passes the request limit (whatever the
server let through), then Django's, which stream each file to a temporary
file on disk. Nothing of a refused upload reaches a view, so nothing of it
is saved.
"""

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpResponse
from django.template import engines
from django.template.defaultfilters import filesizeformat
from django.utils.http import url_has_allowed_host_and_scheme

# Room for the multipart headers and the form's other fields beside one PDF.
BAWAAN_KELONGGARAN = 2 * 1024 * 1024

HALAMAN = """{% extends "base.html" %}
{% block title %}{{ judul }} — JDIH KPU{% endblock %}
{% block content %}
<section class="kartu">
  <h1>{{ judul }}</h1>
  <p>{{ pesan }}</p>
  <p>Tidak ada yang tersimpan dari unggahan ini. Perkecil berkas (mis. pindai ulang 150 dpi
  atau pecah naskah menjadi beberapa lampiran), lalu unggah kembali.</p>
  <p><a href="{{ kembali }}">Kembali ke halaman sebelumnya</a></p>
</section>
{% endblock %}
"""


def batas_berkas() -> int:
    """The largest file accepted in an upload: the PDF limit."""
    return settings.JDIH_MAKS_UKURAN_PDF


BERKAS_PER_FORMULIR = 2


def batas_permintaan() -> int:
    """The largest request body accepted: the form with the most PDFs (a
    request carries its Nota Dinas and the naskah asli) and the fields around
    them. Each file is still held to batas_berkas() on its own."""
    return BERKAS_PER_FORMULIR * batas_berkas() + getattr(
        settings, "JDIH_KELONGGARAN_FORMULIR", BAWAAN_KELONGGARAN
    )


def _halaman_ditolak(request, status: int, judul: str, pesan: str) -> HttpResponse:
    kembali = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        kembali, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        kembali = "/"
    templat = engines["django"].from_string(HALAMAN)
    isi = templat.render({"judul": judul, "pesan": pesan, "kembali": kembali}, request)
    # No "Connection: close" here: a hop-by-hop header is the server's to set
    # (runserver refuses it from the application); gunicorn closes anyway.
    return HttpResponse(isi, status=status)


def terlalu_besar(request, ukuran: int | None = None) -> HttpResponse:
    batas = filesizeformat(batas_berkas())
    if ukuran:
        pesan = (
            f"Unggahan berukuran {filesizeformat(ukuran)} melebihi batas {batas} per berkas PDF."
        )
    else:
        pesan = f"Berkas yang diunggah melebihi batas {batas} per berkas PDF."
    return _halaman_ditolak(request, 413, "Berkas terlalu besar", pesan)


def _panjang(request) -> int | None:
    try:
        return int(request.META.get("CONTENT_LENGTH") or "")
    except ValueError:
        return None


class BatasUnggahanMiddleware:
    """Refuse an oversized request from its headers; parse a multipart body
    here, under the upload handler's limit, before any view sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        panjang = _panjang(request)
        if panjang is not None and panjang > batas_permintaan():
            return terlalu_besar(request, panjang)
        if panjang is None and "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return _halaman_ditolak(
                request,
                411,
                "Ukuran unggahan tidak diketahui",
                "Permintaan ini tidak menyebutkan ukurannya (Content-Length), sehingga "
                "tidak dapat diterima. Unggah berkas melalui formulir di peramban.",
            )
        if request.method == "POST" and request.content_type == "multipart/form-data":
            request.POST  # noqa: B018 — parse now, through the upload handlers
            if getattr(request, "_unggahan_melebihi_batas", False):
                return terlalu_besar(request)
        return self.get_response(request)


class BatasUnggahanHandler(FileUploadHandler):
    """First of FILE_UPLOAD_HANDLERS: passes every block on to the next
    handler (which writes it to a temporary file) and stops the upload once
    one file passes the PDF limit or all of them the request limit, without
    reading the rest of the body."""

    def __init__(self, request=None):
        super().__init__(request)
        self.jumlah = 0

    def receive_data_chunk(self, raw_data, start):
        self.jumlah += len(raw_data)
        if start + len(raw_data) > batas_berkas() or self.jumlah > batas_permintaan():
            if self.request is not None:
                self.request._unggahan_melebihi_batas = True
            raise StopUpload(connection_reset=True)
        return raw_data

    def file_complete(self, file_size):
        return None
