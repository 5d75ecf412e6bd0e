"""Sop 003 penomoran: the buku agenda naskah dinas.

One register per Satker per year (per jenis where the office keeps it so),
never a gap, never a duplicate — also with many people numbering at once —
a cancelled number kept and never reused; the register's page and print
sheet; and its admin, where numbers cannot be made or removed by hand.
"""

import importlib
import itertools
import re
from datetime import date
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, clear_url_caches, reverse
from django.utils import timezone

from tests.alur_helpers import serentak
from tests.factories import buat_jenis
from tests.penyusunan_helpers import S, buat_templat, buat_tim_penyusunan, majukan, mulai
from workflow.mesin import StatusBerubah, TidakBerwenang
from workflow.penyusunan import admin as penyusunan_admin  # registers the admin (see fixture)
from workflow.penyusunan import layanan, penomoran
from workflow.penyusunan.models import (
    FormatNomor,
    NomorNaskah,
    PenyusunanKeputusan,
    RegisterNomor,
    VarianPenyusunan,
)

POLA = "{urut}/HK.03.1-Kpt/9204/KPU-Kab/{tahun}"
URL_AGENDA = "workflow:penyusunan-buku-agenda"
_judul = itertools.count(1)

hanya_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Many real connections racing for the register's row lock need PostgreSQL; "
    "SQLite serialises whole-file writes, so there is no race to test.",
)


def di_penomoran(tim, templat=None, judul=None) -> PenyusunanKeputusan:
    """A penyusunan started through the real action, then put at the
    penomoran step (the steps before it are tested elsewhere)."""
    p = layanan.mulai(
        tim.pengusul,
        tim.satker,
        varian=VarianPenyusunan.TIM,
        templat=templat or tim.templat,
        judul=judul or f"Pembentukan Tim Pelaksana Uji {next(_judul)}",
        pemrakarsa="Subbagian Teknis Penyelenggaraan",
    )
    PenyusunanKeputusan.objects.filter(pk=p.pk).update(status=S.PENOMORAN)
    return PenyusunanKeputusan.objects.get(pk=p.pk)


def banyak_di_penomoran(tim, jumlah) -> list[PenyusunanKeputusan]:
    """Many penyusunan at the penomoran step in one insert (page tests)."""
    return PenyusunanKeputusan.objects.bulk_create(
        PenyusunanKeputusan(
            satker=tim.satker,
            varian=VarianPenyusunan.TIM,
            jenis=tim.templat.jenis,
            judul=f"Pembentukan Tim Pelaksana Uji {next(_judul)}",
            pemrakarsa="Subbagian Teknis Penyelenggaraan",
            templat=tim.templat,
            status=S.PENOMORAN,
            diajukan_oleh=tim.pengusul,
        )
        for _ in range(jumlah)
    )


def nomori(tim, jumlah, oleh=None) -> list[NomorNaskah]:
    return [
        penomoran.ambil_nomor(p, oleh or tim.pengelola) for p in banyak_di_penomoran(tim, jumlah)
    ]


def tahun_ini():
    return timezone.localdate().year


# --- the numbering service -----------------------------------------------------------


@pytest.mark.django_db
def test_consecutive_penyusunan_get_consecutive_numbers_in_one_register():
    tim = buat_tim_penyusunan()
    hasil = [layanan.beri_nomor(tim.pengelola, di_penomoran(tim)) for _ in range(4)]

    assert [p.nomor.urut for p in hasil] == [1, 2, 3, 4]
    assert [p.status for p in hasil] == [S.SALINAN] * 4
    register = RegisterNomor.objects.get()
    assert (register.satker, register.tahun, register.jenis) == (tim.satker, tahun_ini(), None)
    assert register.terakhir == 4
    assert {n.register_id for n in NomorNaskah.objects.all()} == {register.pk}


@pytest.mark.django_db
def test_number_follows_the_satker_pattern_with_urut_and_tahun():
    tim = buat_tim_penyusunan()
    FormatNomor.objects.create(satker=tim.satker, jenis=tim.templat.jenis, pola=POLA)

    p1 = layanan.beri_nomor(tim.pengelola, di_penomoran(tim))
    p2 = layanan.beri_nomor(tim.kasubbag, di_penomoran(tim))

    assert p1.nomor.nomor == f"1/HK.03.1-Kpt/9204/KPU-Kab/{tahun_ini()}"
    assert p2.nomor.nomor == f"2/HK.03.1-Kpt/9204/KPU-Kab/{tahun_ini()}"
    assert (
        str(p2) == f"{tim.templat.jenis.singkatan} Nomor 2/HK.03.1-Kpt/9204/KPU-Kab/{tahun_ini()}"
    )


