"""Indeks Kepuasan Masyarakat as PermenPAN-RB No. 14 Tahun 2017 computes it.

- NRR per element = total score of the element / number of respondents who
  answered it;
- NRR tertimbang = NRR × BOBOT (0,111, the regulation's 1/9 written to three
  decimals, as its worked reports do);
- IKM = Σ NRR tertimbang (an index of 1–4);
- IKM unit pelayanan = IKM × 25 (the converted value, 25–100);
- mutu pelayanan from the converted value: 25,00–64,99 D (Tidak baik),
  65,00–76,60 C (Kurang baik), 76,61–88,30 B (Baik), 88,31–100,00 A
  (Sangat baik).

Rounding: everything is computed in exact fractions; only what is shown is
rounded, half up: NRR to 2 decimals, NRR tertimbang to 4, the index to 4,
IKM unit pelayanan to 2. The mutu is read from IKM unit pelayanan *rounded to
2 decimals*, because the regulation's intervals are written to 2 decimals
and leave gaps between them (76,60 | 76,61): 76,605 rounds to 76,61 and is B.
With the weight 0,111, answers of 4 on every element give 99,90, not 100.
"""

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .unsur import UNSUR

BOBOT = Fraction(111, 1000)
KONVERSI = 25
# (lowest converted value, mutu, kinerja), highest first.
MUTU = [
    (Decimal("88.31"), "A", "Sangat baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang baik"),
    (Decimal("0"), "D", "Tidak baik"),
]


def bulat(nilai: Fraction, desimal: int) -> Decimal:
    """``nilai`` (not negative) rounded half up to ``desimal`` places, exactly:
    no binary float and no intermediate rounding on the way."""
    skala = nilai * 10**desimal
    bawah = math.floor(skala)
    if skala - bawah >= Fraction(1, 2):
        bawah += 1
    return Decimal(bawah).scaleb(-desimal)


def mutu(ikm_unit: Decimal) -> tuple[str, str]:
    """(mutu, kinerja) of a converted value already rounded to 2 decimals."""
    for batas, huruf, kinerja in MUTU:
        if ikm_unit >= batas:
            return huruf, kinerja
    return MUTU[-1][1], MUTU[-1][2]


@dataclass
class NilaiUnsur:
    kode: str
    label: str
    jumlah_nilai: int
    jumlah_responden: int

    @property
    def nrr(self) -> Fraction | None:
        if not self.jumlah_responden:
            return None
        return Fraction(self.jumlah_nilai, self.jumlah_responden)

    @property
    def nrr_tampil(self) -> Decimal | None:
        return None if self.nrr is None else bulat(self.nrr, 2)

    @property
    def nrr_tertimbang(self) -> Fraction | None:
        return None if self.nrr is None else self.nrr * BOBOT

    @property
    def nrr_tertimbang_tampil(self) -> Decimal | None:
        return None if self.nrr is None else bulat(self.nrr_tertimbang, 4)


@dataclass
class HasilIKM:
    responden: int
    unsur: list[NilaiUnsur]

    @property
    def lengkap(self) -> bool:
        """Every element has at least one answer: the index can be computed."""
        return bool(self.responden) and all(u.jumlah_responden for u in self.unsur)

    @property
    def indeks(self) -> Fraction | None:
        if not self.lengkap:
            return None
        return sum((u.nrr_tertimbang for u in self.unsur), Fraction(0))

    @property
    def indeks_tampil(self) -> Decimal | None:
        return None if self.indeks is None else bulat(self.indeks, 4)

    @property
    def ikm_unit(self) -> Decimal | None:
        return None if self.indeks is None else bulat(self.indeks * KONVERSI, 2)

    @property
    def mutu(self) -> str | None:
        return None if self.ikm_unit is None else mutu(self.ikm_unit)[0]

    @property
    def kinerja(self) -> str | None:
        return None if self.ikm_unit is None else mutu(self.ikm_unit)[1]


def hitung(responden: int, jumlah: dict[str, tuple[int, int]]) -> HasilIKM:
    """``jumlah``: element code -> (total score, respondents who answered)."""
    return HasilIKM(
        responden=responden,
        unsur=[NilaiUnsur(u.kode, u.label, *jumlah.get(u.kode, (0, 0))) for u in UNSUR],
    )
