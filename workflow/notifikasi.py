"""Email to whoever must act next on an item of any procedure.

Sent after the transaction commits, so a rolled-back action never mails
anyone; the console backend locally, SMTP when EMAIL_HOST is set.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction

from .models import Status
from .peran import Peran

log = logging.getLogger(__name__)


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
    if p.status in (Status.DIAJUKAN, Status.DIPERIKSA):
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


def _pesan(alur, penerima):
    url = settings.JDIH_SITE_URL + alur.get_absolute_url()
    nama = type(alur).NAMA_OBJEK.capitalize()
    if alur.selesai:
        subjek = f"[JDIH] {alur.judul_tugas()}: {alur.get_status_display()}"
        isi = f"{nama} Anda telah selesai dengan status “{alur.get_status_display()}”."
    else:
        subjek = f"[JDIH] Menunggu tindakan Anda: {alur.judul_tugas()}"
        isi = f"{nama} berikut menunggu tindakan Anda (status: {alur.get_status_display()})."
    teks = (
        f"Yth. {penerima.get_full_name() or penerima.username},\n\n{isi}\n\n"
        f"{alur.label_jenis()}: {alur.judul_tugas()} — {alur.subjudul_tugas()}\n"
        f"Satker: {alur.satker}\n\nBuka: {url}\n\n-- JDIH KPU"
    )
    return (subjek, teks, settings.DEFAULT_FROM_EMAIL, [penerima.email])


def beri_tahu(alur) -> None:
    """Queue the email for when the current transaction commits."""
    penerima = [u for u in alur.penerima_berikutnya() if u.email]
    if not penerima:
        return
    pesan = [_pesan(alur, u) for u in penerima]
    p = alur

    def kirim():
        try:
            send_mass_mail(pesan, fail_silently=False)
        except Exception:
            # A mail outage must not undo the work already committed.
            log.exception("Notifikasi %s %s gagal dikirim", type(p).NAMA_OBJEK, p.pk)

    transaction.on_commit(kirim)
