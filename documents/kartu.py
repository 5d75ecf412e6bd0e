"""Share cards of a published product, drawn by the product itself (sop 004
lists "aplikasi desain gratis"; the JDIH makes the designs instead).

Three sizes: ``persegi`` (Instagram feed), ``tautan`` (link preview,
OpenGraph) and ``cerita`` (story). Each shows the office, the product's
identity (jenis, nomor, tahun), its title, its status, a QR code of its public
page and the JDIH wordmark with the site's host.

Pure: text in, PNG bytes out, no database. Text is measured with the real
metrics of the bundled font (Noto Sans, static/fonts/, OFL), never by counting
characters: titles wrap on word boundaries, shrink to a minimum size when long
and are then cut at a word boundary with "…".
"""

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import segno
from PIL import Image, ImageDraw, ImageFont

UKURAN = {"persegi": (1080, 1080), "tautan": (1200, 630), "cerita": (1080, 1920)}

# Bump when the design changes: cached cards of the old design then expire.
VERSI_DESAIN = 1

FOLDER_HURUF = Path(__file__).resolve().parent.parent / "static" / "fonts"
HURUF_BIASA = "NotoSans-Regular.ttf"
HURUF_TEBAL = "NotoSans-Bold.ttf"

# The portal's colours (static/css/publik.css).
MERAH = (122, 31, 31)  # #7a1f1f
EMAS = (201, 162, 39)  # a thin gold rule under the maroon band
KREM = (251, 247, 240)  # #fbf7f0
KREM_MUDA = (255, 235, 205)  # small text on maroon
GARIS = (228, 217, 200)
TINTA = (29, 29, 29)  # #1d1d1d
ABU = (74, 74, 74)  # #4a4a4a
PUTIH = (255, 255, 255)
HIJAU = (30, 107, 46)  # Berlaku, as .lencana-berlaku
BATU = (84, 84, 92)  # Tidak Berlaku: grey, never the brand's own maroon

ELIPSIS = "\u2026"
# A cut title does not end on a word that leads into what was cut.
KATA_SAMBUNG = frozenset(
    "dan atau serta di ke dari yang untuk pada dengan tentang dalam oleh bagi terhadap "
    "sebagai".split()
)
TANDA_AKHIR = ",;:-\u2013\u2014/("

KICKER = "JARINGAN DOKUMENTASI DAN INFORMASI HUKUM"
AJAKAN = "Pindai kode QR untuk membaca naskah lengkapnya"
AJAKAN_PENDEK = "Pindai untuk membaca naskah lengkapnya"


@dataclass(frozen=True)
class IsiKartu:
    satker: str
    identitas: str
    judul: str
    status: str
    berlaku: bool
    url: str
    situs: str


def isi_dari_produk(produk, dasar_url: str | None = None) -> IsiKartu:
    """The card's text from a product (with its satker and jenis loaded).
    ``dasar_url`` defaults to settings.JDIH_SITE_URL."""
    # Imported here: drawing a card (the bench, tests) needs no Django setup.
    from django.conf import settings

    from .models import StatusBerlaku

    dasar = (dasar_url or settings.JDIH_SITE_URL).rstrip("/")
    satker = produk.satker
    return IsiKartu(
        satker=" ".join((satker.nama or satker.teu_badan).split()),
        identitas=" ".join(str(produk).split()),
        judul=" ".join(produk.judul.split()),
        status=produk.get_status_display(),
        berlaku=produk.status == StatusBerlaku.BERLAKU,
        url=dasar + produk.get_absolute_url(),
        situs=urlsplit(dasar).netloc or dasar,
    )


@dataclass
class TataLetak:
    """Where each element was drawn: for tests and debugging."""

    kanvas: tuple[int, int]
    # name -> (x0, y0, x1, y1); text: each line's ascent-to-descent box, ink within
    kotak: dict[str, tuple[int, int, int, int]]
    baris_judul: list[str]
    ukuran_huruf_judul: int
    dipotong: bool
    tepi: int = 0  # every box lies at least this far inside the canvas
    warna_lencana: tuple[int, int, int] = HIJAU


