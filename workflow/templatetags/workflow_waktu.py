from django import template

from workflow.waktu import format_durasi

register = template.Library()


@register.filter
def durasi(nilai):
    return format_durasi(nilai)
