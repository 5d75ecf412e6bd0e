# Production image: gunicorn + whitenoise, static files hashed at build time,
# runs as a non-root user, configured entirely from the environment.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=jdih.settings \
    JDIH_VAR_DIR=/var/lib/jdih \
    MEDIA_ROOT=/var/lib/jdih/media \
    PORT=8000

# OCR of scanned products (Indonesian) runs in the worker container from this image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-ind \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml ./
RUN pip install --upgrade pip && pip install .
COPY . .

# collectstatic needs settings but no database; a throwaway key is enough here.
RUN SECRET_KEY=build-only-collectstatic DEBUG=false python manage.py collectstatic --noinput \
    && useradd --system --uid 10001 --home-dir /var/lib/jdih jdih \
    && mkdir -p /var/lib/jdih/media \
    && chown -R jdih:jdih /var/lib/jdih

USER jdih
VOLUME ["/var/lib/jdih"]
EXPOSE 8000

# DATABASE_URL, SECRET_KEY and ALLOWED_HOSTS come from the environment.
# Forwarded headers are not trusted from everyone: the client's address and
# scheme are read (jdih.jaringan, jdih.klaster) only from the proxies named in
# JDIH_PROXY_TEPERCAYA, and gunicorn takes the same list (deploy/gunicorn.conf.py;
# loopback when empty). Several such containers behind nginx: deploy/ and README
# "Beberapa node".
# The web container's health: /healthz (database, cache, storage) under the
# first name in ALLOWED_HOSTS. The worker container runs the same image with
# another command: turn this check off there (compose: healthcheck.disable).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "deploy/periksa_sehat.py"]
CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]
