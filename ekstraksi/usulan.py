"""What a document proposes for its own record: the one shape the extractor
returns and the prepare page, the digitalisation step and the archive import
read. Every proposed value carries the line of the document it came from, so
the Pengelola can see why it was proposed."""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Bidang:
    """One proposed field value and its evidence (the document's own line)."""

    nilai: str | int | date
    bukti: str
    halaman: int | None = None  # 1-based, when known


@dataclass(frozen=True)
class UsulanRelasi:
    """A relation the text states, e.g. "mencabut Keputusan … Nomor …".

    ``jenis`` is a documents.models.JenisRelasi value; ``produk_id`` is set
    only when the mention was matched to one product already in the catalogue
    within the right Satker scope (ekstraksi.relasi)."""

    jenis: str
    sebutan: str  # the mention as written: "Keputusan KPU Nomor 12 Tahun 2020"
    bukti: str
    nomor: str = ""
    tahun: int | None = None
    produk_id: int | None = None


@dataclass
class Usulan:
    """Keys of ``bidang``: jenis (JenisProdukHukum kode/slug as matched), nomor,
    tahun, judul, tempat_penetapan, tanggal_penetapan, penandatangan,
    jabatan_penandatangan, satker (Satker pk as int), subjek (comma-joined
    suggestions). A key is absent when the extractor is unsure: it never
    guesses."""

    bidang: dict[str, Bidang] = field(default_factory=dict)
    relasi: list[UsulanRelasi] = field(default_factory=list)
    # Extractive draft abstrak: parts keyed like the structured abstrak form
    # (menimbang, mengingat, memutuskan / isi); empty when nothing was found.
    abstrak: dict[str, str] = field(default_factory=dict)

    def kosong(self) -> bool:
        return not (self.bidang or self.relasi or self.abstrak)
