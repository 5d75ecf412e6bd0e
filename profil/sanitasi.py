"""The formatting a profile section may carry: a small HTML subset, cleaned
by nh3 (an allow-list, not a deny-list) when saved and again when shown, so
a row written by any other path is still harmless on the page.

Plain text is welcome too: text without any HTML tag becomes paragraphs (a
blank line separates them) with line breaks kept, every character shown as
typed.
"""

import re
from html import unescape

import nh3
from django.utils.html import escape
from django.utils.safestring import mark_safe

TAG_BOLEH = frozenset(
    {
        "p",
        "br",
        "strong",
        "b",
        "em",
        "i",
        "ul",
        "ol",
        "li",
        "a",
        "h2",
        "h3",
        "blockquote",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ATRIBUT_BOLEH = {
    "a": {"href", "title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
SKEMA_BOLEH = frozenset({"http", "https", "mailto"})
REL_TAUTAN = "noopener noreferrer nofollow"
# Dropped with everything inside, not just unwrapped.
BUANG_ISI = frozenset(
    {"script", "style", "template", "iframe", "object", "noscript", "svg", "math"}
)

# Text is HTML when it holds a tag an editor would write (or an attacker
# would try); "<dua>" in a sentence is just text.
_ADA_TAG = re.compile(
    r"</?(?:"
    + "|".join(sorted(TAG_BOLEH | BUANG_ISI, key=len, reverse=True))
    + r"|div|span|img|font|u|s|sub|sup|hr|pre|code|h[1-6]|form|input|link|meta|base|embed)"
    + r"(?=[\s/>])",
    re.I,
)
_TAG_BLOK = re.compile(
    r"</?(?:p|br|li|h2|h3|tr|td|th|ul|ol|table|caption|blockquote)\b[^>]*>", re.I
)
_AKHIR_BLOK = re.compile(
    r"(?:</(?:p|li|h2|h3|tr|ul|ol|table|blockquote|caption|thead|tbody)>"
    r"|<(?:ul|ol|table|thead|tbody)>)(?!\n)"
)
_ANGKA = re.compile(r"\d{1,3}")


def _saring_atribut(tag, atribut, nilai):
    if atribut in ("colspan", "rowspan", "start"):
        # A number a table can live with; anything else is dropped.
        return nilai if _ANGKA.fullmatch(nilai) and 0 < int(nilai) <= 100 else None
    if atribut == "scope":
        return nilai if nilai in ("row", "col", "rowgroup", "colgroup") else None
    return nilai


def dari_teks_biasa(teks: str) -> str:
    """Paragraphs from plain text: a blank line between them, line breaks kept."""
    paragraf = [p.strip() for p in re.split(r"\n\s*\n", teks.replace("\r\n", "\n")) if p.strip()]
    return "\n".join("<p>" + escape(p).replace("\n", "<br>\n") + "</p>" for p in paragraf)


def bersihkan(html: str) -> str:
    """The allowed subset of ``html``; text without tags becomes paragraphs."""
    html = html or ""
    if html.strip() and not _ADA_TAG.search(html):
        html = dari_teks_biasa(html)
    bersih = nh3.clean(
        html,
        tags=set(TAG_BOLEH),
        clean_content_tags=set(BUANG_ISI),
        attributes={k: set(v) for k, v in ATRIBUT_BOLEH.items()},
        attribute_filter=_saring_atribut,
        url_schemes=set(SKEMA_BOLEH),
        # Relative and protocol-relative URLs too: only absolute addresses
        # in the schemes above survive.
        url_relative="deny",
        link_rel=REL_TAUTAN,
        strip_comments=True,
    )
    # One block per line, so the textarea the Pengelola edits stays readable.
    return _AKHIR_BLOK.sub(lambda m: m.group(0) + "\n", bersih).strip()


def tampilkan(html: str) -> str:
    """Cleaned again at render time, then marked safe for the template."""
    return mark_safe(bersihkan(html))  # noqa: S308 - nh3 output is the allow-list


def teks_polos(html: str) -> str:
    """Just the words, for an excerpt (unescaped: the template escapes)."""
    # Blocks end in a space, so "Visi</h2><p>Menjadi" reads as two words.
    html = _TAG_BLOK.sub(" ", html or "")
    return unescape(" ".join(nh3.clean(html, tags=set()).split()))
