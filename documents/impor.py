"""Import of an office's existing archive from a CSV file.

One transaction per row: a bad row is reported with its line number and
reason and leaves nothing behind; good rows are imported. A product already in
the catalogue (same satker, jenis, nomor, tahun) is skipped, so running the
same file again imports nothing twice.

The import publishes outside the SOP's steps (the archive is already in force),
so it is done in someone's name: every imported product gets an audit entry
naming the account given (``--oleh``) and the system account that ran it.

Every catalogue field has its column (named as the model field). Bidang hukum
and bahasa must be values of the national lists (common synonyms are mapped,
e.g. "Hukum Pemilu" -> "Hukum Tata Negara"); the document type follows the
jenis; the type's own fields are checked as on the prepare form (required per
type, ISBN check digit); subjek become managed keywords.

With ``dari_dokumen`` (``impor_arsip --dari-dokumen``, issue 14) the PDF's
text layer (no OCR: the import does none) fills the optional columns a row
leaves empty — tempat penetapan, penandatangan, subjek, the abstrak parts —
never a value the CSV gives, never a required column; each row's report says
what was filled, and where a required column differs from the document.
"""

import csv
import getpass
import io
import logging
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction

from . import batas, kosakata, pdf
from .berkas import simpan_versi
from .models import BIDANG_METADATA, Jenis, ProdukHukum, Satker, StatusBerlaku, TipeDokumen
from .publikasi import terbitkan
from .sinyal import catat_perubahan
from .subjek import setel_subjek
from .tipe import SEMUA_BIDANG_TIPE, bidang_untuk

log = logging.getLogger(__name__)

KOLOM_WAJIB = [
    "satker",
    "jenis",
    "nomor",
    "tahun",
    "judul",
    "tanggal_penetapan",
    "status",
    "berkas",
]
# Parsed or mapped one by one below; every other metadata column is taken
# as written.
KOLOM_KHUSUS = {
    "tanggal_penetapan",
    "tanggal_pengundangan",
    "status",
    "subjek",
    "bidang_hukum",
    "bahasa",
    "ikut_jdihn",
    "eksemplar",
    "berkekuatan_hukum_tetap",
}
KOLOM_TEKS_OPSIONAL = [b for b in [*BIDANG_METADATA, *SEMUA_BIDANG_TIPE] if b not in KOLOM_KHUSUS]
KOLOM_OPSIONAL = [
    "tipe_dokumen",
    "tanggal_pengundangan",
    *(b for b in BIDANG_METADATA if b not in {"tanggal_penetapan", "tanggal_pengundangan"}),
    *SEMUA_BIDANG_TIPE,
    "terbit",
]
KOLOM_OPSIONAL = list(dict.fromkeys(k for k in KOLOM_OPSIONAL if k not in KOLOM_WAJIB))
NILAI_STATUS = {
    "berlaku": StatusBerlaku.BERLAKU,
    "tidak berlaku": StatusBerlaku.TIDAK_BERLAKU,
    "tidak-berlaku": StatusBerlaku.TIDAK_BERLAKU,
}
NILAI_YA = {"ya", "y", "1", "true", "terbit"}
NILAI_TIDAK = {"tidak", "t", "0", "false", "draf", "tidak terbit"}
YA_TIDAK = {"ya": True, "y": True, "1": True, "true": True}
YA_TIDAK.update({"tidak": False, "t": False, "0": False, "false": False})
# Optional columns the document may fill (--dari-dokumen), and the required
# ones it is only compared with.
KOLOM_DARI_DOKUMEN = [
    "tempat_penetapan",
    "penandatangan",
    "subjek",
    "abstrak",
    "abstrak_dasar_hukum",
    "abstrak_catatan",
]
KOLOM_DIBANDINGKAN = ["nomor", "tahun", "tanggal_penetapan"]


class BarisTidakValid(Exception):
    pass


@dataclass
class HasilImpor:
    diimpor: int = 0
    dilewati: int = 0
    galat: list[tuple[int, str]] = field(default_factory=list)
    # --dari-dokumen: (line, what the document filled or noted) per imported row.
    dari_dokumen: list[tuple[int, str]] = field(default_factory=list)

    @property
    def berhasil(self) -> bool:
        return not self.galat


