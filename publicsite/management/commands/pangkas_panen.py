"""manage.py pangkas_panen --hari N: prune the JDIHN harvest log.

PanenJDIHN grows one row per fetch of a feed (the national one and each
Satker's). Rows older than N days are deleted, except what "last harvest"
still reads: for every feed its newest row (the admin's "Panen terakhir per
umpan") and its newest complete harvest (the monitoring's feed freshness,
pemantauan.selectors). Run it daily (README, "Pemantauan JDIH per pohon satker").
"""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from documents.models import Satker
from publicsite.models import PanenJDIHN

UKURAN_HAPUS = 5000


def _dipertahankan() -> set[int]:
    """The newest row and the newest complete row of every feed (a constant
    number of queries: one per kind over all Satkers, one for the national feed)."""
    urut = ("-waktu", "-id")
    simpan: set[int] = set()
    for saring in ({}, {"selesai": True}):
        per_satker = PanenJDIHN.objects.filter(satker=OuterRef("pk"), **saring).order_by(*urut)
        simpan.update(
            pk
            for pk in Satker.objects.annotate(
                panen=Subquery(per_satker.values("pk")[:1])
            ).values_list("panen", flat=True)
            if pk is not None
        )
        nasional = (
            PanenJDIHN.objects.filter(satker__isnull=True, **saring)
            .order_by(*urut)
            .values_list("pk", flat=True)
            .first()
        )
        if nasional is not None:
            simpan.add(nasional)
    return simpan


def pangkas(hari: int) -> int:
    """Delete the log rows older than ``hari`` days but the ones kept; how many."""
    batas = timezone.now() - timedelta(days=hari)
    simpan = _dipertahankan()
    tua = PanenJDIHN.objects.filter(waktu__lt=batas).exclude(pk__in=simpan)
    jumlah = 0
    # In slices: one huge DELETE would hold its locks and its WAL at once.
    while True:
        ids = list(tua.order_by("pk").values_list("pk", flat=True)[:UKURAN_HAPUS])
        if not ids:
            return jumlah
        jumlah += PanenJDIHN.objects.filter(pk__in=ids).delete()[0]


class Command(BaseCommand):
    help = (
        "Memangkas log panen JDIHN: menghapus catatan yang lebih tua dari N hari, kecuali "
        "panen terakhir dan panen utuh terakhir setiap umpan (nasional dan tiap satker). "
        "Jalankan setiap hari."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hari",
            type=int,
            default=90,
            help="Simpan catatan N hari terakhir (bawaan 90, paling sedikit 1).",
        )

    def handle(self, *args, hari, **options):
        if hari < 1:
            raise CommandError("--hari paling sedikit 1.")
        jumlah = pangkas(hari)
        sisa = PanenJDIHN.objects.count()
        self.stdout.write(
            f"Log panen JDIHN dipangkas: {jumlah} catatan lebih tua dari {hari} hari dihapus, "
            f"{sisa} tersisa."
        )
