"""Horizontal bar charts as server-rendered SVG (no script, no CDN). The
template draws them; each chart also comes with a data table as its text
alternative."""

from dataclasses import dataclass
from decimal import Decimal

LEBAR = 660
# Room for MAKS_LABEL characters at the chart's font size (~7.5 units each).
LEBAR_LABEL = 270
LEBAR_BATANG = 320
TINGGI_BARIS = 28
MAKS_LABEL = 33


@dataclass
class Batang:
    label: str
    label_pendek: str
    nilai: int
    y: int
    y_teks: int
    lebar: int
    x_nilai: int
    url: str = ""
    teks: str = ""  # the value as shown; empty: the value itself


@dataclass
class Grafik:
    id: str
    judul: str
    batang: list[Batang]
    lebar: int
    tinggi: int
    x_batang: int = LEBAR_LABEL
    # Bars on a fixed scale (grafik_skala) are drawn over a full-length track.
    skala: bool = False
    lebar_batang: int = LEBAR_BATANG

    @property
    def ringkasan(self):
        return "; ".join(f"{b.label}: {b.teks or b.nilai}" for b in self.batang)


def grafik_batang(id_, judul, data) -> Grafik:
    """``data``: iterable of (label, value) or (label, value, url)."""
    data = list(data)
    maks = max((d[1] for d in data), default=0) or 1
    batang = []
    for i, d in enumerate(data):
        label, nilai = str(d[0]), int(d[1])
        lebar = max(1, round(LEBAR_BATANG * nilai / maks)) if nilai else 0
        y = i * TINGGI_BARIS + 4
        pendek = label if len(label) <= MAKS_LABEL else label[: MAKS_LABEL - 1] + "…"
        batang.append(
            Batang(
                label=label,
                label_pendek=pendek,
                nilai=nilai,
                y=y,
                y_teks=y + 15,
                lebar=lebar,
                x_nilai=LEBAR_LABEL + lebar + 6,
                url=d[2] if len(d) > 2 else "",
            )
        )
    return Grafik(
        id=id_, judul=judul, batang=batang, lebar=LEBAR, tinggi=len(batang) * TINGGI_BARIS + 8
    )


def grafik_skala(id_, judul, data, maks, desimal=2) -> Grafik:
    """Bars of decimal values on a fixed scale 0..``maks`` (an index of 1–4,
    a percentage), so a bar's length means the same from one chart to the
    next. ``data``: iterable of (label, value)."""
    g = grafik_batang(id_, judul, [])
    batang = []
    maks = Decimal(maks)
    for i, (label, nilai) in enumerate(data):
        label = str(label)
        nilai = Decimal(nilai)
        lebar = max(1, round(LEBAR_BATANG * nilai / maks)) if nilai > 0 else 0
        y = i * TINGGI_BARIS + 4
        pendek = label if len(label) <= MAKS_LABEL else label[: MAKS_LABEL - 1] + "…"
        batang.append(
            Batang(
                label=label,
                label_pendek=pendek,
                nilai=nilai,
                y=y,
                y_teks=y + 15,
                lebar=min(lebar, LEBAR_BATANG),
                x_nilai=LEBAR_LABEL + min(lebar, LEBAR_BATANG) + 6,
                teks=f"{nilai:.{desimal}f}".replace(".", ","),
            )
        )
    g.batang, g.tinggi, g.skala = batang, len(batang) * TINGGI_BARIS + 8, True
    return g


# --- columns over time ----------------------------------------------------

TINGGI_KOLOM = 180
KIRI_KOLOM = 48  # room for the axis numbers
BAWAH_KOLOM = 24  # room for the date labels
MAKS_LABEL_SUMBU = 8


# Coordinates are text with a decimal point: a template localises a float
# ("48,5" in Indonesian), which is no SVG number.
def _koordinat(n: float) -> str:
    return f"{n:.2f}".rstrip("0").rstrip(".")


@dataclass
class Kolom:
    label: str
    nilai: int
    x: str
    y: str
    lebar: str
    tinggi: str


@dataclass
class Garis:
    y: str
    teks: str


@dataclass
class LabelSumbu:
    x: str
    teks: str


@dataclass
class GrafikKolom:
    id: str
    judul: str
    kolom: list[Kolom]
    garis: list[Garis]
    label_x: list[LabelSumbu]
    lebar: int = LEBAR
    tinggi: int = TINGGI_KOLOM + BAWAH_KOLOM + 8
    x_sumbu: int = KIRI_KOLOM
    y_sumbu: int = TINGGI_KOLOM + 4
    satuan: str = ""
    # What one column stands for, in the text alternative ("30 hari, …").
    satuan_waktu: str = "hari"

    @property
    def ringkasan(self):
        total = sum(k.nilai for k in self.kolom)
        if not self.kolom:
            return "Belum ada data."
        puncak = max(self.kolom, key=lambda k: k.nilai)
        return (
            f"{len(self.kolom)} {self.satuan_waktu}, {self.kolom[0].label} sampai "
            f"{self.kolom[-1].label}; "
            f"jumlah {total} {self.satuan}; tertinggi {puncak.nilai} pada {puncak.label}."
        )


def _skala_bulat(maks: int) -> int:
    """The top of the axis: four equal steps of 1, 2 or 5 times a power of
    ten, together at least ``maks``."""
    pangkat = 1
    while True:
        for k in (1, 2, 5):
            if 4 * k * pangkat >= maks:
                return 4 * k * pangkat
        pangkat *= 10


def grafik_kolom(id_, judul, data, satuan="", satuan_waktu="hari") -> GrafikKolom:
    """Vertical columns, one per item of ``data`` [(label, value)], in order:
    visits per day. Every column carries its own <title> (label and value);
    at most MAKS_LABEL_SUMBU labels are written under the axis."""
    data = [(str(label), int(nilai)) for label, nilai in data]
    atas = _skala_bulat(max((n for _, n in data), default=0))
    lebar_area = LEBAR - KIRI_KOLOM - 8
    langkah = lebar_area / max(len(data), 1)
    celah = min(2.0, langkah * 0.2)
    kolom = []
    for i, (label, nilai) in enumerate(data):
        tinggi = TINGGI_KOLOM * nilai / atas if nilai else 0
        x = KIRI_KOLOM + i * langkah + celah / 2
        kolom.append(
            Kolom(
                label=label,
                nilai=nilai,
                x=_koordinat(x),
                y=_koordinat(TINGGI_KOLOM + 4 - tinggi),
                lebar=_koordinat(langkah - celah),
                tinggi=_koordinat(tinggi),
            )
        )
    garis = [
        Garis(y=_koordinat(TINGGI_KOLOM + 4 - TINGGI_KOLOM * k / 4), teks=str(atas * k // 4))
        for k in range(5)
    ]
    tiap = max(1, -(-len(data) // MAKS_LABEL_SUMBU))
    label_x = [
        LabelSumbu(x=_koordinat(KIRI_KOLOM + (i + 0.5) * langkah), teks=label)
        for i, (label, _) in enumerate(data)
        if i % tiap == 0
    ]
    return GrafikKolom(
        id=id_,
        judul=judul,
        kolom=kolom,
        garis=garis,
        label_x=label_x,
        satuan=satuan,
        satuan_waktu=satuan_waktu,
    )
