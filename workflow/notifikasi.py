"""Email to whoever must act next on a request.

Sent after the transaction commits, so a rolled-back action never mails
anyone; the console backend locally, SMTP when EMAIL_HOST is set.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse

from .models import Status
from .peran import Peran

log = logging.getLogger(__name__)


def penerima_berikutnya(p):
    """Active users who must act on ``p`` now (the proposer once it is done)."""
    User = get_user_model()
    pengguna = User.objects.filter(is_active=True)
    if p.status in (Status.DIAJUKAN, Status.DIPERIKSA):
        return pengguna.filter(
            penugasan_peran__satker_id=p.satker_id, penugasan_peran__peran__name=Peran.KASUBBAG
        ).distinct()
    if p.status in (
        Status.DIDISPOSISI,
        Status.DIKEMBALIKAN,
        Status.DITURUNKAN,
        Status.DISETUJUI,
    ):
        if p.pengelola_id:
            return pengguna.filter(pk=p.pengelola_id)
        return pengguna.filter(
            penugasan_peran__satker_id=p.satker_id, penugasan_peran__peran__name=Peran.PENGELOLA
        ).distinct()
    if p.status == Status.DIVALIDASI:
        tingkat = p.tingkat_berikutnya()
        peran = (
            {"penugasan_peran__peran_id": tingkat.peran_id}
            if tingkat
            else {"penugasan_peran__peran__name": Peran.KASUBBAG}
        )
        return pengguna.filter(penugasan_peran__satker_id=p.satker_id, **peran).distinct()
    return pengguna.filter(pk=p.diajukan_oleh_id)


def _pesan(p, penerima):
    url = settings.JDIH_SITE_URL + reverse("workflow:permohonan", args=[p.pk])
    if p.selesai:
        subjek = f"[JDIH] {p}: {p.get_status_display()}"
        isi = f"Permohonan Anda telah selesai dengan status “{p.get_status_display()}”."
    else:
        subjek = f"[JDIH] Menunggu tindakan Anda: {p}"
        isi = f"Permohonan berikut menunggu tindakan Anda (status: {p.get_status_display()})."
    teks = (
        f"Yth. {penerima.get_full_name() or penerima.username},\n\n{isi}\n\n"
        f"{p.get_jenis_display()}: {p.produk} — {p.produk.judul}\n"
        f"Satker: {p.satker}\n\nBuka: {url}\n\n-- JDIH KPU"
    )
    return (subjek, teks, settings.DEFAULT_FROM_EMAIL, [penerima.email])


def beri_tahu(p) -> None:
    """Queue the email for when the current transaction commits."""
    penerima = [u for u in penerima_berikutnya(p) if u.email]
    if not penerima:
        return
    pesan = [_pesan(p, u) for u in penerima]

    def kirim():
        try:
            send_mass_mail(pesan, fail_silently=False)
        except Exception:
            # A mail outage must not undo the work already committed.
            log.exception("Notifikasi permohonan %s gagal dikirim", p.pk)

    transaction.on_commit(kirim)
