"""Two people act on one request at the same moment: exactly one transition."""

import pytest
from django.db import connection

from tests.alur_helpers import ajukan, buat_tim, serentak
from workflow import layanan
from workflow.models import Permohonan, Status

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Two real connections racing for a row lock need PostgreSQL; "
    "SQLite serialises whole-file writes, so there is no race to test.",
)
def test_two_kasubbag_disposing_at_once_yield_one_transition(django_user_model):
    tim = buat_tim()
    kasubbag2 = django_user_model.objects.create(username="kasubbag2")
    from workflow.penugasan import tetapkan_peran
    from workflow.peran import Peran

    tetapkan_peran(kasubbag2, tim.satker, Peran.KASUBBAG)
    p = ajukan(tim)
    for _ in range(5):  # repeat: a race that passes once by luck passes five times by design
        hasil = serentak(
            *(
                (
                    lambda u=u, pk=p.pk: layanan.disposisi(
                        u,
                        Permohonan.objects.get(pk=pk),
                        kepada=tim.pengelola,
                        petunjuk=f"oleh {u}",
                        status_terlihat=Status.DIAJUKAN,
                    )
                )
                for u in (tim.kasubbag, kasubbag2)
            )
        )
        berhasil = [h for h in hasil if h[0] == "ok"]
        gagal = [h[1] for h in hasil if h[0] == "gagal"]
        assert len(berhasil) == 1, hasil
        assert len(gagal) == 1 and isinstance(gagal[0], layanan.StatusBerubah), gagal
        assert "baru saja diproses" in gagal[0].pesan
        assert p.jejak.filter(aksi="disposisi").count() == 1
        # Reset for the next round through a fresh request.
        p = ajukan(tim)


def test_stale_instance_without_lock_is_refused_by_concurrent_transition_mixin():
    tim = buat_tim()
    p = ajukan(tim)
    basi = Permohonan.objects.get(pk=p.pk)
    layanan.disposisi(tim.kasubbag, p, kepada=tim.pengelola, petunjuk="pertama")
    # Saving the stale copy straight (bypassing the service) must not overwrite.
    from django_fsm import ConcurrentTransition

    basi.disposisi()
    with pytest.raises(ConcurrentTransition):
        basi.save()
    assert Permohonan.objects.get(pk=p.pk).status == Status.DIDISPOSISI


@pytest.mark.skipif(connection.vendor != "postgresql", reason="Racing row locks need PostgreSQL.")
def test_two_ketua_deciding_one_pleno_at_once_yield_one_transition(django_user_model):
    from django.utils import timezone

    from tests.penyusunan_helpers import K, S, buat_tim_penyusunan, kelengkapan, majukan, mulai
    from workflow.mesin import StatusBerubah
    from workflow.penugasan import tetapkan_peran
    from workflow.penyusunan import layanan as penyusunan
    from workflow.penyusunan.models import PenyusunanKeputusan
    from workflow.peran import Peran

    tim = buat_tim_penyusunan()
    ketua2 = django_user_model.objects.create(username="ketua2")
    tetapkan_peran(ketua2, tim.satker, Peran.KETUA)
    p = majukan(mulai(tim), tim, S.PLENO)
    kelengkapan(p, tim.ketua, K.BERITA_ACARA_PLENO)
    hasil = serentak(
        lambda: penyusunan.tetapkan_pleno(
            tim.ketua,
            PenyusunanKeputusan.objects.get(pk=p.pk),
            tanggal_pleno=timezone.localdate(),
            status_terlihat=S.PLENO,
        ),
        lambda: penyusunan.kembalikan_pleno(
            ketua2,
            PenyusunanKeputusan.objects.get(pk=p.pk),
            tanggal_pleno=timezone.localdate(),
            catatan="Perbaiki",
            status_terlihat=S.PLENO,
        ),
    )
    gagal = [h[1] for h in hasil if h[0] == "gagal"]
    assert len([h for h in hasil if h[0] == "ok"]) == 1, hasil
    assert len(gagal) == 1 and isinstance(gagal[0], StatusBerubah), gagal
    assert "baru saja diproses" in gagal[0].pesan
    assert p.jejak.filter(aksi__in=["tetapkan_pleno", "kembalikan_pleno"]).count() == 1
