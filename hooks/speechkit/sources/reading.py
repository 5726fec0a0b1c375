"""Read a speech file: bytes to text, whatever its format (sniffed from the bytes), encoding and line ends."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Notice, SpeechError
from .doc import read_doc
from .docx import read_docx
from .pdf import read_pdf
from .unify import unified
from .sniff import UTF8_BOM, sniff
from .webpage import declared_charset, read_html

# Control characters other than tab, LF, CR and form feed: text files do not hold them.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
NEWLINES = re.compile(r"\r\n?")
# Charsets a Chinese page declares, by the codec that reads them: GB2312 and GBK pages
# hold GBK's characters (browsers read both as GBK), which GB18030 includes.
CHARSET_CODECS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030"}
# Western charsets some old pages declare by default: a Chinese page that says so is
# really in another (its bytes are read as a text file's are).
LATIN_CHARSETS = frozenset({"iso8859-1", "cp1252", "ascii"})  # Python's codec names
# Byte order marks of the wide encodings, longest first (UTF-32 LE starts like UTF-16 LE).
WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# UTF-16 without a BOM: ASCII characters (line ends) put NULs in the bytes, which
# UTF-8 and GBK text never holds. With at least this many NULs, the file is read as
# UTF-16 (little- or big-endian, whichever reads better) when that reading has no
# control characters and this share of its characters ASCII or Chinese.
UTF16_MIN_NULS = 2
UTF16_PLAIN_SHARE = 0.9
# A line of a file that is not UTF-8 as a whole is read as UTF-8 only when its UTF-8
# reading holds this many Chinese characters (CJK ideographs, CJK and full-width
# punctuation) and its GB18030 reading is implausible: fewer than this share of its
# characters common ones (GB2312's first level and punctuation rows). GBK text that
# happens to be valid UTF-8 decodes to Latin, Greek or Cyrillic letters, not Chinese;
# UTF-8 Chinese read as GB18030 fails or gives rare characters (at most a third common
# on the corpus, against nearly all for real GBK lines).
UTF8_LINE_MIN_CHINESE = 3
GB_COMMON_SHARE = 0.5
CHINESE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
GB_COMMON_ROWS = (range(0xA1, 0xA4), range(0xB0, 0xD8))  # punctuation, first-level hanzi
ENCODING_NAMES = {"utf-8": "UTF-8", "gb18030": "GBK"}


@dataclass(frozen=True)
class Source:
    """A speech file's path and its decoded text, with LF line ends only."""

    path: str
    text: str
    encoding: str
    # What degraded the reading (lines in another encoding than the rest of the file).
    problems: tuple[Notice, ...] = ()
    format: str = "text"  # what the bytes are: "text", "html", "docx", "doc" or "pdf"
    # What the document says about itself (("title", …) from Word or PDF properties).
    metadata: tuple[tuple[str, str], ...] = ()
    # Lines the reader found are not the speech (a web page's menus and footer), each
    # with the reason: (line, reason); cleaning records them as dropped.
    set_aside: tuple[tuple[int, str], ...] = ()
    # What a Word file's formatting says of a paragraph, by the line it starts on:
    # (line, "title" | "heading" | "bold"); the parser heeds them only where the text is ambiguous.
    hints: tuple[tuple[int, str], ...] = ()


def read_source(path: str | Path) -> Source:
    """Read a file as UTF-8 (with or without BOM), UTF-16/32, else GB18030; raise SpeechError if none."""
    data = Path(path).read_bytes()
    return decode_source(data, path)


def decode_source(data: bytes, path: str | Path) -> Source:
    """Read the bytes from ``path`` into a Source by what they are: Word, legacy Word, PDF, a
    web page or text; its characters unified (a font's radicals as the characters they stand for)."""
    source = _read(data, path)
    metadata = tuple((key, unified(value)) for key, value in source.metadata)
    return replace(source, text=unified(source.text), metadata=metadata)


def _read(data: bytes, path: str | Path) -> Source:
    """The Source of the bytes, read by the reader of their kind."""
    kind = sniff(data, str(path))
    if kind == "html":
        return _html_source(data, str(path))
    if kind != "text":
        return _document_source(data, str(path), kind)
    text, encoding, problems = decode_text(data, path)
    text = NEWLINES.sub("\n", text)
    control = CONTROL_CHARS.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        raise SpeechError(
            path,
            f"not a text file: control character U+{ord(control.group()):04X} "
            "(save the speech as plain text, UTF-8 or GBK)",
            line,
        )
    return Source(str(path), text, encoding, problems)


