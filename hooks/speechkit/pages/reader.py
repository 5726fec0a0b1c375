"""What the reader's own tools (docs/assets/javascripts/study-tools.js) need to know about a
page: which speech it belongs to, how to cite it, and which item it is or holds.

It goes into the page's front matter as ``study``: JSON that the template writes into a
script element as it is (overrides/main.html), so the script marks 已学, keeps notes and
copies quotations with their source without fetching anything (file:// included).
"""

from __future__ import annotations

import json

from ..library import Library, PlacedItem
from ..model import Speech

# The kinds of page the tools treat differently.
HOME, SPEECH, PART, ITEM, FULL_TEXT = "home", "speech", "part", "item", "full"


def page_json(data: dict) -> str:
    """The data as JSON that cannot end or break the script element holding it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Chinese stays as it is (half the bytes of \uXXXX escapes); only what HTML reads is escaped.
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def citation(speech: Speech) -> str:
    """How a quotation names its source: 《标题》，日期，讲话人 (those the speech has)."""
    return "，".join([f"《{speech.title}》", *(v for v in (speech.date, speech.speaker) if v)])


def item_key(placed_item: PlacedItem) -> str:
    """An item's lasting name in the reader's records: its page path without .md."""
    return placed_item.page.removesuffix(".md")


def home_data() -> str:
    """The library home: where 继续学习 appears."""
    return page_json({"kind": HOME})


def speech_data(library: Library, index: int, kind: str) -> str:
    """A page of one speech (its home, a part, the full text): the source, and on its home
    the items whose 已学 the progress counts."""
    placed = library.speeches[index]
    data = {"kind": kind, "speech": placed.speech.title, "source": citation(placed.speech)}
    if kind == SPEECH:
        data["items"] = [item_key(library.items[i]) for part in placed.parts for i in part.item_indexes]
    return page_json(data)


def item_data(library: Library, placed_item: PlacedItem) -> str:
    """An item's page: its key, its place and headline, the source."""
    speech = library.speeches[placed_item.speech_index].speech
    part = library.speeches[placed_item.speech_index].parts[placed_item.part_index].part
    return page_json({
        "kind": ITEM,
        "key": item_key(placed_item),
        "label": f"{placed_item.display_label} · {part.title}",
        "headline": placed_item.item.headline,
        "speech": speech.title,
        "source": citation(speech),
    })
