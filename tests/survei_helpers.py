"""Helpers for the survey tests (tests/test_survei_*.py)."""

from django.urls import reverse
from django.utils import timezone

from survei import batas
from survei.models import ResponsSurvei
from survei.unsur import UNSUR


def url_survei(satker):
    return reverse("publicsite:survei", args=[satker.slug])


def jawaban(nilai=(4, 3, 3, 4, 3, 4, 4, 2, 3), **kw):
    """A complete POST of the public form, with a fresh signed timestamp."""
    data = {u.kode: str(n) for u, n in zip(UNSUR, nilai, strict=True)}
    data["token"] = batas.token_baru()
    data.update(kw)
    return data


def buat_respons(satker, nilai, tanggal=None, **kw):
    return ResponsSurvei.objects.create(
        satker=satker,
        tanggal=tanggal or timezone.localdate(),
        **{u.kode: n for u, n in zip(UNSUR, nilai, strict=True)},
        **kw,
    )
