"""Helpers for the open API tests (tests/test_api_*.py)."""

import pytest
from django.core.cache import caches
from django.test import TestCase
from django.urls import reverse

from documents import publikasi
from documents.berkas import simpan_versi_lampiran, tambah_lampiran
from documents.models import ProdukHukum
from tests.factories import buat_produk, pdf_teks, unggahan


@pytest.fixture(autouse=True)
def batas_bersih():
    """Every test starts with an empty rate-limit window."""
    caches["api"].clear()
    yield
    caches["api"].clear()


def alamat(nama, *args) -> str:
    return reverse(f"api:{nama}", args=args)


def ambil(client, nama, *args, **params):
    respons = client.get(alamat(nama, *args), params)
    return respons


def data(client, nama, *args, **params) -> dict:
    respons = ambil(client, nama, *args, **params)
    assert respons.status_code == 200, (respons.status_code, respons.content[:500])
    return respons.json()


def id_hasil(isi) -> list[int]:
    return [p["id"] for p in isi["hasil"]]


def turunkan(produk) -> ProdukHukum:
    publikasi.turunkan(produk)
    produk.refresh_from_db()
    return produk


def lampirkan(produk, judul="Daftar Nama Anggota"):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return tambah_lampiran(produk, judul, unggahan(pdf_teks(f"Isi {judul}", "Lampiran uji.")))


def versi_lampiran(lampiran, keterangan=""):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return simpan_versi_lampiran(
            lampiran, unggahan(pdf_teks("Perbaikan lampiran")), keterangan_perbaikan=keterangan
        )


def produk_dengan_lampiran(*judul, **kw):
    """A published product whose lampiran went public with it."""
    produk = buat_produk(terbit=False, **kw)
    daftar = [lampirkan(produk, j) for j in judul]
    publikasi.terbitkan(produk)
    produk.refresh_from_db()
    return produk, daftar
