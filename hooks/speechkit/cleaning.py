"""Set aside what is not study content, each line with its reason; trim the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .data import load_yaml
from .model import Dropped
from .reading import Source

# Full-width (U+3000), no-break and ASCII spaces that pad lines in copied texts.
PADDING = " \t\u3000\u00a0\u2002\u2003\u200b\ufeff"
# A line that reads like speech body rather than a header: a long sentence.
BODY_LINE = re.compile(r".{30,}[。！？]$")
# How far down a distributor header may reach, in non-blank lines.
HEADER_MAX_LINES = 25
HEADER_FILLER_REASON = "发布者页眉（水印行之间，标题之前）"


@dataclass(frozen=True)
class Line:
    """A kept, trimmed, non-blank line and its 1-based number in the source."""

    text: str
    number: int


@dataclass(frozen=True)
class Cleaned:
    """What cleaning kept and what it set aside."""

    path: str
    lines: tuple[Line, ...]
    dropped: tuple[Dropped, ...]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    reason: str
    where: str


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    """The noise rules from data/noise.yml, compiled once per process."""
    return tuple(
        _Rule(re.compile(r["pattern"]), r["reason"], r["where"])
        for r in load_yaml("noise.yml")["rules"]
    )


def clean(source: Source) -> Cleaned:
    """Split the source's lines into kept lines and dropped lines with reasons."""
    lines = [
        Line(raw.strip(PADDING), number)
        for number, raw in enumerate(source.text.split("\n"), start=1)
    ]
    lines = [line for line in lines if line.text]
    header_end = _header_end(lines)
    kept: list[Line] = []
    dropped: list[Dropped] = []
    for index, line in enumerate(lines):
        reason = _noise_reason(line.text, in_header=index < header_end)
        if reason is None and index < header_end:
            reason = HEADER_FILLER_REASON
        if reason is None:
            kept.append(line)
        else:
            dropped.append(Dropped(line.number, line.text, reason))
    return Cleaned(source.path, tuple(kept), tuple(dropped))


def _noise_reason(text: str, in_header: bool) -> str | None:
    """The reason of the first rule that matches this line where it stands, if any."""
    for rule in _rules():
        if (in_header or rule.where == "anywhere") and rule.pattern.search(text):
            return rule.reason
    return None


@lru_cache(maxsize=1)
def _salutation() -> re.Pattern:
    """The salutation pattern the parser uses, to find where the speech begins."""
    return re.compile(load_yaml("structure.yml")["salutation"])


def _header_end(lines: list[Line]) -> int:
    """Index just past the last watermark line above the title, 0 if none.

    The title is the line before the salutation; without a salutation the header can
    reach no further than the first line that reads like body text.
    """
    region = lines[:HEADER_MAX_LINES]
    for index, line in enumerate(region):
        if _salutation().match(line.text):
            region = region[: max(index - 1, 0)]
            break
        if BODY_LINE.search(line.text):
            region = region[:index]
            break
    end = 0
    for index, line in enumerate(region):
        if any(r.where == "header" and r.pattern.search(line.text) for r in _rules()):
            end = index + 1
    return end