def _tanggal(nilai: str, kolom: str) -> date | None:
    nilai = nilai.strip()
    if not nilai:
        return None
    try:
        return date.fromisoformat(nilai)
    except ValueError:
        raise BarisTidakValid(
            f"kolom {kolom}: '{nilai}' bukan tanggal dengan format YYYY-MM-DD"
        ) from None


def _tipe(nilai: str, jenis: Jenis) -> str:
    """The type follows the jenis; a column saying otherwise is a mistake."""
    nilai = nilai.strip().lower()
    if not nilai:
        return jenis.tipe_dokumen
    if nilai not in TipeDokumen.values:
        pilihan = ", ".join(TipeDokumen.values)
        raise BarisTidakValid(f"kolom tipe_dokumen: '{nilai}' tidak dikenal. Pilihan: {pilihan}")
    if nilai != jenis.tipe_dokumen:
        raise BarisTidakValid(
            f"kolom tipe_dokumen: '{nilai}' tidak sesuai dengan jenis '{jenis.singkatan}', "
            f"yang bertipe {jenis.tipe_dokumen}"
        )
    return nilai


def _kosakata(nilai: str, kolom: str, petakan, nama_daftar: str, daftar) -> str:
    if not nilai.strip():
        return ""
    hasil = petakan(nilai)
    if hasil is None:
        raise BarisTidakValid(
            f"kolom {kolom}: '{nilai}' tidak ada dalam daftar {nama_daftar}. "
            f"Pilihan: {kosakata.daftar_nilai(daftar)}"
        )
    return hasil


def _bilangan(nilai: str, kolom: str) -> int | None:
    nilai = nilai.strip()
    if not nilai:
        return None
    if not nilai.isdecimal() or not 0 <= int(nilai) <= 32767:
        raise BarisTidakValid(f"kolom {kolom}: '{nilai}' harus bilangan bulat 0–32767")
    return int(nilai)


def _ya_tidak(nilai: str, kolom: str) -> bool | None:
    nilai = nilai.strip().lower()
    if not nilai:
        return None
    if nilai not in YA_TIDAK:
        raise BarisTidakValid(f"kolom {kolom}: '{nilai}' harus 'ya' atau 'tidak'")
    return YA_TIDAK[nilai]


def _pesan_validasi(exc: ValidationError) -> str:
    """The model's errors with their column, as the other row errors."""
    if not hasattr(exc, "error_dict"):
        return "; ".join(exc.messages)
    bagian = []
    for kolom, pesan in exc.message_dict.items():
        for p in pesan:
            bagian.append(p if kolom == NON_FIELD_ERRORS else f"kolom {kolom}: {p}")
    return "; ".join(bagian)


