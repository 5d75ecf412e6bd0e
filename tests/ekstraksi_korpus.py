"""The labelled evaluation set of the metadata extractor (issue 14).

Documents in several layouts, each drawn as a real PDF and read back through
the PDF intake's own text extraction (documents.pemrosesan.teks_berbatas, the
text VersiBerkas.teks stores), with the values the document states as its
label:

- ``baris``: the sample Keputusan/Peraturan of documents.contoh_pdf (lines on
  a canvas), at every level, with Lampiran pages;
- ``tabel``: the SOP 003 draft layout of workflow.penyusunan.naskah (label,
  colon and text in table columns; the signature in a right column);
- ``kepala-kaki``: running header and footer on every page, words
  hyphenated at line ends, the signer's office over two lines, and a
  two-column Lampiran with a decoy "Ditetapkan di …";
- ``peraturan``: a PKPU ("NOMOR 7 TAHUN 2022", Pasal, "Diundangkan di …");
- ``ocr-sintetis``: OCR's typical noise written into the text (``O``/``0``,
  ``l``/``1`` in numbers, broken lines);
- ``pindaian``: image-only scans read by tesseract (slow: a few);
- ``bukan-produk``: a Nota Dinas and prose without structure (nothing to
  propose);
- ``demo``: every published product of the demo catalogue
  (documents.demo.muat_katalog), labelled by its catalogue record.

Relations are labelled by the products the text really names; the demo's by
its RelasiProduk rows.
"""

import io
import re
import textwrap
from dataclasses import dataclass, field
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents import pdf as dokumen_pdf
from documents.contoh_pdf import NaskahKeputusan, pdf_keputusan
from documents.demo import muat_jenis, muat_katalog, muat_satker, tanggal_indonesia
from documents.models import JenisRelasi, ProdukHukum, RelasiProduk, Satker, StatusPublikasi
from documents.pemrosesan import teks_berbatas
from tests.ocr_helpers import gambar_halaman
from workflow.contoh_nota_dinas import NaskahNotaDinas, pdf_nota_dinas
from workflow.penyusunan.naskah import NaskahDraf, render_pdf

BIDANG_DINILAI = [
    "jenis",
    "satker",
    "nomor",
    "tahun",
    "judul",
    "tempat_penetapan",
    "tanggal_penetapan",
    "penandatangan",
]


@dataclass
class Contoh:
    nama: str
    tata_letak: str
    teks: str
    label: dict  # field -> expected value; a field absent is one the document does not state
    relasi: set = field(default_factory=set)  # {(jenis, produk_id)}
    satker: Satker | None = None


def teks_pdf(data: bytes) -> str:
    """What the intake stores as VersiBerkas.teks for this PDF."""
    jumlah = len(dokumen_pdf.ekstrak_teks_per_halaman(data))
    return teks_berbatas(data, jumlah)[0].teks


# --- comparing ------------------------------------------------------------------------------


def _kunci(teks) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", str(teks).casefold()).split())


def sama(bidang: str, usulan, label) -> bool:
    if bidang == "judul":
        return _kunci(usulan) == _kunci(label)
    if bidang == "penandatangan":
        # The demo records "Ketua <Nama>"; the extractor proposes the name.
        return _kunci(usulan).removeprefix("ketua ") == _kunci(label).removeprefix("ketua ")
    if bidang in ("nomor", "tempat_penetapan"):
        return (
            _kunci(usulan) == _kunci(label)
            and str(usulan).strip().upper() == str(label).strip().upper()
        )
    return usulan == label


# --- the documents ----------------------------------------------------------------------------

_MENGINGAT_UMUM = [
    "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
    "Peraturan Presiden Nomor 33 Tahun 2012 tentang Jaringan Dokumentasi dan Informasi Hukum "
    "Nasional;",
]


def _menimbang(badan: str, judul: str) -> list[str]:
    return [
        "bahwa dalam rangka tertib administrasi penyelenggaraan Pemilihan Umum perlu menetapkan "
        "keputusan sebagai pedoman pelaksanaan tugas;",
        "bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan "
        f"Keputusan {badan} tentang {judul};",
    ]


