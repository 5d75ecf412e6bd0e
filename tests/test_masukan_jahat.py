"""Hostile input: the same table of bad values thrown at every public page,
filter and staff form. Whatever arrives, the answer is a page (a form
error, a 4xx), never a 500, and a refused form leaves nothing behind.

Each request runs in its own savepoint, so a database error in one (which
would abort the test's transaction on PostgreSQL) cannot hide the others;
each test collects every failing (field, value) pair and reports them all."""

import csv
from datetime import date
from urllib.parse import quote

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import Client, TestCase
from django.urls import reverse

from documents import batas
from documents.models import ProdukHukum, StatusPublikasi
from tests.alur_helpers import ajukan, buat_tim, majukan
from tests.factories import buat_jenis, buat_produk, pdf_bytes, unggahan
from tests.konten_helpers import buat_tim_konten, simpan_konsep
from tests.konten_helpers import disposisi as disposisi_konten
from tests.penyusunan_helpers import buat_tim_penyusunan, mulai
from tests.penyusunan_helpers import majukan as majukan_penyusunan
from workflow.konten.models import KontenMedsos
from workflow.models import JejakAudit, Permohonan, Status
from workflow.penyusunan.models import PenyusunanKeputusan, StatusPenyusunan

pytestmark = pytest.mark.django_db

SATU_MB = "pemilu " * 150_000  # 1.05 MB of words
NILAI_JAHAT = {
    "nul": "\x00",
    "nul-di-tengah": "12\x00/PL",
    "10k-karakter": "x" * 10_000,
    "1-mb": SATU_MB,
    "desimal": "1.5",
    "huruf": "abc",
    "negatif": "-1",
    "tahun-9999": "9999-12-31",
    "tanggal-nol": "0000-00-00",
    "skrip": "<script>alert(1)</script>",
    "sql": "' OR 1=1--",
    "rtl": "\u202etxt.exe\u202c",
    "lebar-nol": "a\u200b\u200db\ufeff",
    "emoji": "🗳️😀",
    "crlf": "1/PL\r\nSet-Cookie: x=1",
    "bilangan-raksasa": "9" * 30,
    "persen": "%",
    "spasi": "   ",
    "larik": ["1", "2"],  # ?x=1&x=2
}


def _klien(user=None) -> Client:
    c = Client(raise_request_exception=False)
    if user is not None:
        c.force_login(user)
    return c


def _habiskan(r):
    """Read a streamed body: an error while streaming is a 500 too."""
    if getattr(r, "streaming", False):
        b"".join(r.streaming_content)
    return r


def minta(klien, metode, url, data=None, **kw):
    """One request in its own savepoint; an exception while streaming counts as 500."""
    sid = transaction.savepoint()
    try:
        r = _habiskan(getattr(klien, metode)(url, data if data is not None else {}, **kw))
        status = r.status_code
    except Exception as exc:  # a streamed body that failed half-way
        r, status = exc, 599
    if status >= 500:
        transaction.savepoint_rollback(sid)
    else:
        transaction.savepoint_commit(sid)
    return r, status


def serang_get(klien, url, parameter, dasar=None, satu_satu=False):
    """Every hostile value in the parameters of ``url``: all of them at once
    (each field is checked on its own), or one at a time with the others as
    in ``dasar`` (so that what runs after a valid form sees it); the failures."""
    gagal = []
    kelompok = [[n] for n in parameter] if satu_satu else [list(parameter)]
    for nama in kelompok:
        for label, nilai in NILAI_JAHAT.items():
            _, status = minta(klien, "get", url, {**(dasar or {}), **dict.fromkeys(nama, nilai)})
            if status >= 500:
                gagal.append((url, ",".join(nama), label, status))
    return gagal


def serang_post(klien, url, bidang, dasar, keadaan=None, **kw):
    """Every hostile value in every field of the form at ``url``, the other
    fields as in ``dasar``: no 500, and a refused form (no redirect) leaves
    ``keadaan()`` as it was."""
    gagal = []
    for nama in bidang:
        for label, nilai in NILAI_JAHAT.items():
            sebelum = keadaan() if keadaan else None
            r, status = minta(klien, "post", url, {**dasar, nama: nilai}, **kw)
            if status >= 500:
                gagal.append((url, nama, label, status))
            elif keadaan and status != 302 and keadaan() != sebelum:
                gagal.append((url, nama, label, "tersimpan walau ditolak"))
    return gagal


