"""Builders for workflow tests: an office with its SOP roles, and requests
walked to any state through the real business actions."""

import io
import threading
from datetime import date
from types import SimpleNamespace

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import connections
from django.test import TestCase

from tests.factories import buat_jenis, buat_produk, buat_satker, pdf_bytes, unggahan
from workflow import layanan
from workflow.izin import pastikan_grup_peran
from workflow.models import Status, TingkatValidasi
from workflow.penugasan import grup_peran, tetapkan_peran
from workflow.peran import Peran

KATA_SANDI = "rahasia-uji-123"
_hash = {}


def buat_pengguna(username, **kw) -> User:
    """A user whose password is KATA_SANDI, hashed once per test run: hashing
    for every user made the permission matrix spend most of its time in PBKDF2."""
    if "sandi" not in _hash:
        _hash["sandi"] = make_password(KATA_SANDI)
    return User.objects.create(username=username, password=_hash["sandi"], **kw)


def buat_tim(satker=None, validator=()):
    """A Satker with one user per SOP role (plus the given validator roles,
    configured as its validation chain in that order)."""
    pastikan_grup_peran()
    satker = satker or buat_satker()
    tim = SimpleNamespace(satker=satker, validator=[])
    for nama, peran in [
        ("pengusul", Peran.PENGUSUL),
        ("kasubbag", Peran.KASUBBAG),
        ("pengelola", Peran.PENGELOLA),
    ]:
        user = buat_pengguna(f"{nama}.{satker.slug}", email=f"{nama}@{satker.slug}.test")
        tetapkan_peran(user, satker, peran)
        setattr(tim, nama, user)
    for urutan, peran in enumerate(validator, start=1):
        user = buat_pengguna(f"validator{urutan}.{satker.slug}", email=f"v{urutan}@x.test")
        tetapkan_peran(user, satker, peran)
        TingkatValidasi.objects.create(
            satker=satker, urutan=urutan, peran=grup_peran(peran), nama=str(peran)
        )
        tim.validator.append(user)
    return tim


def tambah_pengelola(tim, nama="pengelola2", **kw):
    """A second Pengelola JDIH of the team's Satker (``tim.<nama>``): sees
    every request, acts only on those the disposisi names him in."""
    user = buat_pengguna(
        f"{nama}.{tim.satker.slug}", email=kw.pop("email", f"{nama}@{tim.satker.slug}.test"), **kw
    )
    tetapkan_peran(user, tim.satker, Peran.PENGELOLA)
    setattr(tim, nama, user)
    return user


def data_nota(**kw):
    return {
        "nomor": kw.pop("nomor", "12/HK.03-ND/2024"),
        "tanggal": kw.pop("tanggal", date(2024, 3, 4)),
        "perihal": kw.pop("perihal", "Permohonan pengunggahan produk hukum"),
        "dari": kw.pop("dari", "Kasubbag Teknis"),
        "kepada": kw.pop("kepada", "Kasubbag Hukum dan SDM"),
        **kw,
    }


_nomor = iter(range(1, 10**6))
_nota_pdf = {}


def nota_pdf_bytes() -> bytes:
    """A real Nota Dinas PDF, made once per run (memos are not checked for
    duplicates, so every request may carry the same one)."""
    if "isi" not in _nota_pdf:
        from workflow.contoh_nota_dinas import NaskahNotaDinas, pdf_nota_dinas

        _nota_pdf["isi"] = pdf_nota_dinas(
            NaskahNotaDinas(
                badan="Komisi Pemilihan Umum Kabupaten Uji",
                nomor="12/HK.03-ND/2024",
                tanggal="4 Maret 2024",
                perihal="Permohonan pengunggahan produk hukum",
            )
        )
    return _nota_pdf["isi"]


def nota_unggahan(nama="nota-dinas.pdf"):
    return unggahan(nota_pdf_bytes(), nama=nama)


