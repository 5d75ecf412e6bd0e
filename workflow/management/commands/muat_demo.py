from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from documents.demo import muat_katalog
from profil.demo import muat_demo as muat_profil
from survei.demo import muat_demo as muat_survei
from workflow.demo import DEMO_PASSWORD, muat_pengguna


class Command(BaseCommand):
    help = "Memuat data demo: satker, jenis, produk hukum contoh ber-PDF, pengguna per peran."

    def handle(self, *args, **options):
        # The demo walks requests and drafts through real steps; their
        # notification emails would only flood the console of `make run`.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            hasil = muat_katalog()
            jumlah_pengguna = muat_pengguna()
            # After the users: the profile's tim JDIH names them, messages go to them.
            muat_profil(self.stdout)
            muat_survei(self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Data demo siap: {hasil['satker']} satker, {hasil['jenis']} jenis, "
                f"{hasil['produk']} produk hukum ({hasil['baru']} baru), "
                f"{jumlah_pengguna} pengguna. Kata sandi demo: {DEMO_PASSWORD}"
            )
        )
