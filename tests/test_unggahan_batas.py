"""Uploads are bounded before they are read (issue 11, item 3) and the
duplicate-file message names no other office's unpublished work (item 7).

Memory is asserted with tracemalloc (what Python allocates during the
request or the intake), never with time."""

import io
import os
import tracemalloc
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.test import TestCase
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from documents import ocr, pdf
from documents.berkas import SEMUA_SATKER, simpan_versi, tambah_lampiran
from documents.gambar import GambarTidakValid, baca_gambar
from documents.models import StatusPublikasi, VersiBerkas
from documents.pdf import BerkasTidakValid
from tests.alur_helpers import ajukan, buat_tim, majukan
from tests.factories import buat_produk, buat_satker, pdf_bytes, unggahan
from workflow.models import Status

pytestmark = pytest.mark.django_db

MiB = 1024 * 1024


# --- PDFs written object by object ------------------------------------------------


def tulis_pdf_mentah(keluaran, halaman) -> None:
    """Write a PDF to ``keluaran`` block by block. ``halaman``: one tuple per
    page (width pt, height pt, content stream as a list of byte blocks,
    its /Filter or None, an image (width px, height px, JPEG bytes) or None)."""
    offset = {}

    def objek(nomor, *bagian):
        offset[nomor] = keluaran.tell()
        keluaran.write(b"%d 0 obj\n" % nomor)
        for b in bagian:
            keluaran.write(b)
        keluaran.write(b"\nendobj\n")

    keluaran.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    nomor, anak = 3, []
    for lebar, tinggi, isi, saringan, gambar in halaman:
        hal, konten = nomor, nomor + 1
        nomor += 2
        sumber = b""
        if gambar is not None:
            w, h, jpeg = gambar
            objek(
                nomor,
                b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
                % (w, h, len(jpeg)),
                jpeg,
                b"\nendstream",
            )
            sumber = b" /Resources << /XObject << /Im0 %d 0 R >> >>" % nomor
            nomor += 1
        filter_ = b" /Filter " + saringan if saringan else b""
        objek(
            konten,
            b"<< /Length %d%s >>\nstream\n" % (sum(map(len, isi)), filter_),
            *isi,
            b"\nendstream",
        )
        objek(
            hal,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %s %s] /Contents %d 0 R%s >>"
            % (str(lebar).encode(), str(tinggi).encode(), konten, sumber),
        )
        anak.append(hal)
    objek(1, b"<< /Type /Catalog /Pages 2 0 R >>")
    daftar = b" ".join(b"%d 0 R" % k for k in anak)
    objek(2, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (daftar, len(anak)))
    xref = keluaran.tell()
    keluaran.write(b"xref\n0 %d\n0000000000 65535 f \n" % nomor)
    for i in range(1, nomor):
        keluaran.write(b"%010d 00000 n \n" % offset[i])
    keluaran.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (nomor, xref))


TEKS = [b"BT /Helvetica 12 Tf 10 10 Td (Keputusan) Tj ET"]


def pdf_mentah(*halaman) -> bytes:
    keluaran = io.BytesIO()
    tulis_pdf_mentah(keluaran, halaman)
    return keluaran.getvalue()


def jpeg_derau(sisi=600) -> bytes:
    keluaran = io.BytesIO()
    Image.frombytes("RGB", (sisi, sisi), os.urandom(sisi * sisi * 3)).save(
        keluaran, "JPEG", quality=95
    )
    return keluaran.getvalue()


