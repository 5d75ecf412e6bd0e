"""Time standards (mutu baku) and the elapsed time of each step, for every
procedure alike.

A step's elapsed time is the time from the previous transition of the audit
trail (entering the state) to the transition that left it. Some actions of
the product cover two SOP lines (receiving the Nota Dinas and writing the
Disposisi are one action here), so their standard is the sum of those lines.
A line the SOP gives no time ("—") has no standard unless a Satker sets one.
"""

from datetime import timedelta

from .mesin import PROSEDUR, Tahap
from .models import MutuBaku


class TabelMutuBaku:
    """All time standards, loaded in one query; a Satker's own override wins
    over the stored default, which wins over the procedure's built-in one."""

    def __init__(self):
        self._menit = {
            (m.prosedur, m.satker_id, m.langkah): m.menit for m in MutuBaku.objects.all()
        }

    def menit_langkah(self, prosedur: str, langkah: int, satker_id=None) -> int | None:
        for kunci in ((prosedur, satker_id, langkah), (prosedur, None, langkah)):
            if kunci in self._menit:
                return self._menit[kunci]
        return PROSEDUR[prosedur].mutu_bawaan.get(int(langkah))

    def standar(self, tahap: Tahap, satker_id=None) -> timedelta | None:
        menit = [self.menit_langkah(tahap.prosedur, lg, satker_id) for lg in tahap.langkah]
        if any(m is None for m in menit):
            return None
        return timedelta(minutes=sum(menit))


def format_durasi(durasi: timedelta | None) -> str:
    """'2 hari 3 jam 5 menit' — how staff say it."""
    if durasi is None:
        return "—"
    menit_total = int(durasi.total_seconds() // 60)
    if menit_total < 1:
        return "< 1 menit"
    hari, sisa = divmod(menit_total, 60 * 24)
    jam, menit = divmod(sisa, 60)
    bagian = []
    if hari:
        bagian.append(f"{hari} hari")
    if jam:
        bagian.append(f"{jam} jam")
    if menit and not hari:
        bagian.append(f"{menit} menit")
    return " ".join(bagian)
