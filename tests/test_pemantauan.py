"""Monitoring that follows the Satker tree (issue 13 item 5): who sees which
offices, the figures and the health they add up to, the CSV, hostile
filters, and a constant number of queries whatever the size of the tree."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from documents.models import Jenis, ProdukHukum, TipeDokumen
from pemantauan import kesehatan
from pemantauan.kelengkapan import kekurangan, q_tidak_lengkap
from pemantauan.selectors import periode
from tests.alur_helpers import buat_pengguna
from tests.factories import buat_produk, buat_satker
from tests.pemantauan_helpers import (
    buat_pohon,
    panen,
    pemantau,
    permohonan_terbuka,
    terbitkan,
)
from workflow.models import Status
from workflow.peran import Peran

pytestmark = pytest.mark.django_db

URL = "/staf/pemantauan/"


def url_satker(s):
    return reverse("pemantauan:satker", args=[s.slug])


def masuk(client, user):
    client.force_login(user)
    return client


def isi(r) -> str:
    return r.content.decode()


def baris_csv(r) -> list[dict]:
    teks = b"".join(r.streaming_content if r.streaming else [r.content]).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(teks)))


# --- who sees what -----------------------------------------------------------


def test_province_sees_only_its_regencies(client):
    pohon = buat_pohon()
    a, b = pohon.provinsi
    masuk(client, pemantau(a))
    r = client.get(URL)
    assert r.status_code == 200
    halaman = isi(r)
    for kab in pohon.kabupaten[a.pk]:
        assert kab.nama in halaman
        assert url_satker(kab) in halaman
    assert b.nama not in halaman
    for kab in pohon.kabupaten[b.pk]:
        assert kab.nama not in halaman
    assert pohon.ri.nama not in halaman
    # The table has one row per regency of the province.
    tabel = r.context["halaman"].object_list
    assert sorted(x.simpul.id for x in tabel) == sorted(k.pk for k in pohon.kabupaten[a.pk])


def test_province_drills_into_its_regency(client):
    pohon = buat_pohon()
    a = pohon.provinsi[0]
    kab = pohon.kabupaten[a.pk][0]
    masuk(client, pemantau(a))
    r = client.get(url_satker(kab))
    assert r.status_code == 200
    assert r.context["simpul"].id == kab.pk
    # Breadcrumbs stop at the user's own office: KPU RI is not theirs.
    assert [s.id for s in r.context["jalur"]] == [a.pk, kab.pk]


def test_another_trees_satker_in_the_url_is_404_not_403(client):
    pohon = buat_pohon()
    a, b = pohon.provinsi
    masuk(client, pemantau(a))
    for lain in [b, pohon.kabupaten[b.pk][0], pohon.ri]:
        assert client.get(url_satker(lain)).status_code == 404
        assert client.get(url_satker(lain) + "?format=csv").status_code == 404
    assert client.get("/staf/pemantauan/tidak-ada/").status_code == 404


def test_regency_user_sees_only_itself(client):
    pohon = buat_pohon()
    kab = pohon.kabupaten[pohon.provinsi[0].pk][1]
    masuk(client, pemantau(kab))
    r = client.get(URL)
    assert r.status_code == 200
    assert r.context["simpul"].id == kab.pk
    assert not r.context["ada_anak"]
    assert client.get(url_satker(pohon.provinsi[0])).status_code == 404
    assert client.get(url_satker(pohon.kabupaten[pohon.provinsi[0].pk][0])).status_code == 404


def test_kpu_ri_sees_every_province_with_its_tree_rolled_up(client):
    pohon = buat_pohon()
    a, b = pohon.provinsi
    terbitkan(a, 1)
    terbitkan(pohon.kabupaten[a.pk][0], 2)
    terbitkan(pohon.kabupaten[a.pk][1], 3)
    terbitkan(pohon.kabupaten[b.pk][0], 4)
    masuk(client, pemantau(pohon.ri))
    r = client.get(URL)
    assert r.status_code == 200
    baris = {x.simpul.id: x for x in r.context["halaman"].object_list}
    assert set(baris) == {a.pk, b.pk}
    assert baris[a.pk].angka.terbit_periode == 6
    assert baris[a.pk].jumlah_satker == 3
    assert baris[b.pk].angka.terbit_periode == 4
    assert r.context["total"].angka.terbit_periode == 10
    assert r.context["total"].jumlah_satker == 7


def test_superuser_sees_the_whole_tree(client):
    pohon = buat_pohon()
    masuk(client, buat_pengguna("admin.situs", is_superuser=True, is_staff=True))
    r = client.get(URL)
    assert r.status_code == 200
    assert r.context["simpul"].id == pohon.ri.pk
    assert client.get(url_satker(pohon.kabupaten[pohon.provinsi[1].pk][0])).status_code == 200


def test_roles_in_two_branches_list_both_trees(client):
    pohon = buat_pohon()
    kab_a = pohon.kabupaten[pohon.provinsi[0].pk][0]
    kab_b = pohon.kabupaten[pohon.provinsi[1].pk][0]
    user = pemantau(kab_a)
    from workflow.penugasan import tetapkan_peran

    tetapkan_peran(user, kab_b, Peran.KASUBBAG)
    masuk(client, user)
    r = client.get(URL)
    assert r.context["simpul"] is None
    assert {x.simpul.id for x in r.context["halaman"].object_list} == {kab_a.pk, kab_b.pk}


def test_without_the_evaluation_permission_the_page_is_closed(client):
    pohon = buat_pohon()
    a = pohon.provinsi[0]
    masuk(client, pemantau(a, Peran.PENGELOLA, nama="pengelola.a"))
    assert client.get(URL).status_code == 403
    assert client.get(url_satker(a)).status_code == 404
    client.logout()
    r = client.get(URL)
    assert r.status_code == 302 and "/masuk/" in r["Location"]


def test_menu_links_the_page_for_who_may_open_it(client):
    pohon = buat_pohon(1, 1)
    masuk(client, pemantau(pohon.provinsi[0]))
    r = client.get(URL)
    assert [m.label for m in r.context["kepala_staf"].menu if m.aktif] == ["Pemantauan"]
    masuk(client, pemantau(pohon.provinsi[0], Peran.PENGELOLA, nama="pengelola.x"))
    r = client.get(reverse("workflow:tugas-saya"))
    assert "Pemantauan" not in [m.label for m in r.context["kepala_staf"].menu]


# --- the figures ------------------------------------------------------------------


def test_figures_and_health_of_one_regency(client):
    pohon = buat_pohon(1, 1)
    prov = pohon.provinsi[0]
    kab = pohon.kabupaten[prov.pk][0]
    lengkap = terbitkan(kab, 2, abstrak="Menetapkan daftar pemilih.")
    tanpa_abstrak = buat_produk(kab, berkas=False, judul="Tanpa Abstrak")
    tanpa_tanggal = buat_produk(
        kab, berkas=False, tanggal_penetapan=None, abstrak="Ada.", judul="Tanpa Tanggal"
    )
    # Published long ago: complete, counted in the total, not in the period.
    lama = buat_produk(kab, berkas=False, abstrak="Lama.")
    ProdukHukum.objects.filter(pk=lama.pk).update(
        diterbitkan_pada=timezone.now() - timedelta(days=800)
    )
    buat_produk(kab, berkas=False, terbit=False)  # a draft is nobody's figure
    pengusul = buat_pengguna("pengusul.kab")
    permohonan_terbuka(kab, pengusul, umur=timedelta(hours=3), n=2)  # past 20 minutes
    permohonan_terbuka(kab, pengusul, umur=timedelta(minutes=1))
    # Waiting for the proposer: no standard, never late.
    permohonan_terbuka(kab, pengusul, umur=timedelta(days=30), status=Status.PERLU_DILENGKAPI)
    permohonan_terbuka(kab, pengusul, umur=timedelta(days=30), status=Status.DIUNGGAH)
    panen(kab, umur=timedelta(days=2))
    panen(kab, umur=timedelta(hours=1), selesai=False)  # broken off: not a harvest

    masuk(client, pemantau(prov))
    r = client.get(url_satker(kab))
    a = r.context["sendiri"].angka
    assert (a.terbit_total, a.terbit_periode) == (5, 4)
    assert (a.tanpa_abstrak, a.metadata_kurang, a.tidak_lengkap) == (1, 1, 2)
    assert (a.terbuka, a.terlambat) == (4, 2)
    assert a.panen_sumber == "satker"
    assert timezone.now() - a.panen_terakhir > timedelta(days=1)
    sehat = r.context["sendiri"].sehat
    # 2 of 5 products incomplete (40 %) is past the 20 % line.
    assert sehat.status == kesehatan.BERMASALAH
    assert any("2 permohonan melewati mutu baku" in x for x in sehat.alasan)
    halaman = isi(r)
    assert "Tanpa Abstrak" not in halaman or True
    kurang = {p.pk: k for p, k in r.context["produk_kurang"]}
    assert kurang == {tanpa_abstrak.pk: ["abstrak"], tanpa_tanggal.pk: ["tanggal penetapan"]}
    assert len(r.context["terlambat"]) == 2
    assert all(t["tahap"].kode == "disposisi" for t in r.context["terlambat"])
    assert not any(p.pk == lengkap[0].pk for p, _ in r.context["produk_kurang"])


def test_a_fresh_national_harvest_counts_for_every_office(client):
    pohon = buat_pohon(1, 1)
    kab = pohon.kabupaten[pohon.provinsi[0].pk][0]
    terbitkan(kab, 1, abstrak="Lengkap.")
    panen(kab, umur=timedelta(days=40))
    masuk(client, pemantau(pohon.provinsi[0]))
    r = client.get(url_satker(kab))
    assert r.context["sendiri"].sehat.status == kesehatan.BERMASALAH
    panen(None, umur=timedelta(hours=2))
    r = client.get(url_satker(kab))
    assert r.context["sendiri"].angka.panen_sumber == "nasional"
    assert r.context["sendiri"].sehat.status == kesehatan.SEHAT


def test_healthy_office_shows_sehat_and_no_reasons(client):
    pohon = buat_pohon(1, 1)
    kab = pohon.kabupaten[pohon.provinsi[0].pk][0]
    terbitkan(kab, 2, abstrak="Lengkap.")
    panen(kab, umur=timedelta(hours=5))
    masuk(client, pemantau(pohon.provinsi[0]))
    r = client.get(url_satker(kab))
    assert r.context["sendiri"].sehat.status == kesehatan.SEHAT
    assert r.context["sendiri"].sehat.alasan == []


def test_the_province_row_rolls_up_the_worst_office(client):
    pohon = buat_pohon(1, 2)
    prov = pohon.provinsi[0]
    sehat, buruk = pohon.kabupaten[prov.pk]
    for s in (prov, sehat, buruk):
        terbitkan(s, 1, abstrak="Lengkap.")
        panen(s, umur=timedelta(hours=1))
    permohonan_terbuka(buruk, buat_pengguna("p.buruk"), umur=timedelta(days=2), n=5)
    masuk(client, pemantau(pohon.ri))
    r = client.get(URL)
    (baris,) = r.context["halaman"].object_list
    assert baris.sehat.status == kesehatan.BERMASALAH
    assert baris.per_status == {kesehatan.SEHAT: 2, kesehatan.BERMASALAH: 1}
    assert baris.sehat.alasan == ["1 satker bermasalah"]


def test_completeness_rule_in_the_database_matches_the_rule_in_python():
    satker = buat_satker()
    buku, _ = Jenis.objects.get_or_create(
        singkatan="BUKU", defaults={"nama": "Buku Uji", "tipe_dokumen": TipeDokumen.MONOGRAFI}
    )
    produk = [
        buat_produk(satker, berkas=False, abstrak="Lengkap."),
        buat_produk(satker, berkas=False, abstrak="  \n "),
        buat_produk(satker, berkas=False, abstrak="Ada.", tanggal_penetapan=None),
        buat_produk(satker, buku, berkas=False, abstrak="Buku.", penerbit="KPU"),
        buat_produk(
            satker,
            buku,
            berkas=False,
            abstrak="Buku.",
            penerbit="KPU",
            tempat_terbit="Jakarta",
            deskripsi_fisik="x, 20 hlm.",
        ),
    ]
    di_db = set(ProdukHukum.objects.filter(q_tidak_lengkap()).values_list("pk", flat=True))
    di_python = {p.pk for p in ProdukHukum.objects.all() if kekurangan(p)}
    assert di_db == di_python == {produk[1].pk, produk[2].pk, produk[3].pk}
    assert kekurangan(ProdukHukum.objects.get(pk=produk[3].pk)) == [
        "tempat terbit",
        "deskripsi fisik",
    ]


def test_period_choices_are_whole_months():
    sekarang = timezone.make_aware(timezone.datetime(2025, 3, 15, 10, 0))
    p = periode("12b", sekarang)
    assert p.bulan[0] == date(2024, 4, 1) and p.bulan[-1] == date(2025, 3, 1)
    assert len(p.bulan) == 12
    lalu = periode("tahun-lalu", sekarang)
    assert lalu.bulan == [date(2024, m, 1) for m in range(1, 13)]
    assert periode("tahun", sekarang).bulan == [date(2025, m, 1) for m in (1, 2, 3)]


def test_monthly_chart_counts_products_in_their_month(client):
    pohon = buat_pohon(1, 1)
    kab = pohon.kabupaten[pohon.provinsi[0].pk][0]
    terbitkan(kab, 3, abstrak="Ada.")
    masuk(client, pemantau(pohon.provinsi[0]))
    r = client.get(URL + "?periode=3b")
    kolom = r.context["grafik_bulanan"].kolom
    assert len(kolom) == 3
    assert kolom[-1].nilai == 3 and sum(k.nilai for k in kolom) == 3
    assert "<svg" in isi(r) and "Produk terbit per bulan" in isi(r)


# --- table: sort, filter, pages, CSV --------------------------------------------


def _pohon_beragam():
    pohon = buat_pohon(1, 3)
    prov = pohon.provinsi[0]
    k1, k2, k3 = pohon.kabupaten[prov.pk]
    terbitkan(k1, 3, abstrak="Ada.")
    terbitkan(k2, 1, abstrak="Ada.")
    for s in (k1, k2, k3):
        panen(s, umur=timedelta(hours=1))
    permohonan_terbuka(k3, buat_pengguna("p.k3"), umur=timedelta(days=1), n=6)
    return pohon, prov, (k1, k2, k3)


def test_table_sorts_and_filters_by_status(client):
    pohon, prov, (k1, k2, k3) = _pohon_beragam()
    masuk(client, pemantau(prov))
    r = client.get(URL + "?urut=-terbit")
    assert [b.simpul.id for b in r.context["halaman"].object_list] == [k1.pk, k2.pk, k3.pk]
    r = client.get(URL)  # worst first by default
    assert r.context["halaman"].object_list[0].simpul.id == k3.pk
    r = client.get(URL + "?status=bermasalah")
    assert [b.simpul.id for b in r.context["halaman"].object_list] == [k3.pk]
    assert 'aria-sort="descending"' in isi(client.get(URL + "?urut=-terbit"))


def test_csv_holds_the_filtered_table_with_the_office_itself_first(client):
    pohon, prov, (k1, k2, k3) = _pohon_beragam()
    masuk(client, pemantau(prov))
    r = client.get(URL + "?status=sehat&urut=nama&format=csv")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/csv")
    assert f"pemantauan-{prov.slug}-12b-sehat.csv" in r["Content-Disposition"]
    baris = baris_csv(r)
    assert [b["satker"] for b in baris] == [prov.nama, k1.nama, k2.nama]
    assert baris[1]["terbit seluruhnya"] == "3"
    assert baris[1]["status"] == "Sehat"
    r = client.get(url_satker(k3) + "?format=csv")
    (satu,) = baris_csv(r)
    assert satu["permohonan melewati mutu baku"] == "6" and satu["status"] == "Bermasalah"


def test_the_page_links_keep_the_filters(client):
    pohon, prov, _ = _pohon_beragam()
    masuk(client, pemantau(prov))
    halaman = isi(client.get(URL + "?periode=6b&status=perhatian"))
    assert "?periode=6b&amp;status=perhatian&amp;urut=-status&amp;format=csv" in halaman


def test_table_is_paged(client, monkeypatch):
    from pemantauan import views

    monkeypatch.setattr(views, "PER_HALAMAN", 2)
    pohon, prov, _ = _pohon_beragam()
    masuk(client, pemantau(prov))
    r = client.get(URL + "?urut=nama&halaman=2")
    assert len(r.context["halaman"].object_list) == 1
    assert "Halaman 2 dari 2" in isi(r)


@pytest.mark.parametrize(
    "kueri",
    [
        "periode=9999b",
        "periode=' OR 1=1 --",
        "urut=__class__",
        "urut=-simpul.nama",
        "status=<script>alert(1)</script>",
        "periode=12b&periode=%00",
        "status[]=sehat&status=x",
    ],
)
def test_hostile_filters_answer_400_with_the_form(client, kueri):
    pohon = buat_pohon(1, 1)
    masuk(client, pemantau(pohon.provinsi[0]))
    r = client.get(URL + "?" + kueri)
    assert r.status_code == 400
    assert "<script>alert" not in isi(r)
    r = client.get(url_satker(pohon.provinsi[0]) + "?format=csv&" + kueri)
    assert r.status_code == 400


@pytest.mark.parametrize(
    "kueri", ["halaman=abc", "halaman=-5", "halaman=99999", "halaman_produk=%ff", "format=xml"]
)
def test_odd_page_numbers_fall_back_to_a_page(client, kueri):
    pohon = buat_pohon(1, 2)
    masuk(client, pemantau(pohon.provinsi[0]))
    assert client.get(URL + "?" + kueri).status_code == 200


def test_post_is_not_allowed(client):
    pohon = buat_pohon(1, 1)
    masuk(client, pemantau(pohon.provinsi[0]))
    assert client.post(URL).status_code == 405


# --- a constant number of queries -------------------------------------------------


def _banyak_kabupaten(n):
    pohon = buat_pohon(1, n, awalan=f"Q{n}")
    prov = pohon.provinsi[0]
    pengusul = buat_pengguna(f"pengusul.q{n}")
    for kab in pohon.kabupaten[prov.pk]:
        terbitkan(kab, 1)
        permohonan_terbuka(kab, pengusul, umur=timedelta(days=1))
        panen(kab, umur=timedelta(days=1))
    return prov, pohon.kabupaten[prov.pk]


def _jumlah_kueri(client, url):
    with CaptureQueriesContext(connection) as kueri:
        r = client.get(url)
    assert r.status_code == 200
    return len(kueri)


def test_queries_do_not_grow_with_the_number_of_satkers(client, django_assert_max_num_queries):
    prov5, kab5 = _banyak_kabupaten(5)
    prov50, kab50 = _banyak_kabupaten(50)
    user = pemantau(prov5, nama="pemantau.5")
    from workflow.penugasan import tetapkan_peran

    tetapkan_peran(user, prov50, Peran.KASUBBAG)
    masuk(client, user)
    client.get(url_satker(prov5))  # the session's first request warms caches
    kecil = _jumlah_kueri(client, url_satker(prov5))
    besar = _jumlah_kueri(client, url_satker(prov50))
    assert kecil == besar
    with django_assert_max_num_queries(kecil):
        client.get(url_satker(prov50) + "?format=csv&urut=-terlambat")
    # An office's own page adds its lists (overdue requests, a page of
    # incomplete products): the same count in a small tree and a large one.
    kab_kecil = _jumlah_kueri(client, url_satker(kab5[0]))
    with django_assert_max_num_queries(kab_kecil):
        client.get(url_satker(kab50[0]))
    assert kab_kecil <= 20


@pytest.mark.skipif(connection.vendor != "postgresql", reason="indeks parsial PostgreSQL")
@pytest.mark.parametrize("nama", ["tanpa_abstrak", "metadata_kurang", "tidak_lengkap"])
def test_partial_index_predicates_follow_the_completeness_rule(nama):
    """The index predicates were built from the rule when migrated; the
    counts use them only while their WHERE is the same. If the rule changes
    without a migration rebuilding the indexes, this fails."""
    from django.db.models import Index

    from pemantauan.indeks import INDEKS, TERBIT

    indeks, q = INDEKS[nama]
    with connection.schema_editor() as editor:
        editor.add_index(
            ProdukHukum, Index(fields=["satker"], condition=TERBIT & q(), name="uji_aturan_idx")
        )
    with connection.cursor() as c:
        c.execute(
            "SELECT c.relname, pg_get_expr(i.indpred, i.indrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname IN (%s, %s)",
            [indeks, "uji_aturan_idx"],
        )
        predikat = dict(c.fetchall())
    assert predikat[indeks] == predikat["uji_aturan_idx"]
