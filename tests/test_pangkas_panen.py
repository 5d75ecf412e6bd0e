"""manage.py pangkas_panen --hari N: old harvest-log rows go, what "last
harvest" reads stays (per feed: the newest row and the newest complete one)."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command

from publicsite.models import PanenJDIHN
from tests.factories import buat_satker
from tests.pemantauan_helpers import panen

pytestmark = pytest.mark.django_db


def jalankan(*args) -> str:
    keluar = io.StringIO()
    call_command("pangkas_panen", *args, stdout=keluar)
    return keluar.getvalue()


def test_old_rows_go_and_each_feeds_last_harvests_stay():
    a, b, c = buat_satker(), buat_satker(), buat_satker()
    # Satker a: harvested daily for a long time; the last one broke off.
    lama_a = [panen(a, umur=timedelta(days=d)) for d in range(200, 100, -10)]
    utuh_a = panen(a, umur=timedelta(days=95))
    putus_a = panen(a, umur=timedelta(days=94), selesai=False)
    # Satker b: only old harvests, all complete: the newest one stays.
    lama_b = [panen(b, umur=timedelta(days=d)) for d in (300, 200)]
    # Satker c: recent: nothing of it is touched.
    baru_c = [panen(c, umur=timedelta(days=d)) for d in (40, 5)]
    # The national feed.
    lama_n = panen(None, umur=timedelta(days=120))
    baru_n = panen(None, umur=timedelta(days=1))

    teks = jalankan("--hari", "90")

    sisa = set(PanenJDIHN.objects.values_list("pk", flat=True))
    assert sisa == {utuh_a.pk, putus_a.pk, lama_b[-1].pk, *(p.pk for p in baru_c), baru_n.pk}
    assert lama_n.pk not in sisa and not sisa & {p.pk for p in lama_a}
    assert "12 catatan" in teks and "6 tersisa" in teks


def test_running_twice_deletes_nothing_more():
    s = buat_satker()
    for d in (400, 300, 200):
        panen(s, umur=timedelta(days=d))
    jalankan("--hari", "30")
    assert PanenJDIHN.objects.count() == 1
    assert "0 catatan" in jalankan("--hari", "30")
    assert PanenJDIHN.objects.count() == 1


def test_large_logs_are_deleted_in_slices(monkeypatch):
    from publicsite.management.commands import pangkas_panen

    monkeypatch.setattr(pangkas_panen, "UKURAN_HAPUS", 3)
    s = buat_satker()
    for d in range(100, 111):
        panen(s, umur=timedelta(days=d))
    panen(s, umur=timedelta(days=1))
    assert "11 catatan" in jalankan("--hari", "7")
    assert PanenJDIHN.objects.count() == 1


@pytest.mark.parametrize("hari", ["0", "-3"])
def test_days_must_be_at_least_one(hari):
    with pytest.raises(CommandError, match="paling sedikit 1"):
        jalankan("--hari", hari)


def test_days_must_be_a_number():
    with pytest.raises(CommandError):
        jalankan("--hari", "seminggu")
