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


def lingkungan_server(
    folder: Path,
    database_url: str,
    settings: str = "jdih.settings",
    hosts: str = "127.0.0.1,localhost,testserver",
) -> None:
    """The environment of a production-like process (DEBUG off, plain static
    files, quiet logs) on a throwaway folder and database, for benches that
    start gunicorn or measure views as production serves them."""
    os.environ.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=database_url,
        JDIH_VAR_DIR=str(folder),
        MEDIA_ROOT=str(folder / "media"),
        DEBUG="false",
        SECRET_KEY="bench-" + "x" * 50,
        SECURE_SSL_REDIRECT="false",
        JDIH_PLAIN_STATIC="true",
        ALLOWED_HOSTS=hosts,
        LOG_LEVEL="WARNING",
        JDIH_TASKS_BACKEND="django_tasks.backends.immediate.ImmediateBackend",
    )
