"""Builders for sop 003 tests: an office with every role, a template, and a
penyusunan walked to any state through the real business actions."""

import io
from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from tests.alur_helpers import buat_pengguna, buat_tim
from tests.factories import buat_jenis, pdf_bytes, unggahan
from workflow.penugasan import tetapkan_peran
from workflow.penyusunan import layanan
from workflow.penyusunan.models import (
    JenisKelengkapan,
    PenerimaSalinan,
    StatusPenyusunan,
    TemplatSK,
    VarianPenyusunan,
)
from workflow.peran import Peran

S = StatusPenyusunan
K = JenisKelengkapan


def buat_tim_penyusunan(satker=None):
    """buat_tim's Pengusul, Kasubbag and Pengelola plus Divisi terkait,
    Sekretaris and Ketua, and one template of the Satker."""
    tim = buat_tim(satker)
    for nama, peran in [
        ("divisi", Peran.DIVISI_TERKAIT),
        ("sekretaris", Peran.SEKRETARIS),
        ("ketua", Peran.KETUA),
    ]:
        user = buat_pengguna(
            f"{nama}.{tim.satker.slug}",
            email=f"{nama}@{tim.satker.slug}.test",
            first_name=nama.capitalize(),
        )
        tetapkan_peran(user, tim.satker, peran)
        setattr(tim, nama, user)
    tim.templat = buat_templat(tim.satker)
    return tim


def buat_templat(satker, **kw):
    return TemplatSK.objects.create(
        satker=satker,
        nama=kw.pop("nama", f"Templat SK {satker.slug}"),
        jenis=kw.pop("jenis", None) or buat_jenis(),
        judul=kw.pop("judul", "{judul}"),
        menimbang=kw.pop(
            "menimbang",
            "a. bahwa untuk kelancaran {judul} perlu dibentuk tim;\n"
            "b. bahwa berdasarkan pertimbangan huruf a perlu menetapkan Keputusan;",
        ),
        mengingat=kw.pop("mengingat", "1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilu;"),
        memutuskan=kw.pop(
            "memutuskan",
            "KESATU : Membentuk {judul} di {satker}.\n"
            "KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
        ),
        **kw,
    )


def mulai(tim, varian=VarianPenyusunan.TIM, judul="Pembentukan Tim Pelaksana Uji"):
    return layanan.mulai(
        tim.pengusul,
        tim.satker,
        varian=varian,
        templat=tim.templat,
        judul=judul,
        pemrakarsa="Subbagian Teknis Penyelenggaraan",
        divisi_terkait="Divisi Teknis",
    )


def pdf_unggahan(judul="Naskah"):
    return unggahan(pdf_bytes(judul=judul))


def kelengkapan(p, user, jenis):
    return layanan.unggah_kelengkapan(user, p, jenis, pdf_unggahan(f"{jenis} {p.pk}"))


def majukan(p, tim, sampai):
    """Walk ``p`` along the happy path until it reaches ``sampai``."""
    while p.status != sampai:
        s = p.status
        if s == S.PENYUSUNAN:
            if p.varian == VarianPenyusunan.TIM and not p.punya_kelengkapan(K.KAK):
                kelengkapan(p, tim.pengusul, K.KAK)
            p = layanan.ajukan(tim.pengusul, p)
        elif s == S.PENYEMPURNAAN:
            if not p.punya_kelengkapan(K.NOTULENSI_RAPAT):
                kelengkapan(p, tim.pengusul, K.NOTULENSI_RAPAT)
            p = layanan.teruskan_draft(tim.pengusul, p)
        elif s == S.VERIFIKASI_PERSONIL:
            kelengkapan(p, tim.kasubbag, K.KARTU_KENDALI)
            p = layanan.verifikasi_personil(tim.kasubbag, p)
        elif s == S.VERIFIKASI_MUATAN:
            p = layanan.ajukan_pleno(tim.kasubbag, p)
        elif s == S.PLENO:
            kelengkapan(p, tim.ketua, K.BERITA_ACARA_PLENO)
            p = layanan.tetapkan_pleno(tim.ketua, p, tanggal_pleno=timezone.localdate())
        elif s == S.SINKRONISASI:
            p = layanan.sinkronkan(tim.pengelola, p)
        elif s == S.PARAF:
            p = layanan.paraf(tim.sekretaris, p)
        elif s == S.TANDA_TANGAN:
            kelengkapan(p, tim.ketua, K.NASKAH_TTD)
            p = layanan.tandatangani(
                tim.ketua, p, tanggal_penetapan=timezone.localdate() - timedelta(days=0)
            )
        elif s == S.PENOMORAN:
            p = layanan.beri_nomor(tim.pengelola, p)
        elif s == S.SALINAN:
            p = layanan.buat_salinan(
                tim.kasubbag,
                p,
                nama_pejabat="Mohammad Rusdianto, S.H.",
                nip="198705052010121001",
                jabatan="Kepala Subbagian Hukum dan SDM",
            )
        elif s == S.DISTRIBUSI:
            if not p.penerima_salinan.exists():
                layanan.tambah_penerima(
                    tim.pengelola,
                    p,
                    nama="Divisi Teknis Penyelenggaraan",
                    jenis=PenerimaSalinan.JenisPenerima.INTERNAL,
                )
                layanan.kirim_salinan(tim.pengelola, p)
            p = layanan.selesaikan_distribusi(tim.pengelola, p)
        elif s == S.DIGITALISASI:
            with TestCase.captureOnCommitCallbacks(execute=True):
                p = layanan.digitalisasi(tim.pengelola, p, lokasi_arsip="Lemari arsip A-1")
        else:
            raise AssertionError(f"tidak dapat maju dari {s}")
    return p


def berkas_pdf(data: bytes, nama="naskah.pdf"):
    f = io.BytesIO(data)
    f.name = nama
    return f
