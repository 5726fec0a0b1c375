"""Screenshot pages of a built site in headless Chromium, as a reader sees them.

Usage: python scripts/screenshot.py SITE_DIR OUT_DIR PATH [PATH …]
Serves SITE_DIR on 127.0.0.1 and blocks every request to any other host.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import open_browser, serve_folder  # noqa: E402


def main(argv: list[str]) -> int:
    """Take one full-page PNG per path."""
    site, out, *paths = argv
    Path(out).mkdir(parents=True, exist_ok=True)
    with serve_folder(Path(site)) as base, open_browser() as (page, outside):
        for number, path in enumerate(paths, start=1):
            page.goto(base + path, wait_until="networkidle")
            target = Path(out) / f"{number:02d}.png"
            page.screenshot(path=str(target), full_page=True)
            print(target, path)
    if outside:
        print("blocked requests outside the site:", *outside, sep="\n  ")
    return 1 if outside else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