@dataclass
class Dunia:
    """The offices, jenis and catalogue products the generated documents cite."""

    satker: dict
    jenis: dict
    pkpu: ProdukHukum  # KPU RI, published
    kpts_prov: ProdukHukum  # Kalimantan Tengah, published
    kpts_kab_lama: ProdukHukum  # Kotawaringin Timur, draft (its own)
    kpts_kab_lain: ProdukHukum  # Sorong Selatan, published (another regency)
    kpts_ri_draf: ProdukHukum  # KPU RI, unpublished


def _produk(satker, jenis, nomor, tahun, judul, terbit=True) -> ProdukHukum:
    produk, _ = ProdukHukum.objects.get_or_create(
        satker=satker,
        jenis=jenis,
        nomor=nomor,
        tahun=tahun,
        defaults={
            "judul": judul,
            "tanggal_penetapan": date(tahun, 3, 1),
            "status_publikasi": StatusPublikasi.TERBIT if terbit else StatusPublikasi.DRAF,
        },
    )
    return produk


def bangun_dunia() -> Dunia:
    satker = muat_satker()
    jenis = muat_jenis()
    return Dunia(
        satker=satker,
        jenis=jenis,
        pkpu=_produk(
            satker["kpu-ri"],
            jenis["PKPU"],
            "8",
            2022,
            "Pembentukan dan Tata Kerja Badan Ad Hoc Penyelenggara Pemilihan Umum",
        ),
        kpts_prov=_produk(
            satker["kalimantan-tengah"],
            jenis["Kpts KPU Prov"],
            "912/HK.03.1-Kpt/62/KPU-Prov/2023",
            2023,
            "Pedoman Teknis Pembentukan Panitia Pemilihan Kecamatan",
        ),
        kpts_kab_lama=_produk(
            satker["kotawaringin-timur"],
            jenis["Kpts KPU Kab/Kota"],
            "903/HK.03.1-Kpt/6202/KPU-Kab/2023",
            2023,
            "Pembentukan Panitia Pemilihan Kecamatan",
            terbit=False,
        ),
        kpts_kab_lain=_produk(
            satker["sorong-selatan"],
            jenis["Kpts KPU Kab/Kota"],
            "903/HK.03.1-Kpt/9204/KPU-Kab/2023",
            2023,
            "Pembentukan Panitia Pemilihan Distrik",
        ),
        kpts_ri_draf=_produk(
            satker["kpu-ri"],
            jenis["Kpts KPU"],
            "977/HK.03.1-Kpt/KPU/2023",
            2023,
            "Pedoman Pengelolaan Arsip Dinamis",
            terbit=False,
        ),
    )


@dataclass
class Rancangan:
    slug: str
    nomor: str
    tahun: int
    judul: str
    tanggal: date
    nama: str
    mengingat: list[str] = field(default_factory=list)
    diktum: list[str] = field(default_factory=list)
    relasi: set = field(default_factory=set)
    halaman_tambahan: int = 0