# --- fonts and text ---------------------------------------------------------


@lru_cache(maxsize=256)
def huruf(tebal: bool, ukuran: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FOLDER_HURUF / (HURUF_TEBAL if tebal else HURUF_BIASA)), ukuran)


def _lebar(font, teks: str) -> float:
    """The room a line takes: its advance, plus any ink of its first or last
    glyph that hangs past it (the J of "JDIH" reaches left of its origin;
    _Kanvas.teks moves such a line right so the ink starts at the margin)."""
    if not teks:
        return 0.0
    return _lebar_kata(font, teks) + _gantung(font, teks[0])[0] + _gantung(font, teks[-1])[1]


@lru_cache(maxsize=4096)
def _gantung(font, huruf_: str) -> tuple[float, float]:
    """How far one glyph's ink reaches left of its origin and right of its advance."""
    x0, _, x1, _ = font.getbbox(huruf_, anchor="ls")
    return max(0.0, -x0), max(0.0, x1 - font.getlength(huruf_))


def _pecah_kata(kata: str, font, lebar: float) -> list[str]:
    """A single token wider than the line (a long number, a URL): break it
    after "/", "-" or "." where possible, else between characters."""
    potongan, sekarang = [], ""
    for c in kata:
        calon = sekarang + c
        if sekarang and _lebar(font, calon) > lebar:
            # Back up to the last break opportunity inside ``sekarang``.
            j = max(sekarang.rfind(t) for t in "/-.")
            if 0 < j < len(sekarang) - 1:
                potongan.append(sekarang[: j + 1])
                sekarang = sekarang[j + 1 :] + c
            else:
                potongan.append(sekarang)
                sekarang = c
        else:
            sekarang = calon
    if sekarang:
        potongan.append(sekarang)
    return potongan


@lru_cache(maxsize=16384)
def _lebar_kata(font, kata: str) -> float:
    # Fonts come from huruf()'s cache, so the font object itself is the key.
    return font.getlength(kata)


def _bungkus_cepat(teks: str, font, lebar: float) -> list[str]:
    """Greedy wrap on spaces; a line's width is the sum of its words' widths
    (each measured once) and the spaces between them."""
    spasi = _lebar_kata(font, " ")
    baris: list[str] = []
    sekarang: list[str] = []
    terisi = 0.0
    for kata in teks.split():
        w = _lebar_kata(font, kata)
        if sekarang and terisi + spasi + w <= lebar:
            sekarang.append(kata)
            terisi += spasi + w
            continue
        if sekarang:
            baris.append(" ".join(sekarang))
        if w <= lebar:
            sekarang, terisi = [kata], w
        else:
            *penuh, akhir = _pecah_kata(kata, font, lebar)
            baris.extend(penuh)
            sekarang, terisi = [akhir], _lebar(font, akhir)
    if sekarang:
        baris.append(" ".join(sekarang))
    return baris


def bungkus(teks: str, font, lebar: float) -> list[str]:
    """Greedy wrap on spaces, measured with the font. The sum of word widths
    leaves out kerning across a space, so the lines are measured again whole."""
    baris = _bungkus_cepat(teks, font, lebar)
    if any(_lebar(font, b) > lebar for b in baris) and lebar > 1:
        return bungkus(teks, font, lebar - 1)
    return baris


