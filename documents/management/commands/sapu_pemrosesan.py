"""Hand on, once, the versions dead workers left behind.

The worker does this by itself (a sweep task it keeps queued while anything
is in flight); this command is for an operator who wants it now, or for cron
on a queue backend that cannot defer tasks."""

from django.core.management.base import BaseCommand

from documents import pemrosesan


class Command(BaseCommand):
    help = (
        "Antrekan ulang versi yang macet 'diproses' (sewa pekerja habis) atau 'menunggu' "
        "tanpa tugas; tandai gagal setelah batas percobaan."
    )

    def handle(self, *args, **options):
        hasil = pemrosesan.sapu_pemrosesan()
        if pemrosesan.ada_yang_berjalan():
            pemrosesan.pastikan_sapuan()
        self.stdout.write(
            f"Diantrekan ulang: {len(hasil['diantre'])} versi "
            f"{hasil['diantre'] or ''}; ditandai gagal: {len(hasil['gagal'])} versi "
            f"{hasil['gagal'] or ''}".replace(" ;", ";").rstrip()
        )
