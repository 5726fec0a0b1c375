"""What a reader downloads from a built site: the home and year pages, and one compare view.

Usage: python scripts/page_sizes.py SITE_DIR

Prints the home page's size, the largest year page (年度/), and what the compare view
downloads for its largest pair of speeches: its page, its script, the list of speeches
and the two speeches' files. Sizes raw and gzip-compressed at level 6, as
deploy/nginx/study-site.conf serves them. Nothing here asserts a size.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

GZIP_LEVEL = 6  # gzip_comp_level in deploy/nginx/study-site.conf


def sizes(path: Path) -> tuple[int, int]:
    """A file's bytes, raw and gzip-compressed (GZIP_LEVEL)."""
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, GZIP_LEVEL))


def page(site: Path, name: str) -> Path:
    """A page's HTML file, for directory URLs (对比/index.html) or .html ones (对比.html)."""
    folder = site / name / "index.html"
    return folder if folder.is_file() else site / f"{name}.html"


def main(argv: list[str]) -> int:
    """Print the sizes of the home, the largest year page and the largest compare view."""
    site = Path(argv[0])
    rows = [("home", site / "index.html")]
    years = sorted((site / "年度").rglob("*.html"), key=lambda p: p.stat().st_size)
    if years:
        rows.append((f"largest year page ({years[-1].relative_to(site)}, of {len(years)})", years[-1]))
    for label, path in rows:
        raw, packed = sizes(path)
        print(f"{label:60} {raw / 1000:9.1f} KB {packed / 1000:8.1f} KB gzip")
    data = sorted((site / "compare").glob("[0-9]*.js"), key=lambda p: p.stat().st_size)
    if len(data) >= 2:
        view = [page(site, "对比"), site / "assets" / "javascripts" / "study-compare.js", site / "compare" / "list.js",
                *data[-2:]]
        for path in view:
            raw, packed = sizes(path)
            print(f"  {str(path.relative_to(site)):58} {raw / 1000:9.1f} KB {packed / 1000:8.1f} KB gzip")
        raw, packed = map(sum, zip(*map(sizes, view)))
        print(f"{f'compare view, largest pair (of {len(data)} speeches)':60} {raw / 1000:9.1f} KB {packed / 1000:8.1f} KB gzip")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
