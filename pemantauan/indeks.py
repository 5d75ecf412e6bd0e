"""PostgreSQL partial indexes for the monitoring's completeness counts.

Counting incomplete products per Satker with a filter inside one aggregate
reads every published row (a million wide rows: seconds). Each count here is
its own query whose WHERE is exactly one of these index predicates, built
from the same Q (pemantauan.kelengkapan), so PostgreSQL answers it from a
small index of the incomplete rows only. If the rule changes, the migration
that rebuilds them must follow (tests/test_pemantauan.py checks the plan).
"""

from django.db.models import Index, Q

from .kelengkapan import q_metadata_kurang, q_tanpa_abstrak, q_tidak_lengkap

TERBIT = Q(status_publikasi="terbit")

INDEKS = {
    "tanpa_abstrak": ("pemantauan_tanpa_abstrak_idx", q_tanpa_abstrak),
    "metadata_kurang": ("pemantauan_metadata_kurang_idx", q_metadata_kurang),
    "tidak_lengkap": ("pemantauan_tidak_lengkap_idx", q_tidak_lengkap),
}


def indeks() -> list[Index]:
    return [
        Index(fields=["satker"], condition=TERBIT & q(), name=nama) for nama, q in INDEKS.values()
    ]
