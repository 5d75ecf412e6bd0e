"""Container health check of a web node: GET /healthz on this node, under a
host name the node accepts (the first of ALLOWED_HOSTS that is not a
wildcard). Exit 0 when healthy (200), 1 otherwise."""

import os
import sys
import urllib.error
import urllib.request

nama = next(
    (
        h.strip()
        for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1").split(",")
        if h.strip() and not h.strip().startswith(".") and h.strip() != "*"
    ),
    "127.0.0.1",
)
port = os.environ.get("PORT", "8000")
permintaan = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": nama})
try:
    with urllib.request.urlopen(permintaan, timeout=4) as r:
        sys.exit(0 if r.status == 200 else 1)
except (urllib.error.URLError, OSError) as exc:
    print(f"healthz: {exc}", file=sys.stderr)
    sys.exit(1)