# --- the public portal ------------------------------------------------------------

PARAMETER_CARI = [
    "q",
    "jenis",
    "tipe",
    "tahun",
    "nomor",
    "status",
    "satker",
    "bidang",
    "urut",
    "tanggal_dari",
    "tanggal_sampai",
]


@pytest.fixture
def produk_publik():
    return buat_produk(judul="Penetapan Daftar Pemilih Tetap Pemilu", abstrak="Tentang pemilu.")


def test_pencarian_dan_ekspor_tidak_pernah_500(produk_publik):
    klien = _klien()
    gagal = []
    for url in ["/cari/", "/cari/ekspor.csv"]:
        gagal += serang_get(klien, url, [*PARAMETER_CARI, "halaman"])
        # Each filter hostile while a search runs, so the search path sees it too.
        gagal += serang_get(klien, url, PARAMETER_CARI, dasar={"q": "pemilu"}, satu_satu=True)
    gagal += serang_get(klien, "/cari/ekspor.xlsx", ["q", "tahun", "jenis"])
    assert gagal == []


def test_halaman_publik_dengan_parameter_aneh_tidak_pernah_500(produk_publik):
    p = produk_publik
    s = p.satker.slug
    dasar = f"/{s}/produk/{p.pk}-{p.slug}/"
    halaman = [
        "/",
        "/statistik/",
        f"/{s}/",
        "/konten/",
        f"/{s}/konten/",
        dasar,
        dasar + "unduh/",
        dasar + "pratinjau/",
        "/umpan/terbaru.xml",
        f"/{s}/umpan/terbaru.xml",
        "/integrasi/jdihn.json",
        f"/{s}/integrasi/jdihn.json",
        "/sitemap.xml",
        "/sitemap-produk.xml",
        "/sitemap-konten.xml",
        "/robots.txt",
    ]
    klien = _klien()
    gagal = []
    for url in halaman:
        gagal += serang_get(klien, url, ["halaman", "p", "x"])
    assert gagal == []


ALAMAT_ANEH = [
    "abc",
    "0",
    "-1",
    "1.5",
    "9" * 30,
    "%00",
    "a%00b",
    "%0D%0A",
    "..",
    "x" * 1000,
    quote("<script>"),
    quote("' OR 1=1--"),
    quote("\u202eabc"),
    quote("🗳️"),
    "9999-12-31",
]


def test_alamat_detail_dan_unduhan_dengan_slug_aneh_tidak_pernah_500(produk_publik):
    p = produk_publik
    s = p.satker.slug
    pola = [
        "/{a}/",
        "/{a}/produk/{pk}-{a}/",
        "/{s}/produk/{pk}-{a}/",
        "/{s}/produk/{a}-{slug}/",
        "/{s}/produk/{pk}-{slug}/unduh/",
        "/{s}/produk/{pk}-{a}/pratinjau/",
        "/{s}/produk/{pk}-{slug}/versi/{a}/unduh/",
        "/{s}/produk/{pk}-{slug}/kartu-{a}.png",
        "/{s}/produk/{pk}-{slug}/abstrak/{a}",
        "/{s}/produk/{pk}-{slug}/lampiran/{a}/{a}.pdf",
        "/{a}/konten/",
        "/{a}/umpan/terbaru.xml",
        "/{a}/integrasi/jdihn.json",
        "/integrasi/berkas/{a}/{a}.pdf",
        "/integrasi/berkas/{pk}/{a}",
        "/konten/{a}/",
        "/konten/{a}/gambar",
        "/verifikasi/{a}/",
        "/sitemap-{a}.xml",
        "/cari/ekspor.{a}",
    ]
    klien = _klien()
    gagal = []
    for templat in pola:
        for a in ALAMAT_ANEH:
            url = templat.format(a=a, s=s, pk=p.pk, slug=p.slug)
            _, status = minta(klien, "get", url)
            if status >= 500:
                gagal.append((url[:120], status))
    # Besides: huge ids that are digits only reach the views (the int converter).
    for url in [
        f"/{s}/produk/{'9' * 30}-{p.slug}/",
        f"/{s}/produk/{p.pk}-{p.slug}/versi/{'9' * 30}/unduh/",
        f"/{s}/produk/{p.pk}-{p.slug}/lampiran/{'9' * 30}/x.pdf",
        f"/integrasi/berkas/{'9' * 30}/x.pdf",
        f"/konten/{'9' * 30}/",
        f"/konten/{'9' * 30}/gambar",
    ]:
        _, status = minta(klien, "get", url)
        if status >= 500:
            gagal.append((url[:120], status))
    assert gagal == []


