"""Horizontal bar charts as server-rendered SVG (no script, no CDN). The
template draws them; each chart also comes with a data table as its text
alternative."""

from dataclasses import dataclass

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


@dataclass
class Grafik:
    id: str
    judul: str
    batang: list[Batang]
    lebar: int
    tinggi: int
    x_batang: int = LEBAR_LABEL

    @property
    def ringkasan(self):
        return "; ".join(f"{b.label}: {b.nilai}" for b in self.batang)


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
