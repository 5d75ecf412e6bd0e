"""Demo of sop 004 (konten media sosial JDIH) for KPU Provinsi Kalimantan Tengah,
the office whose SOP it is.

The Staf JDIH user, and six pieces of content about the office's published
produk hukum, walked through the real business actions (disposisi, gambar,
konsep, serahkan, koreksi, persetujuan, perintah, unggah) so that every role
finds its step on Tugas saya and /konten/ shows two posted items:

- waiting for the Staf's concept (just the disposisi);
- a concept handed in, waiting for the Kasubbag's koreksi;
- a concept sent back once with correction notes;
- an approved concept waiting for the Kepala Bagian's order to post;
- two posted on Instagram, Facebook (and X), with their links recorded.

The images are infographics drawn here with Pillow (the bundled Noto Sans
from static/fonts/ when present); the posted ones use the product's own
share card (documents.kartu) when that module exists.

Idempotent: the user and role are made sure of on every run; an office that
already has content gets no new content.
"""

import importlib.util
import io
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from documents.models import Platform, ProdukHukum, Satker

from ..demo import _pengguna, nama_pengguna
from ..izin import pastikan_grup_peran
from ..penugasan import tetapkan_peran
from ..peran import Peran
from . import layanan
from .models import JenisKonten, KontenMedsos, StatusKonten

S = StatusKonten
J = JenisKonten

SATKER_KONTEN = "kalimantan-tengah"
STAF = ("Dewi", "Anggraini")

# The office's accounts (the demo's own; the links only have to look like posts).
AKUN = {
    Platform.INSTAGRAM: "https://www.instagram.com/p/{kode}/",
    Platform.FACEBOOK: "https://www.facebook.com/jdih.kpukalteng/posts/{angka}",
    Platform.X: "https://x.com/jdihkpukalteng/status/{angka_panjang}",
}


@dataclass
class Contoh:
    """One demo content item: the disposisi, the concept, how far it goes."""

    sampai: str
    jenis: str
    judul: str
    petunjuk: str
    kata_produk: str  # a word of the product's judul, to find it in the catalogue
    caption: str
    tagar: str
    platform: list
    poin: list = field(default_factory=list)  # lines drawn on the infographic
    catatan_koreksi: str = ""
    hari_rencana: int = 3
    kode_tautan: tuple = ("", "", "")  # instagram code, facebook id, x id