def test_kode_verifikasi_aneh_dijawab_404():
    klien = _klien()
    for kode in ["abc", "x" * 64, "x" * 65, "%00" * 20, "A" * 22 + "%00", quote("🗳️" * 10)]:
        r, status = minta(klien, "get", f"/verifikasi/{kode}/")
        assert status == 404, kode


# --- staff lists, filters, and forms ------------------------------------------------


@pytest.fixture
def tim():
    """An office with its SOP roles, a published product, and a request
    waiting for the Pengelola's preparation."""
    t = buat_tim()
    t.produk = buat_produk(t.satker)
    t.permohonan = majukan(ajukan(t), t, Status.DIDISPOSISI)
    return t


def _jejak():
    return (
        JejakAudit.objects.count(),
        Permohonan.objects.count(),
        ProdukHukum.objects.count(),
        PenyusunanKeputusan.objects.count(),
        KontenMedsos.objects.count(),
    )


def test_daftar_dan_saringan_staf_tidak_pernah_500(tim):
    gagal = []
    for user in (tim.pengusul, tim.kasubbag, tim.pengelola):
        klien = _klien(user)
        gagal += serang_get(klien, "/staf/", ["status", "jenis", "nomor", "lingkup", "halaman"])
    klien = _klien(tim.kasubbag)
    gagal += serang_get(
        klien, "/staf/evaluasi/", ["satker", "prosedur", "dari", "sampai", "format"]
    )
    dasar = {"dari": "2024-01-01", "sampai": "2024-06-30", "format": "csv"}
    gagal += serang_get(
        klien, "/staf/evaluasi/", ["satker", "prosedur", "dari", "sampai"], dasar, satu_satu=True
    )
    klien = _klien(tim.pengusul)
    gagal += serang_get(klien, "/staf/permohonan/penurunan/", ["produk", "q"])
    gagal += serang_get(klien, "/staf/subjek/saran/", ["q"])
    gagal += serang_get(klien, f"/staf/permohonan/{tim.permohonan.pk}/", ["x"])
    assert gagal == []


@pytest.mark.parametrize("nilai", ["abc", "%00", "\x00", "1.5", "-1", "9" * 30, "1e3", " 1"])
def test_usulan_penurunan_dengan_produk_bukan_bilangan_dijawab_4xx(tim, nilai):
    """Issue 11 item 6: `?produk=abc` answered 500 (ValueError from the pk lookup)."""
    sebelum = _jejak()
    klien = _klien(tim.pengusul)
    alamat = "/staf/permohonan/penurunan/"
    _, status = minta(klien, "get", alamat, {"produk": nilai})
    assert 400 <= status < 500
    _, status = minta(
        klien,
        "post",
        f"{alamat}?produk={quote(nilai)}",
        {"alasan": "Salah", "nota_nomor": "1", "nota_tanggal": "2024-01-01"},
    )
    assert 400 <= status < 500
    assert _jejak() == sebelum


@pytest.mark.parametrize("sampai", ["9999-12-31", "9999-01-01"])
def test_evaluasi_periode_sampai_tahun_9999_adalah_galat_formulir(tim, sampai):
    """Issue 11 item 6: the day after 9999-12-31 overflowed (500)."""
    klien = _klien(tim.kasubbag)
    for format in ("", "csv"):
        r, status = minta(
            klien,
            "get",
            "/staf/evaluasi/",
            {"satker": tim.satker.pk, "prosedur": "unggah", "dari": "2024-01-01", "sampai": sampai}
            | ({"format": format} if format else {}),
        )
        assert status == 200
        assert r.context["form"].errors.get("sampai")