@pytest.mark.django_db
def test_number_uses_the_default_pattern_when_the_satker_has_none():
    tim = buat_tim_penyusunan()
    lain = buat_tim_penyusunan()  # another office's pattern for the same jenis does not apply
    FormatNomor.objects.create(satker=lain.satker, jenis=tim.templat.jenis, pola="X-{urut}")

    p = layanan.beri_nomor(tim.pengelola, di_penomoran(tim))

    assert p.nomor.nomor == penomoran.POLA_BAWAAN.replace("{urut}", "1").replace(
        "{tahun}", str(tahun_ini())
    )
    assert p.nomor.nomor == f"1/HK.03.1-Kpt/{tahun_ini()}"


@pytest.mark.django_db
def test_per_jenis_register_counts_apart_from_the_shared_register():
    tim = buat_tim_penyusunan()
    jenis_sendiri, jenis_bersama = tim.templat.jenis, buat_jenis()
    FormatNomor.objects.create(
        satker=tim.satker,
        jenis=jenis_sendiri,
        pola="{urut}/PL.01-Kpt/{tahun}",
        register_per_jenis=True,
    )
    templat_bersama = buat_templat(tim.satker, nama="Templat bersama", jenis=jenis_bersama)
    templat_lain = buat_templat(tim.satker, nama="Templat lain", jenis=buat_jenis())

    urutan = [tim.templat, templat_bersama, tim.templat, templat_lain, templat_bersama]
    nomor = [layanan.beri_nomor(tim.pengelola, di_penomoran(tim, t)).nomor for t in urutan]

    assert [n.urut for n in nomor] == [1, 1, 2, 2, 3]
    sendiri = RegisterNomor.objects.get(jenis=jenis_sendiri)
    bersama = RegisterNomor.objects.get(jenis__isnull=True)
    assert [n.register_id for n in nomor] == [
        sendiri.pk,
        bersama.pk,
        sendiri.pk,
        bersama.pk,
        bersama.pk,
    ]
    assert (sendiri.terakhir, bersama.terakhir) == (2, 3)
    assert nomor[2].nomor == f"2/PL.01-Kpt/{tahun_ini()}"
    assert nomor[4].nomor == f"3/HK.03.1-Kpt/{tahun_ini()}"


@pytest.mark.django_db
def test_taking_a_number_twice_gives_the_same_number():
    tim = buat_tim_penyusunan()
    p = di_penomoran(tim)

    pertama = penomoran.ambil_nomor(p, tim.pengelola)
    kedua = penomoran.ambil_nomor(p, tim.kasubbag)

    assert kedua.pk == pertama.pk and kedua.urut == 1
    assert NomorNaskah.objects.count() == 1
    assert RegisterNomor.objects.get().terakhir == 1


@pytest.mark.django_db
def test_beri_nomor_twice_is_refused_and_takes_no_second_number():
    tim = buat_tim_penyusunan()
    p = majukan(mulai(tim), tim, S.PENOMORAN)  # the whole road, signed scan included
    basi = PenyusunanKeputusan.objects.get(pk=p.pk)

    p = layanan.beri_nomor(tim.pengelola, p, status_terlihat=S.PENOMORAN)
    with pytest.raises(StatusBerubah):
        layanan.beri_nomor(tim.kasubbag, basi, status_terlihat=S.PENOMORAN)
    with pytest.raises(StatusBerubah):
        layanan.beri_nomor(tim.kasubbag, basi)

    assert NomorNaskah.objects.count() == 1
    assert RegisterNomor.objects.get().terakhir == 1
    p.refresh_from_db()
    assert p.status == S.SALINAN and p.nomor.urut == 1
    assert p.jejak.filter(aksi="beri_nomor").count() == 1


