"""The outline of a speech as a mind map: nested lists that CSS draws as a tree, no script."""

from __future__ import annotations

from ...escaping import escape_markdown as esc
from ...library import Library, urls
from .places import item_title

# md_in_html turns the inside of the <div> into Markdown, so MkDocs checks and rewrites
# the links like any other; docs/stylesheets/aids.css draws the branches.
OPEN = '<div class="study-map" markdown>'
CLOSE = "</div>"


def outline_diagram(library: Library, index: int) -> list[str]:
    """Markdown lines of the mind map on the speech home: speech → parts → items."""
    placed = library.speeches[index]
    home = urls.speech_home(placed.slug)
    if not placed.parts:
        return []
    lines = [OPEN, "", f"- [{esc(placed.speech.title)}]({urls.relative(home, home)})"]
    for part_index, placed_part in enumerate(placed.parts):
        part_link = urls.relative(home, urls.part_page(placed.slug, placed_part.slug))
        count = len(placed_part.part.items)
        lines.append(f"    - [{esc(placed_part.part.title)}（{count} 条）]({part_link})")
        for placed_item in library.items_of(index, part_index):
            lines.append(f"        - [{item_title(placed_item)}]({urls.relative(home, placed_item.page)})")
    return lines + ["", CLOSE, ""]
