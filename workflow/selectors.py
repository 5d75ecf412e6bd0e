"""Read-side queries: what waits for whom across every procedure, an item's
timeline, and the SOP evaluation. Query counts stay constant whatever the
number of items."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import CharField, Q, Value
from django.utils import timezone

from .izin import izin_per_satker
from .konten.selectors import SUMBER_KONTEN
from .kueri import salah_satu
from .mesin import SumberTugas
from .models import (
    STATUS_DISPOSISI_BERLAKU,
    JejakAudit,
    PenugasanPeran,
    Permohonan,
    Status,
    TingkatValidasi,
    pesan_penugasan,
)
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
        for t in TingkatValidasi.objects.filter(salah_satu("satker_id", self.izin)).select_related(
            "peran"
        ):
            self.tingkat.setdefault(t.satker_id, []).append(t)

    def satker_dengan(self, kode):
        return [s for s, kode_kode in self.izin.items() if kode in kode_kode]

    def kelompok_izin(self) -> list[tuple[list[int], frozenset[str]]]:
        """(Satker ids, codenames): the Satkers where the user holds the same
        permissions, together. A KPU RI user with a role in each of 553
        Satkers gets one condition ``satker_id IN (…)`` instead of 553."""
        kelompok: dict[frozenset[str], list[int]] = {}
        for s, kode in self.izin.items():
            kelompok.setdefault(kode, []).append(s)
        return [(sorted(ids), kode) for kode, ids in kelompok.items()]


# --- sop 000–002: what waits for whom ----------------------------------------


def _q_tugas_permohonan(konteks: KonteksPengguna) -> Q:
    q = Q(pk__in=[])
    # A Pengelola's steps wait for the Pengelola the disposisi names only.
    tertunjuk = Q(pengelola_id=konteks.user.pk) | Q(pengelola__isnull=True)
    # Satkers alike in permissions and in the validation chain as the user
    # meets it share one condition (see KonteksPengguna.kelompok_izin).
    kelompok: dict[tuple, list[int]] = {}
    for s, kode in konteks.izin.items():
        tingkat = konteks.tingkat.get(s, [])
        jumlah = len(tingkat) if "setujui_permohonan" in kode else None
        giliran = ()
        if "validasi_permohonan" in kode:
            giliran = tuple(
                i for i, t in enumerate(tingkat) if (s, t.peran_id) in konteks.peran_validator
            )
        kelompok.setdefault((kode, jumlah, giliran), []).append(s)
    for (kode, jumlah, giliran), ids in kelompok.items():
        di = salah_satu("satker_id", sorted(ids))
        status = []
        if "disposisi_permohonan" in kode:
            status.append(Status.DIAJUKAN)
        if "koreksi_permohonan" in kode:
            status.append(Status.DIPERIKSA)
        # After "Tidak" on a take-down's correction either role chooses the way back.
        if "setujui_permohonan" in kode:
            status.append(Status.PERBAIKAN_DITOLAK)
        if status:
            q |= di & Q(status__in=status)
        status_pengelola = []
        if "siapkan_permohonan" in kode:
            status_pengelola += [Status.DIDISPOSISI, Status.DIKEMBALIKAN, Status.DITURUNKAN]
        if "unggah_permohonan" in kode:
            status_pengelola.append(Status.DISETUJUI)
            if "setujui_permohonan" not in kode:
                status_pengelola.append(Status.PERBAIKAN_DITOLAK)
        if status_pengelola:
            q |= di & Q(status__in=status_pengelola) & tertunjuk
        # Sent back to be completed: waits for whoever submitted it.
        if "ajukan_permohonan" in kode:
            q |= di & Q(status=Status.PERLU_DILENGKAPI, diajukan_oleh_id=konteks.user.pk)
        if jumlah is not None:
            q |= di & Q(status=Status.DIVALIDASI, tingkat_lolos__gte=jumlah)
        if giliran:
            q |= di & Q(status=Status.DIVALIDASI, tingkat_lolos__in=giliran)
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
            q = salah_satu("satker_id", konteks.satker_dengan(sumber.lihat))
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
        menunggu = alur.keterangan_menunggu(tahap, tingkat) if tahap else ""
        if catatan := _catatan_penugasan(alur, konteks):
            menunggu = f"{menunggu} · {catatan}" if menunggu else catatan
        hasil.append(
            BarisTugas(
                alur=alur,
                tahap=tahap,
                umur=sekarang - alur.status_sejak,
                standar=mutu.standar(tahap, alur.satker_id) if tahap else None,
                menunggu=menunggu,
            )
        )
    return hasil


def _catatan_penugasan(alur, konteks: KonteksPengguna) -> str:
    """Permohonan.catatan_penugasan from the permissions already loaded (no
    query per row): another Pengelola of the Satker reads who acts."""
    if (
        not isinstance(alur, Permohonan)
        or not alur.pengelola_id
        or alur.pengelola_id == konteks.user.pk
        or alur.status not in STATUS_DISPOSISI_BERLAKU
        or "siapkan_permohonan" not in konteks.izin.get(alur.satker_id, ())
    ):
        return ""
    return pesan_penugasan(alur)


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
    catatan: str = ""

    @property
    def terlambat(self):
        return self.standar is not None and self.durasi is not None and self.durasi > self.standar

    @property
    def durasi_teks(self):
        return format_durasi(self.durasi)

    @property
    def standar_teks(self):
        return format_durasi(self.standar) if self.standar else "—"


def manusiawi(kode: str) -> str:
    """A code no label table knows, read as words (never shown raw)."""
    return kode.replace("_", " ").replace("-", " ").strip().capitalize()


def _nama_bidang_produk() -> dict[str, str]:
    """Field name → the label staff see, for notes that list changed fields
    (older entries recorded the raw names)."""
    from documents.models import ProdukHukum

    from .forms_siapkan import MetadataForm

    nama = {
        f.name: str(f.verbose_name)
        for f in ProdukHukum._meta.get_fields()
        if getattr(f, "verbose_name", None)
    }
    nama.update({n: str(b.label) for n, b in MetadataForm.base_fields.items() if b.label})
    return {k: v.lower() for k, v in nama.items()}


AWALAN_UBAH = "Diubah: "


def catatan_jejak(j) -> str:
    """The note as staff read it: a metadata change lists the fields by
    their labels ("bidang hukum, tahun"), not by the model's names."""
    if j.aksi == "ubah-metadata" and j.catatan.startswith(AWALAN_UBAH):
        nama = _nama_bidang_produk()
        bidang = [b.strip() for b in j.catatan[len(AWALAN_UBAH) :].split(",")]
        return AWALAN_UBAH + ", ".join(
            nama.get(b, manusiawi(b).lower() if "_" in b else b) for b in bidang
        )
    return j.catatan


