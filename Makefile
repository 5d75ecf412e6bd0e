# JDIH KPU — two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DEBIAN_PACKAGES_TEST := chromium tesseract-ocr tesseract-ocr-ind poppler-utils nginx-light
# nginx for `make cluster` (and its test, tests/test_klaster.py).
DEBIAN_PACKAGES_CLUSTER := nginx-light tesseract-ocr tesseract-ocr-ind
DEBIAN_PACKAGES_RUN := tesseract-ocr tesseract-ocr-ind

.PHONY: axe run test install install-test debian-run debian-test debian-cluster debian-bench migrate demo lint format bench clean cluster cluster-stop cluster-status

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

# Debian packages the project needs (OCR; chromium for browser tests; nginx for
# the cluster; wrk for benchmarks), only where missing, so a fresh machine gets
# them and a warm one skips the network.
# (Status, not `dpkg -s`: a package removed with its config kept still answers that.)
define pasang_debian
	@missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Memasang paket Debian:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; fi
endef

debian-run:
	$(call pasang_debian,$(DEBIAN_PACKAGES_RUN))

debian-test:
	$(call pasang_debian,$(DEBIAN_PACKAGES_TEST))

debian-cluster:
	$(call pasang_debian,$(DEBIAN_PACKAGES_CLUSTER))

debian-bench:
	$(call pasang_debian,$(DEBIAN_PACKAGES_CLUSTER) wrk)

# Several nodes on loopback (deploy/klaster.sh): nginx :8780 in front of two
# gunicorn nodes :8781/:8782, one task worker, PostgreSQL, Redis, S3 (moto
# :8783). DATABASE_URL picks another database (e.g. jdih_skala).
cluster: install debian-cluster
	deploy/klaster.sh start

cluster-stop:
	deploy/klaster.sh stop

cluster-status:
	deploy/klaster.sh status

migrate: install
	DEBUG=true $(PY) manage.py migrate --noinput

demo: migrate
	DEBUG=true $(PY) manage.py muat_demo

# The task worker (OCR, text, thumbnails) runs beside the server and stops with
# it (scripts/jalankan.sh): Ctrl-C stops the server, the worker finishes the
# task in hand, and make exits 0. The last lines say where to go and how to
# log in; emails link to this PORT.
run: install debian-run demo
	@PY=$(PY) PORT=$(PORT) scripts/jalankan.sh

# axe-core for the accessibility tests, from npm into tests/axe (never served).
axe: tests/axe/node_modules/axe-core/axe.min.js
tests/axe/node_modules/axe-core/axe.min.js: tests/axe/package.json tests/axe/package-lock.json
	npm ci --prefix tests/axe --no-audit --no-fund --loglevel=error
	touch $@

test: install debian-test axe
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_ALLOW_ASYNC_UNSAFE=true $(VENV)/bin/pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: install debian-bench
	$(PY) bench/run_all.py

clean:
	rm -rf var staticfiles
