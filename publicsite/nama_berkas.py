"""The names files carry when served: one rule for the detail page, the
JDIHN feed and the harvest URLs (DESIGN.md section 6: ``fileDownload`` is
the file's name and ``urlDownload`` a URL ending with it)."""


# ``slug``: the product's slug when the caller has it already (the JDIHN feed:
# slugify is a good part of an item's cost).
def naskah(produk, slug=None) -> str:
    return f"{slug or produk.slug}.pdf"


def abstrak(produk, slug=None) -> str:
    return f"abstrak-{slug or produk.slug}.pdf"


def ada_abstrak(produk) -> bool:
    """An abstrak sheet exists once its content points are written."""
    return bool((produk.abstrak or "").strip())