CONTOH = [
    Contoh(
        S.DIDISPOSISI,
        J.INFOGRAFIS,
        "Infografis Besaran Honorarium Badan Ad Hoc",
        "Buat infografis besaran honorarium PPK, PPS, dan KPPS berdasarkan keputusan yang "
        "sudah terbit di JDIH, untuk Instagram dan Facebook. Cantumkan tautan JDIH di caption.",
        "Honorarium",
        "",
        "",
        [],
        hari_rencana=5,
    ),
    Contoh(
        S.DIKOREKSI,
        J.RINGKASAN,
        "Ringkasan Pedoman Teknis Pelaksanaan Kampanye",
        "Susun ringkasan pedoman teknis kampanye dalam satu gambar: metode kampanye, jadwal, "
        "dan larangan. Bahasa sederhana untuk pemilih pemula.",
        "Kampanye",
        "Apa saja yang boleh dan tidak boleh dilakukan saat kampanye? KPU Provinsi "
        "Kalimantan Tengah merangkum pedoman teknis pelaksanaan kampanye dalam satu gambar.\n\n"
        "Naskah lengkapnya dapat dibaca dan diunduh di JDIH KPU Provinsi Kalimantan Tengah.",
        "#KPUKalteng #JDIH #KampanyeDamai #PemiluDamai",
        [Platform.INSTAGRAM, Platform.FACEBOOK],
        poin=[
            "Metode: pertemuan terbatas, tatap muka, media sosial, iklan media massa",
            "Alat peraga dipasang di lokasi yang ditetapkan KPU",
            "Dilarang memakai fasilitas pemerintah, tempat ibadah, dan tempat pendidikan",
            "Dilarang menjanjikan uang atau materi kepada pemilih",
        ],
        hari_rencana=2,
    ),
    Contoh(
        S.DIKEMBALIKAN,
        J.INFOGRAFIS,
        "Infografis Rekapitulasi Hasil Penghitungan Suara DPRD Provinsi",
        "Buat infografis rekapitulasi hasil penghitungan suara DPRD Provinsi per daerah "
        "pemilihan dari keputusan rekapitulasi. Sertakan nomor keputusan.",
        "Rekapitulasi",
        "Hasil rekapitulasi penghitungan suara Pemilu Anggota DPRD Provinsi Kalimantan Tengah "
        "telah ditetapkan. Cek hasilnya per daerah pemilihan!",
        "#KPUKalteng #JDIH #Pemilu2024",
        [Platform.INSTAGRAM, Platform.FACEBOOK],
        poin=[
            "Rekapitulasi dilakukan berjenjang dari TPS sampai provinsi",
            "Ditetapkan dalam rapat pleno terbuka KPU Provinsi",
            "Rincian per daerah pemilihan ada di lampiran keputusan",
        ],
        catatan_koreksi=(
            "1. Cantumkan nomor dan tahun keputusan lengkap di caption, bukan hanya judulnya.\n"
            "2. Tagar #Pemilu2024 tidak sesuai tahun keputusan; ganti dengan #JDIHKPU.\n"
            "3. Tambahkan ajakan membaca naskah lengkap di JDIH."
        ),
        hari_rencana=4,
    ),
    Contoh(
        S.DISETUJUI,
        J.INFOGRAFIS,
        "Infografis Penetapan Daftar Pemilih Tetap",
        "Buat infografis penetapan DPT tingkat provinsi: jumlah pemilih, jumlah TPS, dan cara "
        "mengecek nama di DPT.",
        "Daftar Pemilih",
        "Daftar Pemilih Tetap tingkat Provinsi Kalimantan Tengah telah ditetapkan. Pastikan "
        "namamu terdaftar dan ketahui TPS tempatmu memilih.",
        "#KPUKalteng #JDIH #CekDPT #PemiluDamai",
        [Platform.INSTAGRAM, Platform.FACEBOOK],
        poin=[
            "DPT ditetapkan dalam rapat pleno terbuka",
            "Cek nama di cekdptonline.kpu.go.id",
            "Belum terdaftar? Hubungi PPS di desa/kelurahan Anda",
        ],
        hari_rencana=1,
    ),
    Contoh(
        S.DIUNGGAH,
        J.PENGUMUMAN,
        "Keputusan Penetapan Calon Terpilih DPRD Dicabut",
        "Umumkan bahwa keputusan penetapan calon terpilih anggota DPRD telah dicabut dan "
        "tidak berlaku lagi, dengan tautan ke keputusan yang mencabutnya di JDIH.",
        "Calon Terpilih",
        "Keputusan KPU Provinsi Kalimantan Tengah tentang Penetapan Calon Terpilih Anggota "
        "DPRD Hasil Pemilihan Umum Tahun 2022 telah dicabut dan dinyatakan tidak berlaku.\n\n"
        "Status terkini setiap produk hukum selalu dapat dicek di JDIH KPU Provinsi "
        "Kalimantan Tengah.",
        "#KPUKalteng #JDIH #JDIHKPU",
        [Platform.INSTAGRAM, Platform.FACEBOOK],
        hari_rencana=0,
        kode_tautan=("C9qLw3JvR2m", "pfbid02T7xkVvA3m9nYcQpZ", ""),
    ),
    Contoh(
        S.DIUNGGAH,
        J.INFOGRAFIS,
        "Kenali SOP Pengunggahan dan Penurunan Produk Hukum di JDIH",
        "Buat infografis alur SOP pengunggahan dan penurunan produk hukum di laman JDIH, "
        "untuk Instagram, Facebook, dan X.",
        "Standar Operasional",
        "Bagaimana produk hukum KPU Provinsi Kalimantan Tengah sampai di JDIH? Dari Nota "
        "Dinas, disposisi, koreksi, persetujuan, sampai unggah. Simak alurnya!",
        "#KPUKalteng #JDIH #JDIHKPU",
        [Platform.INSTAGRAM, Platform.FACEBOOK, Platform.X],
        poin=[
            "Nota Dinas permohonan dari Sub Bagian Pengusul",
            "Disposisi Kasubbag Hukum kepada Pengelola JDIH",
            "Koreksi, validasi Kepala Bagian, dan persetujuan",
            "Unggah: produk hukum terbit dan dapat diunduh publik",
        ],
        hari_rencana=0,
        kode_tautan=("DA1kR7zS1xQ", "pfbid0hK2mW8sLq4UeXr7Bd", "1863920475106285713"),
    ),
]


