"""A real S3 API server for the tests: moto in server mode, started once per
test session as its own process on a free loopback port, and a fixture that
puts the default storage on it for one test (settings from the same parser
the application uses, jdih.penyimpanan.opsi_s3).

Import the fixtures into a test module:
``from tests.s3_helpers import server_s3, s3  # noqa: F401``.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from jdih.penyimpanan import opsi_s3

BUCKET = "jdih-uji"
KUNCI = {"S3_ACCESS_KEY_ID": "kunci-uji", "S3_SECRET_ACCESS_KEY": "rahasia-uji"}
MOTO = Path(sys.executable).parent / "moto_server"


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _tunggu_siap(alamat: str, proses, batas_detik=30) -> None:
    akhir = time.monotonic() + batas_detik
    while time.monotonic() < akhir:
        if proses.poll() is not None:
            raise RuntimeError(f"moto_server berhenti dengan kode {proses.returncode}")
        try:
            with urllib.request.urlopen(alamat + "/moto-api/", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"moto_server tidak menjawab di {alamat} dalam {batas_detik} detik")


def klien(endpoint: str):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=KUNCI["S3_ACCESS_KEY_ID"],
        aws_secret_access_key=KUNCI["S3_SECRET_ACCESS_KEY"],
    )


@pytest.fixture(scope="session")
def server_s3():
    """The moto S3 server process and its bucket: (endpoint, boto3 client)."""
    port = _port_bebas()
    endpoint = f"http://127.0.0.1:{port}"
    proses = subprocess.Popen(
        [str(MOTO), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "MOTO_ALLOW_NONEXISTENT_REGION": "true"},
    )
    try:
        _tunggu_siap(endpoint, proses)
        s3 = klien(endpoint)
        s3.create_bucket(Bucket=BUCKET)
        yield SimpleNamespace(endpoint=endpoint, klien=s3, bucket=BUCKET, proses=proses)
    finally:
        proses.terminate()
        try:
            proses.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait()


def isi_bucket(server) -> dict[str, bytes]:
    """Every object in the bucket: name -> bytes."""
    hasil = {}
    halaman = server.klien.get_paginator("list_objects_v2").paginate(Bucket=server.bucket)
    for h in halaman:
        for o in h.get("Contents", ()):
            hasil[o["Key"]] = server.klien.get_object(Bucket=server.bucket, Key=o["Key"])[
                "Body"
            ].read()
    return hasil


def kosongkan_bucket(server) -> None:
    halaman = server.klien.get_paginator("list_objects_v2").paginate(Bucket=server.bucket)
    for h in halaman:
        objek = [{"Key": o["Key"]} for o in h.get("Contents", ())]
        if objek:
            server.klien.delete_objects(Bucket=server.bucket, Delete={"Objects": objek})


def opsi_penyimpanan(server, **env) -> dict:
    return opsi_s3({"S3_BUCKET": server.bucket, "S3_ENDPOINT_URL": server.endpoint, **KUNCI, **env})


@pytest.fixture
def s3(server_s3, settings):
    """The default storage on the moto bucket for this test; the bucket is
    emptied afterwards. Yields the server (endpoint, klien, bucket)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "jdih.penyimpanan_s3.PenyimpananS3",
            "OPTIONS": opsi_penyimpanan(server_s3),
        },
    }
    try:
        yield server_s3
    finally:
        kosongkan_bucket(server_s3)
