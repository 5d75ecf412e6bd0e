"""Tugas saya for a KPU RI user whose roles cover all 553 Satker: a constant
number of queries, one page of rows, and the time standards of only the
Satkers on that page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.tugas_skala_helpers import kpu_ri_553
from workflow.models import MutuBaku, Permohonan

pytestmark = pytest.mark.django_db
URL = reverse("workflow:tugas-saya")


def _kueri(client, url=URL):
    with CaptureQueriesContext(connection) as ctx:
        respons = client.get(url)
    assert respons.status_code == 200
    return respons, ctx.captured_queries


def test_tugas_saya_553_satker_kueri_tetap_dan_satu_halaman(client):
    user, satker = kpu_ri_553(per_satker=1)
    client.force_login(user)
    client.get(URL)  # the session's time zone is cached on the first visit
    respons, kueri = _kueri(client)
    baris = respons.context["baris"]
    halaman = respons.context["halaman"]
    assert halaman.paginator.count == 553
    assert 0 < len(baris) < 553  # paged, not every Satker's work at once
    # Twice the work, the same queries.
    Permohonan.objects.bulk_create(
        Permohonan(
            satker_id=p.satker_id,
            jenis=p.jenis,
            produk_id=p.produk_id,
            status=p.status,
            status_sejak=p.status_sejak,
            diajukan_oleh_id=p.diajukan_oleh_id,
        )
        for p in Permohonan.objects.all()
    )
    respons2, kueri2 = _kueri(client)
    assert respons2.context["halaman"].paginator.count == 1106
    assert len(kueri2) == len(kueri)
    # No statement lists every Satker's own condition: the Satkers with the
    # same permissions and validation chain share one IN (...) condition.
    for q in kueri2:
        assert q["sql"].count("satker_id") < 50, q["sql"][:300]


def test_mutu_baku_hanya_dimuat_untuk_satker_di_halaman(client):
    user, satker = kpu_ri_553(per_satker=1)
    client.force_login(user)
    client.get(URL)
    respons, kueri = _kueri(client)
    di_halaman = {b.alur.satker_id for b in respons.context["baris"]}
    (sql_mutu,) = [q["sql"] for q in kueri if MutuBaku._meta.db_table in q["sql"]]
    angka = {int(n) for n in re.findall(r"\b\d+\b", sql_mutu.split("WHERE", 1)[1])}
    assert di_halaman <= angka
    assert len(angka & {s.pk for s in satker}) <= len(di_halaman) + 5
    # Each row still reads its own Satker's standard (5 + i % 20 minutes
    # for the disposisi, plus the built-in standard of the next line).
    for b in respons.context["baris"]:
        sendiri = MutuBaku.objects.get(satker_id=b.alur.satker_id, langkah=1).menit
        assert b.standar.total_seconds() // 60 >= sendiri


def test_lingkup_semua_553_satker_juga_kueri_tetap(client):
    user, _ = kpu_ri_553(per_satker=1)
    client.force_login(user)
    client.get(URL + "?lingkup=semua")
    respons, kueri = _kueri(client, URL + "?lingkup=semua")
    assert respons.context["halaman"].paginator.count == 553
    assert len(kueri) <= 12


def _parameter(client, url=URL):
    """Each statement's bound parameters, as the driver receives them."""
    parameter = []

    def catat(execute, sql, params, many, context):
        parameter.append((sql, params or ()))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(catat):
        respons = client.get(url)
    assert respons.status_code == 200
    return parameter


@pytest.mark.parametrize("url", [URL, URL + "?lingkup=semua"])
def test_daftar_satker_dikirim_sebagai_satu_larik_di_postgresql(client, url):
    """553 Satker ids are one array parameter (= ANY(%s)) on PostgreSQL, not
    553 bound values repeated in every condition; elsewhere plain IN (…)."""
    user, _ = kpu_ri_553(per_satker=1)
    client.force_login(user)
    client.get(url)
    parameter = _parameter(client, url)
    terbanyak = max(len(p) for _, p in parameter)
    if connection.vendor == "postgresql":
        assert terbanyak < 50, max(parameter, key=lambda x: len(x[1]))[0][:300]
        assert any("= ANY(" in sql for sql, _ in parameter)
    else:
        assert terbanyak >= 553  # SQLite: the same filter as IN (…)


