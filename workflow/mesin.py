"""The workflow engine: what every SOP procedure shares.

A procedure (the upload/take-down request of sop 000–002, the drafting of a
Keputusan of sop 003, …) is a model that subclasses ``AlurKerja`` and adds its
own django-fsm state machine, its steps (``Tahap``) and its own business
actions. Everything else lives here once: the row lock and the stale-page
check (concurrency), the permission check beside each transition, the
append-only audit trail, the step's time standard, and the email to whoever
acts next.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django_fsm import ConcurrentTransitionMixin, can_proceed

from documents.models import Satker


class AksiGagal(Exception):
    """The action cannot be done now; the message is for the user."""

    def __init__(self, pesan, field=None):
        super().__init__(pesan)
        self.pesan = pesan
        self.field = field


class TidakBerwenang(AksiGagal):
    """The user's roles in this Satker do not include this step."""


class StatusBerubah(AksiGagal):
    """Someone else acted on the item first, or the step is out of order."""


@dataclass(frozen=True)
class Tahap:
    """One step of a procedure as the SOP times it.

    ``langkah`` are the SOP lines the step covers (one action of the product
    may cover two lines, timed against their sum); ``label`` overrides the
    "Langkah N" shown to staff where the SOP numbers it otherwise.
    """

    prosedur: str
    kode: str
    nama: str
    langkah: tuple[int, ...]
    label: str = ""

    @property
    def label_langkah(self):
        if self.label:
            return self.label
        if len(self.langkah) == 1:
            return f"Langkah {self.langkah[0]}"
        return f"Langkah {self.langkah[0]}–{self.langkah[-1]}"


@dataclass(frozen=True)
class Prosedur:
    """A procedure as the engine knows it: its steps in SOP order and the
    default time standard (minutes, None where the SOP sets none) per line."""

    kode: str
    nama: str
    sop: str
    tahap: tuple[Tahap, ...]
    mutu_bawaan: dict[int, int | None]
    nama_langkah: dict[int, str]

    def tahap_kode(self, kode) -> Tahap:
        return next(t for t in self.tahap if t.kode == kode)


PROSEDUR: dict[str, Prosedur] = {}


@dataclass(frozen=True)
class SumberTugas:
    """One procedure's model as Tugas saya reads it: what waits for a user
    (``q_tugas(konteks)`` → Q), the list's filters, and what to load per row."""

    kode: str
    model: type
    jenis: tuple[str, ...]  # values of the list's "jenis" filter it answers
    lihat: str  # the permission to see a Satker's items at all
    q_tugas: object
    saring: object
    select_related: tuple[str, ...]


def pilihan_prosedur():
    """Choices for a field naming a procedure (read when the form is built)."""
    return [(p.kode, f"{p.sop} — {p.nama}") for p in PROSEDUR.values()]


def daftarkan(prosedur: Prosedur) -> Prosedur:
    PROSEDUR[prosedur.kode] = prosedur
    return prosedur


def izin(kode):
    """A transition's permission callable: the role's object permission
    ``kode`` on the item's Satker (beside the transition, asked by pages too)."""

    def cek(alur, user):
        from .izin import punya_izin

        return punya_izin(user, kode, alur.satker_id)

    cek.kode = kode
    return cek


class AlurKerja(ConcurrentTransitionMixin, models.Model):
    """One item moving through a procedure, in one Satker.

    Subclasses define ``status`` (an FSMField with their states) and the
    transitions, each with a ``permission`` callable, and answer the hooks
    below so the shared pages, the timeline, Tugas saya, the evaluation and
    the email can treat every procedure alike.
    """

    satker = models.ForeignKey(
        Satker, verbose_name="satker", on_delete=models.PROTECT, related_name="%(class)s"
    )
    status_sejak = models.DateTimeField("status sejak", default=timezone.now)
    diajukan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diajukan oleh",
        on_delete=models.PROTECT,
        related_name="%(class)s_diajukan",
    )
    dibuat_pada = models.DateTimeField("dibuat", default=timezone.now)
    selesai_pada = models.DateTimeField("selesai", null=True, blank=True)

    # What a stale page or an error calls the item ("permohonan ini").
    NAMA_OBJEK = "item"
    STATUS_SELESAI: tuple = ()
    # Audit actions that are transitions (the others are notes on the record).
    AKSI_TRANSISI: frozenset = frozenset()
    LABEL_AKSI: dict = {}
    # Related rows read with the locked row (select_related paths).
    RELASI_KUNCI: tuple = ("satker",)

    class Meta:
        abstract = True

    @property
    def selesai(self):
        return self.status in self.STATUS_SELESAI

    @property
    def jejak(self):
        """This item's audit trail (one table for every procedure)."""
        from .models import JejakAudit

        return JejakAudit.objects.filter(
            jenis_alur=ContentType.objects.get_for_model(type(self)), alur_id=self.pk
        )

    # --- hooks each procedure answers ---

    def prosedur(self) -> Prosedur:
        raise NotImplementedError

    def tahap_menunggu(self, jumlah_tingkat=None) -> Tahap | None:
        """The step the item waits for now (None when finished)."""
        raise NotImplementedError

    def tahap_jejak(self, dari_status, aksi) -> Tahap | None:
        """The step an audit entry completed (None for notes and the opening)."""
        raise NotImplementedError

    def keterangan_menunggu(self, tahap, tingkat=None) -> str:
        return tahap.nama if tahap else ""

    def penerima_berikutnya(self):
        """Active users who must act now (the proposer once it is done)."""
        raise NotImplementedError

    def alasan_syarat(self, aksi) -> str:
        """Why a transition's conditions are not met, for the user."""
        return "Langkah ini belum dapat dilakukan."

    def judul_tugas(self) -> str:
        return str(self)

    def subjudul_tugas(self) -> str:
        return ""

    def label_jenis(self) -> str:
        return self.prosedur().nama


