"""Builders for the profil and kontak tests (tests/test_profil_*.py, test_kontak.py)."""

import io
import time

from django.core.cache import cache
from django.urls import reverse
from PIL import Image

from profil import kontak
from profil.models import KategoriPesan, PesanKontak


def token_lama(satker, detik=60):
    """A token issued ``detik`` seconds ago: what a person who took a minute sends."""
    return kontak.buat_token(satker.pk, time.time() - detik)


def data_kontak(satker, **kw):
    data = {
        "nama": "Budi Santoso",
        "email": "budi@contoh.id",
        "kategori": KategoriPesan.PERTANYAAN,
        "pesan": "Apakah keputusan penetapan DPT tahun 2024 dapat diunduh di sini?",
        "situs": "",
        "token": token_lama(satker),
    }
    data.update(kw)
    return data


def url_kontak(satker):
    return reverse("publicsite:kontak", args=[satker.slug])


def kirim(client, satker, alamat="127.0.0.1", **kw):
    """Post the contact form from ``alamat`` with ``kw`` over the defaults."""
    return client.post(url_kontak(satker), data_kontak(satker, **kw), REMOTE_ADDR=alamat)


def buat_pesan(satker, n=1, **kw):
    return [
        PesanKontak.objects.create(
            satker=satker,
            nama=kw.get("nama", f"Pengirim {i}"),
            email=kw.get("email", f"pengirim{i}@contoh.id"),
            kategori=kw.get("kategori", KategoriPesan.SARAN),
            pesan=kw.get("pesan", f"Saran nomor {i} untuk layanan JDIH."),
            status=kw.get("status", "baru"),
        )
        for i in range(n)
    ]


def png(lebar=400, tinggi=300) -> bytes:
    keluaran = io.BytesIO()
    Image.new("RGB", (lebar, tinggi), (122, 31, 31)).save(keluaran, format="PNG")
    return keluaran.getvalue()


def kosongkan_batas():
    """The per-address limit lives in the cache, shared by every test."""
    cache.clear()