def _data_metadata(produk, **ubah):
    from workflow.forms import MetadataForm

    form = MetadataForm(instance=produk)
    data = {}
    for nama, bf in form.fields.items():
        nilai = form.initial.get(nama, bf.initial)
        if nilai is None:
            continue
        if hasattr(nilai, "pk"):
            nilai = nilai.pk
        elif isinstance(nilai, date):
            nilai = nilai.isoformat()
        elif isinstance(nilai, bool):
            if not nilai:
                continue
        data[nama] = nilai
    data.setdefault("tanggal_penetapan", "2024-01-02")
    data.update(ubah)
    data["simpan_metadata"] = "1"
    return data


def _produk_kini(produk):
    return tuple(ProdukHukum.objects.filter(pk=produk.pk).values_list().get())


def test_formulir_siapkan_menolak_nilai_jahat_tanpa_500(tim):
    p = tim.permohonan
    klien = _klien(tim.pengelola)
    url = reverse("workflow:siapkan", args=[p.pk])
    dasar = _data_metadata(p.produk)
    bidang = [b for b in dasar if b != "simpan_metadata"]
    gagal = serang_post(klien, url, bidang, dasar, lambda: _produk_kini(p.produk))
    # The file form: a hostile note, and no file or not a PDF.
    gagal += serang_post(
        klien, url, ["keterangan_perbaikan", "berkas"], {"unggah_berkas": "1"}, _jejak
    )
    assert gagal == []


@pytest.mark.parametrize("bidang", ["judul", "abstrak", "abstrak_dasar_hukum", "abstrak_catatan"])
def test_judul_atau_abstrak_satu_mb_ditolak_di_formulir_siapkan(tim, bidang):
    """Issue 11 item 6: judul and abstrak had no limit (a 1 MB one was stored,
    and published it would overflow the search index)."""
    p = tim.permohonan
    klien = _klien(tim.pengelola)
    sebelum = _produk_kini(p.produk)
    r, status = minta(
        klien,
        "post",
        reverse("workflow:siapkan", args=[p.pk]),
        _data_metadata(p.produk, **{bidang: SATU_MB}),
    )
    assert status == 200
    assert r.context["meta"].errors.get(bidang)
    assert _produk_kini(p.produk) == sebelum


@pytest.mark.parametrize(
    "nomor", ["1/PL\r\n2", "1\n/PL", "1/PL\t2", "1\x0b2", "1\u202e2", "1\u200b2", "1\x1b[31m"]
)
def test_nomor_dengan_karakter_kendali_ditolak_dengan_pesan_jelas(tim, nomor):
    """Issue 11 item 6: a nomor with CR/LF (or an invisible character) was stored."""
    p = tim.permohonan
    klien = _klien(tim.pengelola)
    sebelum = _produk_kini(p.produk)
    r, status = minta(
        klien,
        "post",
        reverse("workflow:siapkan", args=[p.pk]),
        _data_metadata(p.produk, nomor=nomor),
    )
    assert status == 200
    pesan = " ".join(r.context["meta"].errors.get("nomor", []))
    assert "satu baris" in pesan
    assert _produk_kini(p.produk) == sebelum

    # The same rule where a nomor first enters: the Pengusul's request form.
    klien = _klien(tim.pengusul)
    jumlah = Permohonan.objects.count()
    r, status = minta(
        klien,
        "post",
        reverse("workflow:permohonan-baru"),
        {
            "satker": tim.satker.pk,
            "jenis": buat_jenis().pk,
            "nomor": nomor,
            "tahun": "2024",
            "judul": "Uji",
            "nota_nomor": "1/ND",
            "nota_tanggal": "2024-01-01",
            "nota_perihal": "Uji",
            "nota_dari": "Uji",
            "nota_kepada": "Uji",
            "berkas": unggahan(pdf_bytes()),
        },
    )
    assert status == 200
    assert "satu baris" in " ".join(r.context["form"].errors.get("nomor", []))
    assert Permohonan.objects.count() == jumlah


def test_ubah_jenis_nomor_tahun_ke_milik_produk_lain_adalah_galat_formulir(tim):
    """Changing the identity to another product's of the same office is a
    form error, not an IntegrityError (validate_unique with the satker)."""
    p = tim.permohonan
    lain = tim.produk
    klien = _klien(tim.pengelola)
    sebelum = _produk_kini(p.produk)
    r, status = minta(
        klien,
        "post",
        reverse("workflow:siapkan", args=[p.pk]),
        _data_metadata(p.produk, jenis=lain.jenis_id, nomor=lain.nomor, tahun=str(lain.tahun)),
    )
    assert status == 200
    assert r.context["meta"].errors
    assert _produk_kini(p.produk) == sebelum


