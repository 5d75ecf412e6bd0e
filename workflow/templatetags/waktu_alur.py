"""An item's total time against its SOP norm, for any procedure's page
(templates/workflow/_waktu_total.html) and for list rows."""

from django import template
from django.db.models import Count

from workflow import waktu
from workflow.models import TingkatValidasi

register = template.Library()


@register.simple_tag
def waktu_total(alur):
    """Total elapsed, the path's norm and the late steps (a constant number
    of queries: trail, standards, validation chain)."""
    return waktu.waktu_total(alur)


@register.simple_tag(takes_context=True)
def total_singkat(context, alur):
    """The row's elapsed time and norm. The standards and the number of
    validation levels per Satker come from the view when it has them
    (``mutu_baku``, ``jumlah_tingkat_satker``), else they are read once per
    page render: never one query per row."""
    simpanan = context.render_context
    if "waktu_alur_mutu" not in simpanan:
        mutu = context.get("mutu_baku")
        tingkat = context.get("jumlah_tingkat_satker")
        simpanan["waktu_alur_mutu"] = mutu if mutu is not None else waktu.TabelMutuBaku()
        simpanan["waktu_alur_tingkat"] = (
            tingkat
            if tingkat is not None
            else dict(
                TingkatValidasi.objects.values("satker_id")
                .annotate(n=Count("id"))
                .values_list("satker_id", "n")
            )
        )
    return waktu.ringkasan_total(
        alur,
        simpanan["waktu_alur_mutu"],
        jumlah_tingkat=simpanan["waktu_alur_tingkat"].get(alur.satker_id, 0),
    )


@register.filter
def menit(durasi):
    """'175 menit': the unit the SOP documents use; a standard of a day or
    more reads as days ('30 hari'), as sop 003 gives it."""
    if durasi is None:
        return "—"
    if durasi.days:
        return waktu.format_durasi(durasi)
    return f"{int(durasi.total_seconds() // 60)} menit"
