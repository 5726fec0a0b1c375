"""Read a speech file: bytes to text, whatever encoding and line ends it came with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SpeechError

# Control characters other than tab, LF, CR and form feed: text files do not hold them.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
NEWLINES = re.compile(r"\r\n?")
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Source:
    """A speech file's path and its decoded text, with LF line ends only."""

    path: str
    text: str
    encoding: str


def read_source(path: str | Path) -> Source:
    """Read a file as UTF-8 (with or without BOM), else GB18030; raise SpeechError if neither."""
    data = Path(path).read_bytes()
    return decode_source(data, path)


def decode_source(data: bytes, path: str | Path) -> Source:
    """Decode bytes read from ``path`` into a Source."""
    text, encoding = decode_text(data, path)
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
    return Source(str(path), text, encoding)


def decode_text(data: bytes, path: str | Path) -> tuple[str, str]:
    """Text and encoding of a file's bytes: UTF-8 (BOM dropped) first, as it rarely decodes
    non-UTF-8 bytes by accident, then GB18030; SpeechError with the line if neither."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM):]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError as gb_error:
            # The encoding that read further is the one the file was meant to be in.
            bad = max(utf8_error.start, gb_error.start)
            line = data.count(b"\n", 0, bad) + 1
            raise SpeechError(
                path,
                f"cannot decode byte 0x{data[bad]:02X}: "
                "the file is neither UTF-8 nor GBK/GB18030 text",
                line,
            ) from None
