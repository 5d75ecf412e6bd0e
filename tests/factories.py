"""Small builders for test data. Each returns a saved object with sensible
defaults; pass keyword arguments to override what the test is about."""

import io
import itertools
from datetime import date

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.utils import timezone

from documents.berkas import simpan_versi
from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan, tulis_pdf
from documents.models import Jenis, ProdukHukum, Satker, StatusPublikasi

_urut = itertools.count(1)


def buat_satker(nama=None, **kw) -> Satker:
    n = next(_urut)
    nama = nama or f"KPU Kabupaten Uji {n}"
    slug = kw.pop("slug", None) or f"uji-{n}"
    return Satker.objects.create(
        nama=nama,
        slug=slug,
        tingkat=kw.pop("tingkat", Satker.Tingkat.KABUPATEN_KOTA),
        tempat=kw.pop("tempat", "Sampit"),
        **kw,
    )


def buat_jenis(singkatan=None, **kw) -> Jenis:
    n = next(_urut)
    singkatan = singkatan or f"KEP{n}"
    jenis, _ = Jenis.objects.get_or_create(
        singkatan=singkatan, defaults={"nama": kw.pop("nama", f"Keputusan Uji {n}"), **kw}
    )
    return jenis


def pdf_bytes(judul="Penetapan Daftar Pemilih Tetap", halaman_tambahan=0, **kw) -> bytes:
    """A real text PDF of a Keputusan; each call differs (unique nomor)."""
    nomor = kw.pop("nomor", f"{next(_urut)}/HK.03-Kpt/2024")
    return pdf_keputusan(
        NaskahKeputusan(
            teu_badan=kw.pop("teu_badan", "Komisi Pemilihan Umum Kabupaten Uji"),
            nomor=nomor,
            tahun=kw.pop("tahun", 2024),
            judul=judul,
            halaman_tambahan=halaman_tambahan,
            **kw,
        )
    )


def pdf_teks(*baris: str) -> bytes:
    return tulis_pdf(list(baris) + [f"#{next(_urut)}"])


def unggahan(data: bytes, nama="naskah.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(nama, data, content_type=content_type)


def buat_produk(satker=None, jenis=None, *, terbit=True, berkas=True, **kw) -> ProdukHukum:
    satker = satker or buat_satker()
    jenis = jenis or buat_jenis()
    n = next(_urut)
    produk = ProdukHukum.objects.create(
        satker=satker,
        jenis=jenis,
        nomor=kw.pop("nomor", f"{n}/HK.03-Kpt/2024"),
        tahun=kw.pop("tahun", 2024),
        judul=kw.pop("judul", f"Penetapan Uji Nomor {n}"),
        tanggal_penetapan=kw.pop("tanggal_penetapan", date(2024, 1, 2)),
        status_publikasi=StatusPublikasi.TERBIT if terbit else StatusPublikasi.DRAF,
        diterbitkan_pada=timezone.now() if terbit else None,
        **kw,
    )
    if berkas:
        # Run the after-commit processing (text, thumbnail) inside the test transaction.
        with TestCase.captureOnCommitCallbacks(execute=True):
            versi = simpan_versi(produk, io.BytesIO(pdf_bytes(judul=produk.judul)))
        if terbit:
            versi.diterbitkan_pada = timezone.now()
            versi.save(update_fields=["diterbitkan_pada"])
    return produk


def buat_pengguna(username=None, password="rahasia-uji-123", **kw) -> User:
    username = username or f"pengguna{next(_urut)}"
    return User.objects.create_user(username=username, password=password, **kw)
