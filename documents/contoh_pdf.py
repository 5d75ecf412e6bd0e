"""Realistic sample PDFs of KPU legal products (demo data, tests, benchmarks).

A Keputusan is laid out as the Tata Naskah Dinas has it: heading, title,
Menimbang, Mengingat, MEMUTUSKAN / Menetapkan, the Diktum, and the signature.
Its Lampiran carries the decision's heading, a title and a table. The other
document types of the national standard have their own shapes: a monografi
(cover, catalogue page, contents, chapters), an artikel (journal header,
abstract, sections, references) and a putusan (cover, parties, the case, the
reasoning, MENGADILI).
"""

import io
import textwrap
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

LEBAR_BARIS = 88
# Capitals in Times-Bold are ~35 % wider: 88 of them run off an A4 page and
# the text layer loses the last word of a long title.
LEBAR_BARIS_KAPITAL = 70


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
    # "PERATURAN" for a PKPU: the heading and "Menetapkan" name the form.
    bentuk: str = "KEPUTUSAN"

    def baris(self) -> list[str]:
        if self.bentuk == "SURAT EDARAN":
            return self._baris_surat_edaran()
        judul_besar = self.teu_badan.upper()
        baris = [
            "SALINAN",
            "",
            f"{self.bentuk} {judul_besar}",
            f"NOMOR {self.nomor}",
            "",
            "TENTANG",
            *textwrap.wrap(self.judul.upper(), LEBAR_BARIS_KAPITAL),
            "",
            "DENGAN RAHMAT TUHAN YANG MAHA ESA",
            "",
            f"{judul_besar},",
            "",
        ]
        baris += _butir("Menimbang", self.menimbang or _MENIMBANG)
        baris += _butir("Mengingat", self.mengingat or _MENGINGAT)
        baris += ["", "MEMUTUSKAN:", "", f"Menetapkan : {self.bentuk} {judul_besar} TENTANG"]
        baris += textwrap.wrap(self.judul.upper() + ".", LEBAR_BARIS_KAPITAL)
        baris.append("")
        if self.bentuk == "PERATURAN":
            # A regulation is written in articles, a decision in diktum.
            for n, isi in enumerate(self.diktum or _DIKTUM, start=1):
                baris += ["", f"Pasal {n}", *textwrap.wrap(isi, LEBAR_BARIS)]
        else:
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

    def _baris_surat_edaran(self) -> list[str]:
        """A circular: addressees, background, legal basis, what is asked, and
        no Menimbang or diktum (it decides nothing)."""
        judul_besar = self.teu_badan.upper()
        baris = [
            "SALINAN",
            "",
            f"SURAT EDARAN {judul_besar}",
            f"NOMOR {self.nomor} TAHUN {self.tahun}",
            "",
            "TENTANG",
            *textwrap.wrap(self.judul.upper(), LEBAR_BARIS_KAPITAL),
            "",
            "Yth. 1. Ketua Komisi Pemilihan Umum Provinsi;",
            "     2. Ketua Komisi Pemilihan Umum Kabupaten/Kota,",
            "di tempat",
            "",
        ]
        bagian = [
            ("A. Latar Belakang", self.menimbang or _LATAR_EDARAN),
            ("B. Dasar", self.mengingat or _MENGINGAT),
            ("C. Isi Edaran", self.diktum[:-1] if self.diktum else _DIKTUM),
        ]
        for judul, isi in bagian:
            baris += ["", judul]
            for n, teks in enumerate(isi, start=1):
                baris += textwrap.wrap(f"{n}. {teks}", LEBAR_BARIS)
        penutup = self.diktum[-1] if self.diktum else "Surat Edaran ini berlaku sejak ditetapkan."
        baris += [
            "",
            *textwrap.wrap(
                f"{penutup} Demikian Surat Edaran ini disampaikan untuk dilaksanakan.",
                LEBAR_BARIS,
            ),
            "",
            f"Ditetapkan di {self.tempat}",
            f"pada tanggal {self.tanggal}",
            "",
            f"{self.penandatangan} {judul_besar},",
            "",
            "ttd.",
            "",
            self.nama_penandatangan,
        ]
        return baris


