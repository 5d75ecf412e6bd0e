"""Time standards (mutu baku) and the elapsed time of each step, for every
procedure alike.

A step's elapsed time is the time from the previous transition of the audit
trail (entering the state) to the transition that left it. Some actions of
the product cover two SOP lines (receiving the Nota Dinas and writing the
Disposisi are one action here), so their standard is the sum of those lines.
A line the SOP gives no time ("—") has no standard unless a Satker sets one.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from .mesin import PROSEDUR, Tahap
from .models import MutuBaku


class TabelMutuBaku:
    """All time standards, loaded in one query; a Satker's own override wins
    over the stored default, which wins over the procedure's built-in one.
    ``satker_ids``: only those Satkers' overrides (and the defaults) — a list
    page of a user over 553 Satkers loads the ones of the rows it shows."""

    def __init__(self, satker_ids=None):
        qs = MutuBaku.objects.all()
        if satker_ids is not None:
            qs = qs.filter(Q(satker__isnull=True) | Q(satker_id__in=sorted(set(satker_ids))))
        self._menit = {(m.prosedur, m.satker_id, m.langkah): m.menit for m in qs}

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


# --- an item's stays in each step, from its audit trail ---------------------


@dataclass
class TinggalTahap:
    """One finished stay of an item in a step: from the transition that
    entered the state to the one that left it, and who left it."""

    tahap: Tahap
    mulai: datetime
    selesai: datetime
    oleh_id: int | None = None

    @property
    def durasi(self) -> timedelta:
        return self.selesai - self.mulai


def tinggal_tahap(alur, entri) -> list[TinggalTahap]:
    """The finished stays of ``alur`` read from its audit entries, given in
    time order as (aksi, dari_status, waktu, oleh_id). The first entry opens
    the item; notes (uploads, metadata) do not move the clock. This is the
    one reading of the trail the evaluation and the total share."""
    hasil = []
    masuk = None
    for aksi, dari, waktu, oleh_id in entri:
        if masuk is None:
            masuk = waktu
            continue
        if aksi not in alur.AKSI_TRANSISI:
            continue
        tahap = alur.tahap_jejak(dari, aksi)
        if tahap:
            hasil.append(TinggalTahap(tahap, masuk, waktu, oleh_id))
        masuk = waktu
    return hasil


def _masuk_terakhir(alur, entri):
    """When the item entered its current state (the last transition)."""
    masuk = None
    for aksi, _dari, waktu, _oleh in entri:
        if masuk is None or aksi in alur.AKSI_TRANSISI:
            masuk = waktu
    return masuk


# --- the path a normal run passes, and its norm -------------------------------


def _jalur_unggah(alur, jumlah_tingkat=None) -> list[str]:
    """sop 000: an upload passes lines 1–7, a take-down lines 8–12 plus the
    koreksi and persetujuan every handed-in product passes (lines 5–6); each
    extra validation level of the Satker (sop 001/002) adds its own step."""
    if jumlah_tingkat is None:
        jumlah_tingkat = alur.jumlah_tingkat()
    validasi = ["validasi"] * jumlah_tingkat
    if alur.penurunan:
        awal = ["disposisi-penurunan", "turunkan", "perbaikan", "koreksi"]
        return [*awal, *validasi, "persetujuan", "unggah-ulang"]
    return ["disposisi", "siapkan", "koreksi", *validasi, "persetujuan", "unggah"]


# Procedures whose items do not all pass every step. The others' path is
# every step of their procedure (sop 003 has one procedure per variant).
JALUR_NORMAL = {"unggah": _jalur_unggah}

# The total the SOP document itself states ("Normal waktu: 290 menit" in sop
# 000), shown beside the path's norm as the reference. sop 003 and sop 004
# state none: for sop 004 the sum of its lines is shown instead; sop 003 gives
# several lines no time at all, so it has no total.
TOTAL_SOP = {"unggah": (290, "normal waktu SOP 000 (langkah 1–12, unggah dan penurunan)")}


def jalur_tahap(alur, jumlah_tingkat=None) -> list[Tahap]:
    """The steps a normal run of ``alur`` passes, in order."""
    prosedur = alur.prosedur()
    fungsi = JALUR_NORMAL.get(prosedur.kode)
    if fungsi is None:
        return list(prosedur.tahap)
    return [prosedur.tahap_kode(kode) for kode in fungsi(alur, jumlah_tingkat)]


def norma_jalur(alur, mutu: TabelMutuBaku, jumlah_tingkat=None):
    """Each step of the path with its standard (None where none is set)."""
    return [(t, mutu.standar(t, alur.satker_id)) for t in jalur_tahap(alur, jumlah_tingkat)]


def jumlah_norma(jalur) -> timedelta | None:
    """The path's norm: the sum of the standards that are set."""
    diketahui = [s for _, s in jalur if s is not None]
    return sum(diketahui, timedelta(0)) if diketahui else None


