"""Import of an office's existing archive from a CSV file.

One transaction per row: a bad row is reported with its line number and
reason and leaves nothing behind; good rows are imported. A product already in
the catalogue (same satker, jenis, nomor, tahun) is skipped, so running the
same file again imports nothing twice.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from .berkas import simpan_versi
from .models import BIDANG_METADATA, Jenis, ProdukHukum, Satker, StatusBerlaku, TipeDokumen
from .publikasi import terbitkan

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
# Dates and status are parsed; the rest of the metadata is taken as written.
KOLOM_TEKS_OPSIONAL = [
    b for b in BIDANG_METADATA if b not in {"tanggal_penetapan", "tanggal_pengundangan", "status"}
]
KOLOM_OPSIONAL = [*KOLOM_TEKS_OPSIONAL, "tipe_dokumen", "tanggal_pengundangan", "terbit"]
NILAI_STATUS = {
    "berlaku": StatusBerlaku.BERLAKU,
    "tidak berlaku": StatusBerlaku.TIDAK_BERLAKU,
    "tidak-berlaku": StatusBerlaku.TIDAK_BERLAKU,
}
NILAI_YA = {"ya", "y", "1", "true", "terbit"}
NILAI_TIDAK = {"tidak", "t", "0", "false", "draf", "tidak terbit"}


class BarisTidakValid(Exception):
    pass


@dataclass
class HasilImpor:
    diimpor: int = 0
    dilewati: int = 0
    galat: list[tuple[int, str]] = field(default_factory=list)

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


class PengimporArsip:
    def __init__(self, path_csv: Path, oleh=None):
        self.path_csv = Path(path_csv)
        self.folder = self.path_csv.resolve().parent
        self.oleh = oleh
        self._satker = {s.slug: s for s in Satker.objects.all()}
        self._jenis = {j.singkatan.lower(): j for j in Jenis.objects.all()}

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
        for baris in pembaca:
            nomor_baris = pembaca.line_num
            data = {(k or "").strip().lower(): (v or "").strip() for k, v in baris.items() if k}
            if not any(data.values()):
                continue
            try:
                with transaction.atomic():
                    if self._impor_baris(data):
                        hasil.diimpor += 1
                    else:
                        hasil.dilewati += 1
            except BarisTidakValid as exc:
                hasil.galat.append((nomor_baris, str(exc)))
            except ValidationError as exc:
                hasil.galat.append((nomor_baris, "; ".join(exc.messages)))
        return hasil

    def _impor_baris(self, data: dict) -> bool:
        """Import one row; False when the product already exists."""
        for kolom in KOLOM_WAJIB:
            if not data.get(kolom):
                raise BarisTidakValid(f"kolom {kolom} kosong")
        satker = self._satker.get(data["satker"])
        if satker is None:
            raise BarisTidakValid(f"satker '{data['satker']}' tidak dikenal (isi dengan slug)")
        jenis = self._jenis.get(data["jenis"].lower())
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
        tipe = data.get("tipe_dokumen", "").lower() or jenis.tipe_dokumen
        if tipe not in TipeDokumen.values:
            raise BarisTidakValid(f"kolom tipe_dokumen: '{tipe}' tidak dikenal")
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
            **{k: data[k] for k in KOLOM_TEKS_OPSIONAL if data.get(k)},
        )
        produk.full_clean(exclude=["satker", "jenis"])
        produk.save()
        with path_berkas.open("rb") as f:
            versi = simpan_versi(produk, f, oleh=self.oleh, nama_asli=path_berkas.name)
        if terbit:
            terbitkan(produk, versi)
        return True
