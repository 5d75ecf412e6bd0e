"""Builders for sop 004 tests: an office with Kepala Bagian, Kasubbag and
Staf, images, and a content item walked to any state through the real
business actions."""

import io
from datetime import date

from PIL import Image

from tests.alur_helpers import buat_pengguna, buat_tim
from tests.factories import buat_produk, unggahan
from workflow.konten import layanan
from workflow.konten.models import JenisKonten, StatusKonten
from workflow.penugasan import tetapkan_peran
from workflow.peran import Peran

S = StatusKonten


def buat_tim_konten(satker=None):
    """buat_tim's roles plus a Kepala Bagian and two Staf JDIH, and one
    published product of the office to write about."""
    tim = buat_tim(satker)
    for nama, peran in [
        ("kabag", Peran.KEPALA_BAGIAN),
        ("staf", Peran.STAF),
        ("staf2", Peran.STAF),
    ]:
        user = buat_pengguna(
            f"{nama}.{tim.satker.slug}", email=f"{nama}@{tim.satker.slug}.test", first_name=nama
        )
        tetapkan_peran(user, tim.satker, peran)
        setattr(tim, nama, user)
    tim.produk = buat_produk(tim.satker, judul="Penetapan Daftar Pemilih Tetap Pemilu 2029")
    return tim


def png_bytes(lebar=1080, tinggi=1080, warna=(123, 30, 30), format="PNG", exif=None) -> bytes:
    keluaran = io.BytesIO()
    gambar = Image.new("RGB", (lebar, tinggi), warna)
    simpan = {"exif": exif} if exif is not None else {}
    gambar.save(keluaran, format=format, **simpan)
    return keluaran.getvalue()


def gambar_unggahan(nama="infografis.png", **kw):
    return unggahan(png_bytes(**kw), nama=nama, content_type="image/png")


def disposisi(tim, **kw):
    return layanan.disposisi(
        tim.kabag,
        tim.satker,
        staf=kw.pop("staf", tim.staf),
        jenis_konten=kw.pop("jenis_konten", JenisKonten.INFOGRAFIS),
        judul=kw.pop("judul", "Infografis DPT Pemilu 2029"),
        petunjuk=kw.pop("petunjuk", "Buat infografis DPT untuk Instagram dan Facebook"),
        nota_nomor=kw.pop("nota_nomor", "15/HK.06-ND/2029"),
        nota_tanggal=kw.pop("nota_tanggal", date(2029, 3, 1)),
        **kw,
    )


def isi_konsep(tim, **kw):
    return {
        "jenis_konten": JenisKonten.INFOGRAFIS,
        "judul": "Infografis DPT Pemilu 2029",
        "caption": "Daftar Pemilih Tetap telah ditetapkan. Cek namamu!",
        "tagar": "#KPU #JDIH #PemiluDamai",
        "video_url": "",
        "platform": ["instagram", "facebook"],
        "tanggal_rencana": date(2029, 3, 5),
        "produk": [tim.produk],
        **kw,
    }


def simpan_konsep(tim, k, **kw):
    gambar = kw.pop("gambar", None)
    if gambar is None:
        gambar = [layanan.tambah_gambar(tim.staf, k, gambar_unggahan())]
    return layanan.simpan_konsep(tim.staf, k, isi={**isi_konsep(tim, **kw), "gambar": gambar})


TAUTAN = {
    "instagram": "https://www.instagram.com/p/C4xYz12AbCd/",
    "facebook": "https://www.facebook.com/kpu.kalteng/posts/123456789",
}


def majukan(k, tim, sampai):
    """Walk ``k`` along the happy path until it reaches ``sampai``."""
    while k.status != sampai:
        s = k.status
        if s in (S.DIDISPOSISI, S.DIKEMBALIKAN):
            if not k.revisi.exists() or s == S.DIKEMBALIKAN:
                simpan_konsep(tim, k, caption=f"Konsep putaran {k.putaran_koreksi + 1}")
            k = layanan.serahkan(tim.staf, k)
        elif s == S.DIKOREKSI:
            k = layanan.setujui(tim.kasubbag, k)
        elif s == S.DISETUJUI:
            k = layanan.perintahkan_unggah(
                tim.kabag, k, nota_nomor="16/HK.06-ND/2029", nota_tanggal=date(2029, 3, 4)
            )
        elif s == S.SIAP_UNGGAH:
            k = layanan.unggah(tim.staf, k, tautan=dict(TAUTAN))
        else:
            raise AssertionError(f"tidak dapat maju dari {s}")
    return k
