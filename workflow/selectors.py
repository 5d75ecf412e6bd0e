"""Read-side queries: what waits for whom across every procedure, an item's
timeline, and the SOP evaluation. Query counts stay constant whatever the
number of items."""

import math
import statistics
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, Value
from django.utils import timezone

from documents.models import Satker

from .izin import izin_per_satker
from .konten.models import KontenMedsos
from .konten.selectors import SUMBER_KONTEN
from .mesin import PROSEDUR, SumberTugas
from .models import JejakAudit, PenugasanPeran, Permohonan, Status, TingkatValidasi
from .penyusunan.models import PenyusunanKeputusan
from .penyusunan.selectors import SUMBER_PENYUSUNAN
from .waktu import TabelMutuBaku, format_durasi


class KonteksPengguna:
    """The user's permissions, validator roles and the validation chains of
    their Satkers, each loaded in one query."""

    def __init__(self, user):
        self.user = user
        self.izin = izin_per_satker(user)
        self.peran_validator = set(
            PenugasanPeran.objects.filter(pengguna=user).values_list("satker_id", "peran_id")
        )
        self.tingkat: dict[int, list[TingkatValidasi]] = {}
        for t in TingkatValidasi.objects.filter(satker_id__in=list(self.izin)).select_related(
            "peran"
        ):
            self.tingkat.setdefault(t.satker_id, []).append(t)

    def satker_dengan(self, kode):
        return [s for s, kode_kode in self.izin.items() if kode in kode_kode]


# --- sop 000–002: what waits for whom ----------------------------------------


def _q_tugas_permohonan(konteks: KonteksPengguna) -> Q:
    q = Q(pk__in=[])
    for s, kode in konteks.izin.items():
        status = []
        if "disposisi_permohonan" in kode:
            status.append(Status.DIAJUKAN)
        if "koreksi_permohonan" in kode:
            status.append(Status.DIPERIKSA)
        if "siapkan_permohonan" in kode:
            status += [Status.DIDISPOSISI, Status.DIKEMBALIKAN, Status.DITURUNKAN]
        if "unggah_permohonan" in kode:
            status.append(Status.DISETUJUI)
        # After "Tidak" on a take-down's correction either role chooses the way back.
        if "setujui_permohonan" in kode or "unggah_permohonan" in kode:
            status.append(Status.PERBAIKAN_DITOLAK)
        if status:
            q |= Q(satker_id=s, status__in=status)
        tingkat = konteks.tingkat.get(s, [])
        if "setujui_permohonan" in kode:
            q |= Q(satker_id=s, status=Status.DIVALIDASI, tingkat_lolos__gte=len(tingkat))
        if "validasi_permohonan" in kode:
            for i, t in enumerate(tingkat):
                if (s, t.peran_id) in konteks.peran_validator:
                    q |= Q(satker_id=s, status=Status.DIVALIDASI, tingkat_lolos=i)
    return q


def _saring_permohonan(qs, saringan):
    if saringan.get("jenis"):
        qs = qs.filter(jenis=saringan["jenis"])
    if saringan.get("nomor"):
        n = saringan["nomor"]
        qs = qs.filter(Q(produk__nomor__icontains=n) | Q(nota_dinas__nomor__icontains=n))
    return qs


SUMBER_PERMOHONAN = SumberTugas(
    kode="permohonan",
    model=Permohonan,
    jenis=("unggah", "penurunan"),
    lihat="lihat_permohonan",
    q_tugas=_q_tugas_permohonan,
    saring=_saring_permohonan,
    select_related=("satker", "produk__jenis", "pengelola", "diajukan_oleh"),
)
SUMBER = (SUMBER_PERMOHONAN, SUMBER_PENYUSUNAN, SUMBER_KONTEN)


def daftar_tugas(konteks: KonteksPengguna, semua: bool, saringan: dict):
    """Every procedure's items for the list, as one ordered union of
    (procedure, id, since): the database sorts and pages them together."""
    bagian = []
    for sumber in SUMBER:
        if saringan.get("jenis") and saringan["jenis"] not in sumber.jenis:
            continue
        status_model = {c for c, _ in sumber.model._meta.get_field("status").choices}
        if saringan.get("status") and saringan["status"] not in status_model:
            continue
        if semua:
            q = Q(satker_id__in=konteks.satker_dengan(sumber.lihat))
        else:
            q = sumber.q_tugas(konteks)
        qs = sumber.model.objects.filter(q)
        if saringan.get("status"):
            qs = qs.filter(status=saringan["status"])
        qs = sumber.saring(qs, saringan)
        bagian.append(
            qs.order_by()
            .annotate(sumber=Value(sumber.kode, output_field=CharField()))
            .values_list("sumber", "pk", "status_sejak")
        )
    if not bagian:
        return Permohonan.objects.none().values_list("pk", "pk", "status_sejak")
    gabungan = bagian[0].union(*bagian[1:], all=True) if len(bagian) > 1 else bagian[0]
    return gabungan.order_by("status_sejak", "pk")


