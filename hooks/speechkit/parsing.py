"""Find a speech's structure: title, salutation, opening, parts of items, closing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .cleaning import PADDING, Cleaned
from .data import load_yaml
from .model import Item, Paragraph, Part, Speech
from .numerals import parse_numeral, write_numeral

# Sentence ends; a headline is an item's first sentence.
SENTENCE_END = "。！？；!?;"
# Quote pairs inside which a sentence end does not end the sentence.
QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』", "（": "）", "(": ")"}
# Punctuation between a marker and its text (第一点，把… → 把…).
LEAD_PUNCTUATION = "，,、：: "
# A title is one short line that does not end like a sentence.
TITLE_MAX = 80
TITLE_BAD_END = tuple("。！？；，：;:,!?")
# Headlines longer than this are cut at a clause boundary.
HEADLINE_MAX = 40


@dataclass(frozen=True)
class _Marker:
    family: str
    number: int
    label: str
    rest: str


@dataclass(frozen=True)
class _Kind:
    kind: str
    title: str
    keywords: re.Pattern


@dataclass(frozen=True)
class _Rules:
    markers: tuple[tuple[str, re.Pattern], ...]
    salutation: re.Pattern
    kinds: tuple[_Kind, ...]
    fallback: dict
    count: re.Pattern
    intro_end: re.Pattern
    after_cues: re.Pattern
    closing_cues: re.Pattern


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    """Compile data/structure.yml once per process."""
    data = load_yaml("structure.yml")
    numeral = f"(?P<n>{data['numeral']})"

    def compile_with_numeral(pattern: str) -> re.Pattern:
        return re.compile(pattern.replace("{n}", numeral, 1).replace("{n}", data["numeral"]))

    return _Rules(
        markers=tuple(
            (m["family"], compile_with_numeral(f"^(?P<label>{m['pattern']})"))
            for m in data["item_markers"]
        ),
        salutation=re.compile(data["salutation"]),
        kinds=tuple(
            _Kind(k["kind"], k["title"], re.compile(k["keywords"])) for k in data["part_kinds"]
        ),
        fallback=data["fallback_kind"],
        count=compile_with_numeral(data["count"]),
        intro_end=compile_with_numeral(data["intro_end"]),
        after_cues=re.compile(data["after_cues"]),
        closing_cues=re.compile(data["closing_cues"]),
    )


def parse(cleaned: Cleaned) -> Speech:
    """Parse cleaned lines into a Speech."""
    return _Parser(cleaned).speech()


class _Parser:
    """One parse of one speech; holds the paragraphs and the warnings found on the way."""

    def __init__(self, cleaned: Cleaned):
        self.cleaned = cleaned
        self.rules = _rules()
        self.warnings: list[str] = []

    def warn(self, line: int | None, message: str) -> None:
        """Record a warning that names the file and line."""
        where = f"{self.cleaned.path}:{line}" if line else self.cleaned.path
        self.warnings.append(f"{where}: {message}")

    def speech(self) -> Speech:
        """Run every step and assemble the Speech."""
        body = [Paragraph(line.text, line.number) for line in self.cleaned.lines]
        title, title_line = self._take_title(body)
        salutation = self._take_salutation(body)
        paragraphs = ([Paragraph(title, title_line)] if title_line else []) + (
            [salutation] if salutation else []
        ) + body
        opening, parts, closing = self._find_parts(body)
        return Speech(
            path=self.cleaned.path,
            title=title,
            title_line=title_line,
            salutation=salutation,
            opening=tuple(opening),
            parts=tuple(parts),
            closing=tuple(closing),
            paragraphs=tuple(paragraphs),
            dropped=self.cleaned.dropped,
            warnings=tuple(self.warnings),
        )

    # -- title and salutation -------------------------------------------------------

    def _take_title(self, body: list[Paragraph]) -> tuple[str, int | None]:
        """Pop the title line off the body; fall back to the file name with a warning."""
        if body and self._looks_like_title(body[0].text):
            first = body.pop(0)
            return first.text, first.line
        self.warn(body[0].line if body else None, "no title line found; using the file name")
        return Path(self.cleaned.path).stem, None

    def _looks_like_title(self, text: str) -> bool:
        """A short line, not a sentence, not a salutation, not an item."""
        return (
            len(text) <= TITLE_MAX
            and not text.endswith(TITLE_BAD_END)
            and not self.rules.salutation.match(text)
            and self._marker(text) is None
        )

    def _take_salutation(self, body: list[Paragraph]) -> Paragraph | None:
        """Pop the salutation; when body text follows it on the same line, keep that text."""
        if not body:
            return None
        match = self.rules.salutation.match(body[0].text)
        if not match:
            return None
        first = body.pop(0)
        rest = first.text[match.end():].lstrip(PADDING)
        if rest:
            body.insert(0, Paragraph(rest, first.line))
        return Paragraph(match.group(), first.line)

    # -- markers -----------------------------------------------------------------------

    def _marker(self, text: str) -> _Marker | None:
        """The item marker a paragraph starts with, if any."""
        for family, pattern in self.rules.markers:
            match = pattern.match(text)
            if match:
                number = parse_numeral(match.group("n"))
                if number:
                    label = match.group("label").rstrip(LEAD_PUNCTUATION)
                    rest = text[match.end():].lstrip(LEAD_PUNCTUATION)
                    return _Marker(family, number, label, rest)
        return None

    def _is_intro(self, text: str) -> bool:
        """Does this paragraph announce a list of items?"""
        return bool(self.rules.intro_end.search(text))

    # -- parts ---------------------------------------------------------------------------

    def _find_parts(self, body: list[Paragraph]):
        """Split the body into opening, parts and closing."""
        markers = [self._marker(p.text) for p in body]
        runs = self._runs(body, markers)
        if not runs:
            if body:
                self.warn(body[0].line, "no parts or items found; the speech is shown as one page")
            return body, [], []
        first_start = runs[0][0] if runs[0][0] is not None else runs[0][1][0]
        opening = body[:first_start]
        parts: list[Part] = []
        closing: list[Paragraph] = []
        kind_counts: dict[str, int] = {}
        for index, (intro_index, starts, end) in enumerate(runs):
            is_last = index == len(runs) - 1
            item_end, after_end = self._split_trailing(body, starts, end, is_last)
            items = self._items(body, markers, starts, item_end)
            after = body[item_end:after_end]
            if is_last:
                closing = body[after_end:end]
            intro = body[intro_index] if intro_index is not None else None
            parts.append(self._part(intro, items, tuple(after), len(parts) + 1, kind_counts))
        return opening, parts, closing

    def _runs(self, body: list[Paragraph], markers: list[_Marker | None]):
        """Find runs of items numbered 1, 2, 3… of one family: (intro index, item starts, end)."""
        runs = []
        index = 0
        while index < len(body):
            marker = markers[index]
            if marker is None or marker.number != 1:
                index += 1
                continue
            starts = [index]
            cursor = index + 1
            while cursor < len(body):
                current = markers[cursor]
                if current and current.family == marker.family and current.number == len(starts) + 1:
                    starts.append(cursor)
                elif self._begins_run(body, markers, cursor) or (
                    current and current.family == marker.family and current.number == 1
                ):
                    break
                cursor += 1
            if len(starts) < 2:
                index += 1
                continue
            has_intro = index > 0 and self._is_intro(body[index - 1].text)
            if runs and has_intro and runs[-1][2] > index - 1:
                previous = runs[-1]
                runs[-1] = (previous[0], previous[1], index - 1)
            runs.append((index - 1 if has_intro else None, starts, cursor))
            index = cursor
        return self._bounded(runs)

    def _begins_run(self, body, markers, index: int) -> bool:
        """Is ``index`` the intro of a new run (an intro followed by a first item)?"""
        follower = markers[index + 1] if index + 1 < len(body) else None
        return bool(follower and follower.number == 1 and self._is_intro(body[index].text))

    @staticmethod
    def _bounded(runs):
        """Make each run end where the next run's intro or first item begins."""
        bounded = []
        for index, (intro, starts, end) in enumerate(runs):
            if index + 1 < len(runs):
                next_intro, next_starts, _ = runs[index + 1]
                next_begin = next_intro if next_intro is not None else next_starts[0]
                end = min(end, next_begin)
            bounded.append((intro, starts, end))
        return bounded

    def _split_trailing(self, body, starts: list[int], end: int, is_last: bool) -> tuple[int, int]:
        """Where the last item ends and where the part's after-text ends.

        When every item is one paragraph, the paragraphs after the last one are not part
        of it; otherwise they continue it until one starts like a summary or a closing.
        """
        last = starts[-1]
        single = all(b - a == 1 for a, b in zip(starts, starts[1:]))
        item_end = last + 1
        if not single:
            while item_end < end and not self._is_trailing_cue(body[item_end].text):
                item_end += 1
        after_end = end
        if is_last:
            after_end = item_end
            while after_end < end and not self.rules.closing_cues.match(body[after_end].text):
                if after_end == item_end and not self.rules.after_cues.match(body[after_end].text):
                    break
                after_end += 1
        return item_end, after_end

    def _is_trailing_cue(self, text: str) -> bool:
        """Does the paragraph start like a summary of the part or the speech's close?"""
        return bool(self.rules.after_cues.match(text) or self.rules.closing_cues.match(text))

    def _items(self, body, markers, starts: list[int], end: int) -> tuple[Item, ...]:
        """Build the items of one run."""
        bounds = list(zip(starts, starts[1:] + [end]))
        items = []
        for start, stop in bounds:
            marker = markers[start]
            items.append(
                Item(
                    label=marker.label,
                    number=marker.number,
                    headline=headline(marker.rest),
                    paragraphs=tuple(body[start:stop]),
                )
            )
        return tuple(items)

    def _part(self, intro, items, after, ordinal: int, kind_counts: dict[str, int]) -> Part:
        """Name a part from its intro sentence and check the count it announces."""
        announcing = _last_sentence(intro.text) if intro else ""
        kind = self._kind(announcing)
        count_match = self.rules.count.search(announcing)
        expected = parse_numeral(count_match.group("n")) if count_match else None
        if expected and expected != len(items):
            self.warn(
                intro.line,
                f"the intro announces {expected} points but {len(items)} items were found",
            )
        kind_name, title = kind if kind else (self.rules.fallback["kind"], self.rules.fallback["title"])
        count_text = count_match.group("n") if expected else write_numeral(len(items))
        title = title.format(count=count_text, ordinal=write_numeral(ordinal))
        kind_counts[kind_name] = kind_counts.get(kind_name, 0) + 1
        return Part(
            kind=kind_name,
            title=title,
            label=None,
            heading=None,
            intro=intro,
            items=items,
            after=after,
            expected_count=expected,
        )

    def _kind(self, sentence: str) -> tuple[str, str] | None:
        """The part kind whose keyword stands rightmost in the announcing sentence."""
        best = None
        best_position = -1
        for kind in self.rules.kinds:
            for match in kind.keywords.finditer(sentence):
                if match.start() > best_position:
                    best, best_position = (kind.kind, kind.title), match.start()
        return best


def headline(text: str) -> str:
    """An item's headline: the first sentence of its text, cut at a clause if long."""
    sentence = _first_sentence(text)
    if len(sentence) <= HEADLINE_MAX:
        return sentence
    cut = max(sentence.rfind(mark, 0, HEADLINE_MAX) for mark in "，,：:")
    return sentence[:cut] if cut > 0 else sentence[:HEADLINE_MAX] + "…"


def _first_sentence(text: str) -> str:
    """Text up to the first sentence end that is not inside quotes or brackets."""
    closers: list[str] = []
    for index, char in enumerate(text):
        if closers and char == closers[-1]:
            closers.pop()
        elif char in QUOTES:
            closers.append(QUOTES[char])
        elif char in SENTENCE_END and not closers and text[:index].strip():
            # An end mark with nothing before it (一是!!!…) would leave an empty headline.
            return text[:index]
    return text


def _last_sentence(text: str) -> str:
    """The paragraph's last sentence (the one that announces what follows)."""
    sentences = [s for s in re.split(f"[{SENTENCE_END}]", text) if s.strip()]
    return sentences[-1] if sentences else text
