"""Read-side queries of sop 004: what waits for whom, and the calendar."""

from django.db.models import Q

from ..kueri import salah_satu
from ..mesin import SumberTugas
from .models import KontenMedsos
from .models import StatusKonten as S


def q_tugas(konteks) -> Q:
    q = Q(pk__in=[])
    for satker_ids, kode in konteks.kelompok_izin():  # Satkers alike, together
        if "susun_konten" in kode:
            # The Staf named in the disposisi does the work.
            q |= salah_satu("satker_id", satker_ids) & Q(
                staf_id=konteks.user.pk,
                status__in=[S.DIDISPOSISI, S.DIKEMBALIKAN, S.SIAP_UNGGAH],
            )
        if "koreksi_konten" in kode:
            q |= salah_satu("satker_id", satker_ids) & Q(status=S.DIKOREKSI)
        if "disposisi_konten" in kode:
            q |= salah_satu("satker_id", satker_ids) & Q(status=S.DISETUJUI)
    return q


def saring(qs, saringan):
    if saringan.get("nomor"):
        n = saringan["nomor"]
        qs = qs.filter(Q(judul__icontains=n) | Q(nota_nomor__icontains=n))
    return qs


SUMBER_KONTEN = SumberTugas(
    kode="konten",
    model=KontenMedsos,
    jenis=("konten",),
    lihat="lihat_konten",
    q_tugas=q_tugas,
    saring=saring,
    select_related=("satker", "staf", "diajukan_oleh"),
)
