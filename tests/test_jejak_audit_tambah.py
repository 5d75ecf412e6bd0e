"""Issue 11, item 9: the audit trail is append-only in the database, and its
address comes from X-Forwarded-For only through a trusted proxy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import DatabaseError, connection, transaction
from django.db.models import ProtectedError
from django.test import RequestFactory
from django.urls import reverse

from jdih.jaringan import alamat_klien
from publicsite.models import PanenJDIHN
from tests.alur_helpers import ajukan, buat_pengguna, buat_tim
from workflow.mesin import catat
from workflow.models import JejakAudit, JejakTidakDapatDiubah, Status

pytestmark = pytest.mark.django_db

DIREKTORI = Path(__file__).resolve().parent.parent
hanya_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pemicu basis data hanya di PostgreSQL"
)


def _tabel():
    return connection.ops.quote_name(JejakAudit._meta.db_table)


# --- append-only --------------------------------------------------------------


def test_queryset_update_of_the_audit_trail_is_refused():
    p = ajukan(buat_tim())
    with pytest.raises(JejakTidakDapatDiubah):
        p.jejak.update(catatan="diubah")
    with pytest.raises(JejakTidakDapatDiubah):
        JejakAudit.objects.update(aksi="lain")
    jejak = list(p.jejak.all())
    jejak[0].catatan = "diubah"
    with pytest.raises(JejakTidakDapatDiubah):
        JejakAudit.objects.bulk_update(jejak, ["catatan"])
    assert not JejakAudit.objects.filter(catatan="diubah").exists()


def test_queryset_delete_of_the_audit_trail_is_refused():
    p = ajukan(buat_tim())
    with pytest.raises(JejakTidakDapatDiubah):
        p.jejak.delete()
    with pytest.raises(JejakTidakDapatDiubah):
        JejakAudit.objects.all().delete()
    assert p.jejak.count() == 1


def test_appending_still_works_through_the_engine():
    tim = buat_tim()
    p = ajukan(tim)
    from workflow import layanan

    layanan.disposisi(tim.kasubbag, p, kepada=tim.pengelola, petunjuk="Unggah")
    assert list(p.jejak.values_list("aksi", flat=True)) == ["ajukan", "disposisi"]


def test_deleting_the_user_or_satker_of_an_entry_is_refused_not_cascaded():
    tim = buat_tim()
    p = ajukan(tim)
    with pytest.raises(ProtectedError):
        tim.pengusul.delete()
    with pytest.raises(ProtectedError):
        tim.satker.delete()
    assert p.jejak.count() == 1


@hanya_postgresql
def test_postgresql_refuses_raw_update_of_the_audit_table():
    p = ajukan(buat_tim())
    jejak = p.jejak.get()
    with pytest.raises(DatabaseError, match="hanya dapat ditambah"), transaction.atomic():
        with connection.cursor() as c:
            c.execute(f"UPDATE {_tabel()} SET catatan = %s WHERE id = %s", ["diubah", jejak.pk])
    assert JejakAudit.objects.get(pk=jejak.pk).catatan == jejak.catatan


@hanya_postgresql
def test_postgresql_refuses_raw_delete_of_the_audit_table():
    p = ajukan(buat_tim())
    with pytest.raises(DatabaseError, match="hanya dapat ditambah"), transaction.atomic():
        with connection.cursor() as c:
            c.execute(f"DELETE FROM {_tabel()}")
    assert p.jejak.count() == 1


@hanya_postgresql
def test_postgresql_refuses_a_cascade_into_the_audit_table():
    """Even a foreign key switched to CASCADE by hand cannot empty the trail:
    the cascaded DELETE reaches the trigger."""
    tim = buat_tim()
    p = ajukan(tim)
    # Someone the trail alone refers to, so only the cascade can stop the delete.
    saksi = buat_pengguna("saksi")
    catat(p, saksi, "catatan", p.status, p.status, catatan="Diperiksa")
    kolom = JejakAudit._meta.get_field("oleh").column
    with pytest.raises(DatabaseError, match="hanya dapat ditambah"), transaction.atomic():
        with connection.cursor() as c:
            # The test's own inserts leave deferred checks that ALTER TABLE refuses.
            c.execute("SET CONSTRAINTS ALL IMMEDIATE")
            c.execute(
                "SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass "
                "AND contype = 'f' AND %s = ANY (SELECT attname FROM pg_attribute "
                "WHERE attrelid = conrelid AND attnum = ANY (conkey))",
                [JejakAudit._meta.db_table, kolom],
            )
            (nama,) = c.fetchone()
            c.execute(f'ALTER TABLE {_tabel()} DROP CONSTRAINT "{nama}"')
            c.execute(
                f'ALTER TABLE {_tabel()} ADD CONSTRAINT "{nama}" FOREIGN KEY ("{kolom}") '
                "REFERENCES auth_user (id) ON DELETE CASCADE"
            )
            c.execute("DELETE FROM auth_user WHERE id = %s", [saksi.pk])
    assert p.jejak.count() == 2


# --- the client's address -------------------------------------------------------

PROXY = "10.0.0.2"


@pytest.mark.parametrize(
    ("tepercaya", "peer", "xff", "diharapkan"),
    [
        # No proxy configured: the header is anyone's to write.
        ([], "203.0.113.7", "198.51.100.1", "203.0.113.7"),
        ([], "203.0.113.7", None, "203.0.113.7"),
        # Through the trusted proxy: the address it saw.
        ([PROXY], PROXY, "203.0.113.7", "203.0.113.7"),
        (["10.0.0.0/8"], PROXY, "203.0.113.7", "203.0.113.7"),
        # A peer that is not the proxy cannot choose its address.
        ([PROXY], "198.51.100.9", "127.0.0.1", "198.51.100.9"),
        # The client's own header is left of what the proxy appended.
        ([PROXY], PROXY, "127.0.0.1, 203.0.113.7", "203.0.113.7"),
        # Two trusted hops: the right-most untrusted address is the client.
        (["10.0.0.0/8"], PROXY, "1.2.3.4, 203.0.113.7, 10.1.1.1", "203.0.113.7"),
        ([PROXY, "10.1.1.1"], PROXY, "203.0.113.7, 10.9.9.9, 10.1.1.1", "10.9.9.9"),
        # Every hop trusted: the furthest one known.
        (["10.0.0.0/8"], PROXY, "10.3.3.3", "10.3.3.3"),
        # The trusted proxy sent nothing, or something that is not an address.
        ([PROXY], PROXY, None, PROXY),
        ([PROXY], PROXY, "", PROXY),
        ([PROXY], PROXY, "1.2.3.4, unknown", PROXY),
        # Ports and brackets some proxies write.
        ([PROXY], PROXY, "203.0.113.7:51234", "203.0.113.7"),
        ([PROXY], PROXY, "[2001:db8::7]:443", "2001:db8::7"),
        # IPv6 proxy, and an IPv4 peer seen on an IPv6 socket.
        (["2001:db8:ff::/48"], "2001:db8:ff::1", "2001:db8::7", "2001:db8::7"),
        ([], "::ffff:192.0.2.1", None, "192.0.2.1"),
        # No IP peer at all (a unix socket).
        ([], "", "203.0.113.7", None),
        ([PROXY], "unix:/run/gunicorn.sock", "203.0.113.7", None),
    ],
)
def test_client_address_rule(settings, tepercaya, peer, xff, diharapkan):
    settings.JDIH_PROXY_TEPERCAYA = tepercaya
    meta = {"REMOTE_ADDR": peer}
    if xff is not None:
        meta["HTTP_X_FORWARDED_FOR"] = xff
    assert alamat_klien(RequestFactory().get("/", **meta)) == diharapkan


def test_audit_entry_records_the_client_behind_the_trusted_proxy(client, settings):
    settings.JDIH_PROXY_TEPERCAYA = [PROXY]
    tim = buat_tim()
    p = ajukan(tim)
    client.force_login(tim.kasubbag)
    respons = client.post(
        reverse("workflow:aksi", args=[p.pk, "disposisi"]),
        {
            "disposisi-kepada": tim.pengelola.pk,
            "disposisi-petunjuk": "Unggah",
            "disposisi-status_terlihat": Status.DIAJUKAN,
        },
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="127.0.0.1, 203.0.113.7",
    )
    assert respons.status_code == 302
    assert p.jejak.get(aksi="disposisi").alamat_ip == "203.0.113.7"


def test_audit_entry_ignores_forwarded_for_from_an_untrusted_peer(client, settings):
    settings.JDIH_PROXY_TEPERCAYA = [PROXY]
    tim = buat_tim()
    p = ajukan(tim)
    client.force_login(tim.kasubbag)
    client.post(
        reverse("workflow:aksi", args=[p.pk, "disposisi"]),
        {
            "disposisi-kepada": tim.pengelola.pk,
            "disposisi-petunjuk": "Unggah",
            "disposisi-status_terlihat": Status.DIAJUKAN,
        },
        REMOTE_ADDR="198.51.100.9",
        HTTP_X_FORWARDED_FOR="10.0.0.2",
    )
    assert p.jejak.get(aksi="disposisi").alamat_ip == "198.51.100.9"


def test_jdihn_harvest_log_uses_the_same_rule(client, settings):
    settings.JDIH_PROXY_TEPERCAYA = [PROXY]
    b"".join(
        client.get(
            "/integrasi/jdihn.json", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7"
        ).streaming_content
    )
    b"".join(
        client.get(
            "/integrasi/jdihn.json", REMOTE_ADDR="198.51.100.9", HTTP_X_FORWARDED_FOR="1.1.1.1"
        ).streaming_content
    )
    assert sorted(PanenJDIHN.objects.values_list("alamat", flat=True)) == [
        "198.51.100.9",
        "203.0.113.7",
    ]


def test_a_mistyped_trusted_proxy_stops_the_start():
    hasil = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=DIREKTORI,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "jdih.settings",
            "JDIH_PROXY_TEPERCAYA": "10.0.0.2, 10.0.0.300",
        },
        capture_output=True,
        text=True,
    )
    assert hasil.returncode != 0
    assert "JDIH_PROXY_TEPERCAYA" in hasil.stderr and "10.0.0.300" in hasil.stderr


def test_gunicorn_no_longer_trusts_forwarded_headers_from_everyone():
    dockerfile = (DIREKTORI / "Dockerfile").read_text()
    assert "gunicorn" in dockerfile
    assert "--forwarded-allow-ips '*'" not in dockerfile
    assert '--forwarded-allow-ips "*"' not in dockerfile
