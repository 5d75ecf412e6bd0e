"""A Satker's JDIH health from its figures: sehat, perlu perhatian or
bermasalah, always with the reasons. The thresholds are here, in one place,
so the page, the CSV and the tests read the same rule.

What counts follows what an office is assessed on (DESIGN.md §10): complete
documents first (metadata and abstrak), then being reachable through JDIHN
(a fresh harvest), and the SOP service times (requests within mutu baku).
"""

from dataclasses import dataclass
from datetime import timedelta

SEHAT = "sehat"
PERHATIAN = "perhatian"
BERMASALAH = "bermasalah"
LABEL_STATUS = {SEHAT: "Sehat", PERHATIAN: "Perlu perhatian", BERMASALAH: "Bermasalah"}
BOBOT = {SEHAT: 0, PERHATIAN: 1, BERMASALAH: 2}

# Open requests past their step's mutu baku.
TERLAMBAT_BERMASALAH = 5
# The feed: JDIHN harvests daily; a week without a complete harvest is worth
# a look, a month means the integration is broken.
PANEN_PERHATIAN = timedelta(days=7)
PANEN_BERMASALAH = timedelta(days=30)
# Share of published products missing required metadata or abstrak.
PERSEN_TIDAK_LENGKAP_BERMASALAH = 20


@dataclass
class Kesehatan:
    status: str
    alasan: list[str]

    @property
    def label(self) -> str:
        return LABEL_STATUS[self.status]

    @property
    def bobot(self) -> int:
        return BOBOT[self.status]


def _umur_teks(umur: timedelta) -> str:
    hari = umur.days
    return f"{hari} hari" if hari >= 1 else "kurang dari sehari"


def nilai(angka, sekarang) -> Kesehatan:
    """The health of one Satker's own figures (an ``Angka``)."""
    temuan: list[tuple[str, str]] = []
    if angka.terlambat >= TERLAMBAT_BERMASALAH:
        temuan.append((BERMASALAH, f"{angka.terlambat} permohonan melewati mutu baku"))
    elif angka.terlambat:
        temuan.append((PERHATIAN, f"{angka.terlambat} permohonan melewati mutu baku"))
    if angka.terbit_total:
        if angka.panen_terakhir is None:
            temuan.append((BERMASALAH, "umpan JDIHN belum pernah dipanen utuh"))
        else:
            umur = sekarang - angka.panen_terakhir
            if umur > PANEN_BERMASALAH:
                temuan.append((BERMASALAH, f"panen JDIHN terakhir {_umur_teks(umur)} lalu"))
            elif umur > PANEN_PERHATIAN:
                temuan.append((PERHATIAN, f"panen JDIHN terakhir {_umur_teks(umur)} lalu"))
    if angka.tidak_lengkap:
        persen = 100 * angka.tidak_lengkap / angka.terbit_total
        status = BERMASALAH if persen > PERSEN_TIDAK_LENGKAP_BERMASALAH else PERHATIAN
        temuan.append(
            (
                status,
                f"{angka.tidak_lengkap} produk ({persen:.0f}%) tanpa metadata wajib atau abstrak",
            )
        )
    if not angka.terbit_periode:
        temuan.append((PERHATIAN, "tidak ada produk terbit dalam periode"))
    if not temuan:
        return Kesehatan(SEHAT, [])
    status = max((s for s, _ in temuan), key=BOBOT.get)
    return Kesehatan(status, [teks for _, teks in temuan])


def gabung(daftar: list[Kesehatan], jumlah: dict[str, int]) -> Kesehatan:
    """The health of a subtree: its worst office, with how many are in each state."""
    status = max((k.status for k in daftar), key=BOBOT.get, default=SEHAT)
    alasan = [
        f"{jumlah[s]} satker {LABEL_STATUS[s].lower()}"
        for s in (BERMASALAH, PERHATIAN)
        if jumlah.get(s)
    ]
    return Kesehatan(status, alasan)
