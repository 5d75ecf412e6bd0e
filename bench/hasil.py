"""Write one benchmark's section of bench/RESULTS.md, leaving the others."""

import os
import platform
import re
import subprocess
from datetime import datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
KEPALA = "# Hasil benchmark JDIH KPU\n\nSetiap bagian ditulis ulang oleh skripnya sendiri.\n"


def mesin() -> str:
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        cpu = platform.processor() or "?"
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} core ({cpu}){mem}, Python {platform.python_version()}"


def komit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def tulis_bagian(judul: str, isi: str) -> None:
    """Replace (or append) the section ``## judul`` of RESULTS.md."""
    teks = RESULTS.read_text() if RESULTS.exists() else KEPALA
    bagian = (
        f"## {judul}\n\n"
        f"Diukur {datetime.now():%Y-%m-%d %H:%M} pada {mesin()}, komit {komit()}.\n\n"
        f"{isi.strip()}\n\n"
    )
    pola = re.compile(rf"^## {re.escape(judul)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pola.search(teks):
        teks = pola.sub(lambda _: bagian, teks)
    else:
        teks = teks.rstrip() + "\n\n" + bagian
    RESULTS.write_text(teks)
