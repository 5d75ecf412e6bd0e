"""`make run` as a newcomer sees it (issue 12, item 9), on a real terminal
(a pseudo-terminal, where Ctrl-C is the byte 0x03 and the terminal sends
SIGINT to whatever holds it): the last lines say where to go and how to log
in, emails sent while it serves link to its own port, and Ctrl-C ends it with
exit status 0 and the worker stopped.

The install, migrate and demo steps are skipped (``make -o``): they are
make's own business and would take minutes; the target's recipe itself runs
as written.
"""

import os
import pty
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.conf import settings

AKAR = Path(settings.BASE_DIR)
PY = AKAR / ".venv" / "bin" / "python"

pytestmark = pytest.mark.skipif(
    not (shutil.which("make") and PY.exists() and hasattr(pty, "fork")),
    reason="perlu make, .venv, dan pseudo-terminal",
)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Terminal:
    """A command on a pseudo-terminal, its output collected."""

    def __init__(self, argv, env, cwd):
        self.keluaran = b""
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child
            os.chdir(cwd)
            os.execvpe(argv[0], argv, env)

    def baca(self, sampai=None, batas=60.0):
        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            if sampai and re.search(sampai, self.keluaran.decode(errors="replace")):
                return True
            siap, _, _ = select.select([self.fd], [], [], 0.2)
            if siap:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:
                    return False
                if not data:
                    return False
                self.keluaran += data
        return False

    @property
    def teks(self):
        return self.keluaran.decode(errors="replace")

    def tunggu(self, batas=30.0):
        akhir = time.monotonic() + batas
        while time.monotonic() < akhir:
            self.baca(batas=0.3)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.baca(batas=0.5)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        raise AssertionError("make run tidak berhenti:\n" + self.teks)


def _minta_atur_ulang(alamat, email):
    """POST the "lupa kata sandi" form like a browser (CSRF cookie + token)."""
    pembuka = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    halaman = pembuka.open(alamat + "/masuk/lupa/", timeout=20).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', halaman).group(1)
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "email": email}).encode()
    permintaan = urllib.request.Request(
        alamat + "/masuk/lupa/", data=data, headers={"Referer": alamat + "/masuk/lupa/"}
    )
    return pembuka.open(permintaan, timeout=20).geturl()


def _pekerja(akar_pid):
    """Pids of db_worker processes started under ``akar_pid``."""
    baris = subprocess.run(["ps", "-eo", "pid=,ppid=,args="], capture_output=True, text=True)
    induk, perintah = {}, {}
    for b in baris.stdout.splitlines():
        pid, ppid, args = b.split(None, 2)
        induk[int(pid)], perintah[int(pid)] = int(ppid), args

    def di_bawah(pid):
        while pid > 1:
            if pid == akar_pid:
                return True
            pid = induk.get(pid, 0)
        return False

    return [p for p, args in perintah.items() if "db_worker" in args and di_bawah(p)]


def _hidup(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_make_run_mengumumkan_alamat_email_ke_port_itu_dan_ctrl_c_berhenti_bersih(tmp_path):
    port = _port_bebas()
    db = tmp_path / "jalan.sqlite3"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "PYTEST")) and k not in {"JDIH_SITE_URL", "DEBUG"}
    }
    env.update(
        DATABASE_URL=f"sqlite:///{db}",
        JDIH_VAR_DIR=str(tmp_path / "var"),
        MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_SUPERUSER_PASSWORD="jdih-demo-uji",
        TERM="dumb",
    )
    siap = {"env": {**env, "DEBUG": "true"}, "cwd": AKAR, "check": True, "capture_output": True}
    subprocess.run([str(PY), "manage.py", "migrate", "-v0"], timeout=300, **siap)
    subprocess.run(
        [str(PY), "manage.py", "createsuperuser", "--noinput"]
        + ["--username", "uji.run", "--email", "uji.run@kpu.test"],
        timeout=120,
        **siap,
    )

    make = shutil.which("make")
    argv = [make, "-o", "install", "-o", "debian-run", "-o", "demo", "run", f"PORT={port}"]
    terminal = Terminal(argv, env, AKAR)
    try:
        alamat = f"http://127.0.0.1:{port}"
        assert terminal.baca(sampai=r"Ctrl-C untuk berhenti", batas=90), terminal.teks
        # The announcement comes after the server's own start-up lines.
        teks = terminal.teks
        assert f"Buka {alamat} — masuk sebagai pengelola.kotawaringin-timur / jdih-demo" in teks
        assert teks.rindex("Buka http") > teks.index("Quit the server with CONTROL-C")
        assert "README" in teks.splitlines()[-1] or "README" in teks[teks.rindex("Buka") :]

        # An email sent by the worker while it serves links to this port.
        assert _minta_atur_ulang(alamat, "uji.run@kpu.test").endswith("/masuk/lupa/terkirim/")
        pola = rf"{re.escape(alamat)}/masuk/atur-ulang/\S+/\S+/"
        assert terminal.baca(sampai=pola, batas=45), terminal.teks
        pekerja = _pekerja(terminal.pid)
        assert pekerja, "worker tidak ditemukan"

        os.write(terminal.fd, b"\x03")  # Ctrl-C
        status = terminal.tunggu(batas=40)
    finally:
        if _hidup(terminal.pid):
            os.kill(terminal.pid, signal.SIGKILL)

    assert status == 0, terminal.teks
    assert "Error" not in terminal.teks.split("\x03")[-1]
    assert "***" not in terminal.teks  # make's "*** [run] Interrupt"
    assert "shutting down gracefully" in terminal.teks
    # The recipe waited for the worker: it is gone by the time make returns.
    assert not [p for p in pekerja if _hidup(p)], "worker masih berjalan"


def test_port_terpakai_dijawab_jelas(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        hasil = subprocess.run(
            ["bash", str(AKAR / "scripts" / "jalankan.sh")],
            env={**os.environ, "PORT": str(port), "PY": sys.executable},
            cwd=AKAR,
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert hasil.returncode == 1
    assert f"Port {port} sudah dipakai" in hasil.stderr
    assert "make run PORT=" in hasil.stderr
