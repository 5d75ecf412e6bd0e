"""Read-side queries of sop 003: what waits for whom, the buku agenda, the
buku ekspedisi and outstanding receipts."""

from django.db.models import Q

from ..kueri import salah_satu
from ..mesin import SumberTugas
from .models import PenyusunanKeputusan
from .models import StatusPenyusunan as S

# Which permission acts in which open state (the Tugas saya view of sop 003).
STATUS_PER_IZIN = {
    "susun_draft": [S.PENYUSUNAN],
    "ajukan_penyusunan": [S.PENYUSUNAN, S.PENYEMPURNAAN],
    "verifikasi_penyusunan": [S.VERIFIKASI_PERSONIL, S.VERIFIKASI_MUATAN],
    "pleno_penyusunan": [S.PLENO],
    "paraf_penyusunan": [S.PARAF],
    "tandatangani_penyusunan": [S.TANDA_TANGAN],
    "administrasi_penyusunan": [
        S.SINKRONISASI,
        S.PENOMORAN,
        S.SALINAN,
        S.DISTRIBUSI,
        S.DIGITALISASI,
    ],
}


def q_tugas(konteks) -> Q:
    q = Q(pk__in=[])
    for satker_ids, kode in konteks.kelompok_izin():
        status = {s for izin, daftar in STATUS_PER_IZIN.items() if izin in kode for s in daftar}
        if status:
            q |= salah_satu("satker_id", satker_ids) & Q(status__in=sorted(status))
    return q


def saring(qs, saringan):
    if saringan.get("jenis"):
        qs = qs.filter(varian=int(saringan["jenis"].rsplit("-", 1)[1]))
    if saringan.get("nomor"):
        n = saringan["nomor"]
        qs = qs.filter(Q(nomor__nomor__icontains=n) | Q(judul__icontains=n))
    return qs


SUMBER_PENYUSUNAN = SumberTugas(
    kode="penyusunan",
    model=PenyusunanKeputusan,
    jenis=("penyusunan-1", "penyusunan-2"),
    lihat="lihat_penyusunan",
    q_tugas=q_tugas,
    saring=saring,
    select_related=("satker", "jenis", "nomor", "diajukan_oleh"),
)
