"""Public pages of one Satker: its profile and its contact form."""

from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from . import kontak as penjaga
from .forms import KontakForm
from .layanan import kirim_pesan
from .sanitasi import teks_polos
from .selectors import bagian_profil, bagian_terisi, satker_publik

UMUR_GAMBAR = 3600


@require_GET
def profil(request, satker):
    satker = satker_publik(satker)
    bagian = bagian_terisi(satker)
    ringkasan = [(b, teks_polos(b.isi)) for b in bagian]
    return render(
        request,
        "profil/profil.html",
        {"satker": satker, "menu": bagian, "ringkasan": ringkasan},
    )


@require_GET
def profil_bagian(request, satker, bagian):
    satker = satker_publik(satker)
    b = bagian_profil(satker, bagian)
    return render(
        request,
        "profil/profil_bagian.html",
        {"satker": satker, "bagian": b, "menu": bagian_terisi(satker)},
    )


@require_GET
def profil_gambar(request, satker, bagian):
    """The chart of a section; media are served only through a view."""
    b = bagian_profil(satker_publik(satker), bagian)
    if not b.gambar:
        raise Http404("Bagian ini tidak bergambar.")
    etag = quote_etag(b.gambar_sha256) if b.gambar_sha256 else None
    tidak_berubah = get_conditional_response(request, etag=etag)
    if tidak_berubah is not None:
        patch_cache_control(tidak_berubah, public=True, max_age=UMUR_GAMBAR)
        return tidak_berubah
    try:
        isi = b.gambar.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Gambar tidak ditemukan.") from exc
    jenis = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp"}.get(
        b.gambar.name.rsplit(".", 1)[-1], "application/octet-stream"
    )
    respons = FileResponse(isi, content_type=jenis)
    patch_cache_control(respons, public=True, max_age=UMUR_GAMBAR)
    if etag:
        respons["ETag"] = etag
    return respons


def _formulir_kembali(form, satker):
    """The form as sent, for another try: the honeypot emptied and, when the
    token was refused, a fresh one; everything the person typed stays."""
    data = form.data.copy()
    data["situs"] = ""
    if form.token_baru:
        data["token"] = penjaga.buat_token(satker.pk)
    # The errors are already computed; the fields now render from this data.
    form.data = data
    return form


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def kontak(request, satker):
    satker = satker_publik(satker)
    status = 200
    if request.method == "POST":
        form = KontakForm(request.POST, satker=satker)
        if penjaga.sudah_melewati_batas(request):
            form.is_valid()
            form.add_error(
                None,
                "Terlalu banyak pesan dari jaringan Anda dalam waktu singkat. Mohon coba lagi "
                "sekitar satu jam lagi; isian Anda tetap tersimpan di bawah ini.",
            )
            status = 429
        elif form.is_valid():
            d = form.cleaned_data
            kirim_pesan(
                satker, nama=d["nama"], email=d["email"], kategori=d["kategori"], pesan=d["pesan"]
            )
            penjaga.catat_kiriman(request)
            return redirect("publicsite:kontak-terkirim", satker.slug)
        form = _formulir_kembali(form, satker)
    else:
        form = KontakForm(initial={"token": penjaga.buat_token(satker.pk)}, satker=satker)
    return render(
        request,
        "profil/kontak.html",
        {"satker": satker, "form": form, "menu": bagian_terisi(satker)},
        status=status,
    )


@require_GET
def kontak_terkirim(request, satker):
    satker = satker_publik(satker)
    return render(request, "profil/kontak_terkirim.html", {"satker": satker})
