"""No staff form accepts a POST without its CSRF token, whoever is logged in:
every URL under /staf/ (walked from the resolver) and logout answer 403, and
the refusal is CSRF's own (not a permission check that might not be there
for another role)."""

import logging

import pytest
from django.test import Client

from tests.alur_helpers import buat_pengguna, buat_tim
from tests.konten_helpers import buat_tim_konten
from tests.penyusunan_helpers import buat_tim_penyusunan
from tests.test_url_wajib_masuk import objek_nyata, semua_url
from workflow.models import TingkatValidasi
from workflow.penugasan import grup_peran, tetapkan_peran
from workflow.peran import PERAN_VALIDATOR

pytestmark = pytest.mark.django_db


def staf_setiap_peran():
    """One user per SOP role (sop 000-004), plus a superuser."""
    tim = buat_tim_penyusunan()
    tim_k = buat_tim_konten()
    pengguna = {
        "pengusul": tim.pengusul,
        "kasubbag": tim.kasubbag,
        "pengelola": tim.pengelola,
        "divisi": tim.divisi,
        "sekretaris": tim.sekretaris,
        "ketua": tim.ketua,
        "kabag": tim_k.kabag,
        "staf": tim_k.staf,
    }
    for urutan, peran in enumerate(PERAN_VALIDATOR, start=1):
        user = buat_pengguna(f"validator{urutan}.{tim.satker.slug}")
        tetapkan_peran(user, tim.satker, peran)
        TingkatValidasi.objects.create(
            satker=tim.satker, urutan=urutan, peran=grup_peran(peran), nama=str(peran)
        )
        pengguna[str(peran)] = user
    pengguna["admin"] = buat_pengguna("admin-csrf", is_staff=True, is_superuser=True)
    return pengguna


def test_post_tanpa_token_ke_setiap_url_staf_ditolak_csrf_untuk_setiap_peran(caplog):
    alamat = [a for _, a in semua_url("/staf/", objek_nyata())] + ["/keluar/"]
    salah = []
    for peran, user in staf_setiap_peran().items():
        klien = Client(enforce_csrf_checks=True)
        klien.force_login(user)
        for a in alamat:
            caplog.clear()
            with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
                respons = klien.post(a, {"catatan": "tanpa token"})
            csrf = [r for r in caplog.records if r.name == "django.security.csrf"]
            if respons.status_code != 403 or not csrf:
                salah.append(f"{peran} {a}: {respons.status_code}")
        # Still logged in: the refused logout did not log anyone out.
        assert klien.get("/staf/").status_code == 200, peran
    assert salah == []


def test_post_tanpa_token_ke_admin_ditolak_csrf(caplog):
    admin = buat_pengguna("admin-csrf", is_staff=True, is_superuser=True)
    klien = Client(enforce_csrf_checks=True)
    klien.force_login(admin)
    salah = []
    for nama, a in semua_url("/admin/", objek_nyata()):
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
            respons = klien.post(a, {"action": "delete_selected", "_selected_action": ["1"]})
        csrf = [r for r in caplog.records if r.name == "django.security.csrf"]
        if respons.status_code != 403 or not csrf:
            salah.append(f"{nama} {a}: {respons.status_code}")
    assert salah == []


def test_dengan_token_post_sampai_ke_tampilan(caplog):
    """The check above is about the token: with it, the same POST is judged
    by the view (here: a form error, 200), so 403 really meant CSRF."""
    tim = buat_tim()
    klien = Client(enforce_csrf_checks=True)
    klien.force_login(tim.pengusul)
    klien.get("/staf/permohonan/baru/")
    token = klien.cookies["csrftoken"].value
    respons = klien.post("/staf/permohonan/baru/", {"csrfmiddlewaretoken": token})
    assert respons.status_code == 200