def tulis_pdf_pindaian(jalur: Path, ukuran: int) -> None:
    """A scan-like PDF of about ``ukuran`` bytes: one JPEG page after another."""
    jpeg = jpeg_derau()
    isi = [b"q 595 0 0 842 0 0 cm /Im0 Do Q"]
    with open(jalur, "wb") as f:
        tulis_pdf_mentah(f, [(595, 842, isi, None, (600, 600, jpeg))] * (ukuran // len(jpeg)))


def bom_flate(mib: int) -> list[bytes]:
    """A valid zlib stream of ``mib`` MiB of zeros in about mib KiB: each
    MiB compressed after a full flush is the same bytes, so it is repeated
    rather than compressed again; the checksum is the real one."""
    blok = b"\0" * MiB
    kompresor = zlib.compressobj(9)
    awal = kompresor.compress(blok) + kompresor.flush(zlib.Z_FULL_FLUSH)
    ulang = kompresor.compress(blok) + kompresor.flush(zlib.Z_FULL_FLUSH)
    akhir = kompresor.flush()
    adler = 1
    for _ in range(mib):
        adler = zlib.adler32(blok, adler)
    return [awal, ulang * (mib - 1), akhir[:-4] + adler.to_bytes(4, "big")]


class Masukan:
    """A wsgi.input made of byte blocks and files, read lazily, counting
    what the server takes; ``tanpa_akhir`` sends zeros forever after."""

    def __init__(self, *sumber, tanpa_akhir=False):
        self.sumber = list(sumber)
        self.tanpa_akhir = tanpa_akhir
        self.dibaca = 0
        self._buka = None

    def read(self, n=-1):
        keluaran = b""
        while n < 0 or len(keluaran) < n:
            ingin = -1 if n < 0 else n - len(keluaran)
            if self._buka is None:
                if not self.sumber:
                    if self.tanpa_akhir:
                        keluaran += b"\0" * (ingin if ingin > 0 else MiB)
                        continue
                    break
                s = self.sumber.pop(0)
                self._buka = s.open("rb") if isinstance(s, Path) else io.BytesIO(s)
            potong = self._buka.read(ingin)
            if not potong:
                self._buka.close()
                self._buka = None
                continue
            keluaran += potong
        self.dibaca += len(keluaran)
        return keluaran

    def readline(self, n=-1):
        return self.read(n if n > 0 else 1)


def kirim_multipart(client, url, masukan, panjang, **extra):
    return client.generic(
        "POST",
        url,
        b"",
        **{
            "CONTENT_TYPE": MULTIPART_CONTENT,
            "CONTENT_LENGTH": str(panjang),
            "wsgi.input": masukan,
            **extra,
        },
    )


def bagian_multipart(nama_berkas: str, panjang_berkas: int, **isian) -> tuple[bytes, bytes]:
    """The multipart body around one file field "berkas": (before, after)."""
    depan = encode_multipart(BOUNDARY, isian).rsplit(f"--{BOUNDARY}--".encode(), 1)[0]
    depan += (
        f"--{BOUNDARY}\r\n"
        f'Content-Disposition: form-data; name="berkas"; filename="{nama_berkas}"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    return depan, f"\r\n--{BOUNDARY}--\r\n".encode()


@pytest.fixture
def siapkan(client):
    """A Pengelola logged in on the prepare page of a request, where files
    are uploaded."""
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    return tim, p, reverse("workflow:siapkan", args=[p.pk])


def sisa_sementara() -> list[Path]:
    return [f for f in Path(settings.FILE_UPLOAD_TEMP_DIR).glob("*.upload*") if f.is_file()]


# --- (a) the limit is checked before the body is read -----------------------------------


def test_request_declaring_more_than_the_limit_gets_413_and_its_body_is_never_read(client, siapkan):
    tim, p, url = siapkan
    masukan = Masukan(tanpa_akhir=True)
    respons = kirim_multipart(client, url, masukan, 300 * MiB)
    assert respons.status_code == 413
    teks = respons.content.decode()
    assert "Berkas terlalu besar" in teks
    assert "melebihi batas" in teks and "300" in teks
    assert masukan.dibaca == 0
    assert p.produk.versi.count() == 1


def test_chunked_request_without_length_is_refused_unread(client, siapkan):
    tim, p, url = siapkan
    masukan = Masukan(tanpa_akhir=True)
    respons = client.generic(
        "POST",
        url,
        b"",
        **{
            "CONTENT_TYPE": MULTIPART_CONTENT,
            "HTTP_TRANSFER_ENCODING": "chunked",
            "wsgi.input": masukan,
        },
    )
    assert respons.status_code == 411
    assert "Content-Length" in respons.content.decode()
    assert masukan.dibaca == 0
    assert p.produk.versi.count() == 1


def test_file_passing_the_pdf_limit_is_cut_off_by_the_upload_handler_while_streaming(
    client, siapkan, settings, tmp_path
):
    settings.JDIH_MAKS_UKURAN_PDF = 256 * 1024
    tim, p, url = siapkan
    besar = tmp_path / "besar.pdf"
    tulis_pdf_pindaian(besar, 2 * MiB)
    depan, belakang = bagian_multipart("besar.pdf", besar.stat().st_size, unggah_berkas="1")
    panjang = len(depan) + besar.stat().st_size + len(belakang)
    assert panjang < settings.JDIH_MAKS_UKURAN_PDF + settings.JDIH_KELONGGARAN_FORMULIR
    masukan = Masukan(depan, besar, belakang)
    respons = kirim_multipart(client, url, masukan, panjang)
    assert respons.status_code == 413
    assert "melebihi batas 256" in respons.content.decode()
    # Stopped soon after the limit, not after the whole body.
    assert masukan.dibaca < settings.JDIH_MAKS_UKURAN_PDF + MiB
    assert p.produk.versi.count() == 1
    assert sisa_sementara() == []


def test_malformed_multipart_body_is_a_400_not_a_500(client, siapkan):
    tim, p, url = siapkan
    respons = client.generic("POST", url, b"bukan multipart", content_type="multipart/form-data")
    assert respons.status_code == 400
    assert p.produk.versi.count() == 1


def test_refusal_page_links_back_only_to_this_site(client, siapkan):
    tim, p, url = siapkan
    respons = kirim_multipart(
        client, url, Masukan(), 300 * MiB, HTTP_REFERER="https://jahat.example/tiru"
    )
    assert 'href="/"' in respons.content.decode()
    respons = kirim_multipart(
        client, url, Masukan(), 300 * MiB, HTTP_REFERER=f"http://testserver{url}"
    )
    assert f'href="http://testserver{url}"' in respons.content.decode()


# --- (b) streamed to a temporary file, never joined in memory -------------------------------


def test_30_mb_upload_through_the_page_never_sits_in_memory(client, siapkan, tmp_path):
    tim, p, url = siapkan
    besar = tmp_path / "pindaian.pdf"
    tulis_pdf_pindaian(besar, 30 * MiB)
    ukuran = besar.stat().st_size
    depan, belakang = bagian_multipart("pindaian.pdf", ukuran, unggah_berkas="1")
    masukan = Masukan(depan, besar, belakang)
    tracemalloc.start()
    try:
        respons = kirim_multipart(client, url, masukan, len(depan) + ukuran + len(belakang))
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert respons.status_code == 302
    versi = p.produk.versi.get(nomor_versi=2)
    assert versi.ukuran == ukuran
    with versi.berkas.open("rb") as f:
        assert pdf._sha256(f) == versi.sha256
    # Today's intake joined the whole file in memory (> 30 MB) and hashed a copy.
    assert puncak < 8 * MiB, f"puncak {puncak / MiB:.1f} MiB"
    assert sisa_sementara() == []


def test_intake_of_a_30_mb_temporary_upload_reads_it_where_it_lies(tmp_path):
    produk = buat_produk(berkas=False)
    berkas = TemporaryUploadedFile("pindaian.pdf", "application/pdf", 0, None)
    tulis_pdf_pindaian(Path(berkas.temporary_file_path()), 30 * MiB)
    berkas.size = os.path.getsize(berkas.temporary_file_path())
    tracemalloc.start()
    try:
        versi = simpan_versi(produk, berkas, proses=lambda v: None)
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    berkas.close()  # as Django does at the end of the request; the file was moved
    assert versi.ukuran == berkas.size
    assert puncak < 8 * MiB, f"puncak {puncak / MiB:.1f} MiB"


# --- (c) page count and page size ------------------------------------------------------


def test_pdf_with_more_pages_than_the_limit_is_refused(settings):
    settings.JDIH_MAKS_HALAMAN = 3
    produk = buat_produk(berkas=False)
    with pytest.raises(BerkasTidakValid) as galat:
        simpan_versi(produk, unggahan(pdf_bytes(halaman_tambahan=4)))
    assert "5 halaman, melebihi batas 3 halaman" in galat.value.messages[0]
    assert VersiBerkas.objects.count() == 0


def test_default_page_limit_is_2000():
    assert pdf.batas_halaman() == 2000


@pytest.mark.parametrize(
    ("lebar", "tinggi"), [(20_000, 842), (595, 100_000), (0.2, 842)], ids=["lebar", "tinggi", "nol"]
)
def test_page_of_absurd_size_is_refused(lebar, tinggi):
    produk = buat_produk(berkas=False)
    with pytest.raises(BerkasTidakValid) as galat:
        simpan_versi(produk, unggahan(pdf_mentah((lebar, tinggi, TEKS, None, None))))
    assert "Ukuran halaman 1 tidak wajar" in galat.value.messages[0]
    assert VersiBerkas.objects.count() == 0


def test_image_declaring_absurd_pixels_is_refused():
    produk = buat_produk(berkas=False)
    raksasa = (100_000, 100_000, jpeg_derau(100))
    data = pdf_mentah((595, 842, [b"q 595 0 0 842 0 0 cm /Im0 Do Q"], None, raksasa))
    with pytest.raises(BerkasTidakValid) as galat:
        simpan_versi(produk, unggahan(data))
    assert "100.000 × 100.000 piksel" in galat.value.messages[0]


# --- (d) decompression is bounded ---------------------------------------------------------


def test_decompression_bomb_is_refused_without_growing_past_the_budget(settings):
    settings.JDIH_MAKS_DEKOMPRESI = 32 * MiB
    produk = buat_produk(berkas=False)
    data = pdf_mentah((595, 842, bom_flate(1024), b"/FlateDecode", None))
    assert len(data) < 2 * MiB  # 1 GiB of zeros once inflated
    tracemalloc.start()
    try:
        with pytest.raises(BerkasTidakValid) as galat:
            simpan_versi(produk, unggahan(data))
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "mengembang melebihi batas" in galat.value.messages[0]
    assert puncak < 8 * MiB, f"puncak {puncak / MiB:.1f} MiB"
    assert VersiBerkas.objects.count() == 0


def test_bomb_hidden_in_a_double_filter_is_refused_too(settings):
    settings.JDIH_MAKS_DEKOMPRESI = 8 * MiB
    dalam = b"".join(bom_flate(64))
    data = pdf_mentah((595, 842, [zlib.compress(dalam)], b"[/FlateDecode /FlateDecode]", None))
    with pytest.raises(BerkasTidakValid) as galat:
        pdf.periksa_pdf(data)
    assert "mengembang" in galat.value.messages[0]


def test_ordinary_compressed_pdf_is_well_within_the_budget():
    data = pdf_mentah((595, 842, [zlib.compress(b"BT (x) Tj ET " * 10_000)], b"/FlateDecode", None))
    assert pdf.periksa_pdf(data).jumlah_halaman == 1


# --- (e) renders scale by the larger side ---------------------------------------------------


STRIP = (1, 5000, TEKS, None, None)


def test_thumbnail_of_a_strip_page_is_bounded_by_its_length():
    assert pdf.skala_thumbnail(1, 5000) * 5000 <= 2 * pdf.THUMBNAIL_LEBAR
    gambar = Image.open(io.BytesIO(pdf.render_thumbnail(pdf_mentah(STRIP))))
    assert gambar.height <= 2 * pdf.THUMBNAIL_LEBAR
    assert gambar.width <= pdf.THUMBNAIL_LEBAR
    # An A4 page keeps its 320-pixel-wide thumbnail.
    assert Image.open(io.BytesIO(pdf.render_thumbnail(pdf_bytes()))).width == 320


def test_ocr_render_of_a_strip_page_is_bounded_by_its_length():
    assert ocr.skala_render(1, 5000, 300) * 5000 <= ocr.MAKS_PIKSEL_SISI
    assert ocr.skala_render(0, 0, 300) > 0  # a degenerate page does not divide by zero
    import pypdfium2 as pdfium

    dokumen = pdfium.PdfDocument(pdf_mentah(STRIP))
    try:
        pnm = ocr._render_pnm(dokumen[0], 300)
    finally:
        dokumen.close()
    gambar = Image.open(io.BytesIO(pnm))
    assert max(gambar.size) <= ocr.MAKS_PIKSEL_SISI


def test_strip_page_is_accepted_and_processed_into_a_small_thumbnail():
    produk = buat_produk(berkas=False)
    with TestCase.captureOnCommitCallbacks(execute=True):
        versi = simpan_versi(produk, unggahan(pdf_mentah(STRIP)))
    versi.refresh_from_db()
    assert versi.status_proses == VersiBerkas.StatusProses.SELESAI, versi.pesan_proses
    with versi.thumbnail.open("rb") as f:
        assert Image.open(f).height <= 2 * pdf.THUMBNAIL_LEBAR


def test_image_upload_is_refused_by_its_size_before_it_is_read():
    class TakBolehDibaca(io.BytesIO):
        def read(self, *args):
            raise AssertionError("dibaca seluruhnya")

    with pytest.raises(GambarTidakValid) as galat:
        baca_gambar(TakBolehDibaca(b"\0" * (11 * MiB)))
    assert "melebihi batas" in galat.value.messages[0]


# --- item 7: the duplicate-file message ---------------------------------------------------


def _tersimpan_di(satker, *, terbit=False, lampiran=False):
    """A product of ``satker`` holding a file; its bytes."""
    produk = buat_produk(satker, berkas=False, terbit=terbit)
    data = pdf_bytes()
    if lampiran:
        lamp = tambah_lampiran(produk, "Daftar Rahasia", unggahan(data), proses=lambda v: None)
        versi = lamp.versi.get()
    else:
        versi = simpan_versi(produk, unggahan(data), proses=lambda v: None)
    if terbit:
        versi.diterbitkan_pada = timezone.now()
        versi.save(update_fields=["diterbitkan_pada"])
    return produk, data


def _pesan_duplikat(target, data, **kw) -> str:
    with pytest.raises(BerkasTidakValid) as galat:
        simpan_versi(target, unggahan(data), proses=lambda v: None, **kw)
    return galat.value.messages[0]


@pytest.mark.parametrize("lampiran", [False, True], ids=["naskah", "lampiran"])
def test_duplicate_of_another_offices_draft_names_nothing(lampiran):
    lain, data = _tersimpan_di(buat_satker(), lampiran=lampiran)
    pesan = _pesan_duplikat(buat_produk(buat_satker(), berkas=False), data)
    assert pesan.startswith("Berkas identik sudah tersimpan di sistem JDIH.")
    for bocor in (str(lain), lain.nomor, str(lain.satker), lain.satker.nama, "Daftar Rahasia"):
        assert bocor not in pesan


def test_duplicate_of_another_offices_taken_down_product_names_nothing():
    lain, data = _tersimpan_di(buat_satker(), terbit=True)
    lain.status_publikasi = StatusPublikasi.DITURUNKAN
    lain.save(update_fields=["status_publikasi"])
    pesan = _pesan_duplikat(buat_produk(buat_satker(), berkas=False), data)
    assert str(lain) not in pesan and str(lain.satker) not in pesan


def test_duplicate_of_a_public_product_is_named():
    lain, data = _tersimpan_di(buat_satker(), terbit=True)
    pesan = _pesan_duplikat(buat_produk(buat_satker(), berkas=False), data)
    assert f"sebagai {lain} ({lain.satker}), versi 1" in pesan


def test_duplicate_in_the_office_uploaded_to_is_named():
    satker = buat_satker()
    sendiri, data = _tersimpan_di(satker, lampiran=True)
    pesan = _pesan_duplikat(buat_produk(satker, berkas=False), data)
    assert f"lampiran 1 {sendiri} ({satker})" in pesan


def test_duplicate_in_another_of_the_uploaders_offices_is_named_when_passed():
    satker_lain = buat_satker()
    lain, data = _tersimpan_di(satker_lain)
    target = buat_produk(buat_satker(), berkas=False)
    assert str(lain) not in _pesan_duplikat(target, data)
    assert str(lain) in _pesan_duplikat(target, data, satker_pengguna=[satker_lain.pk])
    assert str(lain) in _pesan_duplikat(target, data, satker_pengguna=SEMUA_SATKER)


def test_duplicate_is_named_for_a_superuser(admin_user):
    lain, data = _tersimpan_di(buat_satker())
    pesan = _pesan_duplikat(buat_produk(buat_satker(), berkas=False), data, oleh=admin_user)
    assert str(lain) in pesan


def test_of_two_copies_the_one_the_uploader_may_see_is_named():
    satker = buat_satker()
    rahasia, data = _tersimpan_di(buat_satker())
    milik = buat_produk(satker, berkas=False)
    # An earlier copy, before the duplicate check existed, in the uploader's office.
    VersiBerkas.objects.create(
        produk=milik, nomor_versi=1, sha256=rahasia.versi.get().sha256, ukuran=1, jumlah_halaman=1
    )
    pesan = _pesan_duplikat(buat_produk(satker, berkas=False), data)
    assert str(milik) in pesan and str(rahasia) not in pesan


def test_pengelola_page_does_not_name_another_offices_draft(client, siapkan):
    tim, p, url = siapkan
    lain, data = _tersimpan_di(buat_satker())
    respons = client.post(url, {"berkas": unggahan(data), "unggah_berkas": "1"})
    galat = respons.context["berkas"].errors["berkas"][0]
    assert "sudah tersimpan di sistem JDIH" in galat
    assert str(lain) not in respons.content.decode()
    assert lain.satker.nama not in respons.content.decode()
