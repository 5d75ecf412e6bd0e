from django.shortcuts import get_object_or_404, render

from documents.models import ProdukHukum


def beranda(request):
    terbaru = ProdukHukum.objects.terbit().select_related("jenis", "satker")[:10]
    return render(request, "publicsite/beranda.html", {"terbaru": terbaru})


def detail(request, satker, pk, slug):
    produk = get_object_or_404(
        ProdukHukum.objects.terbit().select_related("jenis", "satker"), pk=pk, satker__slug=satker
    )
    return render(request, "publicsite/detail.html", {"produk": produk})
