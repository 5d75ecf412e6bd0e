from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.impor import KOLOM_OPSIONAL, KOLOM_WAJIB, PengimporArsip


class Command(BaseCommand):
    help = (
        "Mengimpor arsip produk hukum dari berkas CSV. Kolom wajib: "
        + ", ".join(KOLOM_WAJIB)
        + ". Kolom opsional: "
        + ", ".join(KOLOM_OPSIONAL)
        + ". Kolom berkas berisi path PDF relatif terhadap folder CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "csv", type=Path, help="berkas CSV (UTF-8, pemisah koma atau titik koma)"
        )

    def handle(self, *args, **options):
        path = options["csv"]
        if not path.is_file():
            raise CommandError(f"Berkas CSV '{path}' tidak ditemukan.")
        hasil = PengimporArsip(path).jalankan()
        for nomor_baris, alasan in hasil.galat:
            self.stderr.write(f"Baris {nomor_baris}: {alasan}")
        self.stdout.write(
            f"Diimpor: {hasil.diimpor}, sudah ada (dilewati): {hasil.dilewati}, "
            f"gagal: {len(hasil.galat)}."
        )
        if not hasil.berhasil:
            raise CommandError(f"{len(hasil.galat)} baris gagal diimpor; baris lain sudah masuk.")
