"""Background tasks of the procedures (django-tasks; the worker runs them)."""

import logging

from django.core.mail import send_mass_mail
from django_tasks import task

log = logging.getLogger(__name__)


@task()
def kirim_notifikasi(model_label: str, alur_id: int, status: str, penerima_id: list[int]) -> int:
    """Send the email of one step of an item (see notifikasi.beri_tahu).

    Takes ids, not objects: arguments are stored as JSON. A mail failure
    fails this task (visible in the task admin, logged), never the step."""
    from .notifikasi import pesan_notifikasi

    pesan = pesan_notifikasi(model_label, alur_id, status, penerima_id)
    if not pesan:
        return 0
    try:
        return send_mass_mail(pesan, fail_silently=False)
    except Exception:
        log.exception("Notifikasi %s %s gagal dikirim", model_label, alur_id)
        raise
