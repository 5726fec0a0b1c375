"""Where a paragraph of a speech lives on the site: its item page, or the full text."""

from __future__ import annotations

from dataclasses import dataclass

from ...escaping import escape_markdown as esc
from ...library import Library, PlacedItem, numbered_paragraphs, urls
from ...model import Item, Paragraph


@dataclass(frozen=True)
class Place:
    """A paragraph of the full text page and the item it belongs to, if any."""

    speech_index: int
    ordinal: int  # 1-based, as in the full text page's anchors
    paragraph: Paragraph
    item: PlacedItem | None


def places(library: Library, speech_index: int) -> list[Place]:
    """Every paragraph of a speech's full text, in order, with its item; notes left out."""
    placed = library.speeches[speech_index]
    owner: dict[Paragraph, PlacedItem] = {}
    # The speech's own items, not a scan of the library's: this runs once per speech.
    for part in placed.parts:
        for placed_item in map(library.items.__getitem__, part.item_indexes):
            for paragraph in _all_paragraphs(placed_item.item):
                owner.setdefault(paragraph, placed_item)
    speech = placed.speech
    return [
        Place(speech_index, ordinal, paragraph, owner.get(paragraph))
        for ordinal, paragraph in numbered_paragraphs(speech)
        if not paragraph.note
    ]


def place_link(library: Library, from_page: str, place: Place) -> str:
    """A Markdown link to the place: the item page, else the paragraph of the full text."""
    slug = library.speeches[place.speech_index].slug
    full = f"{urls.relative(from_page, urls.full_text(slug))}#{urls.paragraph_anchor(place.ordinal)}"
    if place.item is None:
        return f"[全文第 {place.ordinal} 段]({full})"
    item_link = urls.relative(from_page, place.item.page)
    return f"[{place.item.display_label}]({item_link})（[全文第 {place.ordinal} 段]({full})）"


def item_title(placed_item: PlacedItem) -> str:
    """An item as a reader names it: its label and escaped headline."""
    return f"{placed_item.display_label}　{esc(placed_item.item.headline)}"


def _all_paragraphs(item: Item) -> list[Paragraph]:
    """An item's paragraphs and those of its children."""
    found = list(item.paragraphs)
    for child in item.children:
        found += _all_paragraphs(child)
    return found
