"""Certified copies ("salinan"): the signed original with a verification stamp.

Pure function over bytes: no models, no storage, no settings.

Every page keeps its own size. Its content is shrunk (uniform scale, centred
horizontally) to free a band along the bottom edge *as the page is displayed*
(so /Rotate, landscape pages and a non-zero MediaBox/CropBox origin work), and
the stamp is drawn in that band: "Salinan sesuai dengan aslinya", the office,
the certifying official, a QR code of the verification URL, the code, and
"Halaman x dari y".

Speed: the original content streams are never parsed. Each page's /Contents
becomes ``[q <scale> cm, ...original streams..., Q <stamp>]`` and the stamp is
a Form XObject: one per distinct page size (QR and all, drawn once by
reportlab), wrapped per page in a tiny form that adds the page number.
"""

import io
import math
import unicodedata
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
)
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from documents.pdf import BerkasTidakValid

# The stamp is laid out for a band of PITA_NOMINAL pt on a page at least
# LEBAR_MINIMAL pt wide and TINGGI_PENUH pt tall (A4/Letter portrait, A4
# landscape); smaller pages get the same layout scaled down.
PITA_NOMINAL = 95.0
TINGGI_PENUH = 595.0
LEBAR_MINIMAL = 460.0

HURUF = "Helvetica"
HURUF_TEBAL = "Helvetica-Bold"
HURUF_KODE = "Courier"
TINTA = Color(0.08, 0.12, 0.28)  # dark navy, the usual stamp ink
GARIS = Color(0.55, 0.58, 0.66)

_PESAN_RUSAK = "Berkas PDF asli rusak dan tidak dapat dibaca, sehingga salinan tidak dapat dibuat."


@dataclass(frozen=True)
class Cap:
    """What the stamp says."""

    satker: str  # e.g. "Komisi Pemilihan Umum Kabupaten Sorong Selatan"
    nama_pejabat: str  # certifying official, e.g. "Mohammad Rusdianto, S.H."
    nip: str  # 18 digits
    jabatan: str  # e.g. "Kepala Subbagian Hukum dan SDM"
    url_verifikasi: str  # absolute URL, encoded in the QR code
    kode: str  # the verification code, printed under the QR code
    nomor: str = ""  # the document's number, printed in the stamp if given


def buat_salinan(data: bytes, cap: Cap) -> bytes:
    """The certified copy of the PDF ``data``: same pages, each one stamped."""
    writer, tata = _baca(data)
    halaman_cap = _buat_cap(cap, tata)
    try:
        _tempel(writer, tata, halaman_cap)
        keluaran = io.BytesIO()
        writer.write(keluaran)
    except BerkasTidakValid:
        raise
    except Exception as exc:
        raise BerkasTidakValid(_PESAN_RUSAK) from exc
    return keluaran.getvalue()


# --- Geometry -----------------------------------------------------------------

Matriks = tuple[float, float, float, float, float, float]


