"""The buku agenda: numbers are taken here and nowhere else.

One register row per Satker per year (per jenis where the office keeps it
so) holds the last number given. Taking a number locks that row, so two
people numbering at the same moment get consecutive numbers; the counter
moves in the same transaction as the entry, so a rolled-back step leaves no
gap. A number once written is never deleted or reused: cancelling marks it.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import FormatNomor, NomorNaskah, RegisterNomor

POLA_BAWAAN = "{urut}/HK.03.1-Kpt/{tahun}"


def format_nomor(satker, jenis):
    return FormatNomor.objects.filter(satker=satker, jenis=jenis).first()


def susun_nomor(pola: str, urut: int, tahun: int) -> str:
    # Plain replacement: an office's pattern is data, never a format string.
    return pola.replace("{urut}", str(urut)).replace("{tahun}", str(tahun))


def _register(satker, tahun, jenis) -> RegisterNomor:
    """The register row, created on first use; a racing creator loses the
    insert, not the number."""
    try:
        with transaction.atomic():
            register, _ = RegisterNomor.objects.get_or_create(
                satker=satker, tahun=tahun, jenis=jenis
            )
    except IntegrityError:
        register = RegisterNomor.objects.get(satker=satker, tahun=tahun, jenis=jenis)
    return RegisterNomor.objects.select_for_update().get(pk=register.pk)


@transaction.atomic
def ambil_nomor(penyusunan, oleh, tahun=None) -> NomorNaskah:
    """The penyusunan's number: the one it already holds (numbering twice
    gives the same number), or the next one of its register."""
    ada = (
        NomorNaskah.objects.filter(penyusunan=penyusunan, dibatalkan_pada__isnull=True)
        .select_related("register")
        .first()
    )
    if ada is not None:
        return ada
    tahun = tahun or timezone.localdate().year
    fmt = format_nomor(penyusunan.satker_id, penyusunan.jenis_id)
    jenis = penyusunan.jenis if fmt and fmt.register_per_jenis else None
    register = _register(penyusunan.satker, tahun, jenis)
    register.terakhir += 1
    register.save(update_fields=["terakhir"])
    return NomorNaskah.objects.create(
        register=register,
        urut=register.terakhir,
        nomor=susun_nomor(fmt.pola if fmt else POLA_BAWAAN, register.terakhir, tahun),
        penyusunan=penyusunan,
        perihal=penyusunan.judul,
        dibuat_oleh=oleh,
    )


def batalkan_nomor(nomor: NomorNaskah, alasan: str) -> NomorNaskah:
    """Mark the number cancelled; it stays in the buku agenda, never reused."""
    if nomor.dibatalkan_pada is None:
        nomor.dibatalkan_pada = timezone.now()
        nomor.alasan_batal = alasan
        nomor.save(update_fields=["dibatalkan_pada", "alasan_batal"])
    return nomor
