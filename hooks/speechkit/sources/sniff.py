"""What a file is, by its first bytes and not its name: text, a web page, Word, legacy Word, PDF, or a kind we refuse."""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import SpeechError

ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a local file header; an empty archive
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003, WPS, old Excel/PowerPoint
PDF_MAGIC = b"%PDF-"
PDF_MAGIC_WITHIN = 1024  # readers accept junk before %PDF- in the first kilobyte
IMAGE_MAGICS = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)
# A web page opens with its doctype or <html>, <head> or <body> tag, after a byte order
# mark, white space, comments or an XML declaration (XHTML); UTF-16 pages have a BOM.
HTML_START = re.compile(
    r"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
HTML_WITHIN = 4096
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = b"\xef\xbb\xbf"
WORD_PART = "word/document.xml"
# Other Office files are ZIPs too: what their parts say they are.
ZIP_KINDS = (("xl/", "a spreadsheet (Excel .xlsx)"), ("ppt/", "a presentation (PowerPoint .pptx)"))
ZIP_OTHER = "a ZIP archive, not a Word document"
SAVE_AS = "save the speech as .docx, .pdf or UTF-8 .txt"


def sniff(data: bytes, path: str) -> str:
    """The format of a file's bytes: "docx", "doc", "pdf", "html" or "text"; SpeechError for a kind we do not read."""
    if data.startswith(ZIP_MAGICS):
        return _zip_format(data, path)
    if data.startswith(OLE2_MAGIC):
        return "doc"
    if PDF_MAGIC in data[:PDF_MAGIC_WITHIN]:
        return "pdf"
    for magic, name in IMAGE_MAGICS:
        if data.startswith(magic):
            refuse(path, f"a {name} image, not text (a scan or screenshot?)")
    if is_html(data):
        return "html"
    return "text"


def is_html(data: bytes) -> bool:
    """Whether the bytes open as a web page (a doctype, <html>, <head> or <body> near the start)."""
    head = data[:HTML_WITHIN]
    if head.startswith(UTF16_BOMS):
        start = head[: len(head) // 2 * 2].decode("utf-16", "ignore")
    else:  # UTF-8, GBK and the like: the markup is ASCII
        start = head.removeprefix(UTF8_BOM).decode("latin-1")
    return bool(HTML_START.match(start))


def is_document(head: bytes) -> bool:
    """Whether a file starting with ``head`` (its first kilobyte) is a Word or PDF document
    or a web page, whose bytes are mostly not its text (images, fonts, markup, scripts)."""
    return head.startswith((*ZIP_MAGICS, OLE2_MAGIC)) or PDF_MAGIC in head[:PDF_MAGIC_WITHIN] or is_html(head)


def refuse(path: str, kind: str) -> None:
    """Raise the one message for a file we cannot read: what it is and what to do."""
    raise SpeechError(path, f"not read: {kind}; {SAVE_AS}")


def _zip_format(data: bytes, path: str) -> str:
    """docx for a ZIP holding a Word document; SpeechError naming any other ZIP."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        refuse(path, "a damaged ZIP archive (a broken Word file?)")
    if WORD_PART in names:
        return "docx"
    for prefix, kind in ZIP_KINDS:
        if any(name.startswith(prefix) for name in names):
            refuse(path, kind)
    refuse(path, ZIP_OTHER)
