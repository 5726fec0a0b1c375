"""What the topic pages of a library gather: per topic its items, speeches and years.

    python scripts/topic_floor.py FOLDER [FOLDER …]            a row per topic, then the floor
    python scripts/topic_floor.py FOLDER … --sizes             and the largest topic pages

The floor (issue 13): at least FLOOR_TOPICS topics whose pages each gather items of at
least FLOOR_SPEECHES speeches and FLOOR_YEARS years. ``--sizes`` renders the topic pages'
Markdown as the site does (same extensions) and prints the largest, in bytes of Markdown
and of the article's HTML, plain and gzipped (the page around it, Material's header and
sidebars, adds about 30 KB to every page). The exit status is 1 when the floor is not met.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))

from speechkit.library import build_library, load_speech, load_taxonomy  # noqa: E402
from speechkit.pages.catalog import UNDATED  # noqa: E402
from speechkit.pages.topic_pages import by_year, gather, topic_pages  # noqa: E402
from speechkit.sources import list_speeches  # noqa: E402

FLOOR_TOPICS = 10
FLOOR_SPEECHES = 3
FLOOR_YEARS = 3
LARGEST = 5  # pages --sizes lists


def topic_rows(library) -> list[tuple[str, int, int, int]]:
    """(topic, items, speeches, dated years) for every topic, most items first."""
    rows = []
    for name, items in gather(library).items():
        years = {year for year, _ in by_year(library, items) if year != UNDATED}
        rows.append((name, len(items), len({item.speech_index for item in items}), len(years)))
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def meets_floor(row: tuple[str, int, int, int]) -> bool:
    """A topic page gathering items of FLOOR_SPEECHES speeches and FLOOR_YEARS years."""
    return row[2] >= FLOOR_SPEECHES and row[3] >= FLOOR_YEARS


def page_sizes(library) -> list[tuple[str, int, int, int]]:
    """(path, Markdown bytes, article HTML bytes, gzipped) of every topic page, largest HTML first."""
    import gzip

    import markdown
    import yaml

    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.UnsafeLoader)
    extensions, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        extensions.append(name)
        if options:
            settings[name] = options
    sizes = []
    for path, text in topic_pages(library):
        body = text.split("---\n", 2)[2]
        html = markdown.markdown(body, extensions=extensions, extension_configs=settings)
        sizes.append((path, len(text.encode()), len(html.encode()), len(gzip.compress(html.encode()))))
    return sorted(sizes, key=lambda row: -row[2])


def main() -> int:
    """Print the rows and the floor; with --sizes, the largest topic pages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--topics", type=Path, default=REPO / "hooks" / "speechkit" / "data" / "topics.yml")
    parser.add_argument("--sizes", action="store_true")
    args = parser.parse_args()
    paths = [path for folder in args.folders for path in list_speeches(folder).paths]
    library = build_library([load_speech(path) for path in paths], load_taxonomy(args.topics), related=False)
    rows = topic_rows(library)
    print(f"{'topic':<10} {'items':>6} {'speeches':>8} {'years':>6}")
    for row in rows:
        print(f"{row[0]:<10} {row[1]:>6} {row[2]:>8} {row[3]:>6}{'  ✓' if meets_floor(row) else ''}")
    met = sum(map(meets_floor, rows))
    print(f"\n{len(library.speeches)} speeches, {len(library.items)} items; "
          f"{met} topics gather items of ≥{FLOOR_SPEECHES} speeches and ≥{FLOOR_YEARS} years (floor {FLOOR_TOPICS})")
    if args.sizes:
        sizes = page_sizes(library)
        print(f"\n{len(sizes)} topic pages; the largest:\n{'page':<40} {'markdown':>9} {'html':>9} {'gzip':>7}")
        for path, text_bytes, html_bytes, gzipped in sizes[:LARGEST]:
            print(f"{path:<40} {text_bytes:>9} {html_bytes:>9} {gzipped:>7}")
    return 0 if met >= FLOOR_TOPICS else 1


if __name__ == "__main__":
    sys.exit(main())
