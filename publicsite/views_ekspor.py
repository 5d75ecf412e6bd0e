"""/cari/ekspor.csv and /cari/ekspor.xlsx: the public search's results, all
of them, as a spreadsheet (documents.ekspor writes it)."""

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from documents import ekspor as berkas_ekspor

from . import selectors, selectors_ekspor
from .forms import CariForm

TIPE = {"csv": "text/csv; charset=utf-8", "xlsx": berkas_ekspor.TIPE_XLSX}


def _ribuan(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@require_safe
def ekspor(request, format):
    if format not in TIPE:
        raise Http404("Format ekspor tidak dikenal; pilih csv atau xlsx.")
    # The same form as /cari/: a bad filter value is dropped, the rest applies;
    # keywords that cannot be searched give an empty file, as /cari/ lists nothing.
    form = CariForm(request.GET or None)
    kriteria = form.kriteria() if form.is_bound else selectors.Kriteria()
    nama = berkas_ekspor.nama_berkas(format)
    if request.method == "HEAD":
        # A HEAD asks about the download; writing the file would be wasted.
        respons = HttpResponse(content_type=TIPE[format])
        respons["Content-Disposition"] = f'attachment; filename="{nama}"'
        return respons
    qs, jendela = selectors_ekspor.produk_ekspor(kriteria)
    dasar_url = request.build_absolute_uri("/").rstrip("/")
    if format == "csv":
        respons = berkas_ekspor.respons_csv(
            qs, nama, dasar_url=dasar_url, batas=selectors_ekspor.BATAS_EKSPOR
        )
    else:
        params = request.GET.copy()
        params.pop("halaman", None)
        sumber = dasar_url + reverse("publicsite:cari")
        if params:
            sumber += "?" + params.urlencode()
        keterangan = [
            ("Sumber", sumber),
            ("Diekspor pada", timezone.localtime().strftime("%Y-%m-%d %H:%M")),
        ]
        if form.kueri_ditolak:
            # The file is empty on purpose; say why where a reader looks.
            keterangan.append(("Kata kunci", " ".join(form.errors["q"])))
        if jendela is not None and jendela >= selectors.BATAS_HASIL:
            keterangan.append(
                (
                    "Urutan",
                    f"Menurut relevansi: lebih dari {_ribuan(selectors.BATAS_HASIL)} produk "
                    "cocok; yang diperingkat adalah yang judul/nomornya persis, yang "
                    "metadatanya memuat semua kata, dan yang terbaru. Pilih urutan tanggal "
                    "untuk semua yang cocok.",
                )
            )
        respons = berkas_ekspor.respons_xlsx(
            qs,
            nama,
            dasar_url=dasar_url,
            batas=selectors_ekspor.BATAS_EKSPOR_XLSX,
            keterangan=keterangan,
        )
    respons["X-Robots-Tag"] = "noindex"
    return respons
