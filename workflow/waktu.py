"""Time standards (mutu baku) and the elapsed time of each step.

A step's elapsed time is the time from the previous entry of the audit trail
(entering the state) to the entry that left it. Some actions of the product
cover two SOP lines (receiving the Nota Dinas and writing the Disposisi are
one action here), so their standard is the sum of those lines.
"""

from dataclasses import dataclass
from datetime import timedelta

from .models import MUTU_BAKU_BAWAAN, JenisPermohonan, Langkah, MutuBaku, Status


@dataclass(frozen=True)
class Tahap:
    kode: str
    nama: str
    langkah: tuple[int, ...]

    @property
    def label_langkah(self):
        if self.langkah == (Langkah.VALIDASI,):
            return "SOP 001/002"
        if len(self.langkah) == 1:
            return f"Langkah {self.langkah[0]}"
        return f"Langkah {self.langkah[0]}–{self.langkah[-1]}"


TAHAP = {
    t.kode: t
    for t in [
        Tahap("disposisi", "Menerima Nota Dinas dan memberi disposisi", (1, 2)),
        Tahap("siapkan", "Menyiapkan dan menyerahkan produk hukum", (3, 4)),
        Tahap("koreksi", "Mengoreksi produk hukum", (5,)),
        Tahap("validasi", "Validasi tingkat satker", (Langkah.VALIDASI,)),
        Tahap("persetujuan", "Persetujuan", (6,)),
        Tahap("unggah", "Mengunggah produk hukum", (7,)),
        Tahap("disposisi-penurunan", "Menerima usulan penurunan dan memberi disposisi", (8, 9)),
        Tahap("turunkan", "Menurunkan produk hukum", (10,)),
        Tahap("perbaikan", "Memperbaiki produk hukum yang diturunkan", (11,)),
        Tahap("unggah-ulang", "Mengunggah ulang produk hukum hasil perbaikan", (12,)),
    ]
}

URUTAN_TAHAP = list(TAHAP)


def tahap_menunggu(jenis, status, tingkat_lolos=0, jumlah_tingkat=0) -> Tahap | None:
    """The step a request in ``status`` is waiting for."""
    turun = jenis == JenisPermohonan.PENURUNAN
    kode = {
        Status.DIAJUKAN: "disposisi-penurunan" if turun else "disposisi",
        Status.DIDISPOSISI: "turunkan" if turun else "siapkan",
        Status.DITURUNKAN: "perbaikan",
        Status.DIKEMBALIKAN: "perbaikan" if turun else "siapkan",
        Status.DIPERIKSA: "koreksi",
        Status.DIVALIDASI: "validasi" if tingkat_lolos < jumlah_tingkat else "persetujuan",
        Status.DISETUJUI: "unggah-ulang" if turun else "unggah",
    }.get(status)
    return TAHAP[kode] if kode else None


def tahap_jejak(jenis, dari_status, aksi) -> Tahap | None:
    """The step an audit entry completed (None for the opening entry)."""
    if not dari_status:
        return None
    if aksi == "validasi":
        return TAHAP["validasi"]
    if dari_status == Status.DIVALIDASI and aksi == "kembalikan":
        return TAHAP["validasi"]
    if dari_status == Status.DIVALIDASI:
        return TAHAP["persetujuan"]
    return tahap_menunggu(jenis, dari_status)


class TabelMutuBaku:
    """All time standards, loaded in one query; a Satker's own override wins."""

    def __init__(self):
        self._menit = {(m.satker_id, m.langkah): m.menit for m in MutuBaku.objects.all()}

    def menit_langkah(self, langkah, satker_id=None) -> int:
        for kunci in ((satker_id, langkah), (None, langkah)):
            if kunci in self._menit:
                return self._menit[kunci]
        return MUTU_BAKU_BAWAAN[int(langkah)]

    def standar(self, tahap: Tahap, satker_id=None) -> timedelta:
        return timedelta(minutes=sum(self.menit_langkah(lg, satker_id) for lg in tahap.langkah))


def format_durasi(durasi: timedelta | None) -> str:
    """'2 hari 3 jam 5 menit' — how staff say it."""
    if durasi is None:
        return "—"
    menit_total = int(durasi.total_seconds() // 60)
    if menit_total < 1:
        return "< 1 menit"
    hari, sisa = divmod(menit_total, 60 * 24)
    jam, menit = divmod(sisa, 60)
    bagian = []
    if hari:
        bagian.append(f"{hari} hari")
    if jam:
        bagian.append(f"{jam} jam")
    if menit and not hari:
        bagian.append(f"{menit} menit")
    return " ".join(bagian)
