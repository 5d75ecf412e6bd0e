"""Read-side queries: what waits for whom, a request's timeline, and the SOP
evaluation. Query counts stay constant whatever the number of requests."""

import math
import statistics
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from documents.models import Satker

from .izin import izin_per_satker
from .layanan import AKSI_TRANSISI, LABEL_AKSI
from .models import JejakAudit, PenugasanPeran, Permohonan, Status, TingkatValidasi
from .waktu import TAHAP, URUTAN_TAHAP, TabelMutuBaku, format_durasi, tahap_jejak, tahap_menunggu


class KonteksPengguna:
    """The user's permissions, validator roles and the validation chains of
    their Satkers, each loaded in one query."""

    def __init__(self, user):
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

    def q_tugas(self) -> Q:
        q = Q(pk__in=[])
        for s, kode in self.izin.items():
            status = []
            if "disposisi_permohonan" in kode:
                status.append(Status.DIAJUKAN)
            if "koreksi_permohonan" in kode:
                status.append(Status.DIPERIKSA)
            if "siapkan_permohonan" in kode:
                status += [Status.DIDISPOSISI, Status.DIKEMBALIKAN, Status.DITURUNKAN]
            if "unggah_permohonan" in kode:
                status.append(Status.DISETUJUI)
            if status:
                q |= Q(satker_id=s, status__in=status)
            tingkat = self.tingkat.get(s, [])
            if "setujui_permohonan" in kode:
                q |= Q(satker_id=s, status=Status.DIVALIDASI, tingkat_lolos__gte=len(tingkat))
            if "validasi_permohonan" in kode:
                for i, t in enumerate(tingkat):
                    if (s, t.peran_id) in self.peran_validator:
                        q |= Q(satker_id=s, status=Status.DIVALIDASI, tingkat_lolos=i)
        return q

    def q_semua(self) -> Q:
        return Q(satker_id__in=self.satker_dengan("lihat_permohonan"))


def daftar_permohonan(q: Q, saringan: dict):
    qs = Permohonan.objects.filter(q).select_related(
        "satker", "produk__jenis", "pengelola", "diajukan_oleh"
    )
    if saringan.get("status"):
        qs = qs.filter(status=saringan["status"])
    if saringan.get("jenis"):
        qs = qs.filter(jenis=saringan["jenis"])
    if saringan.get("nomor"):
        n = saringan["nomor"]
        qs = qs.filter(Q(produk__nomor__icontains=n) | Q(nota_dinas__nomor__icontains=n))
    return qs.order_by("status_sejak", "id")


@dataclass
class BarisTugas:
    permohonan: Permohonan
    tahap: object
    umur: timedelta
    standar: timedelta | None
    menunggu: str

    @property
    def terlambat(self):
        return self.standar is not None and self.umur > self.standar

    @property
    def umur_teks(self):
        return format_durasi(self.umur)

    @property
    def standar_teks(self):
        return format_durasi(self.standar) if self.standar else "—"


