"""Evaluasi SOP: durations per step against the mutu baku."""

import math
import statistics
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from documents.models import Satker

from .konten.models import KontenMedsos
from .mesin import PROSEDUR
from .models import JejakAudit, Permohonan, Status
from .penyusunan.models import PenyusunanKeputusan
from .waktu import TabelMutuBaku, tinggal_tahap

# --- SOP evaluation --------------------------------------------------------


def persentil(nilai: list[float], p: float) -> float:
    """Nearest-rank percentile (what a spreadsheet user can check by hand)."""
    urut = sorted(nilai)
    return urut[max(0, math.ceil(p / 100 * len(urut)) - 1)]


@dataclass
class BarisEvaluasi:
    tahap: object
    jumlah: int
    median: timedelta | None
    p90: timedelta | None
    standar: timedelta | None
    dalam_standar: int

    @property
    def persen_dalam_standar(self):
        if not self.jumlah or self.standar is None:
            return None
        return round(100 * self.dalam_standar / self.jumlah)

    @property
    def terlambat(self):
        return self.p90 is not None and self.standar is not None and self.p90 > self.standar


def _ringkasan_unggah(daftar):
    return [
        ("pengunggahan", sum(1 for p in daftar if not p.penurunan)),
        ("penurunan", sum(1 for p in daftar if p.penurunan)),
        ("diunggah", sum(1 for p in daftar if p.status == Status.DIUNGGAH)),
        ("ditolak", sum(1 for p in daftar if p.status == Status.DITOLAK)),
    ]


def _ringkasan_penyusunan(daftar):
    from .penyusunan.models import StatusPenyusunan

    return [
        ("selesai", sum(1 for p in daftar if p.status == StatusPenyusunan.SELESAI)),
        ("dibatalkan", sum(1 for p in daftar if p.status == StatusPenyusunan.DIBATALKAN)),
        ("dikembalikan pleno", sum(1 for p in daftar if p.putaran_pleno)),
    ]


def _ringkasan_konten(daftar):
    from .konten.models import StatusKonten

    return [
        ("diunggah", sum(1 for k in daftar if k.status == StatusKonten.DIUNGGAH)),
        ("dibatalkan", sum(1 for k in daftar if k.status == StatusKonten.DIBATALKAN)),
        ("dikembalikan", sum(1 for k in daftar if k.putaran_koreksi)),
    ]


# Each procedure's items: model, filter, and the counts its report leads with.
SUMBER_EVALUASI = {
    "unggah": (Permohonan, {}, _ringkasan_unggah),
    "penyusunan-1": (PenyusunanKeputusan, {"varian": 1}, _ringkasan_penyusunan),
    "penyusunan-2": (PenyusunanKeputusan, {"varian": 2}, _ringkasan_penyusunan),
    "konten": (KontenMedsos, {}, _ringkasan_konten),
}


def evaluasi_sop(satker: Satker, dari, sampai, prosedur: str = "unggah", tahap="", orang=None):
    """Items of ``prosedur`` started in [dari, sampai] (office-local dates)
    and, per step, the median and 90th-percentile elapsed time against the
    standard. ``tahap`` (a step code) keeps that step's row only; ``orang``
    counts only the stays that person ended (who performed the step)."""
    model, saring, ringkas = SUMBER_EVALUASI[prosedur]
    tz = timezone.get_current_timezone()
    awal = timezone.make_aware(datetime.combine(dari, time.min), tz)
    akhir = timezone.make_aware(datetime.combine(sampai + timedelta(days=1), time.min), tz)
    daftar = list(
        model.objects.filter(satker=satker, dibuat_pada__gte=awal, dibuat_pada__lt=akhir, **saring)
    )
    ids = {p.pk: p for p in daftar}
    daftar_tahap = [t for t in PROSEDUR[prosedur].tahap if not tahap or t.kode == tahap]
    durasi: dict[str, list[timedelta]] = {t.kode: [] for t in daftar_tahap}
    jejak = JejakAudit.objects.filter(
        jenis_alur=ContentType.objects.get_for_model(model), alur_id__in=list(ids)
    ).order_by("alur_id", "waktu", "id")
    per_item: dict[int, list] = {}
    for pid, *entri in jejak.values_list("alur_id", "aksi", "dari_status", "waktu", "oleh_id"):
        per_item.setdefault(pid, []).append(entri)
    for pid, entri in per_item.items():
        for t in tinggal_tahap(ids[pid], entri):
            if t.tahap.kode in durasi and (orang is None or t.oleh_id == orang.pk):
                durasi[t.tahap.kode].append(t.durasi)
    mutu = TabelMutuBaku()
    baris = []
    for t in daftar_tahap:
        nilai = durasi[t.kode]
        standar = mutu.standar(t, satker.pk)
        detik = [d.total_seconds() for d in nilai]
        baris.append(
            BarisEvaluasi(
                tahap=t,
                jumlah=len(nilai),
                median=timedelta(seconds=statistics.median(detik)) if detik else None,
                p90=timedelta(seconds=persentil(detik, 90)) if detik else None,
                standar=standar,
                dalam_standar=(sum(1 for d in nilai if d <= standar) if standar is not None else 0),
            )
        )
    ringkasan = {
        "jumlah": len(daftar),
        "berjalan": sum(1 for p in daftar if not p.selesai),
        "rincian": ringkas(daftar),
    }
    return ringkasan, baris
