"""Email to whoever must act next on an item of any procedure.

Queued (workflow.tasks.kirim_notifikasi) after the transaction commits, so a
rolled-back action never mails anyone and a slow or failing SMTP server never
delays a page nor undoes a step: the worker sends it. The console backend
locally, SMTP when EMAIL_HOST is set.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Status
from .peran import Peran

log = logging.getLogger(__name__)

# Ahead of OCR work in the shared queue: a message waits for no scan.
PRIORITAS_EMAIL = 60


def pengguna_peran(satker_id, *peran):
    """Active users holding any of ``peran`` in the Satker."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            penugasan_peran__satker_id=satker_id,
            penugasan_peran__peran__name__in=[str(p) for p in peran],
        )
        .distinct()
    )


def penerima_permohonan(p):
    """Active users who must act on request ``p`` now (the proposer once it is done)."""
    User = get_user_model()
    pengguna = User.objects.filter(is_active=True)
    # A withdrawn request leaves the Kasubbag's queue: they are told, the
    # proposer (who withdrew it) is not.
    if p.status in (Status.DIAJUKAN, Status.DIPERIKSA, Status.DITARIK):
        return pengguna_peran(p.satker_id, Peran.KASUBBAG)
    if p.status in (
        Status.DIDISPOSISI,
        Status.DIKEMBALIKAN,
        Status.DITURUNKAN,
        Status.DISETUJUI,
    ):
        if p.pengelola_id:
            return pengguna.filter(pk=p.pengelola_id)
        return pengguna_peran(p.satker_id, Peran.PENGELOLA)
    if p.status == Status.DIVALIDASI:
        tingkat = p.tingkat_berikutnya()
        peran = (
            {"penugasan_peran__peran_id": tingkat.peran_id}
            if tingkat
            else {"penugasan_peran__peran__name": Peran.KASUBBAG}
        )
        return pengguna.filter(penugasan_peran__satker_id=p.satker_id, **peran).distinct()
    return pengguna.filter(pk=p.diajukan_oleh_id)


def _isi_khusus(alur, penerima, status, nama, label_status):
    """The sentence for the cases the generic ones would word wrongly: a
    withdrawal told to the Kasubbag, and a disposisi re-assigned to a
    Pengelola while the request waits for someone else."""
    from .models import STATUS_PENGELOLA, Permohonan

    if not isinstance(alur, Permohonan):
        return None
    if status == Status.DITARIK:
        return (
            f"[JDIH] Permohonan ditarik: {alur.judul_tugas()}",
            f"{nama} berikut telah ditarik oleh pengusulnya; tidak ada lagi yang perlu "
            "Anda tindak lanjuti.",
        )
    if (
        penerima.pk == alur.pengelola_id
        and status not in STATUS_PENGELOLA
        and status not in type(alur).STATUS_SELESAI
        and status != Status.PERBAIKAN_DITOLAK
    ):
        return (
            f"[JDIH] Disposisi dialihkan kepada Anda: {alur.judul_tugas()}",
            f"Disposisi {nama.lower()} berikut kini ditujukan kepada Anda. Langkah Pengelola "
            f"JDIH berikutnya menjadi tugas Anda (status sekarang: {label_status}).",
        )
    return None


def _pesan(alur, penerima, status):
    """One message; ``status`` is the item's status at the step, which the
    worker may read after the item has moved on."""
    url = settings.JDIH_SITE_URL + alur.get_absolute_url()
    nama = type(alur).NAMA_OBJEK.capitalize()
    label_status = dict(type(alur)._meta.get_field("status").flatchoices).get(status, status)
    khusus = _isi_khusus(alur, penerima, status, nama, label_status)
    if khusus:
        subjek, isi = khusus
    elif status in type(alur).STATUS_SELESAI:
        subjek = f"[JDIH] {alur.judul_tugas()}: {label_status}"
        isi = f"{nama} Anda telah selesai dengan status “{label_status}”."
    else:
        subjek = f"[JDIH] Menunggu tindakan Anda: {alur.judul_tugas()}"
        isi = f"{nama} berikut menunggu tindakan Anda (status: {label_status})."
    teks = (
        f"Yth. {penerima.get_full_name() or penerima.username},\n\n{isi}\n\n"
        f"{alur.label_jenis()}: {alur.judul_tugas()} — {alur.subjudul_tugas()}\n"
        f"Satker: {alur.satker}\n\nBuka: {url}\n\n-- JDIH KPU"
    )
    return (subjek, teks, settings.DEFAULT_FROM_EMAIL, [penerima.email])


def pesan_notifikasi(model_label: str, alur_id: int, status: str, penerima_id: list[int]):
    """The messages of one notification, built from ids (the task's arguments):
    nothing for an item deleted since, or recipients without an address."""
    model = apps.get_model(model_label)
    alur = model.objects.filter(pk=alur_id).first()
    if alur is None:
        return []
    urutan = {pk: i for i, pk in enumerate(penerima_id)}
    penerima = get_user_model().objects.filter(pk__in=penerima_id, is_active=True)
    penerima = sorted(penerima, key=lambda u: urutan[u.pk])
    return [_pesan(alur, u, status) for u in penerima if u.email]


def beri_tahu(alur, penerima=None) -> None:
    """Queue the email for the worker once the current transaction commits.

    Recipients are decided now, by the step that was taken (or named by the
    caller, e.g. the Pengelola a disposisi was re-assigned to); the worker
    builds and sends the messages."""
    daftar = alur.penerima_berikutnya() if penerima is None else penerima
    penerima = [u.pk for u in daftar if u.email and u.is_active]
    if not penerima:
        return
    argumen = (alur._meta.label_lower, alur.pk, alur.status, penerima)

    def antrekan():
        from .tasks import kirim_notifikasi

        try:
            kirim_notifikasi.using(priority=PRIORITAS_EMAIL).enqueue(*argumen)
        except Exception:
            # Even a queue outage must not undo the work already committed.
            log.exception("Notifikasi %s %s tidak dapat diantrekan", *argumen[:2])

    transaction.on_commit(antrekan)