def baris_tugas(permohonan_list, konteks: KonteksPengguna, mutu: TabelMutuBaku):
    sekarang = timezone.now()
    hasil = []
    for p in permohonan_list:
        tingkat = konteks.tingkat.get(p.satker_id, [])
        tahap = (
            None if p.selesai else tahap_menunggu(p.jenis, p.status, p.tingkat_lolos, len(tingkat))
        )
        menunggu = ""
        if tahap and tahap.kode == "validasi":
            menunggu = f"Validasi {tingkat[p.tingkat_lolos].label}"
        elif tahap:
            menunggu = tahap.nama
        hasil.append(
            BarisTugas(
                permohonan=p,
                tahap=tahap,
                umur=sekarang - p.status_sejak,
                standar=mutu.standar(tahap, p.satker_id) if tahap else None,
                menunggu=menunggu,
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

    @property
    def terlambat(self):
        return self.standar is not None and self.durasi is not None and self.durasi > self.standar

    @property
    def durasi_teks(self):
        return format_durasi(self.durasi)

    @property
    def standar_teks(self):
        return format_durasi(self.standar) if self.standar else "—"


def linimasa(p: Permohonan) -> list[BarisLinimasa]:
    """Every entry of the trail; a transition's elapsed time is measured from
    the previous transition (entering the state) against its step's standard."""
    mutu = TabelMutuBaku()
    baris = []
    masuk = None
    for j in p.jejak.select_related("oleh").order_by("waktu", "id"):
        transisi = j.aksi in AKSI_TRANSISI or masuk is None
        tahap = tahap_jejak(p.jenis, j.dari_status, j.aksi) if j.aksi in AKSI_TRANSISI else None
        durasi = (j.waktu - masuk) if (tahap and masuk) else None
        baris.append(
            BarisLinimasa(
                jejak=j,
                label=LABEL_AKSI.get(j.aksi, j.aksi),
                tahap=tahap,
                durasi=durasi,
                standar=mutu.standar(tahap, p.satker_id) if tahap else None,
            )
        )
        if transisi:
            masuk = j.waktu
    if not p.selesai and masuk is not None:
        tahap = tahap_menunggu(p.jenis, p.status, p.tingkat_lolos, p.jumlah_tingkat())
        if tahap:
            tingkat = p.tingkat_berikutnya()
            baris.append(
                BarisLinimasa(
                    jejak=None,
                    label=f"Menunggu: {tahap.nama}" + (f" ({tingkat.label})" if tingkat else ""),
                    tahap=tahap,
                    durasi=timezone.now() - masuk,
                    standar=mutu.standar(tahap, p.satker_id),
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
    standar: timedelta
    dalam_standar: int

    @property
    def persen_dalam_standar(self):
        return round(100 * self.dalam_standar / self.jumlah) if self.jumlah else None


def evaluasi_sop(satker: Satker, dari, sampai):
    """Requests made in [dari, sampai] (office-local dates) and, per step, the
    median and 90th-percentile elapsed time against the standard."""
    tz = timezone.get_current_timezone()
    awal = timezone.make_aware(datetime.combine(dari, time.min), tz)
    akhir = timezone.make_aware(datetime.combine(sampai + timedelta(days=1), time.min), tz)
    permohonan = list(
        Permohonan.objects.filter(satker=satker, dibuat_pada__gte=awal, dibuat_pada__lt=akhir)
    )
    ids = {p.pk: p for p in permohonan}
    durasi: dict[str, list[timedelta]] = {k: [] for k in URUTAN_TAHAP}
    masuk: dict[int, datetime] = {}
    jejak = JejakAudit.objects.filter(permohonan_id__in=list(ids)).order_by(
        "permohonan_id", "waktu", "id"
    )
    for j in jejak.values("permohonan_id", "aksi", "dari_status", "waktu"):
        pid = j["permohonan_id"]
        if pid not in masuk:
            masuk[pid] = j["waktu"]
            continue
        if j["aksi"] not in AKSI_TRANSISI:
            continue
        tahap = tahap_jejak(ids[pid].jenis, j["dari_status"], j["aksi"])
        if tahap:
            durasi[tahap.kode].append(j["waktu"] - masuk[pid])
        masuk[pid] = j["waktu"]
    mutu = TabelMutuBaku()
    baris = []
    for kode in URUTAN_TAHAP:
        tahap = TAHAP[kode]
        nilai = durasi[kode]
        standar = mutu.standar(tahap, satker.pk)
        detik = [d.total_seconds() for d in nilai]
        baris.append(
            BarisEvaluasi(
                tahap=tahap,
                jumlah=len(nilai),
                median=timedelta(seconds=statistics.median(detik)) if detik else None,
                p90=timedelta(seconds=persentil(detik, 90)) if detik else None,
                standar=standar,
                dalam_standar=sum(1 for d in nilai if d <= standar),
            )
        )
    ringkasan = {
        "jumlah": len(permohonan),
        "unggah": sum(1 for p in permohonan if not p.penurunan),
        "penurunan": sum(1 for p in permohonan if p.penurunan),
        "diunggah": sum(1 for p in permohonan if p.status == Status.DIUNGGAH),
        "ditolak": sum(1 for p in permohonan if p.status == Status.DITOLAK),
        "berjalan": sum(1 for p in permohonan if not p.selesai),
    }
    return ringkasan, baris
