"""What a Word file's formatting says about a paragraph: a title, a heading, or a bold line.

The parser uses these only where the text alone cannot tell (see structure/parsing.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VAL = W + "val"
RUN = W + "r"
TEXT = W + "t"
PARAGRAPH = W + "p"
STYLES_PART = "word/styles.xml"
# Style names are English in styles.xml even when Word shows them localised, but the
# ids are often localised ("1", "a3"), and WPS writes Chinese names: match the names,
# and the ids too for a file that has no styles.xml.
TITLE_NAME = re.compile(r"(?i)^(title|标题)$")
HEADING_NAME = re.compile(r"(?i)^(heading|标题)\s*[1-3]$")
HEADING_OUTLINE_LEVELS = {"0", "1", "2"}  # Word's outline levels 1–3 (9 is body text)
OFF = {"0", "false", "off", "none"}  # w:b w:val="0": explicitly not bold
# A bold paragraph hints a heading only when it is short and not a sentence: a whole
# bold paragraph of prose is emphasis, and headings of these documents fit in 40 characters.
BOLD_MAX = 40
SENTENCE_END = re.compile(r"[。！？；]")


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    outline_level: str | None
    bold: bool | None  # None: the style does not say
    list_id: str | None = None  # the numId of the list the style numbers its paragraphs by
    list_level: str | None = None


@dataclass(frozen=True)
class Styles:
    """The styles of one document, by id, with the defaults a paragraph without a style takes."""

    by_id: dict[str, _Style]
    default_paragraph: str | None
    default_bold: bool

    def hint(self, paragraph: ElementTree.Element, text: str) -> str | None:
        """"title", "heading" or "bold" for a paragraph whose formatting says so, else None."""
        properties = paragraph.find(W + "pPr")
        style_id = val_of(properties, "pStyle") or self.default_paragraph
        name = self._name(style_id)
        if TITLE_NAME.match(name):
            return "title"
        level = val_of(properties, "outlineLvl") or self._inherited(style_id, "outline_level")
        if HEADING_NAME.match(name) or level in HEADING_OUTLINE_LEVELS:
            return "heading"
        short = text.strip()
        if short and len(short) <= BOLD_MAX and not SENTENCE_END.search(short) and self._all_bold(paragraph, style_id):
            return "bold"
        return None

    def list_of(self, paragraph: ElementTree.Element) -> tuple[str | None, int]:
        """(numId, level) of the Word list that numbers the paragraph, directly or by its
        style; numId None (or "0", Word's "no list") when none does."""
        properties = paragraph.find(W + "pPr")
        direct = _child(properties, "numPr")
        style_id = val_of(properties, "pStyle") or self.default_paragraph
        num_id = val_of(direct, "numId") or self._inherited(style_id, "list_id")
        level = val_of(direct, "ilvl") or self._inherited(style_id, "list_level") or "0"
        return (None if num_id == "0" else num_id), int(level) if level.isdigit() else 0

    def _name(self, style_id: str | None) -> str:
        """The style's name, or its id when styles.xml does not define it."""
        if style_id is None:
            return ""
        style = self.by_id.get(style_id)
        return style.name if style else style_id

    def _inherited(self, style_id: str | None, field: str):
        """A style's setting, or the one it inherits through basedOn (a loop is cut)."""
        seen = set()
        while style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            value = getattr(style, field)
            if value is not None:
                return value
            style_id = style.based_on
        return None

    def _all_bold(self, paragraph: ElementTree.Element, style_id: str | None) -> bool:
        """Is every run holding text bold, directly, by its character style or by the paragraph's?"""
        paragraph_bold = self._inherited(style_id, "bold")
        if paragraph_bold is None:
            paragraph_bold = self.default_bold
        found = False
        for run in _runs(paragraph):
            if not "".join(t.text or "" for t in run.findall(TEXT)).strip():
                continue
            found = True
            properties = run.find(W + "rPr")
            bold = _bold(properties)
            if bold is None:
                bold = self._inherited(val_of(properties, "rStyle"), "bold")
            if not (paragraph_bold if bold is None else bold):
                return False
        return found


NO_STYLES = Styles({}, None, False)


def read_styles(xml: bytes | None) -> Styles:
    """The styles of styles.xml (its parsed XML bytes), or none when the document has no such part."""
    if xml is None:
        return NO_STYLES
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError:
        return NO_STYLES  # hints only: a damaged styles part costs them, not the text
    by_id: dict[str, _Style] = {}
    default_paragraph = None
    for style in root.iter(W + "style"):
        style_id = style.get(W + "styleId")
        if style_id is None:
            continue
        paragraph_properties = style.find(W + "pPr")
        by_id[style_id] = _Style(
            name=val_of(style, "name") or style_id,
            based_on=val_of(style, "basedOn"),
            outline_level=val_of(paragraph_properties, "outlineLvl"),
            bold=_bold(style.find(W + "rPr")),
            list_id=val_of(_child(paragraph_properties, "numPr"), "numId"),
            list_level=val_of(_child(paragraph_properties, "numPr"), "ilvl"),
        )
        if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
            default_paragraph = style_id
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    return Styles(by_id, default_paragraph, bool(_bold(defaults)))


def val_of(element: ElementTree.Element | None, tag: str) -> str | None:
    """The w:val of ``element``'s child ``tag``."""
    if element is None:
        return None
    child = element.find(W + tag)
    return None if child is None else child.get(VAL)


def _child(element: ElementTree.Element | None, tag: str) -> ElementTree.Element | None:
    """``element``'s child ``tag``, None when either is missing."""
    return None if element is None else element.find(W + tag)


def _bold(properties: ElementTree.Element | None) -> bool | None:
    """What run properties say of bold: True, False, or None when they do not say."""
    if properties is None:
        return None
    element = properties.find(W + "b")
    if element is None:
        return None
    return (element.get(VAL) or "1").lower() not in OFF


def _runs(element: ElementTree.Element):
    """The runs of a paragraph (in hyperlinks, insertions, fields too), not those of a nested one."""
    for child in element:
        if child.tag == RUN:
            yield child
        elif child.tag != PARAGRAPH:
            yield from _runs(child)
