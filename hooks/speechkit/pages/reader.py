"""What the reader's own tools (docs/assets/javascripts/study-tools.js) need to know about a
page: which speech it belongs to, how to cite it, and which item it is or holds.

It goes into the page's front matter as ``study``: JSON made safe inside a script element
(escaping.script_json), which the template writes as it is (overrides/main.html). So the
script marks 已学, keeps notes and copies quotations with their source without fetching
anything (file:// included).
"""

from __future__ import annotations


from ..escaping import script_json
from ..library import Library, PlacedItem
from ..model import Speech

# The kinds of page the tools treat differently.
HOME, SPEECH, PART, ITEM, FULL_TEXT, TOPIC = "home", "speech", "part", "item", "full", "topic"


def citation(speech: Speech) -> str:
    """How a quotation names its source: 《标题》，日期，讲话人 (those the speech has)."""
    return "，".join([f"《{speech.title}》", *(v for v in (speech.date, speech.speaker) if v)])


def item_key(placed_item: PlacedItem) -> str:
    """An item's lasting name in the reader's records: its page path without .md."""
    return placed_item.page.removesuffix(".md")


def home_data() -> str:
    """The library home: where 继续学习 appears."""
    return script_json({"kind": HOME})


def speech_data(library: Library, index: int, kind: str) -> str:
    """A page of one speech (its home, a part, the full text): the source, and on its home
    the items whose 已学 the progress counts."""
    placed = library.speeches[index]
    data = {"kind": kind, "speech": placed.speech.title, "source": citation(placed.speech)}
    if kind == SPEECH:
        data["items"] = [item_key(library.items[i]) for part in placed.parts for i in part.item_indexes]
    return script_json(data)


def topic_data(items: list[PlacedItem]) -> str:
    """A topic's page: the items on it, whose 已学 its progress counts."""
    return script_json({"kind": TOPIC, "items": [item_key(item) for item in items]})


def item_data(library: Library, placed_item: PlacedItem) -> str:
    """An item's page: its key, its place and headline, the source."""
    speech = library.speeches[placed_item.speech_index].speech
    part = library.speeches[placed_item.speech_index].parts[placed_item.part_index].part
    return script_json({
        "kind": ITEM,
        "key": item_key(placed_item),
        "label": f"{placed_item.display_label} · {part.title}",
        "headline": placed_item.item.headline,
        "speech": speech.title,
        "source": citation(speech),
    })