def linimasa(alur) -> list[BarisLinimasa]:
    """Every entry of the trail; a transition's elapsed time is measured from
    the previous transition (entering the state) against its step's standard.
    Everything shown is a label: actions, states and field names."""
    mutu = TabelMutuBaku()
    nama_status = dict(type(alur)._meta.get_field("status").choices)

    def label_status(kode):
        return nama_status.get(kode) or manusiawi(kode)

    baris = []
    masuk = None
    for j in alur.jejak.select_related("oleh").order_by("waktu", "id"):
        transisi = j.aksi in alur.AKSI_TRANSISI or masuk is None
        tahap = alur.tahap_jejak(j.dari_status, j.aksi) if j.aksi in alur.AKSI_TRANSISI else None
        durasi = (j.waktu - masuk) if (tahap and masuk) else None
        baris.append(
            BarisLinimasa(
                jejak=j,
                label=alur.LABEL_AKSI.get(j.aksi) or manusiawi(j.aksi),
                tahap=tahap,
                durasi=durasi,
                standar=mutu.standar(tahap, alur.satker_id) if tahap else None,
                dari_label=label_status(j.dari_status) if j.dari_status else "",
                ke_label=label_status(j.ke_status),
                catatan=catatan_jejak(j),
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


@dataclass
class CatatanPermohonan:
    """What the request page says beside the Nota Dinas and the disposisi,
    read from the trail in one query."""

    pengembalian: list  # the Kasubbag's "kembalikan ke pengusul" notes
    pengalihan: list  # every re-assignment of the disposisi
    penarikan: JejakAudit | None

    @property
    def pengembalian_terakhir(self):
        return self.pengembalian[-1] if self.pengembalian else None


def catatan_permohonan(p) -> CatatanPermohonan:
    jejak = list(
        p.jejak.filter(aksi__in=["kembalikan_ke_pengusul", "alihkan-disposisi", "tarik"])
        .select_related("oleh")
        .order_by("waktu", "id")
    )
    return CatatanPermohonan(
        pengembalian=[j for j in jejak if j.aksi == "kembalikan_ke_pengusul"],
        pengalihan=[j for j in jejak if j.aksi == "alihkan-disposisi"],
        penarikan=next((j for j in jejak if j.aksi == "tarik"), None),
    )


# The SOP evaluation lives in its own module.
from .selectors_evaluasi import BarisEvaluasi, evaluasi_sop, persentil  # noqa: E402,F401
