"""Read a PDF's text layer with pdfminer.six and join its hard-wrapped lines into paragraphs.

Built for Chinese government web pages printed to PDF: a paragraph's first line is
indented two characters, the lines after it start at the left margin and run to the right
edge (or are cut there), its last line is short or ends a sentence; item markers (一是,
（一）, 1．) start a paragraph. Page headers and footers are kept (cleaning sets them
aside); a paragraph running over a page break is joined across them, and they follow it.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..errors import SpeechError
from ..numerals import parse_numeral, write_numeral
from ..rulebook import current
from .wrapping import ITEM_MARKER, SENTENCE_END, joined

DIGITS = re.compile(r"\d+")
NEAR_FULL_CHARS = 3  # a line ending this many characters short of the right edge is full
MARGIN_CHARS = 0.5  # a line starting within this of the left margin is at the margin
INDENT_CHARS = 1.5  # a first line indented this much or more
INDENTED_SHARE = 0.1  # the document indents first lines when this share of lines is indented
FURNITURE_PAGE_SHARE = 0.5  # a line (digits aside) at the same height on this share of pages
# A point of a run inside a paragraph (…四是…。五是…) that the wrap put at a line's start.
RUN_ON_MARKER = re.compile(r"^(?P<n>[一二三四五六七八九十]{1,3})(?P<mark>[是要])")
# pdfminer warns of fonts it cannot measure (Could get FontBBox …) while the text reads
# fine; that is no news for the person building the site.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
NO_TEXT = "the PDF has no text layer (a scan?); run OCR on it, or save the speech as .docx or UTF-8 .txt"


@dataclass(frozen=True)
class Line:
    """One printed line: its text, page, and where it starts, ends and stands."""

    text: str
    page: int
    x0: float
    x1: float
    y: float
    size: float


@dataclass(frozen=True)
class Geometry:
    """The body's left margin and right edge, a character's size, and whether first lines are indented."""

    margin: float
    right: float
    char: float
    indents: bool


def read_pdf(data: bytes, path: str) -> tuple[str, dict[str, str]]:
    """The PDF's text, a line per paragraph, and its metadata; SpeechError for a scan or a broken file."""
    lines, metadata = _lines(data, path)
    if not any(line.text for line in lines):
        raise SpeechError(path, NO_TEXT)
    return "\n".join(_paragraphs(lines)), metadata


def _lines(data: bytes, path: str) -> tuple[list[Line], dict[str, str]]:
    """Every text line of every page, in reading order, and the document's title."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        resources = PDFResourceManager()
        device = PDFPageAggregator(resources, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        lines: list[Line] = []
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            interpreter.process_page(page)
            for box in device.get_result():
                if isinstance(box, LTTextContainer):
                    lines += [_line(item, number) for item in box if isinstance(item, LTTextLine)]
    except SpeechError:
        raise
    except Exception as error:  # pdfminer raises many types for broken or encrypted files
        raise SpeechError(path, f"cannot read the PDF ({type(error).__name__}: {error}); print it to PDF again or save it as .docx") from None
    return [line for line in lines if line.text], _metadata(document)


def _line(item, page: int) -> Line:
    """A pdfminer text line as a Line."""
    return Line(item.get_text().strip(), page, item.x0, item.x1, item.y0, item.height)


def _metadata(document) -> dict[str, str]:
    """{"title": …} from the PDF's information dictionary, when it has one."""
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    for info in document.info:
        title = resolve1(info.get("Title"))
        if isinstance(title, bytes):
            title = decode_text(title)
        if isinstance(title, str) and title.strip():
            return {"title": title.strip()}
    return {}


def _paragraphs(lines: list[Line]) -> list[str]:
    """Join each run of wrapped body lines; page furniture inside a paragraph comes after it."""
    furniture = _furniture(lines)
    geometry = _geometry([line for line in lines if line not in furniture] or lines)
    out: list[str] = []
    held: list[str] = []  # furniture met inside the open paragraph
    text: str | None = None  # the open paragraph
    last: Line | None = None  # its last line
    for line in lines:
        if line in furniture:
            (held if text is not None else out).append(line.text)
            continue
        if last is not None and _continues(last, line, geometry, text):
            text = joined(text, line.text)
        else:
            out += [text, *held] if text is not None else held
            held, text = [], line.text
        last = line
    return out + ([text] if text is not None else []) + held


def _furniture(lines: list[Line]) -> set[Line]:
    """Lines that stand at the same height with the same text (page numbers aside) on most pages."""
    pages = {line.page for line in lines}
    if len(pages) < 2:
        return set()
    pages_of: dict[tuple[int, str], set[int]] = defaultdict(set)
    for line in lines:
        pages_of[_furniture_key(line)].add(line.page)
    least = max(2, FURNITURE_PAGE_SHARE * len(pages))
    return {line for line in lines if len(pages_of[_furniture_key(line)]) >= least}


def _furniture_key(line: Line) -> tuple[int, str]:
    """Where a line stands and its text with numbers blanked: the same for a footer on every page."""
    return round(line.y), DIGITS.sub("#", line.text)


def _geometry(lines: list[Line]) -> Geometry:
    """The left margin (where most lines start), the right edge, the character size, and indenting."""
    char = statistics.median(line.size for line in lines) or 1.0
    starts = Counter(round(line.x0) for line in lines)
    margin = max(starts, key=lambda start: (starts[start], -start))  # the commonest, leftmost if tied
    at_margin = [line.x1 for line in lines if abs(line.x0 - margin) <= MARGIN_CHARS * char]
    right = max(at_margin) if at_margin else max(line.x1 for line in lines)
    indented = sum(1 for line in lines if INDENT_CHARS * char <= line.x0 - margin <= 3 * char)
    return Geometry(margin, right, char, indented >= INDENTED_SHARE * len(lines))


def _continues(previous: Line, line: Line, geometry: Geometry, paragraph: str = "") -> bool:
    """Does ``line`` go on with ``previous``'s paragraph? Only from a full line to one at
    the margin, and not one that starts a point, unless it is the next point of a run the
    open ``paragraph`` holds (…四是…。 then 五是… at the margin: the wrap put it there)."""
    if abs(line.x0 - geometry.margin) > MARGIN_CHARS * geometry.char:
        return False
    if ITEM_MARKER.match(line.text) and not (geometry.indents and _runs_on(paragraph, line.text)):
        return False
    if previous.x1 < geometry.right - NEAR_FULL_CHARS * geometry.char:
        return False
    return geometry.indents or not SENTENCE_END.search(previous.text)


def _runs_on(paragraph: str, text: str) -> bool:
    """Does ``text`` start with the point after one the paragraph holds inside it (四是 → 五是)?"""
    found = RUN_ON_MARKER.match(text)
    number = parse_numeral(found.group("n")) if found else None
    if not number or number < 2:
        return False
    # Where the point before it stands: the paragraph's start, or where an inline marker may.
    boundary = f"(?:^|{current().structure.inline_boundary})"
    return re.search(boundary + write_numeral(number - 1) + found.group("mark"), paragraph) is not None
