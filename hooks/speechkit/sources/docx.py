"""Read a Word .docx: its paragraphs in order (tables' too), line breaks kept, and its own title."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree

from ..errors import SpeechError

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


def read_docx(data: bytes, path: str) -> tuple[str, dict[str, str]]:
    """The document's text, a line per paragraph (a line break in one starts a new line), and its metadata."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if archive.getinfo(BODY_PART).file_size > MAX_PART_BYTES:
            raise SpeechError(path, f"{BODY_PART} unpacks to more than {MAX_PART_BYTES // 2**20} MB; not read")
        body = _parse(archive.read(BODY_PART), path, BODY_PART)
        core = archive.read(CORE_PART) if CORE_PART in archive.namelist() else None
    text = "\n".join(_paragraph_text(p) for p in _paragraphs(body))
    return text, _metadata(core, path)


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