def test_formulir_permohonan_dan_langkah_sop_tanpa_500(tim):
    gagal = []
    klien = _klien(tim.pengusul)
    dasar = {
        "satker": tim.satker.pk,
        "jenis": tim.produk.jenis_id,
        "nomor": "77/PL.01-Kpt/2024",
        "tahun": "2024",
        "judul": "Uji",
        "nota_nomor": "1/ND",
        "nota_tanggal": "2024-01-01",
        "nota_perihal": "Uji",
        "nota_dari": "Uji",
        "nota_kepada": "Uji",
    }
    # Without a file the form is always refused: every field's check runs,
    # nothing may be saved.
    gagal += serang_post(
        klien, reverse("workflow:permohonan-baru"), [*dasar, "berkas"], dasar, _jejak
    )
    url = f"/staf/permohonan/penurunan/?produk={tim.produk.pk}"
    dasar = {"alasan": "Salah lampiran", "nota_nomor": "1/ND", "nota_perihal": "Uji"}
    dasar |= {"nota_dari": "Uji", "nota_kepada": "Uji"}
    gagal += serang_post(klien, url, [*dasar, "nota_tanggal"], dasar, _jejak)
    # Every action form of sop 000-002, by someone who sees the request.
    from workflow.views import AKSI

    p = tim.permohonan
    for kode, spec in AKSI.items():
        form = spec.form(permohonan=p, prefix=kode)
        for user in (tim.kasubbag, tim.pengelola):
            dasar = {f"{kode}-status_terlihat": p.status}
            bidang = [form.add_prefix(n) for n in form.fields]
            gagal += serang_post(_klien(user), f"/staf/permohonan/{p.pk}/{kode}/", bidang, dasar)
    assert gagal == []


@pytest.fixture
def tim_penyusunan():
    t = buat_tim_penyusunan()
    t.penyusunan = mulai(t)
    return t


def test_formulir_dan_daftar_penyusunan_tanpa_500(tim_penyusunan):
    t = tim_penyusunan
    p = t.penyusunan
    gagal = []
    klien = _klien(t.pengusul)
    gagal += serang_get(klien, "/staf/penyusunan/", ["status", "varian", "q", "halaman"])
    gagal += serang_get(
        klien, "/staf/penyusunan/buku-agenda/", ["satker", "tahun", "jenis", "cetak", "halaman"]
    )
    gagal += serang_get(klien, "/staf/penyusunan/tanda-terima/", ["halaman", "x"])
    gagal += serang_get(klien, f"/staf/penyusunan/{p.pk}/draft/", ["dari"])
    gagal += serang_get(klien, f"/staf/penyusunan/{p.pk}/draft/banding/", ["a", "b"])
    dasar = {
        "satker": t.satker.pk,
        "varian": "1",
        "templat": t.templat.pk,
        "judul": "Pembentukan Tim Uji",
        "pemrakarsa": "Subbagian Teknis",
        "divisi_terkait": "Divisi Teknis",
    }
    gagal += serang_post(klien, "/staf/penyusunan/baru/", list(dasar), dasar)
    dasar = {"judul": "Pembentukan Tim Uji", "menimbang": "a. bahwa", "catatan": "uji"}
    gagal += serang_post(
        klien,
        f"/staf/penyusunan/{p.pk}/draft/",
        ["judul", "menimbang", "mengingat", "memutuskan", "lampiran", "catatan"],
        dasar,
    )
    gagal += serang_post(
        klien, f"/staf/penyusunan/{p.pk}/kelengkapan/", ["jenis", "keterangan", "berkas"], {}
    )
    from workflow.penyusunan.views import AKSI

    for kode, spec in AKSI.items():
        form = spec.form(penyusunan=p, user=t.kasubbag, prefix=kode)
        bidang = [form.add_prefix(n) for n in form.fields]
        for user in (t.pengusul, t.kasubbag, t.ketua):
            dasar = {f"{kode}-status_terlihat": p.status}
            gagal += serang_post(_klien(user), f"/staf/penyusunan/{p.pk}/{kode}/", bidang, dasar)
    assert gagal == []


