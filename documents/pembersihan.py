"""Files leave storage with the rows that own them.

Deleting a row that holds files (a version's PDF and thumbnail, a salinan, a
posted image, a workflow attachment…) removes those files once the deletion
commits; a rolled-back deletion keeps them. A file whose row never committed
(an upload rolled back after its file was written) is found by the sweep
(``manage.py sapu_berkas``), which lists, and with ``--hapus`` removes, files
under the application's storage folders that no row references.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.utils import timezone

log = logging.getLogger(__name__)

# The folders of default_storage the application writes (the upload_to of
# every FileField/ImageField). The sweep looks nowhere else, so files an
# operator put beside them are never touched.
PREFIKS = (
    "produk/",  # VersiBerkas.berkas
    "thumbnail/",  # VersiBerkas.thumbnail
    "salinan/",  # Salinan.berkas
    "konten/",  # KontenTerbit.gambar
    "konten-draf/",  # workflow GambarKonten.berkas
    "penyusunan/",  # workflow Kelengkapan.berkas
    "tanda-terima/",  # workflow PenerimaSalinan.bukti
    "halaman/",  # GambarHalaman.berkas (page images for reading on phones)
    "logo-satker/",  # Satker.logo
    "nota-dinas/",  # workflow NotaDinas.berkas
    "profil/",  # profil BagianProfil.gambar (struktur organisasi)
)

# Younger files may belong to an upload whose row is not committed yet.
UMUR_MINIMAL = timedelta(hours=1)

_bidang_berkas: dict[type, tuple[str, ...]] = {}


def bidang_berkas(model) -> tuple[str, ...]:
    """Names of the model's file fields (ImageField is a FileField)."""
    if model not in _bidang_berkas:
        _bidang_berkas[model] = tuple(
            f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)
        )
    return _bidang_berkas[model]


def model_berkas() -> list[tuple[type, tuple[str, ...]]]:
    """Every installed model with file fields, and those fields."""
    return [(m, bidang_berkas(m)) for m in apps.get_models() if bidang_berkas(m)]


# --- removal with the row ------------------------------------------------------


def _hapus_jika_tak_dirujuk(model, berkas: list[tuple[str, object, str]]) -> None:
    # A name still held by a row of the same field stays (two versions with the
    # same content share a thumbnail name).
    nama = [n for _, _, n in berkas]
    masih = set()
    for bidang in {b for b, _, _ in berkas}:
        masih.update(
            model._base_manager.filter(**{f"{bidang}__in": nama}).values_list(bidang, flat=True)
        )
    for _, storage, n in berkas:
        if n in masih:
            continue
        try:
            storage.delete(n)
        except OSError:
            log.warning("Berkas %s tidak dapat dihapus", n)


def _setelah_baris_dihapus(sender, instance, using, **kwargs):
    berkas = []
    for nama_bidang in bidang_berkas(sender):
        f = getattr(instance, nama_bidang)
        if f and f.name:
            berkas.append((nama_bidang, f.storage, f.name))
    if berkas:
        # Only once the deletion commits: a rollback puts the row back, and
        # its files must still be there.
        transaction.on_commit(lambda: _hapus_jika_tak_dirujuk(sender, berkas), using=using)


def hubungkan() -> None:
    """Connect the removal to every model that holds files. Per model, not
    for every deletion: a receiver on all models would stop Django's fast
    bulk deletes everywhere."""
    for model, _ in model_berkas():
        post_delete.connect(
            _setelah_baris_dihapus,
            sender=model,
            dispatch_uid=f"documents.pembersihan.{model._meta.label_lower}",
        )


# --- the sweep ---------------------------------------------------------------


@dataclass
class BerkasYatim:
    nama: str
    ukuran: int | None
    diubah: datetime | None


@dataclass
class HasilSapu:
    yatim: list[BerkasYatim] = field(default_factory=list)
    terlalu_baru: list[str] = field(default_factory=list)
    dihapus: list[BerkasYatim] = field(default_factory=list)
    gagal: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ukuran_yatim(self) -> int:
        return sum(b.ukuran or 0 for b in self.yatim)


def _telusuri(storage, folder: str):
    """Every file name under ``folder`` (storage names, '/'-separated)."""
    try:
        subfolder, berkas = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for b in berkas:
        yield f"{folder.rstrip('/')}/{b}"
    for s in subfolder:
        yield from _telusuri(storage, f"{folder.rstrip('/')}/{s}")


def nama_dirujuk() -> set[str]:
    """Every file name any row holds, in any file field of any model."""
    dirujuk = set()
    for model, bidang in model_berkas():
        for b in bidang:
            dirujuk.update(
                model._base_manager.exclude(**{b: ""})
                .exclude(**{f"{b}__isnull": True})
                .values_list(b, flat=True)
                .iterator()
            )
    return dirujuk


def sapu(*, hapus: bool = False, umur_minimal: timedelta = UMUR_MINIMAL, storage=None):
    """Find files under PREFIKS that no row references; remove them when
    ``hapus``. Files younger than ``umur_minimal`` are left alone."""
    storage = storage or default_storage
    hasil = HasilSapu()
    # Listed before the references are read: a file whose row commits
    # meanwhile is then among the references.
    calon = [n for prefiks in PREFIKS for n in _telusuri(storage, prefiks)]
    dirujuk = nama_dirujuk()
    batas = timezone.now() - umur_minimal
    for nama in sorted(calon):
        if nama in dirujuk:
            continue
        try:
            diubah = storage.get_modified_time(nama)
        except (NotImplementedError, OSError):
            diubah = None
        if diubah is None or diubah > batas:
            # Unknown age counts as young: never remove what may be in flight.
            hasil.terlalu_baru.append(nama)
            continue
        try:
            ukuran = storage.size(nama)
        except (NotImplementedError, OSError):
            ukuran = None
        hasil.yatim.append(BerkasYatim(nama, ukuran, diubah))
    if hapus:
        for b in hasil.yatim:
            try:
                storage.delete(b.nama)
                hasil.dihapus.append(b)
            except OSError as exc:
                hasil.gagal.append((b.nama, str(exc)))
    return hasil
