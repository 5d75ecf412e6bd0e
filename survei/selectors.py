"""Read-only queries of the survey results: constant in number however many
answers a period holds."""

from django.db.models import Count, Q, Sum

from . import ikm
from .models import ResponsSurvei
from .unsur import PROFIL, UNSUR


def respons_periode(satker, dari, sampai):
    return ResponsSurvei.objects.filter(satker=satker, tanggal__range=(dari, sampai))


def hasil_ikm(satker, dari, sampai) -> ikm.HasilIKM:
    """The index of the period, from one aggregate query."""
    agregat = {"responden": Count("id")}
    for u in UNSUR:
        agregat[f"{u.kode}_jumlah"] = Sum(u.kode)
        agregat[f"{u.kode}_n"] = Count(u.kode)  # counts answered (non-null) only
    baris = respons_periode(satker, dari, sampai).order_by().aggregate(**agregat)
    return ikm.hitung(
        baris["responden"],
        {u.kode: (baris[f"{u.kode}_jumlah"] or 0, baris[f"{u.kode}_n"]) for u in UNSUR},
    )


def profil_responden(satker, dari, sampai) -> list[tuple[str, list[tuple[str, int]]]]:
    """[(label, [(choice label, count)])] per profile field, "Tidak diisi"
    last; one query."""
    agregat = {}
    for nama, _, pilihan in PROFIL:
        for nilai, _ in [*pilihan, ("", "")]:
            agregat[f"{nama}__{nilai}"] = Count("id", filter=Q(**{nama: nilai}))
    baris = respons_periode(satker, dari, sampai).order_by().aggregate(**agregat)
    return [
        (
            label,
            [(teks, baris[f"{nama}__{nilai}"]) for nilai, teks in pilihan]
            + [("Tidak diisi", baris[f"{nama}__"])],
        )
        for nama, label, pilihan in PROFIL
    ]


def komentar(satker, dari, sampai):
    return (
        respons_periode(satker, dari, sampai)
        .exclude(komentar="")
        .only("tanggal", "komentar")
        .order_by("-tanggal", "-id")
    )
