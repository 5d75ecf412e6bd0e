"""Page images (for reading on phones) for versions that have none yet:
those published before the feature existed, or whose image task failed.

Queues one task per version for the worker (``manage.py db_worker``); with
``--langsung`` renders here instead, for an operator without a worker."""

from django.core.management.base import BaseCommand

from documents import halaman_gambar
from documents.models import VersiBerkas


class Command(BaseCommand):
    help = (
        "Antrekan pembuatan gambar halaman (untuk membaca di ponsel) bagi versi terbit "
        "yang belum memilikinya."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--ulang",
            action="store_true",
            help="Buat ulang juga versi yang sudah memiliki gambar halaman "
            "(mis. setelah JDIH_GAMBAR_HALAMAN_MAKS dinaikkan).",
        )
        parser.add_argument(
            "--semua-versi",
            action="store_true",
            help="Sertakan versi yang belum pernah terbit (draf); bawaan hanya versi terbit.",
        )
        parser.add_argument(
            "--langsung",
            action="store_true",
            help="Buat gambar di proses ini, bukan lewat antrean worker.",
        )

    def handle(self, *args, ulang, semua_versi, langsung, **options):
        if halaman_gambar.maks_halaman() == 0:
            self.stdout.write("JDIH_GAMBAR_HALAMAN_MAKS = 0: gambar halaman dimatikan.")
            return
        if ulang:
            versi = VersiBerkas.objects.filter(
                produk__isnull=False, status_proses=VersiBerkas.StatusProses.SELESAI
            ).exclude(berkas="")
        else:
            versi = halaman_gambar.versi_tanpa_gambar()
        if not semua_versi:
            versi = versi.filter(diterbitkan_pada__isnull=False)
        versi = versi.only("pk", "produk_id", "jumlah_halaman", "berkas").order_by("pk")
        jumlah = gagal = 0
        for v in versi.iterator():
            if langsung:
                try:
                    halaman_gambar.buat_gambar_halaman(v)
                except Exception as exc:
                    gagal += 1
                    self.stderr.write(f"Versi {v.pk}: gagal ({type(exc).__name__}: {exc})")
                    continue
            else:
                halaman_gambar.jadwalkan_gambar_halaman(v)
            jumlah += 1
        kata = "dibuat" if langsung else "diantrekan"
        pesan = f"Gambar halaman {kata} untuk {jumlah} versi."
        if gagal:
            pesan += f" Gagal: {gagal} versi (lihat di atas)."
        self.stdout.write(pesan)
