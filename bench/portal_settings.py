"""Settings for bench/bench_portal.py: the real settings plus a trivial view
to compare against, served by the same middleware stack."""

from jdih.settings import *  # noqa: F403

ROOT_URLCONF = "bench.portal_urls"
