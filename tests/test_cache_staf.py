"""Staff pages and non-public files answer ``Cache-Control: private,
no-store``: no shared proxy or browser disk keeps a draft or another user's
page. Public pages keep their own caching."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, TestCase
from django.urls import reverse
from django.views.decorators.cache import never_cache

from documents.berkas import tambah_lampiran
from jdih.middleware_staf import CacheStafMiddleware
from tests import konten_helpers, penyusunan_helpers
from tests.alur_helpers import ajukan, buat_tim
from tests.factories import buat_produk, pdf_teks, unggahan
from workflow.konten import layanan as layanan_konten

pytestmark = pytest.mark.django_db

PRIVAT = "private, no-store"


def _tertutup(respons):
    nilai = respons.get("Cache-Control", "")
    bagian = {b.strip() for b in nilai.lower().split(",")}
    return {"private", "no-store"} <= bagian


def test_halaman_staf_tidak_disimpan_cache(client):
    tim = buat_tim()
    p = ajukan(tim)
    client.force_login(tim.kasubbag)
    for url in (
        reverse("workflow:tugas-saya"),
        reverse("workflow:tugas-saya") + "?lingkup=semua",
        p.get_absolute_url(),
        reverse("workflow:aksi", args=[p.pk, "disposisi"]),
        reverse("workflow:disposisi-cetak", args=[p.pk]) + "x",  # a 404 under /staf/
        reverse("workflow:evaluasi"),
    ):
        respons = client.get(url)
        assert respons["Cache-Control"] == PRIVAT, url


def test_pengalihan_ke_halaman_masuk_pun_tidak_disimpan(client):
    respons = client.get(reverse("workflow:tugas-saya"))
    assert respons.status_code == 302
    assert respons["Cache-Control"] == PRIVAT
    assert _tertutup(client.get(reverse("login")))


def test_berkas_draf_dan_lampiran_staf_tidak_disimpan(client):
    tim = buat_tim()
    p = ajukan(tim)
    with TestCase.captureOnCommitCallbacks(execute=True):
        lampiran = tambah_lampiran(p.produk, "Daftar Nama", unggahan(pdf_teks("Daftar nama")))
    client.force_login(tim.pengelola)
    naskah = client.get(reverse("workflow:berkas", args=[p.pk, p.nota_dinas.naskah_asli_id]))
    assert naskah.status_code == 200 and naskah["Content-Type"] == "application/pdf"
    assert naskah["Cache-Control"] == PRIVAT
    versi = lampiran.versi_terbaru()
    respons = client.get(reverse("workflow:lampiran-pdf", args=[p.pk, versi.pk]))
    assert respons.status_code == 200
    assert respons["Cache-Control"] == PRIVAT


def test_berkas_penyusunan_tidak_disimpan(client):
    tim = penyusunan_helpers.buat_tim_penyusunan()
    p = penyusunan_helpers.mulai(tim)
    k = penyusunan_helpers.kelengkapan(p, tim.pengusul, penyusunan_helpers.K.KAK)
    client.force_login(tim.pengusul)
    for url in (
        reverse("workflow:penyusunan", args=[p.pk]),
        reverse("workflow:penyusunan-draft-pdf", args=[p.pk, 1]),
        reverse("workflow:penyusunan-kelengkapan-berkas", args=[p.pk, k.pk]),
    ):
        respons = client.get(url)
        assert respons.status_code == 200, url
        assert respons["Cache-Control"] == PRIVAT, url


def test_gambar_konten_staf_tidak_disimpan_walau_tampilan_mengizinkan_cache_pribadi(client):
    tim = konten_helpers.buat_tim_konten()
    k = konten_helpers.disposisi(tim)
    g = layanan_konten.tambah_gambar(tim.staf, k, konten_helpers.gambar_unggahan())
    client.force_login(tim.staf)
    respons = client.get(reverse("workflow:konten-gambar-berkas", args=[k.pk, g.pk]))
    assert respons.status_code == 200 and respons["Content-Type"].startswith("image/")
    # The view's own "private, max-age=3600" is weaker: replaced, not merged.
    assert respons["Cache-Control"] == PRIVAT


def test_admin_tidak_disimpan(admin_client):
    for url in ("/admin/", "/admin/documents/produkhukum/", "/admin/login/"):
        assert _tertutup(admin_client.get(url)), url


def test_halaman_publik_tidak_diubah(client):
    produk = buat_produk()
    for url in ("/", produk.get_absolute_url()):
        respons = client.get(url)
        assert respons.status_code == 200, url
        nilai = respons.get("Cache-Control", "").lower()
        assert "no-store" not in nilai and "private" not in nilai, url
    unduh = client.get(
        reverse("publicsite:unduh", args=[produk.satker.slug, produk.pk, produk.slug])
    )
    assert unduh["Cache-Control"] == "no-cache"


def _melalui(path, view):
    request = RequestFactory().get(path)
    return CacheStafMiddleware(view)(request)


def test_header_tampilan_yang_lebih_ketat_dipertahankan():
    ketat = _melalui("/staf/x/", never_cache(lambda r: HttpResponse("ok")))
    assert "no-store" in ketat["Cache-Control"] and "must-revalidate" in ketat["Cache-Control"]


def test_header_tampilan_yang_lebih_longgar_diganti():
    def longgar(request):
        respons = HttpResponse("ok")
        respons["Cache-Control"] = "public, max-age=600"
        respons["Expires"] = "Thu, 01 Jan 2099 00:00:00 GMT"
        return respons

    respons = _melalui("/admin/x/", longgar)
    assert respons["Cache-Control"] == PRIVAT
    assert "Expires" not in respons
    publik = _melalui("/kpu-ri/", longgar)
    assert publik["Cache-Control"] == "public, max-age=600"
