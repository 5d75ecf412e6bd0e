"""Read a KPU legal product's text into an Usulan (issue 14) — being built."""

from .usulan import Usulan


def ekstrak(teks: str, *, satker=None) -> Usulan:
    """Proposals from the document's text (text layer or OCR, pages joined by
    form feed "\\f"). ``satker`` (the Satker the document is prepared in) limits
    relation matching to the right scope. Never raises on odd input: a text
    with no recognisable structure gives an empty Usulan."""
    return Usulan()
