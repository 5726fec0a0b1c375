"""The numbers Word writes before paragraphs by itself (一、 （一） 1. ●): in numbering.xml,
not in the text, yet what a reader sees. Counted here as Word counts them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

from ..numerals import write_numeral
from .docx_hints import W, val_of

NUMBERING_PART = "word/numbering.xml"
LEVEL_REF = re.compile(r"%([1-9])")
# How each of Word's number formats writes a count; a format not here is written in figures.
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
FORMATS = {
    "chineseCounting": write_numeral,
    "chineseCountingThousand": write_numeral,
    "chineseLegalSimplified": write_numeral,
    "japaneseCounting": write_numeral,
    "ideographTraditional": lambda n: HEAVENLY_STEMS[(n - 1) % 10],
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalZero": lambda n: f"{n:02d}",
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26),
}
# A bullet is drawn from a symbol font (, §); what the text shows for any of them.
BULLET = "●"
# A label that ends in one of these needs nothing between it and the text (一、 （一） 1.).
LABEL_ENDS = tuple("、．.）)：:，,")


@dataclass(frozen=True)
class _Level:
    format: str
    text: str  # Word's lvlText: %1、 （%1） %1.%2
    start: int


@dataclass
class Numbering:
    """A document's lists: each num's levels, and how far each list has counted."""

    levels: dict[str, dict[int, _Level]]  # by numId, then ilvl
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str | None, ilvl: int) -> str:
        """The next label of list ``num_id`` at level ``ilvl``, as the reader sees it, with
        what stands between it and the text; "" when the paragraph is numbered by no list."""
        levels = self.levels.get(num_id or "", {})
        level = levels.get(ilvl)
        if level is None or level.format == "none":
            return ""
        if level.format == "bullet":
            return BULLET + " "
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [key for key in counts if key > ilvl]:
            del counts[deeper]  # a point at this level starts the lists below it again
        label = LEVEL_REF.sub(lambda ref: self._written(levels, counts, int(ref.group(1)) - 1), level.text).strip()
        return label if label.endswith(LABEL_ENDS) or not label else label + "\u3000"

    def _written(self, levels: dict[int, _Level], counts: dict[int, int], ilvl: int) -> str:
        """One level's count as its format writes it (%1 in %1.%2)."""
        level = levels.get(ilvl)
        count = counts.get(ilvl, level.start if level else 1)
        write = FORMATS.get(level.format if level else "decimal", str)
        return write(count)


def read_numbering(xml: bytes | None) -> Numbering:
    """The lists of numbering.xml (its bytes), or none when the document has no such part."""
    if xml is None:
        return Numbering({})
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return Numbering({})  # numbers only: a damaged part costs them, not the text
    abstract = {node.get(W + "abstractNumId"): _levels(node) for node in root.iter(W + "abstractNum")}
    levels: dict[str, dict[int, _Level]] = {}
    for num in root.iter(W + "num"):
        own = dict(abstract.get(val_of(num, "abstractNumId"), {}))
        for override in num.iter(W + "lvlOverride"):
            ilvl = _int(override.get(W + "ilvl"), 0)
            start = val_of(override, "startOverride")
            replaced = override.find(W + "lvl")
            if replaced is not None:
                own.update(_levels_of([replaced]))
            if start is not None and ilvl in own:
                own[ilvl] = _Level(own[ilvl].format, own[ilvl].text, _int(start, 1))
        levels[num.get(W + "numId") or ""] = own
    return Numbering(levels)


def _levels(abstract: ElementTree.Element) -> dict[int, _Level]:
    """An abstract list's levels by ilvl."""
    return _levels_of(abstract.findall(W + "lvl"))


def _levels_of(nodes: list[ElementTree.Element]) -> dict[int, _Level]:
    """Levels read from w:lvl nodes."""
    return {
        _int(node.get(W + "ilvl"), 0): _Level(val_of(node, "numFmt") or "decimal", val_of(node, "lvlText") or "", _int(val_of(node, "start"), 1))
        for node in nodes
    }


def _int(text: str | None, default: int) -> int:
    """A number attribute, or ``default`` when it is missing or not a number."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