def _document_source(data: bytes, path: str, kind: str) -> Source:
    """A Word or PDF file's text (control characters, which are not text, taken out) as a Source."""
    hints: tuple[tuple[int, str], ...] = ()
    if kind == "docx":
        text, metadata, hints = read_docx(data, path)
    elif kind == "pdf":
        text, metadata = read_pdf(data, path)
    else:
        text, metadata = read_doc(data, path), {}
    text = CONTROL_CHARS.sub("", NEWLINES.sub("\n", text))
    return Source(path, text, "utf-8", format=kind, metadata=tuple(metadata.items()), hints=hints)


def _html_source(data: bytes, path: str) -> Source:
    """A web page's visible text as a Source, the lines outside its article set aside;
    decoded by its byte order mark, else its declared charset, else as a text file is."""
    markup, encoding, problems = _decode_page(data, path)
    page = read_html(CONTROL_CHARS.sub("", NEWLINES.sub("\n", markup)), path)
    return Source(path, CONTROL_CHARS.sub("", page.text), encoding, problems, "html",
                  tuple(page.metadata.items()), page.set_aside)


def _decode_page(data: bytes, path: str) -> tuple[str, str, tuple[Notice, ...]]:
    """A page's markup, encoding and problems: bytes that are UTF-8 as UTF-8 (other text is
    rarely valid UTF-8, while GB18030 reads nearly any bytes, UTF-8's too, as wrong
    characters); else the charset the page declares when that reads it; else, with a
    Notice, what the bytes are, as for a text file."""
    declared = declared_charset(data)
    if declared is None or data.startswith(UTF8_BOM) or _wide_encoding(data) is not None:
        return decode_text(data, path)
    codec = _codec_name(CHARSET_CODECS.get(declared, declared))
    as_utf8 = _try(data, "utf-8")
    if as_utf8 is not None and (codec == "utf-8" or data.isascii()):
        return as_utf8, "utf-8", ()
    text = None if codec in (None, "utf-8", *LATIN_CHARSETS) else _try(data, codec)
    if as_utf8 is None and text is not None:
        return text, codec, ()
    markup, encoding, problems = decode_text(data, path)
    notice = Notice(path, None, f"the page declares charset {declared} but is not in it; read as {ENCODING_NAMES.get(encoding, encoding)}")
    return markup, encoding, (notice, *problems)


def _codec_name(name: str) -> str | None:
    """Python's name of a codec (gb18030, utf-8, cp1252), or None for a name it does not know."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(data: bytes, path: str | Path) -> tuple[str, str, tuple[Notice, ...]]:
    """Text, encoding and problems of a file's bytes: UTF-16/32 by BOM or NUL bytes; else
    UTF-8 (BOM dropped; it rarely decodes other bytes by accident); else GB18030, with the
    lines of the other encoding read as such, a Notice per run; SpeechError with the line
    if neither reads a line."""
    path = str(path)
    wide = _wide_encoding(data)
    if wide is not None:
        return _decode_wide(data, wide, path), wide, ()
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        return _decode_lines(data, path)


def _wide_encoding(data: bytes) -> str | None:
    """utf-32 or utf-16 for a file with their BOM, utf-16-le/-be for one whose NULs say so."""
    for bom, encoding in WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    if data.count(0) < UTF16_MIN_NULS or len(data) % 2:
        return None
    readings = {encoding: _try(data, encoding) for encoding in ("utf-16-le", "utf-16-be")}
    scores = {
        encoding: _plain_share(text) for encoding, text in readings.items()
        if text is not None and not CONTROL_CHARS.search(text)
    }
    best = max(scores, key=scores.get, default=None)
    return best if best is not None and scores[best] >= UTF16_PLAIN_SHARE else None


def _plain_share(text: str) -> float:
    """The share of the text's characters that are ASCII or Chinese."""
    plain = sum(1 for c in text if c.isascii()) + len(CHINESE.findall(text))
    return plain / len(text)


