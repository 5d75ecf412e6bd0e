"""A throwaway Django setup for benchmarks: its own SQLite file (or the
DATABASE_URL given), its own media folder, processing run in-process."""

import os
import sys
import tempfile
from pathlib import Path


def siapkan(pemrosesan_langsung: bool = True) -> Path:
    akar = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(akar))
    folder = Path(tempfile.mkdtemp(prefix="jdih-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jdih.settings")
    os.environ["JDIH_VAR_DIR"] = str(folder)
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ["MEDIA_ROOT"] = str(folder / "media")
    if pemrosesan_langsung:
        os.environ["JDIH_TASKS_BACKEND"] = "django_tasks.backends.immediate.ImmediateBackend"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return folder
