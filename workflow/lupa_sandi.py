"""Password reset by email ("Lupa kata sandi?" on /masuk/).

Django's own views and tokens, with this site's rules:

- The page never tells whether an address belongs to an account, not even by
  its speed: every accepted request queues the same task, and the worker
  looks the address up and sends the link (built from JDIH_SITE_URL, since
  the worker has no request).
- Requests are limited per address (silently: the page answers the same) and
  per client address (a 429 page that names no account). The counters live
  in the cache, like every other throttle-free convenience of the site: per
  process with the built-in cache, shared with REDIS_URL.
- Where email does not leave the server (see ``surel_tersedia``) the page says
  so and names the administrators who can set a new password, instead of
  pretending to send.
"""

import hashlib
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives
from django.shortcuts import render
from django.template import loader
from django.urls import reverse_lazy
from django_tasks import task

from jdih.jaringan import alamat_klien

from .konteks_staf import administrator_situs, nama_tampil

log = logging.getLogger(__name__)

SATU_JAM = 3600
PRIORITAS_SUREL = 60  # as workflow.notifikasi: ahead of OCR work
_BACKEND_LOKAL = ("console", "locmem", "filebased", "dummy")


def surel_tersedia() -> bool:
    """Whether an email sent here reaches its recipient.

    JDIH_SUREL_TERSEDIA decides when set. Otherwise a backend that keeps the
    message on this machine (console, memory, file, dummy) counts only under
    DEBUG, where the developer reads it in the console.
    """
    nilai = getattr(settings, "JDIH_SUREL_TERSEDIA", None)
    if nilai is not None:
        return bool(nilai)
    backend = settings.EMAIL_BACKEND.rsplit(".", 2)[-2]
    return settings.DEBUG or backend not in _BACKEND_LOKAL


def kontak_admin() -> list[str]:
    """The administrators' display names, for a visitor who cannot log in
    (their addresses are shown only inside the staff area)."""
    return [nama_tampil(u) for u in administrator_situs()]


def _batas_terlampaui(jenis: str, nilai: str, batas: int) -> bool:
    """Count one request for ``nilai``; True once it is over ``batas`` an hour."""
    kunci = f"lupa-sandi:{jenis}:{hashlib.sha256(nilai.encode()).hexdigest()}"
    cache.add(kunci, 0, SATU_JAM)
    try:
        jumlah = cache.incr(kunci)
    except ValueError:  # expired between add and incr
        cache.set(kunci, 1, SATU_JAM)
        jumlah = 1
    return jumlah > batas


class FormLupaSandi(auth_forms.PasswordResetForm):
    email = auth_forms.forms.EmailField(
        label="Alamat email akun Anda",
        max_length=254,
        widget=auth_forms.forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        # Unlike Django's, a failure fails the task: visible in the task admin.
        subjek = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        isi = loader.render_to_string(email_template_name, context)
        EmailMultiAlternatives(subjek, isi, from_email, [to_email]).send()


@task()
def kirim_tautan_atur_ulang(email: str) -> int:
    """Email a reset link to each active account with this address (usually
    none or one). Runs in the worker; returns how many were sent."""
    form = FormLupaSandi({"email": email})
    if not form.is_valid():
        return 0
    penerima = list(form.get_users(form.cleaned_data["email"]))
    if not penerima:
        return 0
    form.save(
        domain_override=urlsplit(settings.JDIH_SITE_URL).netloc,
        subject_template_name="registration/lupa_sandi_subjek.txt",
        email_template_name="registration/lupa_sandi_surel.txt",
        from_email=settings.DEFAULT_FROM_EMAIL,
        extra_email_context={
            "situs": settings.JDIH_SITE_URL,
            "menit": settings.PASSWORD_RESET_TIMEOUT // 60,
        },
    )
    return len(penerima)


class LupaSandiView(auth_views.PasswordResetView):
    form_class = FormLupaSandi
    template_name = "registration/lupa_sandi.html"
    success_url = reverse_lazy("password_reset_done")
    title = "Lupa kata sandi"

    def get_context_data(self, **kwargs):
        konteks = super().get_context_data(**kwargs)
        konteks["surel_tersedia"] = surel_tersedia()
        if not konteks["surel_tersedia"]:
            konteks["admin"] = kontak_admin()
        return konteks

    def post(self, request, *args, **kwargs):
        if not surel_tersedia():
            # Nothing would arrive: the page keeps saying whom to ask.
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        klien = alamat_klien(self.request) or "tanpa-alamat"
        if _batas_terlampaui("klien", klien, settings.JDIH_ATUR_ULANG_BATAS_KLIEN):
            return render(
                self.request,
                "registration/lupa_sandi_batas.html",
                {"title": self.title},
                status=429,
            )
        email = form.cleaned_data["email"].strip().lower()
        if not _batas_terlampaui("alamat", email, settings.JDIH_ATUR_ULANG_BATAS_ALAMAT):
            _antrekan(email)
        return super(auth_views.PasswordResetView, self).form_valid(form)


def _antrekan(email: str) -> None:
    try:
        kirim_tautan_atur_ulang.using(priority=PRIORITAS_SUREL).enqueue(email)
    except Exception:
        log.exception("Tautan atur ulang kata sandi tidak dapat diantrekan")


class LupaSandiTerkirimView(auth_views.PasswordResetDoneView):
    template_name = "registration/lupa_sandi_terkirim.html"
    title = "Periksa email Anda"

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "menit": settings.PASSWORD_RESET_TIMEOUT // 60,
        }


class FormSandiBaru(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The site says "kata sandi" everywhere; Django's Indonesian says "sandi".
        self.fields["new_password1"].label = "Kata sandi baru"
        self.fields["new_password2"].label = "Ulangi kata sandi baru"


class AturUlangSandiView(auth_views.PasswordResetConfirmView):
    form_class = FormSandiBaru
    template_name = "registration/atur_ulang_sandi.html"
    success_url = reverse_lazy("password_reset_complete")
    title = "Buat kata sandi baru"

    def form_valid(self, form):
        respons = super().form_valid(form)
        # A locked-out owner who proved their address may log in at once.
        from axes.utils import reset

        reset(username=self.user.get_username())
        return respons


class AturUlangSelesaiView(auth_views.PasswordResetCompleteView):
    template_name = "registration/atur_ulang_selesai.html"
    title = "Kata sandi diganti"