def _rancangan(d: Dunia) -> list[Rancangan]:
    pkpu = (
        "Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2022 tentang Pembentukan dan Tata Kerja "
        "Badan Ad Hoc Penyelenggara Pemilihan Umum;"
    )
    prov = (
        "Keputusan Komisi Pemilihan Umum Provinsi Kalimantan Tengah Nomor "
        "912/HK.03.1-Kpt/62/KPU-Prov/2023 tentang Pedoman Teknis Pembentukan Panitia Pemilihan "
        "Kecamatan;"
    )
    berlaku = "Keputusan ini mulai berlaku pada tanggal ditetapkan."
    return [
        Rancangan(
            "kotawaringin-timur",
            "50/HK.03.1-Kpt/6202/KPU-Kab/2023",
            2023,
            "Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024",
            date(2023, 6, 20),
            "SITI FATHONAH",
            mengingat=[pkpu, prov],
            diktum=[
                "Menetapkan Daftar Pemilih Tetap sebagaimana tercantum dalam Lampiran.",
                "Keputusan Komisi Pemilihan Umum Kabupaten Kotawaringin Timur Nomor "
                "903/HK.03.1-Kpt/6202/KPU-Kab/2023 dicabut dan dinyatakan tidak berlaku.",
                berlaku,
            ],
            relasi={
                (JenisRelasi.MELAKSANAKAN, d.pkpu.pk),
                (JenisRelasi.MELAKSANAKAN, d.kpts_prov.pk),
                (JenisRelasi.MENCABUT, d.kpts_kab_lama.pk),
            },
            halaman_tambahan=2,
        ),
        Rancangan(
            "sorong-selatan",
            "18/PL.02.1-Kpt/9204/KPU-Kab/2024",
            2024,
            "Penetapan Lokasi Tempat Pemungutan Suara",
            date(2024, 1, 9),
            "YOHANIS SAREFA",
            # Another regency's number and the draft of KPU RI: never matched here.
            mengingat=[
                pkpu,
                "Keputusan Komisi Pemilihan Umum Kabupaten Kotawaringin Timur Nomor "
                "903/HK.03.1-Kpt/6202/KPU-Kab/2023 tentang Pembentukan Panitia Pemilihan "
                "Kecamatan;",
                "Keputusan Komisi Pemilihan Umum Nomor 977/HK.03.1-Kpt/KPU/2023 tentang Pedoman "
                "Pengelolaan Arsip Dinamis;",
            ],
            relasi={(JenisRelasi.MELAKSANAKAN, d.pkpu.pk)},
            halaman_tambahan=1,
        ),
        Rancangan(
            "kalimantan-tengah",
            "27/HK.03.1-Kpt/62/KPU-Prov/2023",
            2023,
            "Pembentukan Kelompok Kerja Pengelolaan Jaringan Dokumentasi dan Informasi Hukum",
            date(2023, 11, 30),
            "SASTRIADI",
            relasi=set(),
        ),
        Rancangan(
            "payakumbuh",
            "9/HK.03.1-Kpt/1376/KPU-Kot/2025",
            2025,
            "Perubahan atas Keputusan Komisi Pemilihan Umum Kota Payakumbuh Nomor "
            "2/HK.03.1-Kpt/1376/KPU-Kot/2024 tentang Penetapan Calon Terpilih",
            date(2025, 2, 6),
            "YUNALDI",
            relasi=set(),  # the amended decision is not in the catalogue: proposed unmatched
        ),
        Rancangan(
            "kpu-ri",
            "1632/PL.01.4-Kpt/06/KPU/2023",
            2023,
            "Penetapan Daftar Calon Tetap Anggota Dewan Perwakilan Rakyat",
            date(2023, 11, 3),
            "MOCHAMMAD AFIFUDDIN",
            mengingat=[pkpu],
            relasi={(JenisRelasi.MELAKSANAKAN, d.pkpu.pk)},
        ),
    ]


def _label(d: Dunia, r: Rancangan, jenis_singkatan: str) -> dict:
    s = d.satker[r.slug]
    return {
        "jenis": d.jenis[jenis_singkatan].pk,
        "satker": s.pk,
        "nomor": r.nomor,
        "tahun": r.tahun,
        "judul": r.judul,
        "tempat_penetapan": s.tempat,
        "tanggal_penetapan": r.tanggal,
        "penandatangan": r.nama,
    }


def _singkatan(s: Satker) -> str:
    return {
        Satker.Tingkat.PUSAT: "Kpts KPU",
        Satker.Tingkat.PROVINSI: "Kpts KPU Prov",
        Satker.Tingkat.KABUPATEN_KOTA: "Kpts KPU Kab/Kota",
    }[s.tingkat]