def _decode_wide(data: bytes, encoding: str, path: str) -> str:
    """The text of a UTF-16 or UTF-32 file; SpeechError with the line of a bad unit."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
        raise SpeechError(
            path,
            f"cannot decode byte {error.start}: the file starts as {encoding.upper()} text "
            "but is not valid UTF-16/UTF-32 (save it again as UTF-8)",
            line,
        ) from None


def _decode_lines(data: bytes, path: str) -> tuple[str, str, tuple[Notice, ...]]:
    """Read each line by its own encoding: the file's is the one most of its bytes need;
    a line that could be either follows the file; each run of the other is a Notice."""
    lines = data.split(b"\n")
    readings = [_line_reading(raw, number, path) for number, raw in enumerate(lines, start=1)]
    weight = {"utf-8": 0, "gb18030": 0}
    for raw, (encoding, _) in zip(lines, readings):
        if encoding in weight:
            weight[encoding] += len(raw)
    main = "utf-8" if weight["utf-8"] > weight["gb18030"] else "gb18030"
    texts, labels = [], []
    for raw, (encoding, text) in zip(lines, readings):
        if encoding == "either":
            encoding, text = main, raw.decode(main)
        texts.append(text)
        labels.append(encoding)
    return "\n".join(texts), main, _mixed_notices(labels, main, path)


def _line_reading(raw: bytes, number: int, path: str) -> tuple[str | None, str]:
    """One line's encoding (None for ASCII, "either" when both read it) and its text."""
    if raw.isascii():
        return None, raw.decode("ascii")
    as_utf8 = _try(raw, "utf-8")
    as_gb = _try(raw, "gb18030")
    if as_utf8 is None and as_gb is None:
        utf8_bad = _bad_offset(raw, "utf-8")
        gb_bad = _bad_offset(raw, "gb18030")
        # The encoding that read further is the one the line was meant to be in.
        bad = max(utf8_bad, gb_bad)
        raise SpeechError(
            path,
            f"cannot decode byte 0x{raw[bad]:02X}: the file is neither UTF-8 nor GBK/GB18030 text",
            number,
        )
    if as_gb is None:
        return "utf-8", as_utf8
    if as_utf8 is None:
        return "gb18030", as_gb
    if _looks_utf8(as_utf8, as_gb):
        return "utf-8", as_utf8
    return "either", as_gb


def _try(raw: bytes, encoding: str) -> str | None:
    """The bytes decoded, or None."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _bad_offset(raw: bytes, encoding: str) -> int:
    """Where decoding fails."""
    try:
        raw.decode(encoding)
    except UnicodeDecodeError as error:
        return error.start
    return len(raw)


def _looks_utf8(as_utf8: str, as_gb: str) -> bool:
    """Chinese when read as UTF-8, and mostly rare characters when read as GB18030."""
    if len(CHINESE.findall(as_utf8)) < UTF8_LINE_MIN_CHINESE:
        return False
    wide = [c for c in as_gb if not c.isascii()]
    common = sum(_gb_common(c) for c in wide)
    return common < GB_COMMON_SHARE * len(wide)


def _gb_common(char: str) -> bool:
    """Is the character one of GB2312's punctuation or first-level (common) characters?"""
    try:
        lead = char.encode("gb2312")[0]
    except UnicodeEncodeError:
        return False
    return any(lead in rows for rows in GB_COMMON_ROWS)


def _mixed_notices(labels: list[str | None], main: str, path: str) -> tuple[Notice, ...]:
    """One Notice per run of lines in the other encoding (ASCII lines between join a run)."""
    runs: list[list[int]] = []
    last = None
    for number, label in enumerate(labels, start=1):
        if label is None:
            continue
        if label != main:
            if last is not None and labels[last - 1] != main and runs:
                runs[-1][1] = number
            else:
                runs.append([number, number])
        last = number
    other = "gb18030" if main == "utf-8" else "utf-8"
    return tuple(Notice(path, first, _mixed_message(first, end, other, main)) for first, end in runs)


def _mixed_message(first: int, end: int, other: str, main: str) -> str:
    """lines 12–14 are UTF-8 while the rest of the file is GBK; …"""
    where = f"line {first} is" if first == end else f"lines {first}–{end} are"
    return (
        f"{where} {ENCODING_NAMES[other]} while the rest of the file is {ENCODING_NAMES[main]}; "
        "read each as its own encoding — save the file in one encoding"
    )
