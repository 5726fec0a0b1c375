"""Read a Word .docx: its paragraphs in order (tables' too), line breaks kept, its own title,
and what its formatting hints (title, heading, bold) for each paragraph."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from ..errors import SpeechError
from .docx_hints import STYLES_PART, read_styles
from .docx_numbering import NUMBERING_PART, read_numbering

BODY_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARAGRAPH = W + "p"
TEXT = W + "t"
BREAKS = {W + "br": "\n", W + "cr": "\n", W + "tab": "\t"}  # within a paragraph
# A text box is written twice, for new Word (mc:Choice) and old (mc:Fallback): read it once.
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
MAX_PART_BYTES = 64 * 2**20  # unpacked; a speech's document.xml is well under 1 MB (a ZIP bomb is not)
# A carriage return kept in the text (&#13;) becomes a line end when the text is read:
# counted as one here so that a hint names the line its paragraph starts on.
CARRIAGE_RETURN = re.compile(r"\r\n?")


def read_docx(data: bytes, path: str) -> tuple[str, dict[str, str], tuple[tuple[int, str], ...]]:
    """The document's text, a line per paragraph (a line break in one starts a new line), its
    metadata, and its hints: (line, "title" | "heading" | "bold") for paragraphs so formatted."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for part in (BODY_PART, STYLES_PART, NUMBERING_PART):
            if part in archive.namelist() and archive.getinfo(part).file_size > MAX_PART_BYTES:
                raise SpeechError(path, f"{part} unpacks to more than {MAX_PART_BYTES // 2**20} MB; not read")
        body = _parse(archive.read(BODY_PART), path, BODY_PART)
        core = archive.read(CORE_PART) if CORE_PART in archive.namelist() else None
        styles = read_styles(archive.read(STYLES_PART) if STYLES_PART in archive.namelist() else None)
        numbering = read_numbering(archive.read(NUMBERING_PART) if NUMBERING_PART in archive.namelist() else None)
    texts, hints, line = [], [], 1
    for paragraph in _paragraphs(body):
        text = CARRIAGE_RETURN.sub("\n", _paragraph_text(paragraph))
        if text.strip():  # an empty paragraph of a list shows a number with nothing after it: not counted
            text = numbering.label(*styles.list_of(paragraph)) + text
        hint = styles.hint(paragraph, text)
        if hint is not None:
            hints.append((line, hint))
        texts.append(text)
        line += text.count("\n") + 1
    return "\n".join(texts), _metadata(core, path), tuple(hints)


def _parse(xml: bytes, path: str, part: str) -> ElementTree.Element:
    """The XML of one part; SpeechError if it is broken."""
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise SpeechError(path, f"a damaged Word document ({part}: {error}); open it in Word and save it again") from None


def _paragraphs(element: ElementTree.Element) -> Iterator[ElementTree.Element]:
    """Every paragraph under ``element`` in document order (a text box's after the one holding it)."""
    for child in element:
        if child.tag == FALLBACK:
            continue
        if child.tag == PARAGRAPH:
            yield child
        yield from _paragraphs(child)


def _paragraph_text(paragraph: ElementTree.Element) -> str:
    """A paragraph's runs joined; a paragraph nested in it (a text box) is read on its own."""
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element: ElementTree.Element, parts: list[str]) -> None:
    """The text and breaks under ``element``, in order, not going into nested paragraphs."""
    for child in element:
        if child.tag in (PARAGRAPH, FALLBACK):
            continue
        if child.tag == TEXT:
            parts.append(child.text or "")
        elif child.tag in BREAKS:
            parts.append(BREAKS[child.tag])
        else:
            _collect(child, parts)


def _metadata(core: bytes | None, path: str) -> dict[str, str]:
    """{"title": …} from docProps/core.xml when the document names itself."""
    if core is None:
        return {}
    title = _parse(core, path, CORE_PART).findtext(DC_TITLE) or ""
    return {"title": title.strip()} if title.strip() else {}