@pytest.mark.django_db
def test_cancelled_number_stays_marked_and_is_never_reused():
    tim = buat_tim_penyusunan()
    batal = layanan.beri_nomor(tim.pengelola, di_penomoran(tim))
    layanan.batalkan(tim.kasubbag, batal, alasan="Salah ketik nama anggota tim")

    berikut = layanan.beri_nomor(tim.pengelola, di_penomoran(tim))

    batal.refresh_from_db()
    assert batal.status == S.DIBATALKAN
    n = NomorNaskah.objects.get(pk=batal.nomor_id)
    assert n.dibatalkan and n.alasan_batal == "Salah ketik nama anggota tim"
    assert n.urut == 1
    assert berikut.nomor.urut == 2
    assert list(NomorNaskah.objects.order_by("urut").values_list("urut", flat=True)) == [1, 2]
    assert RegisterNomor.objects.get().terakhir == 2


@pytest.mark.django_db
def test_new_year_starts_a_new_register_at_one(monkeypatch):
    tim = buat_tim_penyusunan()
    FormatNomor.objects.create(satker=tim.satker, jenis=tim.templat.jenis, pola=POLA)
    layanan.beri_nomor(tim.pengelola, di_penomoran(tim))
    layanan.beri_nomor(tim.pengelola, di_penomoran(tim))
    tahun_depan = tahun_ini() + 1
    monkeypatch.setattr(
        penomoran,
        "timezone",
        SimpleNamespace(localdate=lambda: date(tahun_depan, 1, 2), now=timezone.now),
    )

    p = layanan.beri_nomor(tim.pengelola, di_penomoran(tim))
    lalu = penomoran.ambil_nomor(di_penomoran(tim), tim.pengelola, tahun=tahun_ini())

    assert p.nomor.urut == 1 and p.nomor.register.tahun == tahun_depan
    assert p.nomor.nomor == f"1/HK.03.1-Kpt/9204/KPU-Kab/{tahun_depan}"
    assert lalu.urut == 3 and lalu.register.tahun == tahun_ini()
    assert dict(RegisterNomor.objects.values_list("tahun", "terakhir")) == {
        tahun_ini(): 3,
        tahun_depan: 1,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("siapa", ["pengusul", "ketua", "pengelola kantor lain"])
def test_wrong_role_cannot_number_and_nothing_changes(siapa):
    tim = buat_tim_penyusunan()
    lain = buat_tim_penyusunan()
    user = {
        "pengusul": tim.pengusul,
        "ketua": tim.ketua,
        "pengelola kantor lain": lain.pengelola,
    }[siapa]
    p = di_penomoran(tim)

    with pytest.raises(TidakBerwenang):
        layanan.beri_nomor(user, p, status_terlihat=S.PENOMORAN)

    p.refresh_from_db()
    assert p.status == S.PENOMORAN and p.nomor_id is None
    assert not NomorNaskah.objects.exists()
    assert not RegisterNomor.objects.exists()
    assert not p.jejak.filter(aksi="beri_nomor").exists()


@hanya_postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_people_numbering_at_once_get_1_to_50_without_gap_or_duplicate():
    tim = buat_tim_penyusunan()
    FormatNomor.objects.create(satker=tim.satker, jenis=tim.templat.jenis, pola=POLA)
    semua = [di_penomoran(tim) for _ in range(50)]
    petugas = [tim.pengelola, tim.kasubbag]

    hasil = serentak(
        *[
            (
                lambda p=p, u=petugas[i % 2]: layanan.beri_nomor(
                    u, PenyusunanKeputusan.objects.get(pk=p.pk), status_terlihat=S.PENOMORAN
                )
            )
            for i, p in enumerate(semua)
        ]
    )

    assert all(h is not None and h[0] == "ok" for h in hasil), hasil
    urut = sorted(NomorNaskah.objects.values_list("urut", flat=True))
    assert urut == list(range(1, 51))
    assert RegisterNomor.objects.get().terakhir == 50
    assert NomorNaskah.objects.values("penyusunan").distinct().count() == 50
    assert len(set(NomorNaskah.objects.values_list("nomor", flat=True))) == 50
    dinomori = PenyusunanKeputusan.objects.filter(pk__in=[p.pk for p in semua])
    assert set(dinomori.values_list("status", flat=True)) == {S.SALINAN}
    assert sorted(dinomori.values_list("nomor__urut", flat=True)) == list(range(1, 51))


# --- the buku agenda page -------------------------------------------------------------


def _baris_urut(respons) -> list[int]:
    return [int(u) for u in re.findall(r'<tr id="urut-(\d+)"', respons.content.decode())]


@pytest.mark.django_db
def test_buku_agenda_lists_numbers_in_order_with_the_cancelled_one_marked(client):
    tim = buat_tim_penyusunan()
    FormatNomor.objects.create(satker=tim.satker, jenis=tim.templat.jenis, pola=POLA)
    pp = [layanan.beri_nomor(tim.pengelola, di_penomoran(tim)) for _ in range(3)]
    layanan.batalkan(tim.kasubbag, pp[1], alasan="Tim dibentuk ulang")
    tim.pengelola.first_name, tim.pengelola.last_name = "Rina", "Wulandari"
    tim.pengelola.save()
    client.force_login(tim.pengusul)  # any role of the office may read the register

    respons = client.get(reverse(URL_AGENDA))

    assert respons.status_code == 200
    html = respons.content.decode()
    assert _baris_urut(respons) == [1, 2, 3]
    for p in pp:
        assert p.nomor.nomor in html and p.get_absolute_url() in html
    assert "DIBATALKAN: Tim dibentuk ulang" in html
    assert html.count("lencana status-dibatalkan") == 1
    assert html.count("lencana status-dipakai") == 2
    assert "Rina Wulandari" in html
    assert pp[0].judul in html


@pytest.mark.django_db
def test_buku_agenda_print_sheet_has_title_office_year_and_every_row(client):
    tim = buat_tim_penyusunan()
    nomori(tim, 205)
    client.force_login(tim.kasubbag)

    layar = client.get(reverse(URL_AGENDA))
    halaman2 = client.get(reverse(URL_AGENDA), {"halaman": 2})
    cetak = client.get(reverse(URL_AGENDA), {"cetak": 1})

    assert _baris_urut(layar) == list(range(1, 201))
    assert "Halaman 1 dari 2" in layar.content.decode()
    assert _baris_urut(halaman2) == list(range(201, 206))
    assert cetak.status_code == 200
    html = cetak.content.decode()
    assert _baris_urut(cetak) == list(range(1, 206))
    assert "BUKU AGENDA NASKAH DINAS KEPUTUSAN" in html
    assert tim.satker.nama_badan.upper() in html
    assert f"TAHUN {tahun_ini()}" in html
    # The print rules live in the sheet's own stylesheet (no inline style under CSP).
    assert "staf cetak" in html and "css/buku-agenda" in html
    assert "Halaman 1 dari" not in html and 'name="tahun"' not in html


@pytest.mark.django_db
def test_buku_agenda_per_jenis_register_is_chosen_with_the_jenis_filter(client):
    tim = buat_tim_penyusunan()
    FormatNomor.objects.create(
        satker=tim.satker,
        jenis=tim.templat.jenis,
        pola="{urut}/PL-{tahun}",
        register_per_jenis=True,
    )
    templat_bersama = buat_templat(tim.satker, nama="Templat bersama", jenis=buat_jenis())
    sendiri = layanan.beri_nomor(tim.pengelola, di_penomoran(tim)).nomor
    bersama = layanan.beri_nomor(tim.pengelola, di_penomoran(tim, templat_bersama)).nomor
    client.force_login(tim.pengelola)

    html_bersama = client.get(reverse(URL_AGENDA)).content.decode()
    html_sendiri = client.get(
        reverse(URL_AGENDA), {"jenis": tim.templat.jenis.pk, "cetak": 1}
    ).content.decode()
    salah = client.get(reverse(URL_AGENDA), {"jenis": templat_bersama.jenis.pk})

    assert bersama.nomor in html_bersama and sendiri.nomor not in html_bersama
    assert sendiri.nomor in html_sendiri and bersama.nomor not in html_sendiri
    assert tim.templat.jenis.nama.upper() in html_sendiri
    assert salah.status_code == 200 and "jenis" in salah.context["form"].errors


@pytest.mark.django_db
def test_another_office_cannot_open_this_office_register(client):
    tim = buat_tim_penyusunan()
    lain = buat_tim_penyusunan()
    nomor = [n.nomor for n in nomori(tim, 3)]
    client.force_login(lain.pengelola)

    sendiri = client.get(reverse(URL_AGENDA))
    dicoba = client.get(reverse(URL_AGENDA), {"satker": tim.satker.pk, "cetak": 1})

    assert sendiri.status_code == 200
    assert dicoba.status_code in (200, 404)
    if dicoba.status_code == 200:
        assert "satker" in dicoba.context["form"].errors
    for r in (sendiri, dicoba):
        html = r.content.decode()
        assert not any(n in html for n in nomor)
        assert tim.satker.nama not in html


@pytest.mark.django_db
def test_user_without_a_drafting_role_gets_403_with_indonesian_message(client):
    buat_tim_penyusunan()
    client.force_login(User.objects.create(username="tanpa.peran"))

    respons = client.get(reverse(URL_AGENDA))

    assert respons.status_code == 403
    assert "Akses ditolak" in respons.content.decode()


@pytest.mark.django_db
def test_buku_agenda_needs_login(client):
    respons = client.get(reverse(URL_AGENDA))
    assert respons.status_code == 302 and "/masuk/" in respons["Location"]


# (GET values, whether the form must refuse them)
NILAI_JAHAT = [
    ({"tahun": "dua ribu"}, True),
    ({"tahun": "99999999999999999999999999"}, True),
    ({"tahun": "-2025"}, True),
    ({"tahun": "1e3"}, True),
    ({"tahun": "2025\x00"}, True),
    ({"tahun": ""}, True),
    ({"satker": "abc"}, True),
    ({"satker": "1 OR 1=1"}, True),
    ({"satker": "99999999999999999999999999"}, True),
    ({"satker": "-1"}, True),
    ({"satker": ""}, True),
    ({"satker": "\x00"}, True),
    ({"jenis": "abc"}, True),
    ({"jenis": "99999999999999999999999999"}, True),
    ({"jenis": "'; DROP TABLE workflow_nomornaskah; --"}, True),
    ({"halaman": "abc"}, False),
    ({"halaman": "99999999999999999999999999"}, False),
    ({"halaman": "-1"}, False),
    ({"cetak": "<script>alert(1)</script>"}, False),
    ({"tahun": "<script>alert(1)</script>", "cetak": "1"}, True),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("nilai", "galat"), NILAI_JAHAT, ids=[repr(n)[:40] for n, _ in NILAI_JAHAT]
)
def test_hostile_filter_values_give_a_form_error_or_404_never_500(client, nilai, galat):
    tim = buat_tim_penyusunan()
    FormatNomor.objects.create(
        satker=tim.satker, jenis=tim.templat.jenis, pola=POLA, register_per_jenis=True
    )
    nomori(tim, 2)
    client.force_login(tim.pengelola)

    respons = client.get(reverse(URL_AGENDA), nilai)

    assert respons.status_code in (200, 404)
    assert "<script>alert(1)</script>" not in respons.content.decode()
    if respons.status_code == 200:
        assert bool(respons.context["form"].errors) is galat
        assert NomorNaskah.objects.count() == 2


def _jumlah_kueri(client, **param):
    with CaptureQueriesContext(connection) as ctx:
        respons = client.get(reverse(URL_AGENDA), param)
    assert respons.status_code == 200
    return len(ctx.captured_queries), respons


@pytest.mark.django_db
def test_buku_agenda_query_count_is_the_same_for_3_and_30_rows(client):
    tim = buat_tim_penyusunan()
    FormatNomor.objects.create(
        satker=tim.satker, jenis=tim.templat.jenis, pola=POLA, register_per_jenis=True
    )
    nomori(tim, 2, oleh=tim.pengelola)
    penomoran.batalkan_nomor(nomori(tim, 1, oleh=tim.kasubbag)[0], "Dobel")
    client.force_login(tim.pengelola)
    param = {"jenis": tim.templat.jenis.pk}
    client.get(reverse(URL_AGENDA), param)  # the first request stores the time zone in the session

    layar_3, r3 = _jumlah_kueri(client, **param)
    cetak_3, _ = _jumlah_kueri(client, **param, cetak=1)
    nomori(tim, 25, oleh=tim.kasubbag)
    penomoran.batalkan_nomor(nomori(tim, 2, oleh=tim.pengelola)[0], "Dobel")
    layar_30, r30 = _jumlah_kueri(client, **param)
    cetak_30, c30 = _jumlah_kueri(client, **param, cetak=1)

    assert len(_baris_urut(r3)) == 3 and len(_baris_urut(r30)) == len(_baris_urut(c30)) == 30
    assert layar_3 == layar_30
    assert cetak_3 == cetak_30


# --- admin ----------------------------------------------------------------------------


@pytest.fixture
def admin_client_penyusunan(client):
    """A superuser's client, with the sop 003 admin in the URLconf even if the
    URLconf was built before the module registered its models."""
    assert penyusunan_admin.FormatNomorAdmin
    try:
        reverse("admin:workflow_formatnomor_add")
    except NoReverseMatch:
        import jdih.urls

        importlib.reload(jdih.urls)
        clear_url_caches()
    client.force_login(
        User.objects.create_superuser("admin.uji", "admin@uji.test", "rahasia-uji-123")
    )
    return client


@pytest.mark.django_db
def test_admin_refuses_a_number_pattern_without_urut(admin_client_penyusunan):
    tim = buat_tim_penyusunan()
    url = reverse("admin:workflow_formatnomor_add")
    data = {"satker": tim.satker.pk, "jenis": tim.templat.jenis.pk}

    ditolak = admin_client_penyusunan.post(url, {**data, "pola": "HK.03.1-Kpt/9204/{tahun}"})
    diterima = admin_client_penyusunan.post(url, {**data, "pola": POLA})

    assert ditolak.status_code == 200
    assert "wajib memuat {urut}" in ditolak.context["adminform"].form.errors["pola"][0]
    assert diterima.status_code == 302
    assert FormatNomor.objects.get().pola == POLA


@pytest.mark.django_db
def test_admin_cannot_add_change_or_delete_registers_and_numbers(admin_client_penyusunan):
    tim = buat_tim_penyusunan()
    n = layanan.beri_nomor(tim.pengelola, di_penomoran(tim)).nomor
    c = admin_client_penyusunan

    for model, obj in (("registernomor", n.register), ("nomornaskah", n)):
        assert c.get(reverse(f"admin:workflow_{model}_changelist")).status_code == 200
        assert c.get(reverse(f"admin:workflow_{model}_add")).status_code == 403
        assert c.post(reverse(f"admin:workflow_{model}_add"), {}).status_code == 403
        hapus = reverse(f"admin:workflow_{model}_delete", args=[obj.pk])
        assert c.get(hapus).status_code == 403
        assert c.post(hapus, {"post": "yes"}).status_code == 403
        ubah = reverse(f"admin:workflow_{model}_change", args=[obj.pk])
        assert c.get(ubah).status_code == 200  # view only
        c.post(ubah, {"terakhir": 99, "urut": 99, "nomor": "palsu"})
    assert NomorNaskah.objects.get().nomor == n.nomor and n.urut == 1
    assert RegisterNomor.objects.get().terakhir == 1
    daftar = c.get(reverse("admin:workflow_nomornaskah_changelist"), {"dibatalkan": "tidak"})
    assert n.nomor in daftar.content.decode()


@pytest.mark.django_db
def test_admin_shows_penyusunan_read_only_with_audit_trail(admin_client_penyusunan):
    tim = buat_tim_penyusunan()
    p = layanan.beri_nomor(tim.pengelola, di_penomoran(tim))
    c = admin_client_penyusunan

    halaman = c.get(reverse("admin:workflow_penyusunankeputusan_change", args=[p.pk]))
    c.post(reverse("admin:workflow_penyusunankeputusan_change", args=[p.pk]), {"status": "selesai"})

    assert halaman.status_code == 200
    html = halaman.content.decode()
    assert "Penomoran di buku agenda" in html  # jejak audit
    assert "Revisi" in html or "revisi" in html  # draft inline
    assert c.get(reverse("admin:workflow_penyusunankeputusan_add")).status_code == 403
    assert (
        c.get(reverse("admin:workflow_penyusunankeputusan_delete", args=[p.pk])).status_code == 403
    )
    p.refresh_from_db()
    assert p.status == S.SALINAN
    with pytest.raises(NoReverseMatch):
        reverse("admin:workflow_kelengkapan_changelist")


@pytest.mark.django_db
def test_admin_templat_sk_tells_the_placeholders(admin_client_penyusunan):
    tim = buat_tim_penyusunan()
    c = admin_client_penyusunan

    tambah = c.get(reverse("admin:workflow_templatsk_add")).content.decode()
    daftar = c.get(reverse("admin:workflow_templatsk_changelist"), {"q": tim.templat.nama[:8]})

    for penanda in ("{judul}", "{tahun}", "{satker}", "{tempat}"):
        assert penanda in tambah
    assert tim.templat.nama in daftar.content.decode()