def _baris(d: Dunia, r: Rancangan) -> Contoh:
    s = d.satker[r.slug]
    data = pdf_keputusan(
        NaskahKeputusan(
            teu_badan=s.nama_badan,
            nomor=r.nomor,
            tahun=r.tahun,
            judul=r.judul,
            tempat=s.tempat,
            tanggal=tanggal_indonesia(r.tanggal),
            nama_penandatangan=r.nama,
            menimbang=_menimbang(s.nama_badan, r.judul),
            mengingat=[*_MENGINGAT_UMUM, *r.mengingat],
            diktum=r.diktum,
            halaman_tambahan=r.halaman_tambahan,
        )
    )
    return Contoh(
        f"baris {r.nomor}", "baris", teks_pdf(data), _label(d, r, _singkatan(s)), r.relasi, s
    )


def _tabel(d: Dunia, r: Rancangan) -> Contoh:
    s = d.satker[r.slug]
    mengingat = "\n".join(f"{n}. {m}" for n, m in enumerate([*_MENGINGAT_UMUM, *r.mengingat], 1))
    diktum = r.diktum or [
        "Menetapkan pedoman sebagaimana tercantum dalam Lampiran.",
        "Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]
    urutan = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"]
    data = render_pdf(
        NaskahDraf(
            teu_badan=s.nama_badan,
            judul=r.judul,
            menimbang="\n".join(
                f"{h}. {m}" for h, m in zip("ab", _menimbang(s.nama_badan, r.judul), strict=True)
            ),
            mengingat=mengingat,
            memutuskan="\n".join(
                [
                    f"Menetapkan : KEPUTUSAN {s.nama_badan.upper()} TENTANG {r.judul.upper()}.",
                    *(f"{u} : {isi}" for u, isi in zip(urutan, diktum, strict=False)),
                ]
            ),
            lampiran="DAFTAR\n" + "\n".join(f"{n}. Baris lampiran nomor {n}" for n in range(1, 30)),
            nomor=r.nomor,
            tempat=s.tempat,
            tanggal=tanggal_indonesia(r.tanggal),
            jabatan_penandatangan="KETUA",
            nama_penandatangan=r.nama,
            tanda_draf="",
        )
    )
    return Contoh(
        f"tabel {r.nomor}", "tabel", teks_pdf(data), _label(d, r, _singkatan(s)), r.relasi, s
    )


class _Kanvas:
    """Pages with a running header and footer; text in one or two columns."""

    def __init__(self, kepala: str):
        self.keluaran = io.BytesIO()
        self.k = canvas.Canvas(self.keluaran, pagesize=A4, invariant=True)
        self.kepala = kepala
        self.halaman = 0
        self._mulai()

    def _mulai(self):
        self.halaman += 1
        self.k.setFont("Times-Italic", 8)
        self.k.drawString(56, A4[1] - 30, self.kepala)
        self.k.drawString(A4[0] / 2 - 30, 30, f"Halaman {self.halaman}")
        self.y = A4[1] - 70

    def baru(self):
        self.k.showPage()
        self._mulai()

    def tulis(self, teks: str, x: float = 56, huruf="Times-Roman"):
        if self.y < 70:
            self.baru()
        self.k.setFont(huruf, 10.5)
        self.k.drawString(x, self.y, teks)
        self.y -= 14

    def dua_kolom(self, kiri: list[str], kanan: list[str]):
        for a, b in zip(kiri, kanan, strict=False):
            if self.y < 70:
                self.baru()
            self.k.setFont("Times-Roman", 9)
            self.k.drawString(56, self.y, a)
            self.k.drawString(310, self.y, b)
            self.y -= 12

    def selesai(self) -> bytes:
        self.k.showPage()
        self.k.save()
        return self.keluaran.getvalue()


def _kepala_kaki(d: Dunia, r: Rancangan) -> Contoh:
    s = d.satker[r.slug]
    badan = s.nama_badan.upper()
    k = _Kanvas(f"Salinan Keputusan {s.nama_badan} Nomor {r.nomor}")
    for b in [f"KEPUTUSAN {badan}", f"NOMOR {r.nomor}", "TENTANG"]:
        k.tulis(b, huruf="Times-Bold")
    kata = r.judul.upper().split()
    tengah = len(kata) // 2
    for b in [" ".join(kata[:tengah]), " ".join(kata[tengah:])]:
        k.tulis(b, huruf="Times-Bold")
    k.tulis("DENGAN RAHMAT TUHAN YANG MAHA ESA")
    k.tulis(f"{badan},")
    isi = [
        "Menimbang : a. bahwa dalam rangka tertib administrasi penyelenggaraan Pemi-",
        "lihan Umum perlu menetapkan keputusan sebagai pedoman pelaksanaan tugas;",
        "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu",
        f"menetapkan Keputusan {s.nama_badan} tentang {r.judul};",
        "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
    ]
    isi += [f"{n}. {m}" for n, m in enumerate(r.mengingat, start=2)]
    isi += ["MEMUTUSKAN:", f"Menetapkan : KEPUTUSAN {badan} TENTANG {r.judul.upper()}."]
    isi += [f"KESATU : Isi keputusan butir {n} dilaksanakan oleh sekretariat." for n in range(1, 2)]
    isi += [
        "KEDUA : Segala biaya yang timbul akibat ditetapkannya keputusan ini dibeban-",
        "kan pada anggaran yang tersedia.",
        "KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.",
    ]
    for b in isi:
        for potong in textwrap.wrap(b, 80):
            k.tulis(potong)
    # Push the signature to the next page: headers land between body lines.
    while k.y > 200:
        k.tulis("")
    jabatan = ["KETUA KOMISI PEMILIHAN UMUM", badan.removeprefix("KOMISI PEMILIHAN UMUM ") + ","]
    if s.tingkat == Satker.Tingkat.PUSAT:
        jabatan = ["KETUA KOMISI PEMILIHAN UMUM,"]
    for b in [
        f"Ditetapkan di {s.tempat}",
        f"pada tanggal {tanggal_indonesia(r.tanggal)}",
        *jabatan,
        "ttd.",
        r.nama,
    ]:
        k.tulis(b, x=330)
    k.baru()
    k.tulis(f"LAMPIRAN KEPUTUSAN {badan}", huruf="Times-Bold")
    kiri = [f"{n}. Desa Contoh {n} kecamatan tengah" for n in range(1, 40)]
    kanan = [
        f"Ditetapkan di Kota Lain {n}" if n == 5 else f"pada tanggal {n} Maret 2019"
        for n in range(1, 40)
    ]
    k.dua_kolom(kiri, kanan)
    data = k.selesai()
    return Contoh(
        f"kepala-kaki {r.nomor}",
        "kepala-kaki",
        teks_pdf(data),
        _label(d, r, _singkatan(s)),
        r.relasi,
        s,
    )


def _peraturan(d: Dunia) -> Contoh:
    ri = d.satker["kpu-ri"]
    k = _Kanvas("")
    baris = [
        "PERATURAN KOMISI PEMILIHAN UMUM",
        "REPUBLIK INDONESIA",
        "NOMOR 15 TAHUN 2023",
        "TENTANG",
        "KAMPANYE PEMILIHAN UMUM",
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "KETUA KOMISI PEMILIHAN UMUM REPUBLIK INDONESIA,",
        "Menimbang : a. bahwa untuk melaksanakan ketentuan Pasal 276 Undang-Undang Nomor 7",
        "Tahun 2017 tentang Pemilihan Umum, perlu menetapkan Peraturan Komisi Pemilihan",
        "Umum tentang Kampanye Pemilihan Umum;",
        "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;",
        "2. Peraturan Komisi Pemilihan Umum Nomor 8 Tahun 2022 tentang Pembentukan dan Tata",
        "Kerja Badan Ad Hoc Penyelenggara Pemilihan Umum;",
        "MEMUTUSKAN:",
        "Menetapkan : PERATURAN KOMISI PEMILIHAN UMUM TENTANG KAMPANYE PEMILIHAN UMUM.",
        "Pasal 1",
        "Kampanye Pemilu dilaksanakan secara serentak di seluruh wilayah Indonesia.",
        "Pasal 2",
        "Peraturan Komisi ini mulai berlaku pada tanggal diundangkan.",
        "Ditetapkan di Jakarta",
        "pada tanggal 14 Juli 2023",
        "KETUA KOMISI PEMILIHAN UMUM",
        "REPUBLIK INDONESIA,",
        "ttd.",
        "HASYIM ASY'ARI",
        "Diundangkan di Jakarta",
        "pada tanggal 17 Juli 2023",
        "MENTERI HUKUM DAN HAK ASASI MANUSIA",
        "REPUBLIK INDONESIA,",
        "ttd.",
        "YASONNA H. LAOLY",
    ]
    for b in baris:
        k.tulis(b)
    return Contoh(
        "peraturan 15/2023",
        "peraturan",
        teks_pdf(k.selesai()),
        {
            "jenis": d.jenis["PKPU"].pk,
            "satker": ri.pk,
            "nomor": "15",
            "tahun": 2023,
            "judul": "Kampanye Pemilihan Umum",
            "tempat_penetapan": "Jakarta",
            "tanggal_penetapan": date(2023, 7, 14),
            "penandatangan": "HASYIM ASY'ARI",
        },
        {(JenisRelasi.MELAKSANAKAN, d.pkpu.pk)},
        ri,
    )


def _ocr_sintetis(c: Contoh) -> Contoh:
    """OCR's usual damage, written into a generated text."""
    teks = c.teks
    nomor = c.label["nomor"]
    rusak = nomor.replace("0", "O", 2).replace("1", "l", 1)
    teks = teks.replace(nomor, rusak.replace("/", " / ", 1), 1)
    tanggal = tanggal_indonesia(c.label["tanggal_penetapan"])
    teks = teks.replace(tanggal, tanggal.replace("0", "O").replace("1", "l"))
    teks = teks.replace("Ditetapkan di ", "Ditetapkan di\n", 1)
    return Contoh(f"ocr-sintetis {c.nama}", "ocr-sintetis", teks, c.label, c.relasi, c.satker)


def _pindaian(d: Dunia, r: Rancangan) -> Contoh:
    s = d.satker[r.slug]
    badan = s.nama_badan.upper()
    kata = r.judul.upper().split()
    baris = [
        "KEPUTUSAN KOMISI PEMILIHAN UMUM",
        badan.removeprefix("KOMISI PEMILIHAN UMUM ").strip() or "REPUBLIK INDONESIA",
        f"NOMOR {r.nomor}",
        "TENTANG",
        " ".join(kata[: len(kata) // 2]),
        " ".join(kata[len(kata) // 2 :]),
        "",
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "",
        "Menimbang : a. bahwa perlu menetapkan keputusan;",
        "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017",
        "tentang Pemilihan Umum;",
        "MEMUTUSKAN:",
        "KESATU : Keputusan ini mulai berlaku pada",
        "tanggal ditetapkan.",
        "",
        f"Ditetapkan di {s.tempat}",
        f"pada tanggal {tanggal_indonesia(r.tanggal)}",
        "KETUA KOMISI PEMILIHAN UMUM",
        badan.removeprefix("KOMISI PEMILIHAN UMUM ").strip() + ",",
        "",
        r.nama,
    ]
    gambar = gambar_halaman(baris, ukuran_huruf=28)
    keluaran = io.BytesIO()
    gambar.convert("L").save(keluaran, format="PDF", resolution=150)
    return Contoh(
        f"pindaian {r.nomor}",
        "pindaian",
        teks_pdf(keluaran.getvalue()),
        _label(d, r, _singkatan(s)),
        set(),
        s,
    )


def _bukan_produk(d: Dunia) -> list[Contoh]:
    nota = pdf_nota_dinas(
        NaskahNotaDinas(
            badan="Komisi Pemilihan Umum Kabupaten Kotawaringin Timur",
            nomor="ND-14/HK.03/6202/2024",
            tanggal="5 Maret 2024",
            perihal="Permohonan pengunggahan keputusan",
        )
    )
    prosa = (
        "Laporan kegiatan sosialisasi pemilih pemula dilaksanakan di aula kantor. "
        "Peserta berjumlah 120 orang dari 14 sekolah. Kegiatan berjalan lancar.\n" * 30
    )
    return [
        Contoh(
            "nota dinas", "bukan-produk", teks_pdf(nota), {}, set(), d.satker["kotawaringin-timur"]
        ),
        Contoh("prosa", "bukan-produk", prosa, {}, set(), None),
        Contoh("kosong", "bukan-produk", "\n\n \f ", {}, set(), None),
        Contoh(
            "acak",
            "bukan-produk",
            "NOMOR\nTENTANG\n" + "x" * 5000 + "\nDitetapkan di",
            {},
            set(),
            None,
        ),
    ]


def korpus_buatan(d: Dunia, *, pindaian: int = 2) -> list[Contoh]:
    rancangan = _rancangan(d)
    hasil = []
    for r in rancangan:
        hasil.append(_baris(d, r))
        hasil.append(_tabel(d, r))
        hasil.append(_kepala_kaki(d, r))
    hasil.append(_peraturan(d))
    hasil += [_ocr_sintetis(c) for c in hasil if c.tata_letak == "baris"]
    hasil += [_pindaian(d, r) for r in rancangan[:pindaian]]
    hasil += _bukan_produk(d)
    return hasil


# --- the demo catalogue ---------------------------------------------------------------------------


def korpus_demo() -> list[Contoh]:
    """Every published demo product's naskah, read as the intake reads it,
    labelled by its catalogue record and relations."""
    muat_katalog()
    hasil = []
    relasi: dict[int, set] = {}
    for r in RelasiProduk.objects.all():
        relasi.setdefault(r.sumber_id, set()).add((r.jenis, r.target_id))
    for p in ProdukHukum.objects.terbit().select_related("satker", "jenis").order_by("pk"):
        versi = p.versi_terbit()
        if versi is None:
            continue
        with versi.berkas.open("rb") as f:
            data = f.read()
        label = {
            "jenis": p.jenis_id,
            "satker": p.satker_id,
            "nomor": p.nomor,
            "tahun": p.tahun,
            "judul": p.judul,
            "tempat_penetapan": p.tempat_penetapan,
            "tanggal_penetapan": p.tanggal_penetapan,
            "penandatangan": p.penandatangan,
        }
        label = {k: v for k, v in label.items() if v not in (None, "")}
        hasil.append(
            Contoh(
                f"demo {p.jenis.singkatan} {p.nomor}",
                f"demo-{p.tipe_dokumen}",
                teks_pdf(data),
                label,
                relasi.get(p.pk, set()),
                p.satker,
            )
        )
    return hasil


# --- scoring ---------------------------------------------------------------------


@dataclass
class Skor:
    diusulkan: int = 0
    benar: int = 0
    berlabel: int = 0
    salah: list = field(default_factory=list)

    @property
    def presisi(self) -> float:
        return self.benar / self.diusulkan if self.diusulkan else 1.0

    @property
    def recall(self) -> float:
        return self.benar / self.berlabel if self.berlabel else 1.0


def nilai_korpus(korpus: list[Contoh], ekstrak) -> dict[str, Skor]:
    """Per-field precision/recall of ``ekstrak`` over ``korpus``; relations
    count the proposals matched to a catalogue product."""
    skor = {b: Skor() for b in [*BIDANG_DINILAI, "relasi"]}
    for c in korpus:
        u = ekstrak(c.teks, satker=c.satker)
        for b in BIDANG_DINILAI:
            s = skor[b]
            label = c.label.get(b)
            s.berlabel += label is not None
            if b in u.bidang:
                s.diusulkan += 1
                if label is not None and sama(b, u.bidang[b].nilai, label):
                    s.benar += 1
                else:
                    s.salah.append((c.nama, u.bidang[b].nilai, label))
        s = skor["relasi"]
        s.berlabel += len(c.relasi)
        for r in u.relasi:
            if r.produk_id is None:
                continue
            s.diusulkan += 1
            if (r.jenis, r.produk_id) in c.relasi:
                s.benar += 1
            else:
                s.salah.append((c.nama, r.jenis, r.sebutan, r.produk_id, c.relasi))
    return skor