def akun_sistem() -> str:
    """The operating-system account running the import, for the audit note."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class PengimporArsip:
    def __init__(self, path_csv: Path, oleh, *, dari_dokumen: bool = False):
        if oleh is None:
            raise ValueError("Impor arsip harus atas nama seorang pengguna (oleh).")
        self.dari_dokumen = dari_dokumen
        self._laporan_baris = ""
        self.path_csv = Path(path_csv)
        self.folder = self.path_csv.resolve().parent
        self.oleh = oleh
        self.akun_sistem = akun_sistem()
        self._satker = {s.slug: s for s in Satker.objects.all()}
        semua_jenis = list(Jenis.objects.all())
        self._jenis = {j.singkatan.lower(): j for j in semua_jenis}
        # An exact spelling wins should two singkatan differ only in case.
        self._jenis.update({j.singkatan: j for j in semua_jenis})

    def jalankan(self) -> HasilImpor:
        hasil = HasilImpor()
        teks = self.path_csv.read_text(encoding="utf-8-sig")
        try:
            dialek = csv.Sniffer().sniff(teks.split("\n", 1)[0], delimiters=",;\t")
        except csv.Error:
            dialek = csv.excel
        pembaca = csv.DictReader(io.StringIO(teks), dialect=dialek)
        kolom = {(k or "").strip().lower() for k in pembaca.fieldnames or []}
        kurang = [k for k in KOLOM_WAJIB if k not in kolom]
        if kurang:
            hasil.galat.append((1, f"kolom wajib tidak ada di baris judul: {', '.join(kurang)}"))
            return hasil
        try:
            for baris in pembaca:
                self._satu_baris(baris, pembaca.line_num, hasil)
        except csv.Error as exc:
            # A field longer than the csv module allows (or an unclosed quote):
            # the reader cannot go on, the rows before it are kept.
            hasil.galat.append(
                (
                    pembaca.line_num,
                    f"baris tidak dapat dibaca ({exc}); periksa isian yang sangat panjang "
                    "atau tanda kutip yang tidak ditutup. Baris sesudahnya tidak diimpor.",
                )
            )
        return hasil

    def _satu_baris(self, baris: dict, nomor_baris: int, hasil: HasilImpor) -> None:
        data = {(k or "").strip().lower(): (v or "").strip() for k, v in baris.items() if k}
        if not any(data.values()):
            return
        self._laporan_baris = ""
        try:
            with transaction.atomic():
                if self._impor_baris(data, nomor_baris):
                    hasil.diimpor += 1
                    if self._laporan_baris:
                        hasil.dari_dokumen.append((nomor_baris, self._laporan_baris))
                else:
                    hasil.dilewati += 1
        except BarisTidakValid as exc:
            hasil.galat.append((nomor_baris, str(exc)))
        except ValidationError as exc:
            hasil.galat.append((nomor_baris, _pesan_validasi(exc)))

    def _isi_dari_dokumen(self, data: dict, path_berkas: Path, satker, tahun: int) -> dict:
        """``data`` with its empty optional columns filled from the PDF's
        text layer; the row's report kept in ``_laporan_baris``. A document
        that cannot be read fills nothing and never fails the row."""
        from ekstraksi import layanan as ekstraksi

        try:
            halaman = pdf.ekstrak_teks_per_halaman(path_berkas)
            usulan = ekstraksi.usulan_formulir(ekstraksi.ekstrak_teks("\f".join(halaman), satker))
        except Exception:
            log.exception("Impor --dari-dokumen: %s tidak dapat dibaca", path_berkas.name)
            self._laporan_baris = "dokumen tidak dapat dibaca; tidak ada yang diisi"
            return data
        if not any(halaman):
            self._laporan_baris = "berkas tanpa lapisan teks (pindaian); tidak ada yang diisi"
            return data
        data = dict(data)
        diisi = []
        for kolom in KOLOM_DARI_DOKUMEN:
            usul = usulan.get(kolom)
            if data.get(kolom) or usul is None:
                continue
            # Within the column's limits, else left to the person.
            panjang = getattr(ProdukHukum._meta.get_field(kolom), "max_length", None)
            if (panjang and len(usul.nilai) > panjang) or batas.galat_produk(
                {kolom: usul.nilai}, semua_teks=True
            ):
                continue
            data[kolom] = usul.nilai
            diisi.append(kolom)
        beda = []
        for kolom in KOLOM_DIBANDINGKAN:
            usul = usulan.get(kolom)
            if usul is not None and not ekstraksi.sama(str(data[kolom]), str(usul.nilai)):
                beda.append(f"{kolom} (dokumen: {usul.nilai})")
        bagian = [f"diisi dari dokumen: {', '.join(diisi)}" if diisi else "tidak ada yang diisi"]
        if beda:
            bagian.append(f"berbeda dengan dokumen: {'; '.join(beda)}")
        self._laporan_baris = "; ".join(bagian)
        return data

    def _impor_baris(self, data: dict, nomor_baris: int) -> bool:
        """Import one row; False when the product already exists."""
        for kolom in KOLOM_WAJIB:
            if not data.get(kolom):
                raise BarisTidakValid(f"kolom {kolom} kosong")
        # Lengths and characters before anything reaches the database (a NUL
        # would fail the query itself).
        galat = batas.galat_produk(data, semua_teks=True)
        if galat:
            raise ValidationError(galat)
        satker = self._satker.get(data["satker"])
        if satker is None:
            raise BarisTidakValid(f"satker '{data['satker']}' tidak dikenal (isi dengan slug)")
        jenis = self._jenis.get(data["jenis"]) or self._jenis.get(data["jenis"].lower())
        if jenis is None:
            raise BarisTidakValid(f"jenis '{data['jenis']}' tidak dikenal (isi dengan singkatan)")
        try:
            tahun = int(data["tahun"])
        except ValueError:
            raise BarisTidakValid(f"kolom tahun: '{data['tahun']}' bukan angka") from None
        if not 1945 <= tahun <= 2100:
            raise BarisTidakValid(f"kolom tahun: {tahun} di luar rentang 1945–2100")
        status = NILAI_STATUS.get(data["status"].lower())
        if status is None:
            raise BarisTidakValid(
                f"kolom status: '{data['status']}' harus 'Berlaku' atau 'Tidak Berlaku'"
            )
        tipe = _tipe(data.get("tipe_dokumen", ""), jenis)
        bidang_hukum = _kosakata(
            data.get("bidang_hukum", ""),
            "bidang_hukum",
            kosakata.petakan_bidang_hukum,
            "bidang hukum nasional",
            kosakata.BIDANG_HUKUM,
        )
        bahasa = _kosakata(
            data.get("bahasa", ""), "bahasa", kosakata.petakan_bahasa, "bahasa", kosakata.BAHASA
        )
        milik = set(bidang_untuk(tipe))
        for kolom in SEMUA_BIDANG_TIPE:
            if data.get(kolom) and kolom not in milik:
                raise BarisTidakValid(
                    f"kolom {kolom}: tidak dipakai untuk tipe {tipe} "
                    f"(jenis '{jenis.singkatan}'); kosongkan atau periksa jenisnya"
                )
        eksemplar = _bilangan(data.get("eksemplar", ""), "eksemplar")
        inkracht = _ya_tidak(data.get("berkekuatan_hukum_tetap", ""), "berkekuatan_hukum_tetap")
        ikut_jdihn = _ya_tidak(data.get("ikut_jdihn", ""), "ikut_jdihn")
        terbit_teks = data.get("terbit", "").lower()
        if terbit_teks and terbit_teks not in NILAI_YA | NILAI_TIDAK:
            raise BarisTidakValid(f"kolom terbit: '{data['terbit']}' harus 'ya' atau 'tidak'")
        terbit = terbit_teks not in NILAI_TIDAK

        if ProdukHukum.objects.filter(
            satker=satker, jenis=jenis, nomor=data["nomor"], tahun=tahun
        ).exists():
            return False

        path_berkas = (self.folder / data["berkas"]).resolve()
        if not path_berkas.is_relative_to(self.folder):
            raise BarisTidakValid("kolom berkas harus menunjuk berkas di dalam folder CSV")
        if not path_berkas.is_file():
            raise BarisTidakValid(f"berkas '{data['berkas']}' tidak ditemukan")
        if self.dari_dokumen:
            data = self._isi_dari_dokumen(data, path_berkas, satker, tahun)

        produk = ProdukHukum(
            satker=satker,
            jenis=jenis,
            tipe_dokumen=tipe,
            nomor=data["nomor"],
            tahun=tahun,
            judul=data["judul"],
            tanggal_penetapan=_tanggal(data["tanggal_penetapan"], "tanggal_penetapan"),
            tanggal_pengundangan=_tanggal(
                data.get("tanggal_pengundangan", ""), "tanggal_pengundangan"
            ),
            status=status,
            bidang_hukum=bidang_hukum,
            bahasa=bahasa or kosakata.BAHASA_BAKU,
            eksemplar=eksemplar,
            berkekuatan_hukum_tetap=inkracht,
            ikut_jdihn=True if ikut_jdihn is None else ikut_jdihn,
            **{k: data[k] for k in KOLOM_TEKS_OPSIONAL if data.get(k)},
        )
        # Runs ProdukHukum.clean(): required fields per type, ISBN check digit.
        produk.full_clean(exclude=["satker", "jenis"])
        produk.save()
        if data.get("subjek"):
            setel_subjek(produk, data["subjek"])
        with path_berkas.open("rb") as f:
            versi = simpan_versi(produk, f, oleh=self.oleh, nama_asli=path_berkas.name)
        if terbit:
            terbitkan(produk, versi)
        sistem = f"; akun sistem: {self.akun_sistem}" if self.akun_sistem else ""
        catat_perubahan(
            produk,
            self.oleh,
            "impor-arsip",
            f"Diimpor dari {self.path_csv.name} baris {nomor_baris}, berkas "
            f"{path_berkas.name} (versi {versi.nomor_versi}), "
            f"{'langsung terbit' if terbit else 'sebagai draf'}{sistem}.",
            dari="",
        )
        return True
