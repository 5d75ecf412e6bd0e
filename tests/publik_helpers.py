"""Helpers for the public-portal tests (tests/test_publik_*.py)."""

import io

import pytest
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from documents.berkas import simpan_versi
from documents.models import RelasiProduk
from tests.factories import pdf_teks


def versi_baru(produk, data=None, *, terbit=True, keterangan=""):
    """Store a new version of ``produk``; publish it unless ``terbit`` is False."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        berkas = io.BytesIO(data or pdf_teks("Naskah perbaikan"))
        versi = simpan_versi(produk, berkas, keterangan_perbaikan=keterangan)
    if terbit:
        versi.diterbitkan_pada = timezone.now()
        versi.save(update_fields=["diterbitkan_pada"])
    return versi


def relasikan(sumber, jenis, target, keterangan=""):
    return RelasiProduk.objects.create(
        sumber=sumber, jenis=jenis, target=target, keterangan=keterangan
    )


def url(nama, produk, *extra):
    return reverse(f"publicsite:{nama}", args=[produk.satker.slug, produk.pk, produk.slug, *extra])


def isi(respons) -> str:
    if getattr(respons, "streaming", False):
        return b"".join(respons.streaming_content).decode()
    return respons.content.decode()


@pytest.fixture(scope="session")
def http_polos():
    """Plain HTTP for the live server. It builds its middleware once per session,
    before the per-test settings of conftest apply, so request this fixture
    before ``live_server``."""
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False