# --- audit -----------------------------------------------------------------


def catat(alur, user, aksi, dari, ke, catatan="", ip=None, waktu=None):
    """Append one entry to the item's audit trail."""
    from .models import JejakAudit

    return JejakAudit.objects.create(
        jenis_alur=ContentType.objects.get_for_model(type(alur)),
        alur_id=alur.pk,
        satker_id=alur.satker_id,
        aksi=aksi,
        dari_status=dari,
        ke_status=ke,
        oleh=user,
        catatan=catatan,
        alamat_ip=ip or None,
        waktu=waktu or timezone.now(),
    )


# --- concurrency and transitions --------------------------------------------


def kunci(alur, status_terlihat=None):
    """Lock the row and re-read it; a stale page is told what happened."""
    model = type(alur)
    obj = (
        model.objects.select_for_update(of=("self",))
        .select_related(*model.RELASI_KUNCI)
        .get(pk=alur.pk)
    )
    if status_terlihat and obj.status != status_terlihat:
        terakhir = obj.jejak.select_related("oleh").order_by("-waktu", "-id").first()
        oleh = f" oleh {terakhir.oleh.get_full_name() or terakhir.oleh}" if terakhir else ""
        raise StatusBerubah(
            f"{model.NAMA_OBJEK.capitalize()} ini baru saja diproses{oleh}; statusnya kini "
            f"“{obj.get_status_display()}”. Halaman telah dimuat ulang, periksa kembali."
        )
    return obj


def cek_transisi(obj, aksi, user):
    """The bound transition method, if ``user`` may run it now; else why not."""
    transisi = next(
        (
            t
            for t in obj.get_all_status_transitions()
            if t.name == aksi and t.source in (obj.status, "*")
        ),
        None,
    )
    if transisi is None:
        raise StatusBerubah(
            f"Langkah ini tidak dapat dilakukan pada {type(obj).NAMA_OBJEK} berstatus "
            f"“{obj.get_status_display()}”."
        )
    if not transisi.has_perm(obj, user):
        raise TidakBerwenang("Anda tidak berwenang melakukan langkah ini di satker ini.")
    metode = getattr(obj, aksi)
    if not can_proceed(metode):
        raise AksiGagal(obj.alasan_syarat(aksi))
    return metode


def jalankan(alur, user, aksi, *, catatan="", ip=None, status_terlihat=None, sebelum=None):
    """Run one FSM transition as one unit of work: lock, check, do the step's
    own work (``sebelum``, which may word the record's note), transition,
    save, record, notify."""
    with transaction.atomic():
        obj = kunci(alur, status_terlihat)
        metode = cek_transisi(obj, aksi, user)
        dari = obj.status
        catatan = (sebelum(obj) if sebelum else None) or catatan
        metode()
        sekarang = timezone.now()
        obj.status_sejak = sekarang
        if obj.selesai:
            obj.selesai_pada = sekarang
        obj.save()
        catat(obj, user, aksi, dari, obj.status, catatan, ip, waktu=sekarang)
        from .notifikasi import beri_tahu

        beri_tahu(obj)
    return obj


def dalam_kunci(alur, user, aksi, kerja, *, ip=None, catatan=""):
    """A non-transition action on a locked item (upload, note, receipt…):
    ``kerja(obj)`` does the work and may return the record's note."""
    with transaction.atomic():
        obj = kunci(alur)
        hasil_catatan = kerja(obj)
        catat(obj, user, aksi, obj.status, obj.status, hasil_catatan or catatan, ip)
    return obj


def aksi_tersedia(obj, user) -> list[str]:
    """Names of the transitions ``user`` may run on ``obj`` now (the
    template asks this instead of re-deciding who may do what)."""
    return [t.name for t in obj.get_available_user_status_transitions(user)]


def aksi_berwenang(obj, user) -> dict[str, str]:
    """The transitions of the current state that ``user``'s role may run,
    each with why it cannot run yet ("" when it can): the page shows the
    step and what is missing rather than hiding it."""
    hasil = {}
    for t in obj.get_all_status_transitions():
        if t.source not in (obj.status, "*") or t.name in hasil:
            continue
        if t.has_perm(obj, user):
            hasil[t.name] = "" if can_proceed(getattr(obj, t.name)) else obj.alasan_syarat(t.name)
    return hasil