_LATAR_EDARAN = [
    "Pengelolaan dokumen dan informasi hukum di lingkungan Komisi Pemilihan Umum perlu "
    "dilaksanakan secara seragam, tertib, dan mudah diakses masyarakat.",
]

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


class _Lembar:
    """A canvas written top to bottom, line by line, turning the page when full."""

    def __init__(self, judul: str = ""):
        self.keluaran = io.BytesIO()
        self.kanvas = canvas.Canvas(self.keluaran, pagesize=A4, invariant=True)
        if judul:
            self.kanvas.setTitle(judul)
        self.lebar, self.tinggi = A4
        self.y = self.tinggi - 60

    @property
    def penuh(self) -> bool:
        return self.y < 60

    def halaman_baru(self) -> None:
        self.kanvas.showPage()
        self.y = self.tinggi - 60

    def baris(self, teks: str, huruf: str = "Times-Roman", x: float = 56) -> None:
        if self.penuh:
            self.halaman_baru()
        self.kanvas.setFont(huruf, 10.5)
        self.kanvas.drawString(x, self.y, teks)
        self.y -= 14

    def kolom(self, nilai: list[str], posisi: list[float], huruf: str = "Times-Roman") -> None:
        """One table row: each value at its own x."""
        if self.penuh:
            self.halaman_baru()
        self.kanvas.setFont(huruf, 10.5)
        for teks, x in zip(nilai, posisi, strict=True):
            self.kanvas.drawString(x, self.y, teks)
        self.y -= 14

    def paragraf(self, teks: str, lebar: int = LEBAR_BARIS) -> None:
        for potong in textwrap.wrap(teks, lebar):
            self.baris(potong)
        self.baris("")

    def tengah(self, teks: str, huruf: str = "Times-Bold", ukuran: float = 12) -> None:
        """A centred line (covers, headings), ``ukuran`` points high."""
        self.kanvas.setFont(huruf, ukuran)
        self.kanvas.drawCentredString(self.lebar / 2, self.y, teks)
        self.y -= ukuran * 1.4

    def selesai(self) -> bytes:
        self.kanvas.showPage()
        self.kanvas.save()
        return self.keluaran.getvalue()


def tulis_pdf(baris: list[str], halaman_tambahan: int = 0, judul: str = "") -> bytes:
    """A text PDF of ``baris`` plus ``halaman_tambahan`` pages of Lampiran."""
    lembar = _Lembar(judul)
    for teks in baris:
        tebal = teks.isupper() and len(teks) < 120
        lembar.baris(teks, "Times-Bold" if tebal else "Times-Roman")
    for n in range(1, halaman_tambahan + 1):
        lembar.halaman_baru()
        lembar.baris(f"LAMPIRAN — HALAMAN {n}", "Times-Bold")
        for k in range(1, 40):
            for potong in textwrap.wrap(_LAMPIRAN.format(n=f"{n}.{k}"), LEBAR_BARIS):
                lembar.baris(potong)
                if lembar.penuh:
                    break
            if lembar.penuh:
                break
    return lembar.selesai()


def pdf_keputusan(naskah: NaskahKeputusan) -> bytes:
    return tulis_pdf(naskah.baris(), naskah.halaman_tambahan, judul=naskah.judul)


def _sampul(lembar: _Lembar, atas: list[str], judul: str, bawah: list[str]) -> None:
    """A cover page: small lines on top, the title large in the middle, the
    publisher (or court) at the foot."""
    lembar.y = lembar.tinggi - 120
    for teks in atas:
        lembar.tengah(teks, "Times-Roman", 12)
    lembar.y = lembar.tinggi / 2 + 120
    for potong in textwrap.wrap(judul.upper(), 38):
        lembar.tengah(potong, "Times-Bold", 20)
    lembar.y = 150
    for teks in bawah:
        lembar.tengah(teks, "Times-Roman", 12)
    lembar.halaman_baru()


@dataclass
class NaskahMonografi:
    """A law book: cover, catalogue page (KDT), contents, then its chapters."""

    judul: str
    penulis: str
    penerbit: str
    tempat_terbit: str
    tahun: int
    isbn: str
    nomor_panggil: str
    deskripsi_fisik: str
    subjek: list[str] = field(default_factory=list)
    # (chapter title, its paragraphs)
    bab: list[tuple[str, list[str]]] = field(default_factory=list)


