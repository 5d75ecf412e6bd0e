"""gunicorn for one JDIH web node behind nginx (deploy/klaster.sh, Dockerfile).

Everything from the environment, so the same file serves the loopback
cluster and a container: ``gunicorn -c deploy/gunicorn.conf.py jdih.wsgi``.
"""

import os

wsgi_app = "jdih.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")

# Sync workers: nginx buffers slow clients' bodies and responses, and big
# downloads leave as a redirect (S3) or X-Accel-Redirect, never through here.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# SIGTERM (a rolling restart, `docker stop`): requests in hand finish first.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "20"))
# nginx keeps connections to the node open (upstream keepalive); longer than
# nginx's idle time, so the node never closes one nginx is about to reuse.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
# Recycle workers now and then so a slow leak never takes a node down; the
# jitter keeps them from all restarting at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10

# The scheme (X-Forwarded-Proto) only from the proxies the application trusts
# (JDIH_PROXY_TEPERCAYA, see jdih.klaster), loopback otherwise.
forwarded_allow_ips = os.environ.get("JDIH_PROXY_TEPERCAYA") or "127.0.0.1,::1"

accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms node=%({x-jdih-node}o)s'
errorlog = "-"
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "/tmp/gunicorn.ctl")
proc_name = f"jdih-{os.environ.get('JDIH_NODE') or 'web'}"
