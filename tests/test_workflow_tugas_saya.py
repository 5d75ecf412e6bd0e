from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.alur_helpers import ajukan, ajukan_penurunan, buat_tim, majukan
from workflow.models import Permohonan, Status
from workflow.peran import Peran

pytestmark = pytest.mark.django_db
URL = reverse("workflow:tugas-saya")


def _jumlah_kueri(client):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL).status_code == 200
    return len(ctx.captured_queries)


def test_tugas_saya_runs_constant_number_of_queries(client, django_assert_num_queries):
    tim = buat_tim(validator=[Peran.WEB_ADMIN])
    ajukan(tim)
    client.force_login(tim.kasubbag)
    client.get(URL)  # the session's time zone is cached on the first visit
    sedikit = _jumlah_kueri(client)
    for _ in range(12):
        ajukan(tim)
    majukan(ajukan(tim), tim, Status.DIVALIDASI)
    majukan(ajukan(tim), tim, Status.DIPERIKSA)
    assert Permohonan.objects.count() == 15
    with django_assert_num_queries(sedikit):
        respons = client.get(URL)
    assert len(respons.context["baris"]) == 14
    # Ten queries: session, user, permissions, roles, validation chains,
    # time standards, count, the page's keys (one union over every
    # procedure), one query per procedure present on the page, and the
    # header's roles with their Satkers (workflow.konteks_staf).
    assert sedikit == 10


def test_tugas_saya_lists_only_what_waits_for_this_user(client):
    tim = buat_tim(validator=[Peran.WEB_ADMIN])
    lain = buat_tim()
    baru = ajukan(tim)
    diperiksa = majukan(ajukan(tim), tim, Status.DIPERIKSA)
    validasi = majukan(ajukan(tim), tim, Status.DIVALIDASI)
    ajukan(lain)

    def daftar(user):
        client.force_login(user)
        return {b.permohonan.pk for b in client.get(URL).context["baris"]}

    assert daftar(tim.kasubbag) == {baru.pk, diperiksa.pk}
    assert daftar(tim.validator[0]) == {validasi.pk}
    assert daftar(tim.pengelola) == set()
    assert daftar(tim.pengusul) == set()
    assert len(daftar(lain.kasubbag)) == 1


def test_overdue_requests_are_highlighted_with_age_against_standard(client):
    tim = buat_tim()
    lama = ajukan(tim)
    Permohonan.objects.filter(pk=lama.pk).update(
        status_sejak=timezone.now() - timedelta(minutes=45)
    )
    ajukan(tim)
    client.force_login(tim.kasubbag)
    respons = client.get(URL)
    baris = {b.permohonan.pk: b for b in respons.context["baris"]}
    assert baris[lama.pk].terlambat
    assert baris[lama.pk].standar == timedelta(minutes=20)  # steps 1 and 2 of sop 000
    assert sum(b.terlambat for b in baris.values()) == 1
    html = respons.content.decode()
    assert 'class="terlambat"' in html
    assert "melewati mutu baku" in html


def test_filters_by_state_jenis_and_nomor(client):
    tim = buat_tim()
    a = ajukan(tim, nomor="77/PL.02-Kpt/2024")
    b = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    c = ajukan_penurunan(tim)
    client.force_login(tim.kasubbag)

    def daftar(**q):
        return {
            x.permohonan.pk for x in client.get(URL, {"lingkup": "semua", **q}).context["baris"]
        }

    assert daftar() == {a.pk, b.pk, c.pk}
    assert daftar(status="didisposisi") == {b.pk}
    assert daftar(jenis="penurunan") == {c.pk}
    assert daftar(nomor="77/PL") == {a.pk}


def test_list_paginates(client):
    tim = buat_tim()
    for _ in range(27):
        ajukan(tim)
    client.force_login(tim.kasubbag)
    assert len(client.get(URL).context["baris"]) == 25
    assert len(client.get(URL, {"halaman": 2}).context["baris"]) == 2


def test_request_page_shows_timeline_with_elapsed_time_against_standard(client):
    tim = buat_tim()
    p = majukan(ajukan(tim), tim, Status.DIDISPOSISI)
    client.force_login(tim.pengelola)
    respons = client.get(p.get_absolute_url())
    garis = respons.context["linimasa"]
    assert [g.label for g in garis] == [
        "Mengajukan permohonan (Nota Dinas)",
        "Memberi disposisi",
        "Menunggu: Menyiapkan dan menyerahkan produk hukum",
    ]
    assert garis[1].standar == timedelta(minutes=20)
    assert garis[2].standar == timedelta(minutes=70)
    assert garis[1].jejak.oleh == tim.kasubbag
    html = respons.content.decode()
    assert "Siapkan produk hukum" in html
    assert "Langkah 1–2" in html