def _kali(m1: Matriks, m2: Matriks) -> Matriks:
    """m1 then m2 (PDF row-vector convention: [x y 1] · m1 · m2)."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (
        a1 * a2 + b1 * c2,
        a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2,
        c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2,
        e1 * b2 + f1 * d2 + f2,
    )


def _balik(m: Matriks) -> Matriks:
    a, b, c, d, e, f = m
    det = a * d - b * c
    ia, ib, ic, id_ = d / det, -b / det, -c / det, a / det
    return (ia, ib, ic, id_, -(e * ia + f * ic), -(e * ib + f * id_))


@dataclass(frozen=True)
class _Tata:
    """How one page geometry is stamped (shared by pages with the same geometry)."""

    lebar: float  # displayed width (after /Rotate)
    tinggi: float  # displayed height
    pita: float  # height of the stamp band
    skala_cap: float  # stamp layout scale (1 on A4-sized pages)
    isi: Matriks  # user space: shrinks the original content above the band
    ke_halaman: Matriks  # displayed ("visual") coordinates -> user space


def _tata_halaman(kotak: tuple[float, float, float, float], putar: int) -> _Tata:
    x0, y0, x1, y1 = kotak
    # User space -> displayed coordinates (origin bottom-left of the page as seen).
    ke_visual: Matriks = {
        0: (1, 0, 0, 1, -x0, -y0),
        90: (0, -1, 1, 0, -y0, x1),
        180: (-1, 0, 0, -1, x1, y1),
        270: (0, 1, -1, 0, y1, -x0),
    }[putar]
    lebar, tinggi = (x1 - x0, y1 - y0) if putar in (0, 180) else (y1 - y0, x1 - x0)
    skala_cap = min(1.0, tinggi / TINGGI_PENUH, lebar / LEBAR_MINIMAL)
    pita = PITA_NOMINAL * skala_cap
    s = (tinggi - pita) / tinggi
    susut: Matriks = (s, 0, 0, s, (1 - s) * lebar / 2, pita)
    ke_halaman = _balik(ke_visual)
    return _Tata(
        lebar=lebar,
        tinggi=tinggi,
        pita=pita,
        skala_cap=skala_cap,
        isi=_kali(_kali(ke_visual, susut), ke_halaman),
        ke_halaman=ke_halaman,
    )


def _geometri(halaman) -> tuple[tuple[float, float, float, float], int]:
    kotak = halaman.cropbox
    xs = sorted((float(kotak.left), float(kotak.right)))
    ys = sorted((float(kotak.bottom), float(kotak.top)))
    if xs[1] - xs[0] < 1 or ys[1] - ys[0] < 1:
        raise BerkasTidakValid("Berkas PDF asli memiliki halaman tanpa ukuran yang sah.")
    putar = int(round(float(halaman.get("/Rotate", 0) or 0) / 90.0)) * 90 % 360
    bulat = tuple(round(v, 3) for v in (xs[0], ys[0], xs[1], ys[1]))
    return bulat, putar


def _baca(data: bytes) -> tuple[PdfWriter, list[_Tata]]:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        terenkripsi = reader.is_encrypted
    except Exception as exc:
        raise BerkasTidakValid(_PESAN_RUSAK) from exc
    if terenkripsi:
        raise BerkasTidakValid(
            "Berkas PDF asli terkunci dengan kata sandi/enkripsi, sehingga salinan tidak dapat "
            "dibuat. Simpan ulang naskah tanpa kata sandi, lalu unggah kembali."
        )
    try:
        writer = PdfWriter(clone_from=reader)
        per_geometri: dict[tuple, _Tata] = {}
        tata = []
        for halaman in writer.pages:
            kunci = _geometri(halaman)
            if kunci not in per_geometri:
                per_geometri[kunci] = _tata_halaman(*kunci)
            tata.append(per_geometri[kunci])
    except BerkasTidakValid:
        raise
    except Exception as exc:
        raise BerkasTidakValid(_PESAN_RUSAK) from exc
    if not tata:
        raise BerkasTidakValid("Berkas PDF asli tidak memiliki halaman.")
    return writer, tata


# --- The stamp (reportlab) ------------------------------------------------------

# Layout in nominal units: a band PITA_NOMINAL tall; the page is lebar / skala wide.
TEPI_MIN = 28.0
KOTAK_BAWAH = 7.0
KOTAK_TINGGI = 80.0
QR = 60.0
PAD = 7.0
KOLOM_KIRI_MIN = 130.0


def _muat(teks: str, huruf: str, ukuran: float, lebar: float, minimal: float = 4.5) -> float:
    """The font size (at most ``ukuran``) at which ``teks`` fits ``lebar``."""
    w = stringWidth(teks, huruf, ukuran)
    return ukuran if w <= lebar else max(minimal, ukuran * lebar / w)


def _potong_url(url: str, huruf: str, ukuran: float, lebar: float) -> list[str]:
    """Wrap a URL by characters (it has no spaces), preferably after a '/'."""
    per_baris = max(8, int(lebar / stringWidth("M", huruf, ukuran)))
    baris = []
    while len(url) > per_baris:
        potong = url.rfind("/", 0, per_baris) + 1
        if potong < per_baris * 0.6:
            potong = per_baris
        baris.append(url[:potong])
        url = url[potong:]
    return [*baris, url] if url else baris


def _aman(teks: str) -> str:
    """Text the standard (WinAnsi) fonts can show: accents they lack are dropped
    ("Ā" -> "A"), anything else becomes "?"."""
    hasil = []
    for huruf in " ".join(teks.split()):
        try:
            huruf.encode("cp1252")
        except UnicodeEncodeError:
            dasar = unicodedata.normalize("NFKD", huruf)
            dasar = "".join(c for c in dasar if not unicodedata.combining(c)) or "?"
            huruf = dasar.encode("cp1252", "replace").decode("cp1252")
        hasil.append(huruf)
    return "".join(hasil)


def _bungkus(teks: str, huruf: str, ukuran: float, lebar: float) -> list[tuple[str, float]]:
    """``teks`` as one line, or two when one would need a much smaller font."""
    if stringWidth(teks, huruf, ukuran * 0.88) <= lebar:
        return [(teks, _muat(teks, huruf, ukuran, lebar))]
    ukuran = ukuran * 0.94
    baris = simpleSplit(teks, huruf, ukuran, lebar)
    while len(baris) > 2 and ukuran > 5.0:
        ukuran -= 0.25
        baris = simpleSplit(teks, huruf, ukuran, lebar)
    baris = [*baris[:1], " ".join(baris[1:])]
    return [(b, _muat(b, huruf, ukuran, lebar)) for b in baris]


def _gambar_qr(kanvas: canvas.Canvas, url: str, x: float, y: float, sisi: float) -> None:
    kode = QrCodeWidget(url, barLevel="M", barBorder=0, barWidth=sisi, barHeight=sisi)
    kode.barFillColor = Color(0, 0, 0)
    gambar = Drawing(sisi, sisi)
    gambar.add(kode)
    renderPDF.draw(gambar, kanvas, x, y)


def _gambar_cap(kanvas: canvas.Canvas, cap: Cap, lebar_nominal: float) -> tuple[float, float]:
    """Draw the stamp (all but the page number) in nominal units.

    Returns where the page number goes (x, baseline) in the same units."""
    tepi = max(TEPI_MIN, 0.07 * lebar_nominal)
    satker = (_aman(cap.satker).upper(), HURUF_TEBAL, 7.0)
    jabatan = (_aman(cap.jabatan) + ",", HURUF, 7.0)
    nama = (_aman(cap.nama_pejabat), HURUF_TEBAL, 7.5)
    nip = (f"NIP. {_aman(cap.nip)}", HURUF, 7.0)
    isi_lebar = max(stringWidth(*b) for b in (satker, jabatan, nama, nip))
    kotak_maks = lebar_nominal - 2 * tepi - KOLOM_KIRI_MIN - 14
    teks_lebar = min(max(isi_lebar, 150.0), kotak_maks - QR - 4 * PAD)
    kotak_lebar = QR + 4 * PAD + teks_lebar
    kotak_x = lebar_nominal - tepi - kotak_lebar

    # A hairline across the band marks where the original page ends.
    kanvas.setStrokeColor(GARIS)
    kanvas.setLineWidth(0.4)
    kanvas.line(tepi, PITA_NOMINAL - 2.5, lebar_nominal - tepi, PITA_NOMINAL - 2.5)

    # The box: QR + code on the left, the attestation on the right.
    kanvas.setStrokeColor(TINTA)
    kanvas.setLineWidth(0.8)
    kanvas.roundRect(kotak_x, KOTAK_BAWAH, kotak_lebar, KOTAK_TINGGI, 3, stroke=1, fill=0)
    qr_x = kotak_x + PAD
    qr_y = KOTAK_BAWAH + KOTAK_TINGGI - PAD - QR
    _gambar_qr(kanvas, cap.url_verifikasi, qr_x, qr_y, QR)
    kanvas.setFillColor(TINTA)
    kode = _aman(cap.kode)
    kanvas.setFont(HURUF_KODE, _muat(kode, HURUF_KODE, 5.5, QR + 1.6 * PAD, minimal=3.0))
    kanvas.drawCentredString(qr_x + QR / 2, KOTAK_BAWAH + 3.2, kode)
    kanvas.setLineWidth(0.4)
    kanvas.line(qr_x + QR + PAD, KOTAK_BAWAH + 6, qr_x + QR + PAD, KOTAK_BAWAH + KOTAK_TINGGI - 6)

    # (text, font, size, space below); satker and jabatan may take two lines.
    baris = [("Salinan sesuai dengan aslinya", HURUF_TEBAL, 8.0, 3.6)]
    for teks, huruf, ukuran in (satker, jabatan):
        potongan = _bungkus(teks, huruf, ukuran, teks_lebar)
        baris += [(t, huruf, u, 1.8) for t, u in potongan[:-1]]
        baris += [(t, huruf, u, 3.6) for t, u in potongan[-1:]]
    baris[-1] = (*baris[-1][:3], 3.6 + 8.0)  # room for the (absent) wet signature
    baris += [(t, h, _muat(t, h, u, teks_lebar), 3.6) for t, h, u in (nama, nip)]
    # Centre the block (first line's cap height to last baseline) in the box,
    # shrunk to fit if the wrapped lines make it too tall.
    tinggi = 0.72 * baris[0][2] + sum(u + jarak for _, _, u, jarak in baris[:-1])
    f = min(1.0, (KOTAK_TINGGI - 12) / tinggi)
    x = qr_x + QR + 2 * PAD
    y = KOTAK_BAWAH + (KOTAK_TINGGI + tinggi * f) / 2 - 0.72 * baris[0][2] * f
    for teks, huruf, ukuran, jarak in baris:
        kanvas.setFont(huruf, ukuran * f)
        kanvas.drawString(x, y, teks)
        y -= (ukuran + jarak) * f

    # The left column: document number, how to verify, page number.
    kiri_lebar = kotak_x - 14 - tepi
    y = KOTAK_BAWAH + KOTAK_TINGGI - 7.5
    if cap.nomor:
        nomor = f"Nomor: {_aman(cap.nomor)}"
        kanvas.setFont(HURUF_TEBAL, _muat(nomor, HURUF_TEBAL, 7.0, kiri_lebar))
        kanvas.drawString(tepi, y, nomor)
        y -= 13
    for teks in (
        "Keaslian salinan ini dapat diperiksa dengan",
        "memindai kode QR atau membuka alamat:",
    ):
        ukuran = _muat(teks, HURUF, 6.5, kiri_lebar)
        kanvas.setFont(HURUF, ukuran)
        kanvas.drawString(tepi, y, teks)
        y -= ukuran + 2.5
    # The address, in as many lines as fit above the page number.
    url = _aman(cap.url_verifikasi)
    maks_baris = int((y - KOTAK_BAWAH - 10) // 7.5)
    ukuran = 6.0
    potongan = _potong_url(url, HURUF_KODE, ukuran, kiri_lebar)
    while len(potongan) > maks_baris and ukuran > 4.5:
        ukuran -= 0.25
        potongan = _potong_url(url, HURUF_KODE, ukuran, kiri_lebar)
    if len(potongan) > maks_baris:
        potongan = [*potongan[: maks_baris - 1], potongan[maks_baris - 1][:-1] + "\u2026"]
    kanvas.setFont(HURUF_KODE, ukuran)
    for teks in potongan:
        kanvas.drawString(tepi, y, teks)
        y -= ukuran + 1.5
    return tepi, KOTAK_BAWAH + 3.2


def _buat_cap(cap: Cap, tata: list[_Tata]) -> bytes:
    """One overlay page per original page (in displayed coordinates); each draws the
    shared stamp form of its page size plus its own page number."""
    keluaran = io.BytesIO()
    kanvas = canvas.Canvas(keluaran, invariant=True)
    kanvas.setTitle("Cap salinan JDIH")
    bentuk: dict[tuple[float, float], tuple[str, float, float]] = {}
    jumlah = len(tata)
    for nomor, t in enumerate(tata, start=1):
        ukuran_kertas = (t.lebar, t.tinggi)
        if ukuran_kertas not in bentuk:
            nama = f"CapSalinan{len(bentuk)}"
            kanvas.beginForm(nama, 0, 0, t.lebar, t.pita)
            kanvas.saveState()
            kanvas.scale(t.skala_cap, t.skala_cap)
            x, y = _gambar_cap(kanvas, cap, t.lebar / t.skala_cap)
            kanvas.restoreState()
            kanvas.endForm()
            bentuk[ukuran_kertas] = (nama, x, y)
        nama, x, y = bentuk[ukuran_kertas]
        kanvas.setPageSize(ukuran_kertas)
        kanvas.doForm(nama)
        kanvas.saveState()
        kanvas.scale(t.skala_cap, t.skala_cap)
        kanvas.setFillColor(TINTA)
        kanvas.setFont(HURUF_TEBAL, 6.5)
        kanvas.drawString(x, y, f"Halaman {nomor} dari {jumlah}")
        kanvas.restoreState()
        kanvas.showPage()
    kanvas.save()
    return keluaran.getvalue()


# --- Putting it together (pypdf) ----------------------------------------------


def _angka(m: Matriks) -> bytes:
    return " ".join(f"{v:.6f}".rstrip("0").rstrip(".") or "0" for v in m).encode()


def _aliran(writer: PdfWriter, isi: bytes) -> IndirectObject:
    aliran = DecodedStreamObject()
    aliran.set_data(isi)
    return writer._add_object(aliran)


def _tempel(writer: PdfWriter, tata: list[_Tata], halaman_cap: bytes) -> None:
    cap_pdf = PdfReader(io.BytesIO(halaman_cap))
    awalan: dict[int, IndirectObject] = {}
    akhiran: dict[tuple[int, str], IndirectObject] = {}
    anotasi_selesai: set[int] = set()
    for halaman, t, lapisan in zip(writer.pages, tata, cap_pdf.pages, strict=True):
        # The page's stamp: a form of the overlay page, in displayed coordinates.
        bentuk = DecodedStreamObject()
        bentuk.set_data(lapisan.get_contents().get_data())
        bentuk.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject(
                    [FloatObject(0), FloatObject(0), FloatObject(t.lebar), FloatObject(t.pita)]
                ),
                NameObject("/Resources"): lapisan.raw_get("/Resources").clone(writer),
            }
        )
        ref_bentuk = writer._add_object(bentuk.flate_encode())

        # Own copies of /Resources and /XObject: pages may share them.
        sumber = halaman.get("/Resources")
        sumber = sumber.get_object() if sumber is not None else None
        sumber_daya = DictionaryObject(dict.items(sumber) if isinstance(sumber, dict) else ())
        xobjek = sumber_daya.get("/XObject")
        xobjek = xobjek.get_object() if xobjek is not None else None
        xobjek = DictionaryObject(dict.items(xobjek) if isinstance(xobjek, dict) else ())
        nama = "/JdihCapSalinan"
        while nama in xobjek:
            nama += "X"
        xobjek[NameObject(nama)] = ref_bentuk
        sumber_daya[NameObject("/XObject")] = xobjek
        halaman[NameObject("/Resources")] = sumber_daya

        kunci = id(t)
        if kunci not in awalan:
            awalan[kunci] = _aliran(writer, b"q " + _angka(t.isi) + b" cm\n")
        if (kunci, nama) not in akhiran:
            akhiran[kunci, nama] = _aliran(
                writer, b"\nQ q " + _angka(t.ke_halaman) + b" cm " + nama.encode() + b" Do Q\n"
            )
        isi = halaman.raw_get("/Contents") if "/Contents" in halaman else None
        lama = isi.get_object() if isi is not None else None
        if isinstance(lama, ArrayObject):
            lama = list(lama)
        elif lama is None:
            lama = []
        else:  # one stream (streams must be indirect; mend a direct one)
            lama = [isi if isinstance(isi, IndirectObject) else writer._add_object(lama)]
        halaman[NameObject("/Contents")] = ArrayObject([awalan[kunci], *lama, akhiran[kunci, nama]])

        _geser_anotasi(halaman, t.isi, anotasi_selesai)


def _geser_anotasi(halaman, m: Matriks, selesai: set[int]) -> None:
    """Move links, widgets and other annotations with the shrunk content."""
    anotasi = halaman.get("/Annots")
    anotasi = anotasi.get_object() if anotasi is not None else None
    if not isinstance(anotasi, ArrayObject):
        return
    a, _, _, d, e, f = m

    def titik(nilai: ArrayObject) -> ArrayObject:
        angka = [float(v) for v in nilai]
        hasil = [v * a + e if i % 2 == 0 else v * d + f for i, v in enumerate(angka)]
        return ArrayObject(FloatObject(round(v, 4)) for v in hasil)

    for item in anotasi:
        objek = item.get_object()
        if not isinstance(objek, DictionaryObject) or id(objek) in selesai:
            continue
        selesai.add(id(objek))
        for kunci in ("/Rect", "/QuadPoints"):
            nilai = objek.get(kunci)
            if isinstance(nilai, ArrayObject) and all(
                isinstance(v, (int, float)) and math.isfinite(float(v)) for v in nilai
            ):
                objek[NameObject(kunci)] = titik(nilai)