def pdf_monografi(naskah: NaskahMonografi) -> bytes:
    lembar = _Lembar(naskah.judul)
    _sampul(
        lembar,
        [naskah.penulis],
        naskah.judul,
        [naskah.penerbit, f"{naskah.tempat_terbit}, {naskah.tahun}"],
    )
    lembar.baris("Katalog Dalam Terbitan (KDT)", "Times-Bold")
    lembar.baris("")
    kdt = (
        f"{naskah.penulis}. {naskah.judul} / {naskah.penulis}. -- {naskah.tempat_terbit}: "
        f"{naskah.penerbit}, {naskah.tahun}. {naskah.deskripsi_fisik} ISBN {naskah.isbn}"
    )
    lembar.paragraf(kdt)
    nomor_subjek = " ".join(f"{i}. {s}." for i, s in enumerate(naskah.subjek, start=1))
    lembar.paragraf(f"{nomor_subjek} I. Judul.")
    lembar.baris(naskah.nomor_panggil, "Times-Bold")
    lembar.baris("")
    lembar.baris(f"Diterbitkan oleh {naskah.penerbit}, {naskah.tempat_terbit}.")
    lembar.baris("Hak cipta dilindungi undang-undang.")
    lembar.halaman_baru()
    lembar.baris("DAFTAR ISI", "Times-Bold")
    lembar.baris("")
    for nomor, (judul_bab, _) in enumerate(naskah.bab, start=1):
        lembar.baris(f"BAB {_ROMAWI[nomor]}  {judul_bab}")
    for nomor, (judul_bab, isi) in enumerate(naskah.bab, start=1):
        lembar.halaman_baru()
        lembar.baris(f"BAB {_ROMAWI[nomor]}", "Times-Bold")
        lembar.baris(judul_bab.upper(), "Times-Bold")
        lembar.baris("")
        for teks in isi:
            lembar.paragraf(teks)
    return lembar.selesai()


@dataclass
class NaskahArtikel:
    """A journal article: header with the journal, title, authors, abstract
    and keywords, then its sections and references."""

    judul: str
    penulis: str
    afiliasi: str
    jurnal: str
    volume: str
    halaman: str
    tahun: int
    abstrak: str
    kata_kunci: list[str] = field(default_factory=list)
    # (section title, its paragraphs)
    bagian: list[tuple[str, list[str]]] = field(default_factory=list)
    pustaka: list[str] = field(default_factory=list)


def pdf_artikel(naskah: NaskahArtikel) -> bytes:
    lembar = _Lembar(naskah.judul)
    lembar.baris(f"{naskah.jurnal}, {naskah.volume} ({naskah.tahun}), hlm. {naskah.halaman}")
    lembar.baris("")
    for potong in textwrap.wrap(naskah.judul.upper(), 70):
        lembar.tengah(potong, "Times-Bold", 13)
    lembar.baris("")
    lembar.tengah(naskah.penulis, "Times-Roman", 11)
    lembar.tengah(naskah.afiliasi, "Times-Italic", 10)
    lembar.baris("")
    lembar.baris("Abstrak", "Times-Bold")
    lembar.paragraf(naskah.abstrak)
    lembar.baris(f"Kata kunci: {', '.join(naskah.kata_kunci)}")
    lembar.baris("")
    for judul_bagian, isi in naskah.bagian:
        lembar.baris(judul_bagian.upper(), "Times-Bold")
        for teks in isi:
            lembar.paragraf(teks)
    if naskah.pustaka:
        lembar.baris("DAFTAR PUSTAKA", "Times-Bold")
        for teks in naskah.pustaka:
            lembar.paragraf(teks)
    return lembar.selesai()


@dataclass
class NaskahPutusan:
    """A ruling: cover, the parties, the case, the court's reasoning, the
    amar (MENGADILI) and the judges' signatures."""

    lembaga: str
    nomor_perkara: str
    judul: str
    pemohon: str
    termohon: str
    amar: list[str]
    tempat: str
    tanggal: str
    sebutan_pemohon: str = "Pemohon"
    sebutan_termohon: str = "Termohon"
    majelis: str = "Majelis Hakim"
    irah_irah: str = "DEMI KEADILAN BERDASARKAN KETUHANAN YANG MAHA ESA"
    duduk_perkara: list[str] = field(default_factory=list)
    pertimbangan: list[str] = field(default_factory=list)