# --- every procedure on one list ----------------------------------------------


def test_tugas_saya_lists_every_procedures_work_in_one_list_with_constant_queries(
    client, django_assert_num_queries
):
    from tests.penyusunan_helpers import S, buat_tim_penyusunan, majukan, mulai

    tim = buat_tim_penyusunan()
    ajukan(tim)
    majukan(mulai(tim), tim, S.VERIFIKASI_PERSONIL)
    client.force_login(tim.kasubbag)
    client.get(URL)
    sedikit = _jumlah_kueri(client)
    for _ in range(6):
        ajukan(tim)
    for _ in range(3):
        majukan(mulai(tim), tim, S.VERIFIKASI_PERSONIL)
    with django_assert_num_queries(sedikit):
        respons = client.get(URL)
    baris = respons.context["baris"]
    assert len(baris) == 11
    assert {type(b.alur).__name__ for b in baris} == {"Permohonan", "PenyusunanKeputusan"}
    # Oldest first across procedures.
    assert [b.alur.status_sejak for b in baris] == sorted(b.alur.status_sejak for b in baris)
    html = respons.content.decode()
    assert "Verifikasi personil" in html and "Menerima Nota Dinas" in html


def test_tugas_saya_shows_each_sop003_role_its_own_step(client):
    from tests.penyusunan_helpers import S, buat_tim_penyusunan, majukan, mulai

    tim = buat_tim_penyusunan()
    pleno = majukan(mulai(tim), tim, S.PLENO)
    paraf = majukan(mulai(tim), tim, S.PARAF)
    draf = mulai(tim)

    def daftar(user):
        client.force_login(user)
        return {b.alur.pk for b in client.get(URL).context["baris"]}

    assert daftar(tim.ketua) == {pleno.pk}
    assert daftar(tim.sekretaris) == {paraf.pk}
    assert daftar(tim.divisi) == {draf.pk}
    assert daftar(tim.pengusul) == {draf.pk}
    client.force_login(tim.kasubbag)
    semua = client.get(URL, {"lingkup": "semua", "jenis": "penyusunan-1"}).context["baris"]
    assert {b.alur.pk for b in semua} == {pleno.pk, paraf.pk, draf.pk}
    hanya = client.get(URL, {"lingkup": "semua", "status": "pleno"}).context["baris"]
    assert [b.alur.pk for b in hanya] == [pleno.pk]


def test_tugas_saya_filters_answer_hostile_values_without_error(client):
    tim = buat_tim()
    ajukan(tim)
    client.force_login(tim.kasubbag)
    for q in (
        {"status": "<script>"},
        {"jenis": "penyusunan-9"},
        {"halaman": "-1"},
        {"halaman": "9999999999999999999"},
        {"nomor": "x" * 500},
    ):
        assert client.get(URL, {"lingkup": "semua", **q}).status_code == 200, q


def test_tugas_saya_shows_sop004_work_to_the_named_staf_and_each_role(client):
    from tests.konten_helpers import S, buat_tim_konten, disposisi, majukan

    tim = buat_tim_konten()
    baru = disposisi(tim)
    koreksi = majukan(disposisi(tim, judul="Ringkasan PKPU"), tim, S.DIKOREKSI)
    setuju = majukan(disposisi(tim, judul="Pengumuman"), tim, S.DISETUJUI)
    lain_staf = disposisi(tim, staf=tim.staf2, judul="Untuk staf kedua")

    def daftar(user):
        client.force_login(user)
        return {
            b.alur.pk for b in client.get(URL).context["baris"] if b.alur.NAMA_OBJEK == "konten"
        }

    # Only the Staf named in the disposisi has the concept on his list.
    assert daftar(tim.staf) == {baru.pk}
    assert daftar(tim.staf2) == {lain_staf.pk}
    assert daftar(tim.kasubbag) == {koreksi.pk}
    assert daftar(tim.kabag) == {setuju.pk}
    client.force_login(tim.kasubbag)
    semua = client.get(URL, {"lingkup": "semua", "jenis": "konten"}).context["baris"]
    assert {b.alur.pk for b in semua} == {baru.pk, koreksi.pk, setuju.pk, lain_staf.pk}