def ajukan(tim, **kw):
    n = next(_nomor)
    produk = {
        "jenis": kw.pop("jenis", None) or buat_jenis(),
        "nomor": kw.pop("nomor", f"{n}/PL.02-Kpt/2024"),
        "tahun": 2024,
        "judul": kw.pop("judul", f"Penetapan Rekapitulasi Uji {n}"),
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return layanan.ajukan_unggah(
            tim.pengusul,
            tim.satker,
            produk=produk,
            nota=data_nota(),
            berkas=unggahan(pdf_bytes(judul=produk["judul"])),
            nota_berkas=nota_unggahan(),
        )


def ajukan_penurunan(tim, produk=None):
    produk = produk or buat_produk(tim.satker)
    return layanan.ajukan_penurunan(
        tim.pengusul,
        produk,
        alasan="Lampiran salah halaman",
        nota=data_nota(perihal="Usulan penurunan"),
        nota_berkas=nota_unggahan(),
    )


URUTAN_UNGGAH = [
    Status.DIAJUKAN,
    Status.DIDISPOSISI,
    Status.DIPERIKSA,
    Status.DIVALIDASI,
    Status.DISETUJUI,
    Status.DIUNGGAH,
]
URUTAN_PENURUNAN = [
    Status.DIAJUKAN,
    Status.DIDISPOSISI,
    Status.DITURUNKAN,
    Status.DIPERIKSA,
    Status.DIVALIDASI,
    Status.DISETUJUI,
    Status.DIUNGGAH,
]


def majukan(p, tim, sampai):
    """Walk ``p`` forward through the happy path until it reaches ``sampai``."""
    while p.status != sampai:
        s = p.status
        if s == Status.DIAJUKAN:
            p = layanan.disposisi(tim.kasubbag, p, kepada=tim.pengelola, petunjuk="Segera unggah")
        elif s == Status.DIDISPOSISI and p.penurunan:
            p = layanan.turunkan(tim.pengelola, p, catatan="Sesuai disposisi")
        elif s in (Status.DIDISPOSISI, Status.DITURUNKAN, Status.DIKEMBALIKAN):
            if p.penurunan and (s == Status.DITURUNKAN or not p.versi_perbaikan_id):
                with TestCase.captureOnCommitCallbacks(execute=True):
                    layanan.unggah_berkas(
                        tim.pengelola,
                        p,
                        io.BytesIO(pdf_bytes()),
                        keterangan_perbaikan="Perbaikan lampiran halaman 2",
                    )
                p.refresh_from_db()
            p = layanan.serahkan(tim.pengelola, p)
        elif s == Status.DIPERIKSA:
            p = layanan.loloskan_koreksi(tim.kasubbag, p)
        elif s == Status.DIVALIDASI and p.tingkat_berikutnya() is not None:
            p = layanan.validasi(tim.validator[p.tingkat_lolos], p)
        elif s == Status.DIVALIDASI:
            p = layanan.setujui(tim.kasubbag, p)
        elif s == Status.DISETUJUI:
            p = layanan.unggah(tim.pengelola, p)
        else:
            raise AssertionError(f"tidak dapat maju dari {s}")
    return p


def serentak(*tugas, batas_detik=120):
    """Run each callable in its own thread (own database connection), all
    released together; returns ("ok", result) or ("gagal", exception) each."""
    gerbang = threading.Barrier(len(tugas))
    hasil = [None] * len(tugas)

    def jalan(i, fungsi):
        try:
            gerbang.wait()
            hasil[i] = ("ok", fungsi())
        except Exception as exc:
            hasil[i] = ("gagal", exc)
        finally:
            connections.close_all()

    utas = [threading.Thread(target=jalan, args=(i, f)) for i, f in enumerate(tugas)]
    for u in utas:
        u.start()
    for u in utas:
        u.join(batas_detik)
    return hasil


def perbaikan_ditolak(tim, produk=None, alasan="Keterangan perbaikan tidak sesuai naskah"):
    """A take-down whose corrected file was refused ("Tidak"): the product
    is still down and the request waits for the way back."""
    p = majukan(ajukan_penurunan(tim, produk), tim, Status.DIVALIDASI)
    while p.tingkat_berikutnya() is not None:
        p = layanan.validasi(tim.validator[p.tingkat_lolos], p)
    return layanan.tolak(tim.kasubbag, p, alasan=alasan)


def geser_waktu_jejak(jejak, waktu):
    """Backdate audit entries for a timing test. The trail is append-only in
    the model, its queryset and (on PostgreSQL) a trigger, so this test-only
    helper goes around all three, inside one transaction."""
    from django.db import connection, transaction
    from django.db.models import QuerySet

    from workflow.models import JejakAudit

    tabel = connection.ops.quote_name(JejakAudit._meta.db_table)
    with transaction.atomic(), connection.cursor() as c:
        if connection.vendor == "postgresql":
            # ALTER TABLE waits for no deferred check: run them now, defer again after.
            c.execute("SET CONSTRAINTS ALL IMMEDIATE")
            c.execute(f"ALTER TABLE {tabel} DISABLE TRIGGER jejak_audit_hanya_tambah")
        QuerySet.update(jejak, waktu=waktu)
        if connection.vendor == "postgresql":
            c.execute(f"ALTER TABLE {tabel} ENABLE TRIGGER jejak_audit_hanya_tambah")
            c.execute("SET CONSTRAINTS ALL DEFERRED")