def test_formulir_distribusi_penyusunan_tanpa_500(tim_penyusunan):
    t = tim_penyusunan
    p = majukan_penyusunan(t.penyusunan, t, StatusPenyusunan.DISTRIBUSI)
    klien = _klien(t.pengelola)
    gagal = serang_get(klien, f"/staf/penyusunan/{p.pk}/ekspedisi/", ["x", "halaman"])
    gagal += serang_post(
        klien,
        f"/staf/penyusunan/{p.pk}/penerima/",
        ["nama", "jenis", "alamat"],
        {"nama": "Divisi Teknis", "jenis": "internal"},
    )
    r = p.penerima_salinan.first()
    if r is not None:
        gagal += serang_post(
            klien,
            f"/staf/penyusunan/{p.pk}/penerima/{r.pk}/tanda-terima/",
            ["diterima_pada", "diterima_oleh", "bukti"],
            {"diterima_pada": "2024-01-02T10:00", "diterima_oleh": "Uji"},
        )
    assert gagal == []


@pytest.fixture
def tim_konten():
    t = buat_tim_konten()
    t.konten = disposisi_konten(t)
    simpan_konsep(t, t.konten)
    return t


def test_formulir_dan_daftar_konten_tanpa_500(tim_konten):
    t = tim_konten
    k = t.konten
    gagal = []
    klien = _klien(t.kabag)
    gagal += serang_get(klien, "/staf/konten/", ["status", "jenis", "q", "halaman"])
    gagal += serang_get(klien, "/staf/konten/kalender/", ["bulan", "satker"])
    gagal += serang_get(klien, f"/staf/konten/{k.pk}/perubahan/", ["a", "b"])
    dasar = {
        "satker": t.satker.pk,
        "staf": t.staf.pk,
        "jenis_konten": "infografis",
        "judul": "Infografis uji",
        "petunjuk": "Buat infografis",
        "nota_nomor": "1/ND",
        "nota_tanggal": "2024-01-02",
        "tanggal_rencana": "2024-01-03",
    }
    gagal += serang_post(klien, "/staf/konten/baru/", list(dasar), dasar)
    klien = _klien(t.staf)
    dasar = {
        "jenis_konten": "infografis",
        "judul": "Infografis uji",
        "platform": ["instagram"],
        "caption": "Uji",
        "produk": [t.produk.pk],
    }
    bidang = [*dasar, "tagar", "video_url", "tanggal_rencana", "gambar", "catatan"]
    gagal += serang_post(klien, f"/staf/konten/{k.pk}/konsep/", bidang, dasar)
    gagal += serang_post(klien, f"/staf/konten/{k.pk}/gambar/", ["unggah-berkas"], {})
    gagal += serang_post(
        klien,
        f"/staf/konten/{k.pk}/kartu/",
        ["kartu-produk", "kartu-ukuran"],
        {"kartu-produk": t.produk.pk, "kartu-ukuran": "persegi"},
    )
    from workflow.konten.views import AKSI

    for kode, spec in AKSI.items():
        form = spec.form(konten=k, user=t.staf, prefix=kode)
        bidang = [form.add_prefix(n) for n in form.fields]
        bidang += [f"{kode}-tautan_instagram", f"{kode}-nota_tanggal"]
        for user in (t.staf, t.kasubbag, t.kabag):
            dasar = {f"{kode}-status_terlihat": k.status}
            gagal += serang_post(_klien(user), f"/staf/konten/{k.pk}/{kode}/", bidang, dasar)
    assert gagal == []


# --- lengths everywhere a product's text enters --------------------------------------


@pytest.mark.parametrize(
    "bidang,nilai",
    [
        ("judul", "j" * (batas.PANJANG_JUDUL + 1)),
        ("abstrak", "a" * (batas.PANJANG_ABSTRAK + 1)),
        ("nomor", "1/PL\r\n2"),
        ("judul", "Judul\x07berbunyi"),
    ],
)
def test_batas_produk_berlaku_di_admin(bidang, nilai):
    admin = User.objects.create_superuser("admin-uji", "a@x.test", "rahasia-uji-123")
    produk = buat_produk(terbit=False)
    klien = _klien(admin)
    from tests.admin_helpers import formulir_admin

    url = reverse("admin:documents_produkhukum_change", args=[produk.pk])
    data = formulir_admin(klien.get(url))
    sebelum = _produk_kini(produk)
    r, status = minta(klien, "post", url, {**data, bidang: nilai})
    assert status == 200
    assert r.context["adminform"].form.errors.get(bidang)
    assert _produk_kini(produk) == sebelum


