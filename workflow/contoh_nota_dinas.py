"""A sample Nota Dinas as a PDF (demo data and tests), laid out as the Tata
Naskah Dinas KPU has it: the office, NOTA DINAS, the Yth./Dari/Hal/Tanggal
block, the request in a few sentences, and the signature."""

import textwrap
from dataclasses import dataclass

from documents.contoh_pdf import LEBAR_BARIS, tulis_pdf


@dataclass
class NaskahNotaDinas:
    badan: str
    nomor: str
    tanggal: str
    perihal: str
    dari: str = "Kasubbag Teknis Penyelenggaraan"
    kepada: str = "Kasubbag Hukum dan SDM"
    isi: str = ""
    penanda_tangan: str = "NAMA PEJABAT"
    lampiran: str = "1 (satu) berkas"

    def baris(self) -> list[str]:
        isi = self.isi or (
            f"Bersama ini kami sampaikan {self.perihal[:1].lower()}{self.perihal[1:]}. "
            "Naskah asli yang telah ditandatangani kami lampirkan untuk diproses sesuai "
            "SOP pengunggahan produk hukum pada laman JDIH. Atas perhatian dan kerja sama "
            "Saudara, kami ucapkan terima kasih."
        )
        baris = [
            self.badan.upper(),
            "",
            "NOTA DINAS",
            f"NOMOR {self.nomor}",
            "",
            f"Yth.      : {self.kepada}",
            f"Dari      : {self.dari}",
            f"Lampiran  : {self.lampiran}",
            f"Hal       : {self.perihal}",
            f"Tanggal   : {self.tanggal}",
            "_" * 70,
            "",
        ]
        baris += textwrap.wrap(isi, LEBAR_BARIS)
        baris += ["", "", f"{self.dari},", "", "ttd.", "", self.penanda_tangan]
        return baris


def pdf_nota_dinas(naskah: NaskahNotaDinas) -> bytes:
    return tulis_pdf(naskah.baris(), judul=f"Nota Dinas {naskah.nomor}")
