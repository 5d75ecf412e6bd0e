from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from documents.impor import KOLOM_OPSIONAL, KOLOM_WAJIB, PengimporArsip


class Command(BaseCommand):
    help = (
        "Mengimpor arsip produk hukum dari berkas CSV atas nama pengguna --oleh "
        "(tercatat di jejak audit setiap produk). Kolom wajib: "
        + ", ".join(KOLOM_WAJIB)
        + ". Kolom opsional: "
        + ", ".join(KOLOM_OPSIONAL)
        + ". Kolom berkas berisi path PDF relatif terhadap folder CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "csv", type=Path, help="berkas CSV (UTF-8, pemisah koma atau titik koma)"
        )
        parser.add_argument(
            "--oleh",
            metavar="NAMA_PENGGUNA",
            help=(
                "nama pengguna (akun staf aktif) yang bertanggung jawab atas impor ini; "
                "wajib, karena impor menerbitkan produk di luar langkah SOP"
            ),
        )
        parser.add_argument(
            "--dari-dokumen",
            action="store_true",
            help=(
                "isi kolom opsional yang kosong (tempat_penetapan, penandatangan, subjek, "
                "abstrak, abstrak_dasar_hukum, abstrak_catatan) dari teks PDF-nya; nilai di CSV "
                "tidak pernah ditimpa dan kolom wajib tetap wajib"
            ),
        )

    def handle(self, *args, **options):
        path = options["csv"]
        oleh = self._pengguna(options.get("oleh"))
        if not path.is_file():
            raise CommandError(f"Berkas CSV '{path}' tidak ditemukan.")
        hasil = PengimporArsip(path, oleh=oleh, dari_dokumen=options["dari_dokumen"]).jalankan()
        for nomor_baris, laporan in hasil.dari_dokumen:
            self.stdout.write(f"Baris {nomor_baris}: {laporan}")
        for nomor_baris, alasan in hasil.galat:
            self.stderr.write(f"Baris {nomor_baris}: {alasan}")
        self.stdout.write(
            f"Diimpor: {hasil.diimpor}, sudah ada (dilewati): {hasil.dilewati}, "
            f"gagal: {len(hasil.galat)}. Tercatat atas nama {oleh.get_username()}."
        )
        if not hasil.berhasil:
            raise CommandError(f"{len(hasil.galat)} baris gagal diimpor; baris lain sudah masuk.")

    @staticmethod
    def _pengguna(nama):
        if not nama:
            raise CommandError(
                "Sebutkan siapa yang mengimpor: --oleh <nama pengguna> (akun staf aktif). "
                "Impor menerbitkan produk hukum di luar langkah SOP, jadi tercatat atas namanya."
            )
        User = get_user_model()
        user = User._default_manager.filter(**{User.USERNAME_FIELD: nama}).first()
        if user is None:
            raise CommandError(f"Pengguna '{nama}' tidak ditemukan.")
        if not user.is_active or not user.is_staff:
            raise CommandError(
                f"Pengguna '{nama}' bukan akun staf aktif; impor hanya atas nama staf aktif."
            )
        return user