def _impor(tmp_path, **kolom):
    from tests.test_impor_arsip import baris, siapkan_katalog

    siapkan_katalog()
    oleh = User.objects.create_user("pengimpor", is_staff=True)
    (tmp_path / "a.pdf").write_bytes(pdf_bytes())
    path = tmp_path / "arsip.csv"
    data = baris(**kolom)
    with path.open("w", newline="", encoding="utf-8") as f:
        penulis = csv.DictWriter(f, fieldnames=list(data))
        penulis.writeheader()
        penulis.writerow(data)
    with TestCase.captureOnCommitCallbacks(execute=True), pytest.raises(CommandError):
        call_command("impor_arsip", str(path), oleh=oleh.username)


@pytest.mark.parametrize(
    "kolom",
    [
        {"judul": "j" * (batas.PANJANG_JUDUL + 1)},
        {"judul": SATU_MB},
        {"abstrak": "a" * (batas.PANJANG_ABSTRAK + 1)},
        {"nomor": "1/PL\n2"},
    ],
    ids=["judul-panjang", "judul-1mb", "abstrak-panjang", "nomor-crlf"],
)
def test_batas_produk_berlaku_di_impor_arsip(tmp_path, capsys, kolom):
    _impor(tmp_path, **kolom)
    assert "Baris" in capsys.readouterr().err
    assert ProdukHukum.objects.count() == 0


def test_batas_berlaku_di_formulir_penyusunan(tim_penyusunan):
    t = tim_penyusunan
    klien = _klien(t.pengusul)
    sebelum = _jejak()
    for judul in ["Tim\x00Uji", "Tim\x1bUji", "j" * (batas.PANJANG_JUDUL + 1)]:
        r, status = minta(
            klien,
            "post",
            "/staf/penyusunan/baru/",
            {
                "satker": t.satker.pk,
                "varian": "1",
                "templat": t.templat.pk,
                "judul": judul,
                "pemrakarsa": "Subbagian Teknis",
            },
        )
        assert status == 200
        assert r.context["form"].errors.get("judul")
    assert _jejak() == sebelum


# --- the search index never overflows -------------------------------------------------


def _kata_berbeda(jumlah: int) -> str:
    """Distinct hyphenated two-character words of a four-byte script: the
    most index bytes per character of text (see documents.pencarian)."""
    huruf = [chr(0x20000 + i) for i in range(2000)]
    kata = (
        f"{huruf[i % 2000]}{huruf[i // 2000 % 2000]}-{huruf[(i * 7) % 2000]}" for i in range(jumlah)
    )
    return " ".join(kata)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="indeks hanya di PostgreSQL")
def test_teks_pdf_kata_berbeda_tidak_meluapkan_indeks_pencarian():
    """A naskah of 500,000 characters of distinct words overflowed the 1 MB
    tsvector ("string is too long for tsvector") and failed the publication."""
    from documents.pencarian import kueri, perbarui_indeks

    produk = buat_produk(judul="Penetapan indeks uji", abstrak=_kata_berbeda(3_000)[:20_000])
    versi = produk.versi.get()
    teks = _kata_berbeda(200_000)[:500_000]
    with transaction.atomic():
        versi.teks = teks
        versi.save(update_fields=["teks"])  # rebuilds the index (documents.pencarian)
    assert perbarui_indeks([produk.pk]) == 1
    ukuran = ProdukHukum.objects.filter(pk=produk.pk).values_list("search_vector", flat=True).get()
    assert ukuran
    assert ProdukHukum.objects.filter(pk=produk.pk, search_vector=kueri("indeks")).exists()
    # Real words of the naskah are still found.
    versi.teks = "Penetapan rekapitulasi suara " + teks
    versi.save(update_fields=["teks"])
    assert ProdukHukum.objects.filter(search_vector=kueri("rekapitulasi")).exists()
    assert produk.status_publikasi == StatusPublikasi.TERBIT