# --- the infographics ---------------------------------------------------------

MERAH = (122, 31, 31)
EMAS = (201, 162, 39)
KREM = (251, 247, 240)
TINTA = (29, 29, 29)
ABU = (74, 74, 74)
PUTIH = (255, 255, 255)
FOLDER_HURUF = Path(settings.BASE_DIR) / "static" / "fonts"


def _huruf(tebal: bool, ukuran: int):
    berkas = FOLDER_HURUF / ("NotoSans-Bold.ttf" if tebal else "NotoSans-Regular.ttf")
    if berkas.exists():
        return ImageFont.truetype(str(berkas), ukuran)
    return ImageFont.load_default(size=ukuran)


def _bungkus(gambar: ImageDraw.ImageDraw, teks: str, font, lebar: int) -> list[str]:
    baris, sekarang = [], ""
    for kata in teks.split():
        coba = f"{sekarang} {kata}".strip()
        if sekarang and gambar.textlength(coba, font=font) > lebar:
            baris.append(sekarang)
            sekarang = kata
        else:
            sekarang = coba
    if sekarang:
        baris.append(sekarang)
    return baris


def gambar_infografis(judul: str, poin: list[str], satker: str, produk: str) -> bytes:
    """A 1080×1080 PNG: the office in a maroon band, the title, numbered
    points, the product it explains and the JDIH address at the foot."""
    lebar = tinggi = 1080
    tepi = 72
    img = Image.new("RGB", (lebar, tinggi), KREM)
    d = ImageDraw.Draw(img)
    kecil, f_judul, f_poin, f_angka = (
        _huruf(True, 28),
        _huruf(True, 60),
        _huruf(False, 38),
        _huruf(True, 40),
    )
    baris_judul = _bungkus(d, judul, f_judul, lebar - 2 * tepi)[:4]
    pita = 150 + 74 * len(baris_judul)
    d.rectangle([0, 0, lebar, pita], fill=MERAH)
    d.rectangle([0, pita, lebar, pita + 10], fill=EMAS)
    d.text((tepi, 56), f"JDIH {satker}".upper(), font=kecil, fill=(255, 235, 205))
    y = 110
    for b in baris_judul:
        d.text((tepi, y), b, font=f_judul, fill=PUTIH)
        y += 74
    y = pita + 60
    for i, teks in enumerate(poin, start=1):
        d.ellipse([tepi, y - 2, tepi + 56, y + 54], fill=MERAH)
        d.text((tepi + 28, y + 26), str(i), font=f_angka, fill=PUTIH, anchor="mm")
        for b in _bungkus(d, teks, f_poin, lebar - 2 * tepi - 84):
            d.text((tepi + 84, y), b, font=f_poin, fill=TINTA)
            y += 50
        y += 26
    kaki = tinggi - 150
    for b in _bungkus(d, f"Selengkapnya: {produk}", _huruf(False, 28), lebar - 2 * tepi)[:2]:
        d.text((tepi, kaki), b, font=_huruf(False, 28), fill=ABU)
        kaki += 38
    d.rectangle([0, tinggi - 60, lebar, tinggi], fill=MERAH)
    d.text(
        (tepi, tinggi - 30),
        f"jdih.kpu.go.id/{SATKER_KONTEN}/",
        font=kecil,
        fill=PUTIH,
        anchor="lm",
    )
    keluaran = io.BytesIO()
    img.save(keluaran, format="PNG", optimize=True)
    return keluaran.getvalue()


def _ada_kartu() -> bool:
    return importlib.util.find_spec("documents.kartu") is not None


# --- the walk ---------------------------------------------------------------------


@dataclass
class Kantor:
    satker: Satker
    kabag: User
    kasubbag: User
    staf: User


def muat_staf(satker: Satker) -> User:
    username = nama_pengguna(Peran.STAF, satker.slug)
    depan, belakang = STAF
    staf = _pengguna(
        username, first_name=depan, last_name=belakang, email=f"{username}@jdih.example"
    )
    tetapkan_peran(staf, satker, Peran.STAF)
    return staf


