"""Who acts next on a penyusunan, per sop 003."""

from django.contrib.auth import get_user_model

from ..notifikasi import pengguna_peran
from ..peran import Peran
from .models import StatusPenyusunan as S

# The roles that act in each open state ("Subbag Hukum": Kasubbag and Pengelola).
PERAN_BERIKUTNYA = {
    S.PENYUSUNAN: (Peran.PENGUSUL, Peran.DIVISI_TERKAIT),
    S.PENYEMPURNAAN: (Peran.PENGUSUL,),
    S.VERIFIKASI_PERSONIL: (Peran.KASUBBAG,),
    S.VERIFIKASI_MUATAN: (Peran.KASUBBAG,),
    S.PLENO: (Peran.KETUA,),
    S.SINKRONISASI: (Peran.KASUBBAG, Peran.PENGELOLA),
    S.PARAF: (Peran.SEKRETARIS,),
    S.TANDA_TANGAN: (Peran.KETUA,),
    S.PENOMORAN: (Peran.KASUBBAG, Peran.PENGELOLA),
    S.SALINAN: (Peran.KASUBBAG, Peran.PENGELOLA),
    S.DISTRIBUSI: (Peran.KASUBBAG, Peran.PENGELOLA),
    S.DIGITALISASI: (Peran.KASUBBAG, Peran.PENGELOLA),
}


def penerima_penyusunan(p):
    peran = PERAN_BERIKUTNYA.get(p.status)
    if peran is None:
        return get_user_model().objects.filter(is_active=True, pk=p.diajukan_oleh_id)
    return pengguna_peran(p.satker_id, *peran)
