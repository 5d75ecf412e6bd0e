"""The names files carry when served: one rule for the detail page, the
JDIHN feed and the harvest URLs (DESIGN.md section 6: ``fileDownload`` is
the file's name and ``urlDownload`` a URL ending with it)."""


def naskah(produk) -> str:
    return f"{produk.slug}.pdf"


def abstrak(produk) -> str:
    return f"abstrak-{produk.slug}.pdf"


def ada_abstrak(produk) -> bool:
    """An abstrak sheet exists once its content points are written."""
    return bool((produk.abstrak or "").strip())
