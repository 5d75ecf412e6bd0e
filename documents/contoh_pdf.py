"""Realistic sample PDFs of KPU legal products (demo data, tests, benchmarks).

A Keputusan is laid out as the Tata Naskah Dinas has it: heading, title,
Menimbang, Mengingat, MEMUTUSKAN / Menetapkan, the Diktum, and the signature.
"""

import io
import textwrap
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

LEBAR_BARIS = 88


@dataclass
class NaskahKeputusan:
    teu_badan: str
    nomor: str
    tahun: int
    judul: str
    tempat: str = "Jakarta"
    tanggal: str = "2 Januari 2024"
    penandatangan: str = "KETUA"
    nama_penandatangan: str = "NAMA PEJABAT"
    menimbang: list[str] = field(default_factory=list)
    mengingat: list[str] = field(default_factory=list)
    diktum: list[str] = field(default_factory=list)
    halaman_tambahan: int = 0

    def baris(self) -> list[str]:
        judul_besar = self.teu_badan.upper()
        baris = [
            "SALINAN",
            "",
            f"KEPUTUSAN {judul_besar}",
            f"NOMOR {self.nomor}",
            "",
            "TENTANG",
            *textwrap.wrap(self.judul.upper(), LEBAR_BARIS),
            "",
            "DENGAN RAHMAT TUHAN YANG MAHA ESA",
            "",
            f"{judul_besar},",
            "",
        ]
        baris += _butir("Menimbang", self.menimbang or _MENIMBANG)
        baris += _butir("Mengingat", self.mengingat or _MENGINGAT)
        baris += ["", "MEMUTUSKAN:", "", f"Menetapkan : KEPUTUSAN {judul_besar} TENTANG"]
        baris += textwrap.wrap(self.judul.upper() + ".", LEBAR_BARIS)
        baris.append("")
        urutan = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM"]
        for label, isi in zip(urutan, self.diktum or _DIKTUM, strict=False):
            baris += textwrap.wrap(f"{label} : {isi}", LEBAR_BARIS)
        baris += [
            "",
            f"Ditetapkan di {self.tempat}",
            f"pada tanggal {self.tanggal}",
            "",
            f"{self.penandatangan} {judul_besar},",
            "",
            "ttd.",
            "",
            self.nama_penandatangan,
            "",
            "Salinan sesuai dengan aslinya",
            f"SEKRETARIS {judul_besar}",
        ]
        return baris


_MENIMBANG = [
    "bahwa dalam rangka tertib administrasi penyelenggaraan Pemilihan Umum perlu "
    "menetapkan keputusan sebagai pedoman pelaksanaan tugas;",
    "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
    "Keputusan tentang hal tersebut;",
]
_MENGINGAT = [
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
    "Peraturan Presiden Nomor 33 Tahun 2012 tentang Jaringan Dokumentasi dan Informasi "
    "Hukum Nasional;",
    "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2019 tentang Tata Kerja Komisi Pemilihan "
    "Umum, Komisi Pemilihan Umum Provinsi, dan Komisi Pemilihan Umum Kabupaten/Kota;",
]
_DIKTUM = [
    "Menetapkan ketentuan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak "
    "terpisahkan dari Keputusan ini.",
    "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada anggaran "
    "yang tersedia.",
    "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
]

_LAMPIRAN = (
    "Pasal {n}. Penyelenggara Pemilihan Umum melaksanakan tahapan pemutakhiran data pemilih, "
    "pencalonan, kampanye, pemungutan dan penghitungan suara, serta rekapitulasi hasil "
    "penghitungan suara secara mandiri, jujur, adil, berkepastian hukum, tertib, terbuka, "
    "proporsional, profesional, akuntabel, efektif, dan efisien."
)


def _butir(label: str, isi: list[str]) -> list[str]:
    baris = []
    for i, teks in enumerate(isi):
        awal = f"{label} : " if i == 0 else " " * (len(label) + 3)
        huruf = "abcdefghij"[i]
        bagian = textwrap.wrap(f"{huruf}. {teks}", LEBAR_BARIS - len(awal))
        baris.append(awal + bagian[0])
        baris += [" " * len(awal) + b for b in bagian[1:]]
    return baris


def tulis_pdf(baris: list[str], halaman_tambahan: int = 0, judul: str = "") -> bytes:
    """A text PDF of ``baris`` plus ``halaman_tambahan`` pages of Lampiran."""
    keluaran = io.BytesIO()
    kanvas = canvas.Canvas(keluaran, pagesize=A4, invariant=True)
    if judul:
        kanvas.setTitle(judul)
    lebar, tinggi = A4
    y = tinggi - 60

    def baris_baru(teks, huruf="Times-Roman"):
        nonlocal y
        if y < 60:
            kanvas.showPage()
            y = tinggi - 60
        kanvas.setFont(huruf, 10.5)
        kanvas.drawString(56, y, teks)
        y -= 14

    for teks in baris:
        tebal = teks.isupper() and len(teks) < 120
        baris_baru(teks, "Times-Bold" if tebal else "Times-Roman")
    for n in range(1, halaman_tambahan + 1):
        kanvas.showPage()
        y = tinggi - 60
        baris_baru(f"LAMPIRAN — HALAMAN {n}", "Times-Bold")
        for k in range(1, 40):
            for potong in textwrap.wrap(_LAMPIRAN.format(n=f"{n}.{k}"), LEBAR_BARIS):
                baris_baru(potong)
                if y < 60:
                    break
            if y < 60:
                break
    kanvas.showPage()
    kanvas.save()
    return keluaran.getvalue()


def pdf_keputusan(naskah: NaskahKeputusan) -> bytes:
    return tulis_pdf(naskah.baris(), naskah.halaman_tambahan, judul=naskah.judul)
