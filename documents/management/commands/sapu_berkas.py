from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.template.defaultfilters import filesizeformat

from documents.pembersihan import PREFIKS, UMUR_MINIMAL, sapu


class Command(BaseCommand):
    help = (
        "Mencari berkas di penyimpanan media ("
        + ", ".join(PREFIKS)
        + ") yang tidak dirujuk baris mana pun, mis. sisa unggahan yang dibatalkan. "
        "Tanpa --hapus hanya mendaftar (uji coba); dengan --hapus menghapusnya. "
        "Berkas yang lebih muda dari --umur-menit dilewati (unggahan yang mungkin "
        "masih berjalan)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hapus",
            action="store_true",
            help="hapus berkas yatim yang ditemukan (tanpa ini: uji coba, tidak ada yang dihapus)",
        )
        parser.add_argument(
            "--umur-menit",
            type=int,
            default=int(UMUR_MINIMAL.total_seconds() // 60),
            help="umur minimal berkas yang boleh dihapus, dalam menit (bawaan %(default)s)",
        )

    def handle(self, *args, **options):
        umur = options["umur_menit"]
        if umur < 0:
            raise CommandError("--umur-menit tidak boleh negatif.")
        hapus = options["hapus"]
        hasil = sapu(hapus=hapus, umur_minimal=timedelta(minutes=umur))
        daftar = hasil.dihapus if hapus else hasil.yatim
        label = "Dihapus" if hapus else "Yatim"
        for b in daftar:
            ukuran = filesizeformat(b.ukuran) if b.ukuran is not None else "?"
            self.stdout.write(f"{label}: {b.nama} ({ukuran})")
        for nama, alasan in hasil.gagal:
            self.stderr.write(f"Gagal dihapus: {nama} ({alasan})")
        total = filesizeformat(sum(b.ukuran or 0 for b in daftar))
        if hapus:
            self.stdout.write(f"{len(hasil.dihapus)} berkas yatim dihapus ({total}).")
        else:
            self.stdout.write(
                f"{len(hasil.yatim)} berkas yatim ({total}). Uji coba: tidak ada yang "
                "dihapus; jalankan dengan --hapus untuk menghapusnya."
            )
        if hasil.terlalu_baru:
            self.stdout.write(
                f"{len(hasil.terlalu_baru)} berkas tak dirujuk dilewati karena lebih muda dari "
                f"{umur} menit (mungkin unggahan yang sedang berjalan)."
            )
        if hasil.gagal:
            raise CommandError(f"{len(hasil.gagal)} berkas tidak dapat dihapus.")