def bungkus_seimbang(teks: str, font, lebar: float) -> list[str]:
    """Wrap into as few lines as the greedy wrap, with lines as even as they
    can be (no lone word on the last line, no ragged middle): the breaks
    that minimise the sum of each line's squared slack."""
    jumlah = len(_bungkus_cepat(teks, font, lebar))
    kata = teks.split()
    lebar_kata = [_lebar_kata(font, k) for k in kata]
    if jumlah < 2 or max(lebar_kata) > lebar:
        return bungkus(teks, font, lebar)
    spasi = _lebar_kata(font, " ")
    awal = [0.0]
    for w in lebar_kata:
        awal.append(awal[-1] + w)
    n = len(kata)
    tak_hingga = float("inf")
    # biaya[k][i]: the best cost of the first i words on k lines; dari: its last break.
    biaya = [[tak_hingga] * (n + 1) for _ in range(jumlah + 1)]
    dari = [[0] * (n + 1) for _ in range(jumlah + 1)]
    biaya[0][0] = 0.0
    for k in range(1, jumlah + 1):
        for i in range(1, n + 1):
            for j in range(i - 1, -1, -1):  # the line holds words j..i-1
                panjang = awal[i] - awal[j] + spasi * (i - j - 1)
                if panjang > lebar:
                    break
                if biaya[k - 1][j] < tak_hingga:
                    c = biaya[k - 1][j] + (lebar - panjang) ** 2
                    if c < biaya[k][i]:
                        biaya[k][i], dari[k][i] = c, j
    if biaya[jumlah][n] == tak_hingga:
        return bungkus(teks, font, lebar)
    baris, i = [], n
    for k in range(jumlah, 0, -1):
        j = dari[k][i]
        baris.append(" ".join(kata[j:i]))
        i = j
    baris.reverse()
    # The sum of word widths leaves out kerning across spaces: measure whole.
    if any(_lebar(font, b) > lebar for b in baris):
        return bungkus(teks, font, lebar)
    return baris


def _tinggi_blok(font, jumlah: int, jarak: int) -> int:
    naik, turun = font.getmetrics()
    return naik + turun + max(jumlah - 1, 0) * jarak


def _potong(baris: list[str], font, lebar: float) -> list[str]:
    """End the last line at a word boundary with "…", the whole within ``lebar``."""
    baris = list(baris)
    while baris:
        kata = baris[-1].split()
        while kata:
            akhir = kata[-1].rstrip(TANDA_AKHIR)
            if not akhir or (akhir.lower() in KATA_SAMBUNG and len(kata) > 1):
                kata.pop()
                continue
            calon = " ".join([*kata[:-1], akhir]) + ELIPSIS
            if _lebar(font, calon) <= lebar:
                return [*baris[:-1], calon]
            kata.pop()
        baris.pop()
    return [ELIPSIS]


@dataclass
class _Judul:
    baris: list[str]
    ukuran: int
    jarak: int
    dipotong: bool