def muat_halaman(kunci) -> list:
    """The page's items, one query per procedure present on it, in page order."""
    per_sumber: dict[str, list[int]] = {}
    for kode, pk, _ in kunci:
        per_sumber.setdefault(kode, []).append(pk)
    objek = {}
    for sumber in SUMBER:
        ids = per_sumber.get(sumber.kode)
        if ids:
            for o in sumber.model.objects.filter(pk__in=ids).select_related(*sumber.select_related):
                objek[(sumber.kode, o.pk)] = o
    return [objek[(kode, pk)] for kode, pk, _ in kunci if (kode, pk) in objek]


@dataclass
class BarisTugas:
    alur: object
    tahap: object
    umur: timedelta
    standar: timedelta | None
    menunggu: str

    @property
    def permohonan(self):
        return self.alur

    @property
    def terlambat(self):
        return self.standar is not None and self.umur > self.standar

    @property
    def umur_teks(self):
        return format_durasi(self.umur)

    @property
    def standar_teks(self):
        return format_durasi(self.standar) if self.standar else "—"


def baris_tugas(daftar, konteks: KonteksPengguna, mutu: TabelMutuBaku):
    sekarang = timezone.now()
    hasil = []
    for alur in daftar:
        tingkat = konteks.tingkat.get(alur.satker_id, [])
        tahap = None if alur.selesai else alur.tahap_menunggu(jumlah_tingkat=len(tingkat))
        hasil.append(
            BarisTugas(
                alur=alur,
                tahap=tahap,
                umur=sekarang - alur.status_sejak,
                standar=mutu.standar(tahap, alur.satker_id) if tahap else None,
                menunggu=alur.keterangan_menunggu(tahap, tingkat) if tahap else "",
            )
        )
    return hasil


@dataclass
class BarisLinimasa:
    jejak: JejakAudit | None
    label: str
    tahap: object
    durasi: timedelta | None
    standar: timedelta | None
    berjalan: bool = False
    dari_label: str = ""
    ke_label: str = ""

    @property
    def terlambat(self):
        return self.standar is not None and self.durasi is not None and self.durasi > self.standar

    @property
    def durasi_teks(self):
        return format_durasi(self.durasi)

    @property
    def standar_teks(self):
        return format_durasi(self.standar) if self.standar else "—"


def linimasa(alur) -> list[BarisLinimasa]:
    """Every entry of the trail; a transition's elapsed time is measured from
    the previous transition (entering the state) against its step's standard."""
    mutu = TabelMutuBaku()
    nama_status = dict(type(alur)._meta.get_field("status").choices)
    baris = []
    masuk = None
    for j in alur.jejak.select_related("oleh").order_by("waktu", "id"):
        transisi = j.aksi in alur.AKSI_TRANSISI or masuk is None
        tahap = alur.tahap_jejak(j.dari_status, j.aksi) if j.aksi in alur.AKSI_TRANSISI else None
        durasi = (j.waktu - masuk) if (tahap and masuk) else None
        baris.append(
            BarisLinimasa(
                jejak=j,
                label=alur.LABEL_AKSI.get(j.aksi, j.aksi),
                tahap=tahap,
                durasi=durasi,
                standar=mutu.standar(tahap, alur.satker_id) if tahap else None,
                dari_label=nama_status.get(j.dari_status, j.dari_status),
                ke_label=nama_status.get(j.ke_status, j.ke_status),
            )
        )
        if transisi:
            masuk = j.waktu
    if not alur.selesai and masuk is not None:
        tahap = alur.tahap_menunggu()
        if tahap:
            baris.append(
                BarisLinimasa(
                    jejak=None,
                    label=f"Menunggu: {alur.keterangan_menunggu(tahap)}",
                    tahap=tahap,
                    durasi=timezone.now() - masuk,
                    standar=mutu.standar(tahap, alur.satker_id),
                    berjalan=True,
                )
            )
    return baris


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
