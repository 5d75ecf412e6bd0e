"""Steps of tests/test_klaster.py that run on a node's side of the cluster:
``deploy/klaster.sh sebagai a .venv/bin/python -m tests.klaster_helpers <langkah> [arg]``
runs one of them with node a's environment (its database, cache, storage)
and prints the result as one JSON line."""

import io
import json
import secrets
import sys


def _satker():
    """An office of its own: the factories' counters start again in every
    process, and several processes write to the cluster's database."""
    from tests.factories import buat_satker

    kode = secrets.token_hex(4)
    return buat_satker(nama=f"KPU Kabupaten Klaster {kode}", slug=f"klaster-{kode}")


def _jenis():
    from tests.factories import buat_jenis

    kode = secrets.token_hex(3).upper()
    return buat_jenis(f"KLS{kode}", nama=f"Keputusan Klaster {kode}")


def siapkan_tim():
    """An office with its SOP roles and a jenis: what the Pengusul needs to
    submit a request through a node's form."""
    from tests.alur_helpers import KATA_SANDI, buat_tim

    tim = buat_tim(_satker())
    jenis = _jenis()
    return {
        "satker": tim.satker.pk,
        "jenis": jenis.pk,
        "pengusul": tim.pengusul.username,
        "kata_sandi": KATA_SANDI,
    }


def terbitkan(permohonan_pk):
    """Walk the request the Pengusul submitted through the SOP to publication,
    as its staff would (the file is not touched: it stays where the node
    that received the upload stored it)."""
    from django.contrib.auth.models import User

    from tests.alur_helpers import majukan
    from workflow.models import Permohonan, Status

    p = Permohonan.objects.get(pk=permohonan_pk)
    slug = p.satker.slug
    tim = type("Tim", (), {})()
    tim.satker = p.satker
    for nama in ("pengusul", "kasubbag", "pengelola"):
        setattr(tim, nama, User.objects.get(username=f"{nama}.{slug}"))
    tim.validator = []
    p = majukan(p, tim, Status.DIUNGGAH)
    produk = p.produk
    produk.refresh_from_db()
    return {
        "status_publikasi": produk.status_publikasi,
        "detail": produk.get_absolute_url(),
        "unduh": produk.get_absolute_url() + "unduh/",
        "judul": produk.judul,
        "pk": produk.pk,
    }


def pindaian(halaman):
    """A product whose version is a scan of ``halaman`` pages: its OCR keeps
    a worker busy for a while. Returns the version's pk."""
    from documents.berkas import simpan_versi
    from tests.factories import buat_produk
    from tests.ocr_helpers import pdf_pindaian

    produk = buat_produk(_satker(), _jenis(), berkas=False, nomor=secrets.token_hex(4))
    versi = simpan_versi(produk, io.BytesIO(pdf_pindaian(halaman=int(halaman))))
    return {"versi": versi.pk}


def main(argv):
    import django

    django.setup()
    langkah, *arg = argv
    print(
        json.dumps(
            {"siapkan_tim": siapkan_tim, "terbitkan": terbitkan, "pindaian": pindaian}[langkah](
                *arg
            )
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