def pas_judul(judul: str, lebar: float, tinggi: float, besar: int, kecil: int, rapat=1.2) -> _Judul:
    """The largest size (``kecil``..``besar``) at which the whole title fits the
    box; at ``kecil`` a title that still does not fit is cut with "…"."""

    def jarak(ukuran):
        return round(ukuran * rapat)

    def muat(ukuran, cepat=True):
        font = huruf(True, ukuran)
        baris = (_bungkus_cepat if cepat else bungkus_seimbang)(judul, font, lebar)
        return baris, _tinggi_blok(font, len(baris), jarak(ukuran)) <= tinggi

    if not muat(kecil)[1]:
        font = huruf(True, kecil)
        naik, turun = font.getmetrics()
        maks = max(1, int((tinggi - naik - turun) // jarak(kecil)) + 1)
        baris = bungkus(judul, font, lebar)[:maks]
        return _Judul(_potong(baris, font, lebar), kecil, jarak(kecil), True)
    terbaik, bawah, atas = kecil, kecil + 1, besar
    while bawah <= atas:  # the largest size that fits
        tengah = (bawah + atas) // 2
        if muat(tengah)[1]:
            terbaik, bawah = tengah, tengah + 1
        else:
            atas = tengah - 1
    while True:  # measured whole, a line may need one more word's room
        baris, cukup = muat(terbaik, cepat=False)
        if cukup or terbaik == kecil:
            break
        terbaik -= 1
    if not cukup:
        return _Judul(_potong(baris, huruf(True, kecil), lebar), kecil, jarak(kecil), True)
    return _Judul(baris, terbaik, jarak(terbaik), False)


def pas_baris(teks, lebar, besar, kecil, maks_baris, batas_baris) -> tuple[list[str], int]:
    """Short bold texts (office, identity): the largest size at which ``teks``
    needs at most ``maks_baris`` lines; at ``kecil`` up to ``batas_baris``
    lines, and past those (an absurdly long name) cut with "…"."""
    for ukuran in range(besar, kecil - 1, -2):
        baris = bungkus_seimbang(teks, huruf(True, ukuran), lebar)
        if len(baris) <= maks_baris:
            return baris, ukuran
    font = huruf(True, kecil)
    baris = bungkus_seimbang(teks, font, lebar)
    if len(baris) > batas_baris:
        baris = _potong(bungkus(teks, font, lebar)[:batas_baris], font, lebar)
    return baris, kecil


# --- drawing ------------------------------------------------------------------


def _kotak_baris(font, teks: str, x: float, dasar: float) -> tuple[float, float, float, float]:
    """The box a line drawn at (x, baseline) takes: the font's ascent to its
    descent, across the advance and any ink hanging past either end. Holds
    the ink (and is cheaper to know than the ink's own bounds)."""
    naik, turun = font.getmetrics()
    kiri = _gantung(font, teks[0])[0] if teks else 0
    return (x - kiri, dasar - naik, x + _lebar(font, teks) - kiri, dasar + turun)


@lru_cache(maxsize=16)
def _topeng_renggang(font, teks: str, spasi: int) -> tuple[Image.Image, int, int]:
    """Letter-spaced text (Pillow has no tracking), glyph by glyph, once per
    font and text: the ink as a mask, and its left and top relative to the
    origin on the baseline."""
    naik, turun = font.getmetrics()
    ruang = font.size  # room for ink hanging past either end
    topeng = Image.new(
        "L", (round(_Kanvas._lebar_spasi(font, teks, spasi)) + 2 * ruang, naik + turun)
    )
    gambar = ImageDraw.Draw(topeng)
    x = ruang
    for c in teks:
        if c != " ":
            gambar.text((x, naik), c, font=font, fill=255, anchor="ls")
        x += font.getlength(c) + spasi
    kotak = topeng.getbbox() or (ruang, 0, ruang + 1, 1)
    return topeng.crop(kotak), kotak[0] - ruang, kotak[1] - naik


class _Kanvas:
    def __init__(self, lebar, tinggi, tepi):
        self.gambar = Image.new("RGB", (lebar, tinggi), KREM)
        self.draw = ImageDraw.Draw(self.gambar)
        self.lebar, self.tinggi, self.tepi = lebar, tinggi, tepi
        self.kotak: dict[str, tuple[int, int, int, int]] = {}
        self.warna_lencana = HIJAU

    def catat(self, nama, kotak):
        x0, y0, x1, y1 = kotak
        if nama in self.kotak:
            a = self.kotak[nama]
            kotak = (min(a[0], x0), min(a[1], y0), max(a[2], x1), max(a[3], y1))
        self.kotak[nama] = tuple(int(round(v)) for v in kotak)

    def teks(self, nama, baris, font, x, y, warna, jarak, rata="kiri", lebar=0, spasi=0):
        """Lines from top ``y``; returns the y just below the block (by the
        font's metrics, so blocks stack evenly whatever their ink)."""
        naik, turun = font.getmetrics()
        for i, b in enumerate(baris):
            dasar = y + naik + i * jarak
            lebar_b = self._lebar_spasi(font, b, spasi)
            x_b = x + (lebar - lebar_b) / 2 if rata == "tengah" else x
            # Ink that hangs left of the origin starts at the margin instead.
            x_b += _gantung(font, b[:1])[0] if b else 0
            if spasi:
                kotak = self._teks_renggang(x_b, dasar, b, font, warna, spasi)
            else:
                self.draw.text((x_b, dasar), b, font=font, fill=warna, anchor="ls")
                kotak = _kotak_baris(font, b, x_b, dasar)
            self.catat(nama, kotak)
        return y + _tinggi_blok(font, len(baris), jarak)

    @staticmethod
    def _lebar_spasi(font, teks, spasi):
        return font.getlength(teks) + spasi * max(len(teks) - 1, 0)

    def _teks_renggang(self, x, dasar, teks, font, warna, spasi):
        topeng, kiri, atas = _topeng_renggang(font, teks, spasi)
        x0, y0 = round(x + kiri), round(dasar + atas)
        kotak = (x0, y0, x0 + topeng.width, y0 + topeng.height)
        self.gambar.paste(warna, kotak, topeng)
        return kotak

    def lencana(self, isi: IsiKartu, x, y, ukuran, rata="kiri", lebar=0):
        """The status pill: filled green "Berlaku" with a dot, or grey
        "Tidak Berlaku" with a ring, so colour is not the only cue."""
        font = huruf(True, ukuran)
        warna = HIJAU if isi.berlaku else BATU
        pad_x, tinggi = round(ukuran * 0.75), tinggi_lencana(ukuran)
        titik = round(ukuran * 0.42)
        lebar_l = pad_x + titik + round(ukuran * 0.45) + font.getlength(isi.status) + pad_x
        if rata == "tengah":
            x = x + (lebar - lebar_l) / 2
        x0, y0 = round(x), round(y)
        x1, y1 = round(x + lebar_l), round(y + tinggi)
        # Drawn at 4x and scaled down: Pillow does not antialias shapes.
        s = 4
        pil = Image.new("RGBA", ((x1 - x0) * s, (y1 - y0) * s), (0, 0, 0, 0))
        d = ImageDraw.Draw(pil)
        d.rounded_rectangle(
            (0, 0, pil.width - 1, pil.height - 1), radius=pil.height // 2, fill=warna
        )
        cx, cy, r = (pad_x + titik / 2) * s, pil.height / 2, titik / 2 * s
        if isi.berlaku:
            d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=PUTIH)
        else:
            d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=PUTIH, width=round(s * ukuran / 12))
        pil = pil.resize((x1 - x0, y1 - y0), Image.Resampling.LANCZOS)
        self.gambar.paste(pil, (x0, y0), pil)
        tx = x0 + pad_x + titik + round(ukuran * 0.45)
        self.draw.text((tx, (y0 + y1) / 2), isi.status, font=font, fill=PUTIH, anchor="lm")
        self.catat("status", (x0, y0, x1, y1))
        self.warna_lencana = warna

    def qr(self, url, x, y, sisi):
        """The QR code, black on white with its 4-module quiet zone, as large
        as whole pixels per module allow within ``sisi``, centred there."""
        kode = segno.make(url, error="m", micro=False)
        modul = kode.symbol_size(scale=1, border=4)[0]
        skala = max(1, sisi // modul)
        kecil = Image.new("1", (modul, modul), 1)
        kecil.putdata([0 if m else 1 for baris in kode.matrix_iter(border=4) for m in baris])
        besar = kecil.resize((modul * skala, modul * skala), Image.Resampling.NEAREST)
        geser = (sisi - besar.width) // 2
        x0, y0 = round(x + geser), round(y + geser)
        self.gambar.paste(besar.convert("RGB"), (x0, y0))
        self.draw.rectangle(
            (x0 - 1, y0 - 1, x0 + besar.width, y0 + besar.height), outline=GARIS, width=2
        )
        self.catat("qr", (x0 - 1, y0 - 1, x0 + besar.width + 1, y0 + besar.height + 1))

    def kaki(self, isi: IsiKartu, x, bawah, ukuran, lebar, rata="kiri") -> int:
        """The wordmark line, its foot at ``bawah``: "JDIH" in maroon, then the
        site's host (a smaller size when a long host needs it); returns its top."""
        merek, situs = "JDIH", "  \u00b7  " + isi.situs
        while True:
            tebal, biasa = huruf(True, ukuran), huruf(False, round(ukuran * 0.92))
            total = _lebar(tebal, merek) + _lebar(biasa, situs)
            if total <= lebar or ukuran <= 12:
                break
            ukuran -= 1
        if rata == "tengah":
            x = x + (lebar - total) / 2
        x += _gantung(tebal, merek[0])[0]
        naik, turun = tebal.getmetrics()
        dasar = bawah - turun
        self.draw.text((x, dasar), merek, font=tebal, fill=MERAH, anchor="ls")
        self.catat("kaki", _kotak_baris(tebal, merek, x, dasar))
        x2 = x + tebal.getlength(merek)
        self.draw.text((x2, dasar), situs, font=biasa, fill=ABU, anchor="ls")
        self.catat("kaki", _kotak_baris(biasa, situs, x2, dasar))
        return bawah - naik - turun

    def pita(self, tinggi):
        """The maroon band at the top with its gold rule."""
        self.draw.rectangle((0, 0, self.lebar, tinggi), fill=MERAH)
        self.draw.rectangle((0, tinggi, self.lebar, tinggi + max(4, tinggi // 40)), fill=EMAS)

    def pita_bawah(self, tinggi):
        """A maroon strip along the foot, its gold rule on top."""
        if tinggi:
            y = self.tinggi - tinggi
            self.draw.rectangle((0, y, self.lebar, self.tinggi), fill=MERAH)
            self.draw.rectangle((0, y - max(3, tinggi // 30), self.lebar, y), fill=EMAS)

    def png(self) -> bytes:
        """A palette PNG: a few flat colours and their antialiasing ramps fit
        64 colours without visible loss, at a third of the bytes and time."""
        palet = self.gambar.quantize(
            colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
        keluar = io.BytesIO()
        palet.save(keluar, "PNG", compress_level=7)
        return keluar.getvalue()


@dataclass(frozen=True)
class _Spek:
    tepi: int
    kicker: int  # the "JARINGAN DOKUMENTASI…" line on the band
    satker: tuple[int, int]  # largest, smallest
    identitas: tuple[int, int]
    tentang: int
    judul: tuple[int, int]
    lencana: int
    qr: int
    ajakan: int
    kaki: int
    jeda: int  # the unit of vertical rhythm
    aman: int = 0  # a story's top and bottom lie under the app's buttons
    pita_bawah: int = 0


SPEK = {
    "persegi": _Spek(
        tepi=72,
        kicker=20,
        satker=(46, 34),
        identitas=(34, 26),
        tentang=26,
        judul=(72, 32),
        lencana=28,
        qr=224,
        ajakan=24,
        kaki=26,
        jeda=24,
        pita_bawah=14,
    ),
    "tautan": _Spek(
        tepi=44,
        kicker=15,
        satker=(32, 24),
        identitas=(26, 20),
        tentang=19,
        judul=(56, 30),
        lencana=20,
        qr=196,
        ajakan=17,
        kaki=20,
        jeda=16,
        pita_bawah=10,
    ),
    "cerita": _Spek(
        tepi=80,
        kicker=24,
        satker=(60, 44),
        identitas=(40, 30),
        tentang=30,
        judul=(96, 38),
        lencana=34,
        qr=280,
        ajakan=30,
        kaki=32,
        jeda=28,
        aman=180,
        pita_bawah=150,
    ),
}


def _pita_atas(k: _Kanvas, isi: IsiKartu, sp: _Spek, atas: int, lebar: int) -> int:
    """The band: kicker and office name from ``atas``; returns the band's foot."""
    kicker = huruf(True, sp.kicker)
    baris_satker, ukuran_satker = pas_baris(isi.satker, lebar, *sp.satker, 2, 3)
    font_satker = huruf(True, ukuran_satker)
    jarak_satker = round(ukuran_satker * 1.15)
    tinggi = (
        _tinggi_blok(kicker, 1, 0)
        + round(sp.jeda * 0.5)
        + _tinggi_blok(font_satker, len(baris_satker), jarak_satker)
    )
    kaki_pita = atas + tinggi + round(sp.jeda * 1.2)
    k.pita(kaki_pita)
    spasi = round(sp.kicker * 0.14)
    y = k.teks("merek", [KICKER], kicker, sp.tepi, atas, KREM_MUDA, 0, spasi=spasi)
    k.teks("satker", baris_satker, font_satker, sp.tepi, y + sp.jeda // 2, PUTIH, jarak_satker)
    return kaki_pita


def tinggi_lencana(ukuran: int) -> int:
    return round(ukuran * 1.9)


def _blok_isi(k, isi, sp, x, lebar, atas, bawah, dengan_lencana, rapat=1.2) -> _Judul:
    """Identity, "tentang", the title (and the status pill) between ``atas``
    and ``bawah``: the title takes the room the rest leaves, and the block
    sits a little above the middle of the space."""
    baris_id, ukuran_id = pas_baris(isi.identitas, lebar, *sp.identitas, 2, 3)
    font_id, jarak_id = huruf(True, ukuran_id), round(ukuran_id * 1.2)
    font_tentang = huruf(False, sp.tentang)
    tetap = (
        _tinggi_blok(font_id, len(baris_id), jarak_id)
        + _tinggi_blok(font_tentang, 1, 0)
        + sp.jeda
        + (2 * sp.jeda + tinggi_lencana(sp.lencana) if dengan_lencana else 0)
    )
    ruang = bawah - atas - tetap
    judul = pas_judul(isi.judul, lebar, ruang, *sp.judul, rapat=rapat)
    font_judul = huruf(True, judul.ukuran)
    sisa = ruang - _tinggi_blok(font_judul, len(judul.baris), judul.jarak)
    y = atas + round(max(sisa, 0) * 0.42)
    y = k.teks("identitas", baris_id, font_id, x, y, MERAH, jarak_id)
    y = k.teks("tentang", ["tentang"], font_tentang, x, y + sp.jeda // 2, ABU, 0)
    y = k.teks("judul", judul.baris, font_judul, x, y + sp.jeda // 2, TINTA, judul.jarak)
    if dengan_lencana:
        k.lencana(isi, x, y + 2 * sp.jeda, sp.lencana)
    return judul


def _tata_persegi(isi: IsiKartu) -> tuple[_Kanvas, _Judul]:
    """Square: band; identity and title; a foot row with the status, the
    call to action and the wordmark on the left of the QR code."""
    sp = SPEK["persegi"]
    lebar_k, tinggi_k = UKURAN["persegi"]
    k = _Kanvas(lebar_k, tinggi_k, sp.tepi)
    x, lebar = sp.tepi, lebar_k - 2 * sp.tepi
    kaki_pita = _pita_atas(k, isi, sp, sp.tepi, lebar)
    k.pita_bawah(sp.pita_bawah)

    bawah = tinggi_k - sp.tepi
    y_qr = bawah - sp.qr
    k.qr(isi.url, lebar_k - x - sp.qr, y_qr, sp.qr)
    garis = y_qr - round(sp.jeda * 1.5)
    k.draw.line((x, garis, lebar_k - x, garis), fill=GARIS, width=2)
    k.lencana(isi, x, k.kotak["qr"][1], sp.lencana)
    lebar_kiri = lebar - sp.qr - 2 * sp.jeda
    y_kaki = k.kaki(isi, x, bawah, sp.kaki, lebar_kiri)
    font_ajak = huruf(False, sp.ajakan)
    jarak_ajak = round(sp.ajakan * 1.3)
    baris_ajak = bungkus_seimbang(AJAKAN, font_ajak, lebar_kiri)
    y_ajak = y_kaki - sp.jeda // 2 - _tinggi_blok(font_ajak, len(baris_ajak), jarak_ajak)
    k.teks("ajakan", baris_ajak, font_ajak, x, y_ajak, ABU, jarak_ajak)

    judul = _blok_isi(k, isi, sp, x, lebar, kaki_pita + 2 * sp.jeda, garis - 2 * sp.jeda, False)
    return k, judul


def _tata_cerita(isi: IsiKartu) -> tuple[_Kanvas, _Judul]:
    """Story: band; identity, title and status; the QR code centred below
    with its call to action and the wordmark."""
    sp = SPEK["cerita"]
    lebar_k, tinggi_k = UKURAN["cerita"]
    k = _Kanvas(lebar_k, tinggi_k, sp.tepi)
    x, lebar = sp.tepi, lebar_k - 2 * sp.tepi
    kaki_pita = _pita_atas(k, isi, sp, sp.aman, lebar)
    k.pita_bawah(sp.pita_bawah)

    y_kaki = k.kaki(isi, x, tinggi_k - sp.aman - sp.jeda, sp.kaki, lebar, rata="tengah")
    font_ajak = huruf(False, sp.ajakan)
    jarak_ajak = round(sp.ajakan * 1.3)
    baris_ajak = bungkus_seimbang(AJAKAN, font_ajak, lebar)
    y_ajak = y_kaki - sp.jeda - _tinggi_blok(font_ajak, len(baris_ajak), jarak_ajak)
    k.teks("ajakan", baris_ajak, font_ajak, x, y_ajak, ABU, jarak_ajak, "tengah", lebar)
    y_qr = y_ajak - sp.jeda // 2 - sp.qr
    k.qr(isi.url, x + (lebar - sp.qr) // 2, y_qr, sp.qr)
    garis = y_qr - round(sp.jeda * 1.5)
    k.draw.line((x, garis, lebar_k - x, garis), fill=GARIS, width=2)

    judul = _blok_isi(k, isi, sp, x, lebar, kaki_pita + 2 * sp.jeda, garis - 2 * sp.jeda, True)
    return k, judul


def _tata_tautan(isi: IsiKartu) -> tuple[_Kanvas, _Judul]:
    """Link preview: band; identity, title and status on the left, the
    wordmark under them; the QR code and its call to action on the right."""
    sp = SPEK["tautan"]
    lebar_k, tinggi_k = UKURAN["tautan"]
    k = _Kanvas(lebar_k, tinggi_k, sp.tepi)
    x, lebar = sp.tepi, lebar_k - 2 * sp.tepi
    kaki_pita = _pita_atas(k, isi, sp, sp.tepi, lebar)
    k.pita_bawah(sp.pita_bawah)
    atas, bawah = kaki_pita + round(sp.jeda * 1.75), tinggi_k - sp.tepi

    x_qr = lebar_k - x - sp.qr
    font_ajak = huruf(False, sp.ajakan)
    jarak_ajak = round(sp.ajakan * 1.25)
    baris_ajak = bungkus_seimbang(AJAKAN_PENDEK, font_ajak, sp.qr)
    tinggi_ajak = _tinggi_blok(font_ajak, len(baris_ajak), jarak_ajak)
    y_qr = atas + (bawah - atas - sp.qr - sp.jeda // 2 - tinggi_ajak) // 2
    k.qr(isi.url, x_qr, y_qr, sp.qr)
    y_ajak = y_qr + sp.qr + sp.jeda // 2
    k.teks("ajakan", baris_ajak, font_ajak, x_qr, y_ajak, ABU, jarak_ajak, "tengah", sp.qr)

    lebar_kiri = x_qr - x - 3 * sp.jeda
    y_kaki = k.kaki(isi, x, bawah, sp.kaki, lebar_kiri)
    return k, _blok_isi(k, isi, sp, x, lebar_kiri, atas, y_kaki - sp.jeda, True, rapat=1.18)


TATA = {"persegi": _tata_persegi, "tautan": _tata_tautan, "cerita": _tata_cerita}


def gambar_kartu(isi: IsiKartu, ukuran: str) -> tuple[bytes, TataLetak]:
    """The card as PNG bytes, and where everything on it was drawn."""
    if ukuran not in UKURAN:
        raise ValueError(f"Ukuran kartu tidak dikenal: {ukuran!r}")
    k, judul = TATA[ukuran](isi)
    tata = TataLetak(
        kanvas=UKURAN[ukuran],
        kotak=dict(k.kotak),
        baris_judul=list(judul.baris),
        ukuran_huruf_judul=judul.ukuran,
        dipotong=judul.dipotong,
        tepi=k.tepi,
        warna_lencana=k.warna_lencana,
    )
    return k.png(), tata