def pdf_putusan(naskah: NaskahPutusan) -> bytes:
    lembar = _Lembar(naskah.judul)
    _sampul(lembar, ["SALINAN"], f"Putusan Nomor {naskah.nomor_perkara}", [naskah.lembaga])
    lembar.tengah("PUTUSAN", "Times-Bold", 13)
    lembar.tengah(f"Nomor {naskah.nomor_perkara}", "Times-Bold", 11)
    lembar.baris("")
    lembar.tengah(naskah.irah_irah, "Times-Bold", 11)
    lembar.baris("")
    lembar.paragraf(
        f"{naskah.lembaga}, yang memeriksa, mengadili, dan memutus perkara "
        f"{naskah.judul[0].lower() + naskah.judul[1:]}, menjatuhkan putusan sebagai berikut "
        "dalam perkara antara:"
    )
    lembar.paragraf(f"{naskah.pemohon}, selanjutnya disebut sebagai {naskah.sebutan_pemohon};")
    lembar.baris("terhadap")
    lembar.baris("")
    lembar.paragraf(f"{naskah.termohon}, selanjutnya disebut sebagai {naskah.sebutan_termohon}.")
    lembar.baris("DUDUK PERKARA", "Times-Bold")
    for teks in naskah.duduk_perkara:
        lembar.paragraf(teks)
    lembar.baris("PERTIMBANGAN HUKUM", "Times-Bold")
    for teks in naskah.pertimbangan:
        lembar.paragraf(teks)
    lembar.baris("MENGADILI:", "Times-Bold")
    for nomor, teks in enumerate(naskah.amar, start=1):
        lembar.paragraf(f"{nomor}. {teks}")
    lembar.paragraf(
        f"Demikian diputus dalam rapat permusyawaratan {naskah.majelis} dan diucapkan dalam "
        f"sidang yang terbuka untuk umum di {naskah.tempat} pada tanggal {naskah.tanggal}."
    )
    lembar.baris(naskah.majelis.upper() + ",", "Times-Bold")
    lembar.baris("")
    lembar.baris("ttd.")
    return lembar.selesai()


@dataclass
class NaskahLampiran:
    """The lampiran of a Keputusan: its heading (which decision it belongs
    to), its title, a table, and the signature."""

    nama_badan: str
    nomor: str
    judul_keputusan: str
    judul: str
    kolom: list[str]
    isi: list[list[str]]
    tempat: str = "Jakarta"
    tanggal: str = "2 Januari 2024"
    penandatangan: str = "KETUA"
    nama_penandatangan: str = "NAMA PEJABAT"


def pdf_lampiran(naskah: NaskahLampiran) -> bytes:
    lembar = _Lembar(naskah.judul)
    badan = naskah.nama_badan.upper()

    def kanan(teks, huruf="Times-Roman"):
        # The heading and the signature block sit in the right half.
        for potong in textwrap.wrap(teks, 46):
            lembar.baris(potong, huruf, x=300)

    kanan(f"LAMPIRAN KEPUTUSAN {badan}", "Times-Bold")
    kanan(f"NOMOR {naskah.nomor}")
    kanan(f"TENTANG {naskah.judul_keputusan.upper()}")
    lembar.baris("")
    for potong in textwrap.wrap(naskah.judul.upper(), 60):
        lembar.tengah(potong, "Times-Bold", 11)
    lembar.baris("")
    # Column positions from the widest value in each column.
    lebar = [max(len(k), *(len(b[i]) for b in naskah.isi)) for i, k in enumerate(naskah.kolom)]
    posisi, x = [], 56.0
    for n in lebar:
        posisi.append(x)
        x += n * 5.6 + 18
    lembar.kolom(naskah.kolom, posisi, "Times-Bold")
    for isi in naskah.isi:
        lembar.kolom(isi, posisi)
    lembar.baris("")
    kanan(f"Ditetapkan di {naskah.tempat}")
    kanan(f"pada tanggal {naskah.tanggal}")
    kanan(f"{naskah.penandatangan} {badan},", "Times-Bold")
    lembar.baris("")
    kanan("ttd.")
    kanan(naskah.nama_penandatangan)
    return lembar.selesai()


_ROMAWI = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
