"""Every URL under /staf/ and /admin/ demands login: walked from the URL
resolver, so a view added tomorrow is checked without touching this test."""

import re
from urllib.parse import urlparse

import pytest
from django.urls import URLResolver, get_resolver, resolve

from tests.alur_helpers import ajukan, buat_tim
from tests.konten_helpers import buat_tim_konten, disposisi
from tests.penyusunan_helpers import buat_tim_penyusunan, mulai

# Anonymous visitors legitimately see these.
TERBUKA = {"admin:login"}
# Django's admin sends a visitor with no session from logout to the admin
# index, which then demands login (checked too, as admin:index).
ALIH_LAIN = {"admin:logout": "/admin/"}

_CONTOH_KONVERTER = {"int": "1", "str": "x", "slug": "x", "path": "1", "uuid": "0" * 32}


def _isi_rute(rute, nilai):
    """A route like ``<int:pk>/draft/`` with real values filled in."""

    def ganti(m):
        konverter, nama = m.group(1) or "str", m.group(2)
        return nilai(nama, konverter)

    return re.sub(r"<(?:(\w+):)?(\w+)>", ganti, rute)


def _isi_regex(pola, nilai):
    """A regex route (the admin's app index and catch-all) made concrete."""
    pola = pola.removeprefix("^").removesuffix("$").removesuffix(r"\Z")

    def ganti(m):
        nama, isi = m.group(1), m.group(2)
        if re.fullmatch(r"[\w-]+(\|[\w-]+)*", isi):
            return isi.split("|")[0]
        return nilai(nama, "int" if r"\d" in isi else "str")

    pola = re.sub(r"\(\?P<(\w+)>((?:[^()]|\([^()]*\))*)\)", ganti, pola)
    return pola.replace("\\", "")


def _bagian(pattern, nilai):
    if hasattr(pattern, "_route"):
        return _isi_rute(pattern._route, nilai)
    return _isi_regex(pattern._regex, nilai)


def semua_url(awalan, nilai_untuk):
    """(name, concrete path) of every pattern whose path starts with
    ``awalan``; ``nilai_untuk(name)`` gives a ``nilai(kwarg, converter)`` for
    the pattern's parameters. Each path is checked to resolve back to it."""
    hasil = []

    def jalan(resolver, jalur, ruang_nama):
        for p in resolver.url_patterns:
            if isinstance(p, URLResolver):
                ns = [*ruang_nama, p.namespace] if p.namespace else ruang_nama
                jalan(p, [*jalur, p], ns)
                continue
            nama = ":".join([*ruang_nama, p.name]) if p.name else p.lookup_str
            nilai = nilai_untuk(nama)
            alamat = "/" + "".join(_bagian(q.pattern, nilai) for q in [*jalur, p])
            if not alamat.startswith(awalan):
                continue
            cocok = resolve(alamat)
            assert cocok.func == p.callback, f"{nama}: {alamat} -> {cocok.view_name}"
            hasil.append((nama, alamat))

    jalan(get_resolver(), [], [])
    assert hasil, awalan
    return hasil


def objek_nyata():
    """One object of each kind the staff URLs address, so that an id in the
    path exists and a view cannot hide a missing login behind a 404."""
    tim = buat_tim()
    p = ajukan(tim)
    tim_sk = buat_tim_penyusunan()
    sk = mulai(tim_sk)
    tim_k = buat_tim_konten()
    k = disposisi(tim_k)
    ids = {
        "permohonan": p.pk,
        "versi": p.produk.versi.get().pk,
        "penyusunan": sk.pk,
        "revisi": sk.draft.get().revisi,
        "konten": k.pk,
        "produk": p.produk_id,
    }

    def nilai_untuk(nama):
        def nilai(kwarg, konverter):
            if kwarg == "pk":
                if "penyusunan" in nama:
                    return str(ids["penyusunan"])
                if "konten" in nama:
                    return str(ids["konten"])
                return str(ids["permohonan"])
            if kwarg == "versi_pk":
                return str(ids["versi"])
            if kwarg == "revisi":
                return str(ids["revisi"])
            if kwarg == "object_id":
                return str(ids["produk"])
            return _CONTOH_KONVERTER.get(konverter, "x")

        return nilai

    return nilai_untuk


@pytest.mark.django_db
def test_setiap_url_staf_dan_admin_mengalihkan_tamu_ke_halaman_masuk(client):
    nilai_untuk = objek_nyata()
    diperiksa, salah = 0, []
    for awalan, halaman_masuk in [("/staf/", "/masuk/"), ("/admin/", "/admin/login/")]:
        for nama, alamat in semua_url(awalan, nilai_untuk):
            if nama in TERBUKA:
                continue
            respons = client.get(alamat)
            diperiksa += 1
            if respons.status_code in (404, 405):
                continue
            tujuan = urlparse(respons.get("Location", "")).path
            if respons.status_code != 302 or tujuan != ALIH_LAIN.get(nama, halaman_masuk):
                salah.append(f"{alamat} ({nama}): {respons.status_code} {tujuan}")
    assert salah == []
    assert diperiksa > 40


@pytest.mark.django_db
def test_penjelajah_url_mengisi_parameter_dan_menemukan_pola_bersarang():
    nilai_untuk = objek_nyata()
    staf = dict(semua_url("/staf/", nilai_untuk))
    assert staf["workflow:tugas-saya"] == "/staf/"
    assert re.fullmatch(
        r"/staf/penyusunan/\d+/draft/\d+/pdf/", staf["workflow:penyusunan-draft-pdf"]
    )
    admin = dict(semua_url("/admin/", nilai_untuk))
    assert "admin:documents_produkhukum_change" in admin
    assert "admin:login" in admin