def test_izin_per_satker_berkelompok_sama_dengan_baris_per_baris():
    """The grouped loader (PostgreSQL) gives exactly each Satker's own
    codenames, also when roles differ between Satkers."""
    from tests.tugas_skala_helpers import beri_peran_massal, buat_satker_nasional
    from workflow.izin import IZIN, IZIN_PERAN, izin_per_satker
    from workflow.models import SatkerUserObjectPermission
    from workflow.peran import Peran

    satker = buat_satker_nasional("izin")
    from django.contrib.auth.models import User

    user = User.objects.create(username="campur.izin")
    beri_peran_massal(user, satker[:300], Peran.KASUBBAG)
    beri_peran_massal(user, satker[390:], Peran.KEPALA_BAGIAN)
    # A second role in Satkers 200–399: its permissions added to theirs
    # (the ones both roles give already there).
    from django.contrib.auth.models import Permission

    pengelola = Permission.objects.filter(codename__in=IZIN_PERAN[Peran.PENGELOLA])
    SatkerUserObjectPermission.objects.bulk_create(
        (
            SatkerUserObjectPermission(user=user, content_object=s, permission=p)
            for s in satker[200:400]
            for p in pengelola
        ),
        ignore_conflicts=True,
    )
    lain = User.objects.create(username="lain.izin")
    beri_peran_massal(lain, satker[:5], Peran.PENGUSUL)
    harapan: dict[int, set[str]] = {}
    for s, kode in SatkerUserObjectPermission.objects.filter(
        user=user, permission__codename__in=list(IZIN)
    ).values_list("content_object_id", "permission__codename"):
        harapan.setdefault(s, set()).add(kode)
    hasil = izin_per_satker(user)
    assert hasil == {s: frozenset(k) for s, k in harapan.items()}
    assert len(hasil) == 553
    if connection.vendor == "postgresql":
        # Grouped in SQL: Satkers alike share one set (four role mixes).
        assert len({id(k) for k in hasil.values()}) <= 5


def test_kepala_staf_meringkas_553_peran_dan_menautkan_daftar_lengkap(client):
    user, satker = kpu_ri_553(per_satker=1)
    client.force_login(user)
    respons = client.get(URL)
    html = respons.content.decode()
    kepala = html[html.index('class="kepala kepala-staf"') : html.index("</header>")]
    assert 'Kasubbag Hukum &amp; SDM <span class="akun-kecil">— 553 satker</span>' in kepala
    assert "553 satker" in respons.context["kepala_staf"].ringkas
    # A few Satker names at most (in the title), never all 553.
    assert kepala.count("— KPU") <= 8
    assert kepala.count("<li>") <= 8
    rincian = respons.context["kepala_staf"].rincian.splitlines()
    assert len(rincian) == 9 and rincian[-1] == "… dan 545 peran lainnya"
    peran = reverse("workflow:peran-saya")
    assert f'href="{peran}"' in kepala


def test_halaman_peran_saya_berhalaman_dengan_kueri_tetap(client):
    user, satker = kpu_ri_553(per_satker=1)
    client.force_login(user)
    peran = reverse("workflow:peran-saya")
    client.get(peran)
    respons, kueri = _kueri(client, peran)
    assert respons.context["halaman"].paginator.count == 553
    assert len(respons.context["halaman"].object_list) == 50
    _, kueri_akhir = _kueri(client, peran + "?halaman=12")
    assert len(kueri_akhir) == len(kueri)
    html = client.get(peran + "?halaman=12").content.decode()
    assert "Halaman 12 dari 12" in html
    # Only the user's own roles.
    from django.contrib.auth.models import User

    lain = User.objects.create(username="tanpa.peran")
    client.force_login(lain)
    respons = client.get(peran)
    assert respons.context["halaman"].paginator.count == 0
    assert "belum memegang peran" in respons.content.decode()


def test_halaman_peran_saya_perlu_masuk(client):
    respons = client.get(reverse("workflow:peran-saya"))
    assert respons.status_code == 302
