"""`make bench`: run every bench/bench_*.py in turn; each writes its own section
of bench/RESULTS.md. Pass names to run only some: `make bench BENCH="intake impor"`."""

import os
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def main():
    pilihan = set(os.environ.get("BENCH", "").split())
    gagal = []
    for skrip in sorted(FOLDER.glob("bench_*.py")):
        nama = skrip.stem.removeprefix("bench_")
        if pilihan and nama not in pilihan:
            continue
        print(f"== {skrip.name}", flush=True)
        if subprocess.run([sys.executable, str(skrip)]).returncode != 0:
            gagal.append(skrip.name)
    if gagal:
        sys.exit(f"Gagal: {', '.join(gagal)}")


if __name__ == "__main__":
    main()
