"""What the public catalogue export lists: exactly the products the search
page would list for the same criteria, over all its pages, published only."""

from documents.models import StatusPublikasi

from . import selectors

# The most rows one public export returns. CSV is streamed as it is read
# (100,000 products: ~35 MB, a few seconds of a web worker); an XLSX file must
# be written whole before its first byte leaves, at ~1 s per 1,500 products,
# so it stops sooner (the file says so on its "Keterangan" sheet). Past these,
# a reader wants the JDIHN feed or a staff export, not the portal.
BATAS_EKSPOR = 100_000
BATAS_EKSPOR_XLSX = 20_000


def produk_ekspor(k: selectors.Kriteria):
    """The search's own queryset (its filters and its order, see
    ``selectors.cari_produk``), and how many matches its relevance window
    held (None when there is no window). A keyword search sorted by
    relevance ranks a bounded set of candidates (``selectors._calon_relevansi``:
    up to ``selectors.BATAS_HASIL`` per tier), so its export holds those;
    sorted by date it holds every match."""
    hasil = selectors.cari_produk(k)
    jendela = getattr(hasil, "jumlah_diketahui", None)
    # cari_produk starts from the published products already; said again here
    # because a leak in this file would publish drafts in bulk.
    return hasil.filter(status_publikasi=StatusPublikasi.TERBIT), jendela
