"""The parsed speech: frozen records that every later stage reads."""

from __future__ import annotations

from dataclasses import dataclass

from .errors import Notice


@dataclass(frozen=True)
class Paragraph:
    """One kept unit of text and the 1-based source line it starts on."""

    text: str
    line: int
    note: bool = False  # an editor's note (a "> " quote), not the speaker's words
    last_line: int | None = None  # the last source line, when a hard-wrapped paragraph runs over several


@dataclass(frozen=True)
class Dropped:
    """Text set aside as not study content, with the reason why."""

    line: int
    text: str
    reason: str
    column: int = 0  # where the text starts in the source line (0-based), for inline marks


@dataclass(frozen=True)
class Item:
    """One labelled point: its marker as written, its lead sentence and full text."""

    label: str
    number: int
    headline: str
    paragraphs: tuple[Paragraph, ...]
    children: tuple["Item", ...] = ()

    @property
    def text(self) -> str:
        """The item's whole text, label included, paragraphs joined by newlines."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def line(self) -> int:
        """The source line the item starts on."""
        return self.paragraphs[0].line


@dataclass(frozen=True)
class Part:
    """A group of items introduced by a sentence (or a section heading)."""

    kind: str  # short name used in labels and URLs: 问题, 意见, 强调, 部分…
    title: str  # what a reader sees: 存在的问题, 六点意见…
    label: str | None  # the section marker as written (一、), if any
    heading: str | None  # the section heading, if the part has one
    intro: Paragraph | None  # the paragraph that announces the items
    items: tuple[Item, ...]
    after: tuple[Paragraph, ...] = ()  # text that follows the first item, items aside
    expected_count: int | None = None  # the count the intro announces (六点意见 → 6)
    lead: tuple[Paragraph, ...] = ()  # text between the heading and the first item
    heading_line: int | None = None  # the source line of the section heading, if the part has one


@dataclass(frozen=True)
class Speech:
    """One input file, parsed."""

    path: str
    title: str
    title_line: int | None
    salutation: Paragraph | None
    opening: tuple[Paragraph, ...]
    parts: tuple[Part, ...]
    closing: tuple[Paragraph, ...]
    paragraphs: tuple[Paragraph, ...]  # every kept unit in source order
    dropped: tuple[Dropped, ...] = ()
    warnings: tuple[str, ...] = ()
    date: str | None = None  # ISO 8601 (1978-04-22), or a year alone (1978)
    speaker: str | None = None
    meeting: str | None = None
    front: tuple[Paragraph, ...] = ()  # subtitle, date, speaker lines and editor's notes
    footnotes: tuple[Paragraph, ...] = ()  # the 注释 / 名词解释 block, heading first
    title_paragraphs: tuple[Paragraph, ...] = ()  # the line(s) the title was read from
    # What degraded the reading of this file (a bad front-matter value, a line in another
    # encoding): reported as warnings, so a publish build fails; ``warnings`` are advice.
    problems: tuple[Notice, ...] = ()
    # Where the title came from: "front matter", "text" (its title line), "metadata" (the
    # document's title property), "meeting" (the meeting its subtitle names), "opening"
    # (what its opening words say it is) or "file name".
    title_source: str = "text"
    format: str = "text"  # what the file was: "text", "docx", "doc", "pdf" or "html"

    @property
    def items(self) -> tuple[Item, ...]:
        """All top-level items of all parts, in order."""
        return tuple(item for part in self.parts for item in part.items)
