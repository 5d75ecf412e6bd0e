"""Managed keywords (subjek): the one place a product's subjek are set and
duplicates merged, keeping the one-line copy on ProdukHukum.subjek (read by
the search index and the feed) equal to the managed list."""

from django.db import transaction
from django.db.models.functions import Lower

from . import kosakata
from .models import ProdukHukum, Subjek


def dapatkan_subjek(nama: str) -> Subjek:
    """The subjek of that name, whatever its case; created when new."""
    nama = kosakata.rapikan_subjek(nama)[: kosakata.PANJANG_SUBJEK]
    ada = Subjek.objects.annotate(kecil=Lower("nama")).filter(kecil=nama.lower()).first()
    return ada or Subjek.objects.create(nama=nama)


def setel_subjek(produk: ProdukHukum, daftar) -> list[Subjek]:
    """Give ``produk`` exactly these subjek (names, Subjek rows, or one
    ``;``/``,`` separated line)."""
    if isinstance(daftar, str):
        daftar = kosakata.pisah_subjek(daftar)
    daftar = [s.nama if isinstance(s, Subjek) else s for s in daftar]
    subjek = [dapatkan_subjek(n) for n in daftar if kosakata.rapikan_subjek(n)]
    produk.daftar_subjek.set(subjek)
    teks = kosakata.gabung_subjek([s.nama for s in subjek])
    if produk.subjek != teks:
        produk.subjek = teks
        produk.save(update_fields=["subjek", "diubah_pada"])
    return subjek


def teks_subjek(produk: ProdukHukum) -> str:
    return kosakata.gabung_subjek([s.nama for s in produk.daftar_subjek.order_by("nama")])


@transaction.atomic
def gabungkan_subjek(tujuan: Subjek, lainnya) -> int:
    """Merge the subjek in ``lainnya`` into ``tujuan``: their products get
    ``tujuan`` instead, then they are deleted. Returns the products touched."""
    lainnya = [s for s in lainnya if s.pk != tujuan.pk]
    if not lainnya:
        return 0
    produk = list(ProdukHukum.objects.filter(daftar_subjek__in=lainnya).distinct().order_by("pk"))
    for p in produk:
        p.daftar_subjek.add(tujuan)
        p.daftar_subjek.remove(*lainnya)
    Subjek.objects.filter(pk__in=[s.pk for s in lainnya]).delete()
    for p in produk:
        teks = teks_subjek(p)
        if p.subjek != teks:
            p.subjek = teks
            p.save(update_fields=["subjek", "diubah_pada"])
    return len(produk)
