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
from .waktu import TabelMutuBaku

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


def evaluasi_sop(satker: Satker, dari, sampai, prosedur: str = "unggah"):
    """Items of ``prosedur`` started in [dari, sampai] (office-local dates)
    and, per step, the median and 90th-percentile elapsed time against the
    standard."""
    model, saring, ringkas = SUMBER_EVALUASI[prosedur]
    tz = timezone.get_current_timezone()
    awal = timezone.make_aware(datetime.combine(dari, time.min), tz)
    akhir = timezone.make_aware(datetime.combine(sampai + timedelta(days=1), time.min), tz)
    daftar = list(
        model.objects.filter(satker=satker, dibuat_pada__gte=awal, dibuat_pada__lt=akhir, **saring)
    )
    ids = {p.pk: p for p in daftar}
    urutan = [t.kode for t in PROSEDUR[prosedur].tahap]
    durasi: dict[str, list[timedelta]] = {k: [] for k in urutan}
    masuk: dict[int, datetime] = {}
    jejak = JejakAudit.objects.filter(
        jenis_alur=ContentType.objects.get_for_model(model), alur_id__in=list(ids)
    ).order_by("alur_id", "waktu", "id")
    for j in jejak.values("alur_id", "aksi", "dari_status", "waktu"):
        pid = j["alur_id"]
        if pid not in masuk:
            masuk[pid] = j["waktu"]
            continue
        if j["aksi"] not in model.AKSI_TRANSISI:
            continue
        tahap = ids[pid].tahap_jejak(j["dari_status"], j["aksi"])
        if tahap:
            durasi[tahap.kode].append(j["waktu"] - masuk[pid])
        masuk[pid] = j["waktu"]
    mutu = TabelMutuBaku()
    baris = []
    for tahap in PROSEDUR[prosedur].tahap:
        nilai = durasi[tahap.kode]
        standar = mutu.standar(tahap, satker.pk)
        detik = [d.total_seconds() for d in nilai]
        baris.append(
            BarisEvaluasi(
                tahap=tahap,
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