def acuan_sop(prosedur) -> tuple[int, str] | None:
    """(minutes, what they are) of the SOP's own total, or None."""
    if prosedur.kode in TOTAL_SOP:
        return TOTAL_SOP[prosedur.kode]
    menit = list(prosedur.mutu_bawaan.values())
    if menit and all(m is not None for m in menit):
        keterangan = f"jumlah waktu seluruh langkah {prosedur.sop} (SOP tidak menyatakan total)"
        return sum(menit), keterangan
    return None


@dataclass
class WaktuLangkah:
    """A stay in a step against the step's standard."""

    tahap: Tahap
    durasi: timedelta
    standar: timedelta | None
    berjalan: bool = False

    @property
    def terlambat(self):
        return self.standar is not None and self.durasi > self.standar


@dataclass
class WaktuTotal:
    """An item's total elapsed time against the norm of its path."""

    berlalu: timedelta
    norma: timedelta | None
    jalur: list[tuple[Tahap, timedelta | None]]
    acuan: tuple[int, str] | None
    langkah: list[WaktuLangkah]
    selesai: bool

    @property
    def terlambat(self) -> list[WaktuLangkah]:
        return [w for w in self.langkah if w.terlambat]

    @property
    def tanpa_norma(self) -> list[Tahap]:
        return [t for t, standar in self.jalur if standar is None]

    @property
    def lewat(self):
        return self.norma is not None and self.berlalu > self.norma

    @property
    def menit_berlalu(self) -> int:
        return int(self.berlalu.total_seconds() // 60)

    @property
    def menit_norma(self) -> int | None:
        return None if self.norma is None else int(self.norma.total_seconds() // 60)

    @property
    def menit_skala(self) -> int:
        """The meter's maximum: the norm, or the elapsed time once past it."""
        return max(self.menit_norma or 0, self.menit_berlalu, 1)

    @property
    def kali_norma(self) -> str:
        """How many norms have passed ('2,5'), for a late item."""
        if not self.menit_norma:
            return ""
        return f"{self.berlalu / self.norma:.1f}".replace(".", ",")


def waktu_total(alur, mutu: TabelMutuBaku | None = None, sekarang=None) -> WaktuTotal:
    """Total elapsed time of any AlurKerja item (its audit trail, the clock
    the engine times every step with) against the summed time standards of
    the steps its path passes (the Satker's own standards where set), and
    each stay in a step with its own standard. A constant number of queries:
    the trail, the standards table, and (sop 000) the validation chain."""
    mutu = mutu or TabelMutuBaku()
    sekarang = sekarang or timezone.now()
    entri = list(
        alur.jejak.order_by("waktu", "id").values_list("aksi", "dari_status", "waktu", "oleh_id")
    )
    langkah = [
        WaktuLangkah(t.tahap, t.durasi, mutu.standar(t.tahap, alur.satker_id))
        for t in tinggal_tahap(alur, entri)
    ]
    selesai = alur.selesai
    masuk = _masuk_terakhir(alur, entri)
    if not selesai and masuk is not None:
        tahap = alur.tahap_menunggu()
        if tahap:
            langkah.append(
                WaktuLangkah(tahap, sekarang - masuk, mutu.standar(tahap, alur.satker_id), True)
            )
    awal = entri[0][2] if entri else alur.dibuat_pada
    akhir = (alur.selesai_pada or (entri[-1][2] if entri else sekarang)) if selesai else sekarang
    jalur = norma_jalur(alur, mutu)
    return WaktuTotal(
        berlalu=max(akhir - awal, timedelta(0)),
        norma=jumlah_norma(jalur),
        jalur=jalur,
        acuan=acuan_sop(alur.prosedur()),
        langkah=langkah,
        selesai=selesai,
    )


def ringkasan_total(alur, mutu: TabelMutuBaku, jumlah_tingkat=None, sekarang=None) -> WaktuTotal:
    """A list row's total without reading the trail: elapsed since the item
    was opened (the time of its opening entry) against its path's norm. No
    query when ``mutu`` is loaded and ``jumlah_tingkat`` given."""
    sekarang = sekarang or timezone.now()
    akhir = (alur.selesai_pada or sekarang) if alur.selesai else sekarang
    jalur = norma_jalur(alur, mutu, jumlah_tingkat)
    return WaktuTotal(
        berlalu=max(akhir - alur.dibuat_pada, timedelta(0)),
        norma=jumlah_norma(jalur),
        jalur=jalur,
        acuan=acuan_sop(alur.prosedur()),
        langkah=[],
        selesai=alur.selesai,
    )