def _produk(satker, kata):
    terbit = ProdukHukum.objects.terbit().filter(satker=satker).select_related("jenis", "satker")
    return terbit.filter(judul__icontains=kata).order_by("-tahun", "-id").first() or (
        terbit.order_by("-tahun", "-id").first()
    )


def _tautan(c: Contoh) -> dict:
    ig, fb, x = c.kode_tautan
    hasil = {
        Platform.INSTAGRAM: AKUN[Platform.INSTAGRAM].format(kode=ig),
        Platform.FACEBOOK: AKUN[Platform.FACEBOOK].format(angka=fb),
        Platform.X: AKUN[Platform.X].format(angka_panjang=x),
    }
    return {str(p): hasil[p] for p in c.platform}


def _buat(kantor: Kantor, urut: int, c: Contoh) -> KontenMedsos:
    hari_ini = timezone.localdate()
    tahun = hari_ini.year
    produk = _produk(kantor.satker, c.kata_produk)
    k = layanan.disposisi(
        kantor.kabag,
        kantor.satker,
        staf=kantor.staf,
        jenis_konten=c.jenis,
        judul=c.judul,
        petunjuk=c.petunjuk,
        nota_nomor=f"{100 + urut}/HM.02-ND/62/KPU-Prov/{tahun}",
        nota_tanggal=hari_ini,
        tanggal_rencana=hari_ini + timedelta(days=c.hari_rencana),
    )
    if c.sampai == S.DIDISPOSISI or produk is None:
        return k
    if c.sampai == S.DIUNGGAH and _ada_kartu():
        gambar = layanan.buat_kartu(kantor.staf, k, produk, "persegi")
    else:
        data = gambar_infografis(
            c.judul, c.poin or [c.caption.split("\n")[0]], kantor.satker.nama, str(produk)
        )
        nama = f"infografis-{urut}.png"
        gambar = layanan.tambah_gambar(kantor.staf, k, ContentFile(data, name=nama))
    layanan.simpan_konsep(
        kantor.staf,
        k,
        isi={
            "jenis_konten": c.jenis,
            "judul": c.judul,
            "caption": c.caption,
            "tagar": c.tagar,
            "video_url": "",
            "platform": [str(p) for p in c.platform],
            "tanggal_rencana": hari_ini + timedelta(days=c.hari_rencana),
            "produk": [produk],
            "gambar": [gambar],
        },
        catatan="Konsep pertama",
    )
    k = layanan.serahkan(kantor.staf, k)
    if c.sampai == S.DIKOREKSI:
        return k
    if c.sampai == S.DIKEMBALIKAN:
        return layanan.kembalikan(kantor.kasubbag, k, catatan=c.catatan_koreksi)
    k = layanan.setujui(kantor.kasubbag, k, catatan="Konsep sesuai; siap diunggah.")
    if c.sampai == S.DISETUJUI:
        return k
    k = layanan.perintahkan_unggah(
        kantor.kabag,
        k,
        nota_nomor=f"{120 + urut}/HM.02-ND/62/KPU-Prov/{tahun}",
        nota_tanggal=hari_ini,
        catatan="Unggah di akun resmi JDIH hari ini.",
    )
    return layanan.unggah(kantor.staf, k, tautan=_tautan(c))


@transaction.atomic
def muat_konten_contoh() -> int:
    """The Staf JDIH of Kalimantan Tengah and the demo content; returns how
    many items were made now (0 when already loaded)."""
    pastikan_grup_peran()
    satker = Satker.objects.filter(slug=SATKER_KONTEN).first()
    if satker is None:
        return 0
    staf = muat_staf(satker)
    if KontenMedsos.objects.filter(satker=satker).exists():
        return 0
    pejabat = {
        peran: User.objects.filter(username=nama_pengguna(peran, satker.slug)).first()
        for peran in (Peran.KEPALA_BAGIAN, Peran.KASUBBAG)
    }
    if not all(pejabat.values()):
        return 0
    kantor = Kantor(satker, pejabat[Peran.KEPALA_BAGIAN], pejabat[Peran.KASUBBAG], staf)
    for urut, contoh in enumerate(CONTOH, start=1):
        _buat(kantor, urut, contoh)
    return len(CONTOH)
