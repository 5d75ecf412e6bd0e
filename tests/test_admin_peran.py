"""Roles in admin are unambiguous (issue 12, items 3 and 4): a role is given
per Satker in one place, the user's admin page; Django's own group and
permission pickers cannot create a role that does nothing; the user list
shows roles, Satkers and who has no email address."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.admin_helpers import formulir_admin
from tests.alur_helpers import buat_pengguna, buat_tim
from tests.factories import buat_satker
from workflow.izin import IZIN, pastikan_grup_peran
from workflow.models import PenugasanPeran, SatkerUserObjectPermission
from workflow.penugasan import grup_peran, tetapkan_peran
from workflow.peran import Peran

pytestmark = pytest.mark.django_db
DAFTAR = reverse("admin:auth_user_changelist")


def _ubah(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def _izin(user, satker):
    return set(
        SatkerUserObjectPermission.objects.filter(user=user, content_object=satker).values_list(
            "permission__codename", flat=True
        )
    )


def _baris_baru(data, indeks, satker, peran):
    awalan = f"penugasan_peran-{indeks}-"
    data[awalan + "satker"] = satker.pk
    data[awalan + "peran"] = grup_peran(peran).pk
    data[awalan + "pengguna"] = data.get("_pengguna", "")
    data["penugasan_peran-TOTAL_FORMS"] = indeks + 1


def test_admin_memberi_peran_per_satker_di_halaman_pengguna(admin_client):
    pastikan_grup_peran()
    satker = buat_satker()
    user = buat_pengguna("pegawai.baru", email="pegawai@kpu.test")
    halaman = admin_client.get(_ubah(user))
    assert "Peran per satker" in halaman.content.decode()
    data = formulir_admin(halaman)
    _baris_baru(data, 0, satker, Peran.PENGUSUL)

    respons = admin_client.post(_ubah(user), data)

    assert respons.status_code == 302, respons.context and respons.context["errors"]
    penugasan = PenugasanPeran.objects.get(pengguna=user)
    assert (penugasan.satker, penugasan.peran.name) == (satker, str(Peran.PENGUSUL))
    assert {"ajukan_permohonan", "lihat_permohonan"} <= _izin(user, satker)


def test_pilihan_peran_hanya_peran_sop_berurutan_dengan_uraian(admin_client):
    pastikan_grup_peran()
    Group.objects.create(name="Grup lama tanpa arti")
    user = buat_pengguna("pegawai")
    formset = admin_client.get(_ubah(user)).context["inline_admin_formsets"][0].formset
    pilihan = [label for nilai, label in formset.forms[0].fields["peran"].choices if nilai]
    assert [p.split(" — ")[0] for p in pilihan] == [str(p) for p in Peran]
    assert all(" — " in p and len(p.split(" — ")[1]) > 10 for p in pilihan)
    assert "Pengelola JDIH — menyiapkan, mengunggah, dan menurunkan produk hukum" in pilihan[2]
    # The satker list is a plain select, alphabetical, with no add/change buttons.
    html = admin_client.get(_ubah(user)).content.decode()
    assert "add_id_penugasan_peran-0-satker" not in html
    assert "change_id_penugasan_peran-0-peran" not in html


def test_peran_bukan_sop_ditolak_walau_dikirim_manual(admin_client):
    satker = buat_satker()
    user = buat_pengguna("pegawai")
    lama = Group.objects.create(name="Grup lama tanpa arti")
    data = formulir_admin(admin_client.get(_ubah(user)))
    data["penugasan_peran-0-satker"] = satker.pk
    data["penugasan_peran-0-peran"] = lama.pk

    respons = admin_client.post(_ubah(user), data)

    assert respons.status_code == 200
    assert not PenugasanPeran.objects.exists()


def test_formulir_pengguna_tanpa_pemilih_grup_dan_izin_sop(admin_client):
    pastikan_grup_peran()
    user = buat_pengguna("pegawai")
    halaman = admin_client.get(_ubah(user))
    form = halaman.context["adminform"].form
    assert "groups" not in form.fields
    izin = form.fields["user_permissions"].queryset
    assert not izin.filter(codename__in=list(IZIN)).exists()
    assert izin.filter(codename="change_user").exists()
    # Posting a group anyway makes no membership.
    data = formulir_admin(halaman)
    data["groups"] = [grup_peran(Peran.KASUBBAG).pk]
    data["user_permissions"] = [Permission.objects.get(codename="disposisi_permohonan").pk]
    respons = admin_client.post(_ubah(user), data)
    assert respons.status_code == 200  # the SOP permission is not a valid choice
    data.pop("user_permissions")
    assert admin_client.post(_ubah(user), data).status_code == 302
    user.refresh_from_db()
    assert not user.groups.exists() and not user.user_permissions.exists()


def test_izin_admin_tetap_dapat_diberikan(admin_client):
    user = buat_pengguna("operator", is_staff=True)
    data = formulir_admin(admin_client.get(_ubah(user)))
    data["user_permissions"] = [Permission.objects.get(codename="change_user").pk]
    assert admin_client.post(_ubah(user), data).status_code == 302
    assert user.user_permissions.filter(codename="change_user").exists()


def test_grup_peran_hanya_dapat_dibaca(admin_client):
    pastikan_grup_peran()
    tim = buat_tim()
    grup = grup_peran(Peran.PENGELOLA)
    ubah = reverse("admin:auth_group_change", args=[grup.pk])

    halaman = admin_client.get(ubah)
    assert halaman.status_code == 200
    html = halaman.content.decode()
    assert "Menyiapkan, memperbaiki, dan menyerahkan produk hukum" in html
    assert tim.pengelola.username in html or "pengelola" in html
    assert 'name="permissions"' not in html

    assert admin_client.post(ubah, {"name": "Pengelola baru", "permissions": []}).status_code == 403
    assert admin_client.get(reverse("admin:auth_group_add")).status_code == 403
    hapus = reverse("admin:auth_group_delete", args=[grup.pk])
    assert admin_client.post(hapus, {"post": "yes"}).status_code == 403
    grup.refresh_from_db()
    assert grup.name == str(Peran.PENGELOLA)
    assert grup.permissions.filter(codename="siapkan_permohonan").exists()


def test_daftar_grup_menjelaskan_tiap_peran(admin_client):
    pastikan_grup_peran()
    buat_tim()
    html = admin_client.get(reverse("admin:auth_group_changelist")).content.decode()
    assert "mengajukan permohonan unggah/penurunan" in html
    assert reverse("admin:auth_group_add") not in html


def test_memindah_peran_ke_satker_lain_mencabut_izin_di_satker_lama(admin_client):
    pastikan_grup_peran()
    lama, baru = buat_satker(), buat_satker()
    user = buat_pengguna("pegawai")
    tetapkan_peran(user, lama, Peran.PENGELOLA)
    assert "siapkan_permohonan" in _izin(user, lama)
    data = formulir_admin(admin_client.get(_ubah(user)))
    data["penugasan_peran-0-satker"] = baru.pk

    assert admin_client.post(_ubah(user), data).status_code == 302

    assert _izin(user, lama) == set()
    assert "siapkan_permohonan" in _izin(user, baru)


def test_menghapus_peran_di_halaman_pengguna_mencabut_izinnya(admin_client):
    pastikan_grup_peran()
    satker = buat_satker()
    user = buat_pengguna("pegawai")
    tetapkan_peran(user, satker, Peran.KASUBBAG)
    data = formulir_admin(admin_client.get(_ubah(user)))
    data["penugasan_peran-0-DELETE"] = "on"

    assert admin_client.post(_ubah(user), data).status_code == 302

    assert not PenugasanPeran.objects.exists()
    assert _izin(user, satker) == set()


def test_daftar_pengguna_menampilkan_peran_satker_dan_tanpa_email(admin_client):
    tim = buat_tim(buat_satker(nama="KPU Kabupaten Kotawaringin Timur"))
    tanpa = buat_pengguna("tanpa.surel", first_name="Budi")
    tetapkan_peran(tanpa, tim.satker, Peran.PENGELOLA)

    html = admin_client.get(DAFTAR).content.decode()

    assert "<strong>KPU Kab. Kotawaringin Timur</strong>: Pengelola JDIH" in html
    assert "tanpa alamat email" in html
    assert tim.pengusul.email in html


def test_saring_pengguna_tanpa_alamat_email(admin_client):
    tim = buat_tim()
    buat_pengguna("tanpa.surel")
    respons = admin_client.get(DAFTAR, {"surel": "tanpa"})
    nama = {u.username for u in respons.context["cl"].result_list}
    assert "tanpa.surel" in nama
    assert tim.pengusul.username not in nama
    assert "Tanpa alamat email" in respons.content.decode()
    ada = {u.username for u in admin_client.get(DAFTAR, {"surel": "ada"}).context["cl"].result_list}
    assert tim.pengusul.username in ada and "tanpa.surel" not in ada


def test_halaman_ubah_memperingatkan_pengguna_tanpa_email(admin_client):
    tanpa = buat_pengguna("tanpa.surel")
    ada = buat_pengguna("ada.surel", email="ada@kpu.test")
    assert "tidak menerima pemberitahuan" in admin_client.get(_ubah(tanpa)).content.decode()
    assert "tidak menerima pemberitahuan" not in admin_client.get(_ubah(ada)).content.decode()


def test_daftar_pengguna_jumlah_kueri_tetap(admin_client, django_assert_num_queries):
    tim = buat_tim()
    admin_client.get(DAFTAR)
    with CaptureQueriesContext(connection) as ctx:
        admin_client.get(DAFTAR)
    sedikit = len(ctx.captured_queries)
    for n in range(8):
        u = buat_pengguna(f"tambahan{n}")
        tetapkan_peran(u, tim.satker, Peran.PENGUSUL)
        tetapkan_peran(u, buat_satker(), Peran.KASUBBAG)
    with django_assert_num_queries(sedikit):
        respons = admin_client.get(DAFTAR)
    assert len(respons.context["cl"].result_list) == User.objects.count()


def test_penugasan_peran_admin_hanya_baca_dan_menunjuk_halaman_pengguna(admin_client):
    tim = buat_tim()
    html = admin_client.get(reverse("admin:workflow_penugasanperan_changelist")).content.decode()
    assert _ubah(tim.pengusul) in html
    assert "ubah peran di halaman pengguna" in html
    assert admin_client.get(reverse("admin:workflow_penugasanperan_add")).status_code == 403


def test_pengguna_baru_diisi_nama_dan_email_sekaligus(admin_client):
    halaman = admin_client.get(reverse("admin:auth_user_add"))
    form = halaman.context["adminform"].form
    assert {"first_name", "last_name", "email"} <= set(form.fields)
