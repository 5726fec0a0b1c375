"""Set aside what is not study content, each piece with its reason; trim the rest."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from ..errors import Notice
from ..model import Dropped
from ..rulebook import current
from .dispatch import DispatchRules, compile_dispatch, find_wrapper
from .frontmatter import split_front_matter
from .pagecode import PageCodeRules, compile_page_code, page_code_reasons
from .reading import Source
from .runon_front import front_cuts
from .sentences import SENTENCE_ENDS  # a unit ending so is the speaker's text, however often it recurs
from .wrapping import SENTENCE_END, WrappedLine, continuations, joined, without_wrap_spaces

# Full-width (U+3000), no-break, en/em and ASCII spaces that pad lines in copied texts.
PADDING = " \t\u3000\u00a0\u2002\u2003\u200b\ufeff"
# A Markdown section heading, ## to ######, with its level.
MARKDOWN_HEADING = re.compile(r"^(#{2,6})[ \t]+\S")
# How many units from the top may hold a front run into one line (watermark lines above it).
RUN_ON_FRONT_UNITS = 5
# A unit that reads like speech body rather than a header: a long sentence.
BODY_LINE = re.compile(r".{30,}[。！？]$")
# How far down a distributor header may reach, in units.
HEADER_MAX_LINES = 60  # a printed web page has some thirty lines of menus, a watermarked one twenty repeats, above its article
# Empty lines beyond the usual gap between paragraphs that count as a cut (a page break or
# a watermark the copy left out stood there): the paragraph above may go on below them.
WIDE_GAP_EXTRA = 3
# A page counter on a line of its own (3/14); so many of them with one total make a
# counter run into the next line's text one too.
PAGE_COUNTER = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})$")
GLUED_PAGE_MARKS_MIN = 2
HEADER_FILLER_REASON = "发布者页眉（水印行之间，标题之前）"
FRONT_MATTER_REASON = "文件头元数据（front matter）"
# A value that follows its label on the next unit is short and not a sentence.
SHORT_VALUE = re.compile(r"^[^。！？；，,]{1,40}$")
# Units after a related-links label that still belong to it: short, not sentences.
TAIL_UNIT = re.compile(r"^[^。！？]{1,60}$")
# A breadcrumb step: 首页, 政务信息, 宁夏要闻.
BREADCRUMB_STEP_MAX = 8
# A report's section heading: 一、2020年工作回顾.
SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]{1,3}、")


@dataclass(frozen=True)
class Line:
    """A kept, trimmed, non-blank unit of text and its 1-based line in the source."""

    text: str
    number: int
    note: bool = False  # a "> " quote: an editor's note
    last: int | None = None  # the last source line of a paragraph re-joined from hard-wrapped lines


@dataclass(frozen=True)
class Cleaned:
    """What cleaning kept, what it set aside, and the file's front matter."""

    path: str
    lines: tuple[Line, ...]
    dropped: tuple[Dropped, ...]
    meta: dict = field(default_factory=dict, compare=False)
    problems: tuple[Notice, ...] = ()  # the source's and the front matter's
    format: str = "text"  # the Source's: "text", "docx", "doc" or "pdf"
    metadata: tuple[tuple[str, str], ...] = ()  # the Source's: what the document says about itself
    hints: tuple[tuple[int, str], ...] = ()  # the Source's: (source line, "title" | "heading" | "bold")


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern
    reason: str
    where: str
    takes_next: bool
    tail: bool
    page_mark: bool = False  # a page number: enough of them make a text a printed one
    neighbours: bool = False  # the short units beside it go with it


@dataclass(frozen=True)
class _Inline:
    pattern: re.Pattern
    reason: str
    where: str
    note: bool


@dataclass(frozen=True)
class Noise:
    """Every compiled rule of data/noise.yml."""

    rules: tuple[_Rule, ...]
    inline: tuple[_Inline, ...]
    markdown_file: re.Pattern
    markdown_suffixes: tuple[str, ...]  # a file named so is Markdown, whatever it opens with
    breaks: re.Pattern  # paragraph breaks and HTML tags: where a line splits into units
    html_tag: re.Pattern
    html_reason: str
    letter_spaced: re.Pattern
    repeated_reason: str
    repeated_window: int
    watermark_min: int  # a watermark repeated this often through the text is set aside
    watermark_reason: str
    page_line_reason: str  # a PDF's line repeated on its pages
    page_line_max: int
    printed_pages_min: int
    web_address: re.Pattern
    dispatch: DispatchRules  # the red-head wrapper around a circulated report
    page_code: PageCodeRules  # a web page's code and second copy of the article
    echoed_heading_reason: str  # a section heading shown above the salutation as well


@dataclass
class _Unit:
    text: str
    number: int
    column: int
    note: bool = False
    # Marks taken out of the text so far: (offset in the unit as first read, length).
    removed: list[tuple[int, int]] = field(default_factory=list)


def _noise() -> Noise:
    """The noise rules in force (the build's rulebook)."""
    return current().noise


def compile_noise(data: dict) -> Noise:
    """Compile the data of noise.yml."""
    return Noise(
        rules=tuple(
            _Rule(re.compile(r["pattern"]), r["reason"], r["where"], bool(r.get("takes_next")), bool(r.get("tail")), bool(r.get("page_mark")), bool(r.get("neighbours")))
            for r in data["rules"]
        ),
        inline=tuple(
            _Inline(re.compile(r["pattern"]), r["reason"], r["where"], bool(r.get("note")))
            for r in data["inline"]
        ),
        markdown_file=re.compile(data["markdown_file"]),
        markdown_suffixes=tuple(suffix.lower() for suffix in data["markdown_suffixes"]),
        breaks=re.compile(f"{data['paragraph_break']}|{data['html_tag']}"),
        html_tag=re.compile(data["html_tag"]),
        html_reason=data["html_tag_reason"],
        letter_spaced=re.compile(data["letter_spaced"]),
        repeated_reason=data["repeated_end_reason"],
        repeated_window=int(data["repeated_end_window"]),
        watermark_min=int(data["repeated_watermark_min"]),
        watermark_reason=data["repeated_watermark_reason"],
        page_line_reason=data["repeated_page_line_reason"],
        page_line_max=int(data["repeated_page_line_max"]),
        printed_pages_min=int(data["printed_pages_min"]),
        web_address=re.compile(data["web_address"]),
        dispatch=compile_dispatch(data["dispatch"]),
        page_code=compile_page_code(data["page_code"]),
        echoed_heading_reason=data["echoed_heading_reason"],
    )


def clean(source: Source) -> Cleaned:
    """Split the source into kept units and dropped pieces with reasons."""
    raw_lines = source.text.split("\n")
    front_matter = split_front_matter(raw_lines, source.path)
    meta, meta_lines = front_matter.values, front_matter.lines
    dropped = [
        Dropped(number, text.strip(PADDING), FRONT_MATTER_REASON)
        for number, text in enumerate(raw_lines[:meta_lines], start=1)
        if text.strip(PADDING)
    ]
    set_aside = dict(source.set_aside)  # what the reader found is not the speech
    units: list[_Unit] = []
    for number, raw in enumerate(raw_lines[meta_lines:], start=meta_lines + 1):
        if number in set_aside:
            if raw.strip(PADDING):
                dropped.append(Dropped(number, raw.strip(PADDING), set_aside[number]))
            continue
        units += _split_line(raw, number, dropped)
    units = _split_run_on_front(units)
    markdown = _markdown_scopes(source, units)
    hints = (*source.hints, *_markdown_headings(units, markdown))
    units = _set_aside_page_code(units, dropped)
    units = _set_aside_wrapper(units, dropped)
    front_end = _markup_front_end(units)
    for index, unit in enumerate(units):
        scopes = ("front",) * (index < front_end) + markdown
        _strip_marks(unit, scopes, dropped)
    units = [unit for unit in units if unit.text]
    _strip_glued_page_marks(units, dropped)
    reasons = _unit_reasons(units, paged=source.format == "pdf")
    kept = []
    for unit, reason in zip(units, reasons):
        if reason is None:
            kept.append(Line(unit.text, unit.number, unit.note))
        else:
            dropped.append(Dropped(unit.number, unit.text, reason, unit.column))
    if source.format != "pdf":  # the PDF reader joins its lines by where they stand
        kept = _rewrapped(kept, dropped, authored=source.format != "text", headings={line for line, _ in hints})
    kept = [replace(line, text=without_wrap_spaces(line.text)) for line in kept]
    dropped.sort(key=lambda d: (d.line, d.column))
    problems = (*source.problems, *front_matter.problems)
    return Cleaned(
        source.path, tuple(kept), tuple(dropped), meta, problems=problems,
        format=source.format, metadata=source.metadata, hints=tuple(hints),
    )


# -- units -------------------------------------------------------------------------------


def _split_line(raw: str, number: int, dropped: list[Dropped]) -> list[_Unit]:
    """A line's paragraphs, with markdown and HTML marks set aside into ``dropped``."""
    noise = _noise()
    whole = raw.strip(PADDING)
    # A line that is noise as a whole (a row of table tags) or a spaced-out title stays one unit.
    if noise.letter_spaced.match(whole) or any(
        r.where == "anywhere" and r.pattern.search(whole) for r in noise.rules
    ):
        unit = _unit(raw, number, 0)
        return [unit] if unit else []
    units = []
    start = 0
    for match in [*noise.breaks.finditer(raw), None]:
        end = match.start() if match else len(raw)
        unit = _unit(raw[start:end], number, start)
        if unit:
            units.append(unit)
        if match:
            if noise.html_tag.fullmatch(match.group()):
                dropped.append(Dropped(number, match.group(), noise.html_reason, match.start()))
            start = match.end()
    return units


def _split_run_on_front(units: list[_Unit]) -> list[_Unit]:
    """The first units with a front run into one line (title … 各位代表： 受…) cut into its lines."""
    for index, unit in enumerate(units[:RUN_ON_FRONT_UNITS]):
        if _salutation().match(unit.text):
            break  # the salutation has a line of its own: the front is not run on
        cuts = front_cuts(unit.text, _salutation())
        if cuts:
            bounds = [0, *cuts, len(unit.text)]
            pieces = [_unit(unit.text[a:b], unit.number, unit.column + a) for a, b in zip(bounds, bounds[1:])]
            return units[:index] + [piece for piece in pieces if piece] + units[index + 1 :]
    return units


def _unit(segment: str, number: int, offset: int) -> _Unit | None:
    """One trimmed unit of a line; None if it is blank."""
    text = segment.strip(PADDING)
    if not text:
        return None
    if _noise().letter_spaced.match(text):
        text = "".join(text.split())
    return _Unit(text, number, offset + segment.index(text[0]))


def _strip_marks(unit: _Unit, scopes: tuple[str, ...], dropped: list[Dropped] | None) -> None:
    """Set the unit's markdown marks aside (into ``dropped``); the words around them stay."""
    for rule in _noise().inline:
        if rule.where not in scopes:
            continue
        spans = []
        for match in rule.pattern.finditer(unit.text):
            if match.group():
                spans += _mark_spans(match)
                unit.note = unit.note or rule.note
        if spans:
            _take_out(unit, spans, rule.reason, dropped)


def _strip_glued_page_marks(units: list[_Unit], dropped: list[Dropped]) -> None:
    """A printed page's counter run into the line after it (11/1422．特定群体帮扶 on a text
    whose pages are marked 3/14 on lines of their own): the counter is set aside, the
    point 22． stays."""
    totals = Counter(m.group(2) for unit in units if (m := PAGE_COUNTER.match(unit.text)))
    # The reason the noise rules give a page mark on a line of its own; none, nothing to mark.
    reason = next((rule.reason for rule in _noise().rules if rule.page_mark), None)
    if reason is None:
        return
    for total, seen in totals.items():
        if seen < GLUED_PAGE_MARKS_MIN:
            continue
        glued = re.compile(rf"^(\d{{1,3}})\s*/\s*{total}(?=\S)")
        for unit in units:
            found = glued.match(unit.text)
            if found and int(found.group(1)) <= int(total):
                _take_out(unit, [found.span()], reason, dropped)


def _take_out(unit: _Unit, spans: list[tuple[int, int]], reason: str, dropped: list[Dropped] | None) -> None:
    """Take the spans out of the unit's text, into ``dropped`` at their columns in the source line."""
    offsets = [_offset_as_read(unit, start) for start, _ in spans]
    pieces, last = [], 0
    for (start, end), offset in zip(spans, offsets):
        mark = unit.text[start:end]
        if dropped is not None and mark.strip(PADDING):
            padding = len(mark) - len(mark.lstrip(PADDING))
            dropped.append(Dropped(unit.number, mark.strip(PADDING), reason, unit.column + offset + padding))
        pieces.append(unit.text[last:start])
        last = end
    text = "".join(pieces) + unit.text[last:]
    unit.removed += [(offset, end - start) for (start, end), offset in zip(spans, offsets)]
    leading = len(text) - len(text.lstrip(PADDING))
    if leading:
        unit.removed.append((_offset_as_read(unit, 0), leading))
    unit.text = text.strip(PADDING)


def _offset_as_read(unit: _Unit, position: int) -> int:
    """Where a position in the unit's text stood before marks were taken out of it."""
    offset = position
    for start, length in sorted(unit.removed):
        if start <= offset:
            offset += length
    return offset


def _mark_spans(match: re.Match) -> list[tuple[int, int]]:
    """The parts of a match that are marks: all of it, or all but its ``keep`` group (a link's text)."""
    if "keep" not in match.re.groupindex:
        return [match.span()]
    spans = [(match.start(), match.start("keep")), (match.end("keep"), match.end())]
    return [(start, end) for start, end in spans if end > start]


def _markdown_scopes(source: Source, units: list[_Unit]) -> tuple[str, ...]:
    """The Markdown scopes of the file's inline rules: a text file named .md, or one that
    opens with a "# " heading (a Markdown export, whatever its name), is Markdown through
    and through."""
    noise = _noise()
    named = PurePath(source.path).suffix.lower() in noise.markdown_suffixes
    if source.format == "text" and (named or (units and noise.markdown_file.match(units[0].text))):
        return ("markdown",)
    return ()


def _markdown_headings(units: list[_Unit], scopes: tuple[str, ...]) -> list[tuple[int, str]]:
    """Markdown's section headings as hints, as a Word file's heading styles are: the body's
    (## and deeper; # is the title) at its commonest level and any shallower one, so that
    ##### sub-heads under #### sections stay inside them."""
    if "markdown" not in scopes:
        return []
    levels = [(unit.number, len(found.group(1))) for unit in units if (found := MARKDOWN_HEADING.match(unit.text))]
    if not levels:
        return []
    counts = Counter(level for _, level in levels)
    commonest = max(counts, key=lambda level: (counts[level], -level))
    return [(number, "heading") for number, level in levels if level <= commonest]


def _markup_front_end(units: list[_Unit]) -> int:
    """How many units stand above the body: through the salutation, notes included."""
    for index, unit in enumerate(units[:HEADER_MAX_LINES]):
        trial = _Unit(unit.text, unit.number, unit.column)
        _strip_marks(trial, ("front",), None)
        if trial.note:
            continue
        if _salutation().match(trial.text):
            return index + 1
        if BODY_LINE.search(trial.text):
            return index
    return 0


def _rewrapped(lines: list[Line], dropped: list[Dropped], authored: bool, headings: set[int]) -> list[Line]:
    """The kept lines with hard-wrapped paragraphs joined back, each spanning its source
    lines; ``authored`` ones (Word paragraphs) only where a page break cut them, and never
    a line Word styles as a title or heading (``headings``)."""
    numbers = [None, *(line.number for line in lines), None]
    noise_lines = sorted({piece.line for piece in dropped if piece.column == 0})
    gaps = sorted(b.number - a.number for a, b in zip(lines, lines[1:]))
    # Empty lines far more than the text puts between its paragraphs: where a page break
    # or a watermark the copy left out stood.
    wide_gap = (gaps[len(gaps) // 2] if gaps else 1) + WIDE_GAP_EXTRA

    def cut_above(index: int) -> bool:
        """Noise stands between this line and the one before, or a gap of empty lines much
        wider than the text's own; in a Word file, empty paragraphs too."""
        if index == 0:
            return False
        above, here = lines[index - 1].number, lines[index].number
        return (
            bisect_left(noise_lines, here) > bisect_right(noise_lines, above)
            or (authored and here - above > 1)
            or here - above >= wide_gap
        )

    wrapped = [
        WrappedLine(line.text, line.number, numbers[index] != line.number, numbers[index + 2] != line.number, cut_above(index))
        for index, line in enumerate(lines)
    ]
    body_start = next(
        (i for i, line in enumerate(lines) if _salutation().match(line.text) or SENTENCE_END.search(line.text)),
        len(lines),
    )
    result: list[Line] = []
    for line, goes_on in zip(lines, continuations(wrapped, body_start, authored)):
        if goes_on and result and not (line.note or result[-1].note or line.number in headings):
            result[-1] = replace(result[-1], text=joined(result[-1].text, line.text), last=line.number)
        else:
            result.append(line)
    return result


def _set_aside_page_code(units: list[_Unit], dropped: list[Dropped]) -> list[_Unit]:
    """The units without a web page's code and second copy of the article (into ``dropped``)."""
    reasons = page_code_reasons([unit.text for unit in units], _noise().page_code)
    for index, reason in reasons.items():
        unit = units[index]
        dropped.append(Dropped(unit.number, unit.text, reason, unit.column))
    return [unit for index, unit in enumerate(units) if index not in reasons]


# -- the dispatch wrapper around a circulated report ------------------------------------------


def _set_aside_wrapper(units: list[_Unit], dropped: list[Dropped]) -> list[_Unit]:
    """The report's units, with the red-head dispatch around it set aside into ``dropped``;
    a report without a title of its own keeps the name the notice gives it."""
    wrapper = find_wrapper(units, _noise().dispatch, current().structure, _noise_anywhere)
    kept = []
    for index, unit in enumerate(units):
        reason = wrapper.reasons.get(index)
        if reason is None:
            kept.append(unit)
            continue
        start, end = wrapper.title[1:] if wrapper.title and wrapper.title[0] == index else (0, 0)
        for piece_start, piece in ((0, unit.text[:start]), (end, unit.text[end:])):
            if piece.strip(PADDING):
                dropped.append(Dropped(unit.number, piece.strip(PADDING), reason, unit.column + piece_start))
        if end > start:
            kept.append(_Unit(unit.text[start:end], unit.number, unit.column + start))
    return kept


def _noise_anywhere(text: str) -> bool:
    """Does a rule set this unit aside wherever it stands (a page number under a 版记)?"""
    return _matching_rule(text, in_header=False, in_front=False) is not None


# -- whole units that are noise --------------------------------------------------------------


def _unit_reasons(units: list[_Unit], paged: bool = False) -> list[str | None]:
    """For each unit, the reason it is set aside, or None when it is kept."""
    header_end = _header_end(units)
    front_end = _front_end(units)
    reasons: list[str | None] = [None] * len(units)
    page_marks = 0
    index = 0
    while index < len(units):
        rule = _matching_rule(units[index].text, index < header_end, index < front_end)
        page_marks += bool(rule and rule.page_mark)
        if rule is None:
            if index < header_end:
                reasons[index] = HEADER_FILLER_REASON
            index += 1
            continue
        reasons[index] = rule.reason
        if rule.neighbours:
            for side in (index - 1, index + 1):
                if 0 <= side < len(units) and reasons[side] is None and len(units[side].text) <= BREADCRUMB_STEP_MAX:
                    reasons[side] = rule.reason
        index += 1
        if rule.takes_next and index < len(units) and SHORT_VALUE.match(units[index].text):
            if _is_bare_label(units[index - 1].text, rule):
                reasons[index] = rule.reason
                index += 1
        if rule.tail:
            while index < len(units) and TAIL_UNIT.match(units[index].text):
                reasons[index] = rule.reason
                index += 1
    _mark_repeated_watermarks(units, reasons, paged or page_marks >= _noise().printed_pages_min)
    _mark_repeated_end(units, reasons)
    _mark_echoed_heading(units, reasons, front_end)
    return reasons


def _mark_repeated_watermarks(units: list[_Unit], reasons: list[str | None], paged: bool) -> None:
    """Set aside a watermark repeated through the text: a unit that occurs watermark_min
    times or more and would be a watermark above the title, or holds a web address; in a
    ``paged`` text (a PDF, or a printed page's text with its page marks), also any short
    line repeated so, the print header or footer.

    Repetition alone is not enough in a text file: a compilation repeats its salutations
    and bylines.
    """
    noise = _noise()
    counts = Counter(unit.text for unit in units)
    for index, unit in enumerate(units):
        if reasons[index] is not None or counts[unit.text] < noise.watermark_min:
            continue
        if noise.web_address.search(unit.text) or any(
            r.where == "header" and r.pattern.search(unit.text) for r in noise.rules
        ):
            reasons[index] = noise.watermark_reason
        elif paged and len(unit.text) <= noise.page_line_max and not unit.text.endswith(SENTENCE_ENDS):
            reasons[index] = noise.page_line_reason


def _is_bare_label(text: str, rule: _Rule) -> bool:
    """A label whose value is not on its own line (来源： with nothing after it, or an id)."""
    match = rule.pattern.search(text)
    return bool(match) and not text[match.end():].strip(PADDING + "：:")


def _matching_rule(text: str, in_header: bool, in_front: bool) -> _Rule | None:
    """The first rule that matches this unit where it stands, if any."""
    for rule in _noise().rules:
        if rule.where == "header" and not in_header:
            continue
        if rule.where == "front" and not in_front:
            continue
        if rule.pattern.search(text):
            return rule
    return None


def _mark_repeated_end(units: list[_Unit], reasons: list[str | None]) -> None:
    """Set aside the units at the end that repeat the title or the opening lines."""
    kept = [i for i, reason in enumerate(reasons) if reason is None]
    window = kept[: min(_noise().repeated_window, len(kept) - 1)]
    if not window:
        return
    seen = {units[i].text for i in window}
    seen |= {units[a].text + units[b].text for a, b in zip(window, window[1:])}
    title = units[window[0]].text
    repeated, has_title = [], False
    for index in range(len(units) - 1, window[-1], -1):
        has_title = has_title or units[index].text == title
        if reasons[index] is not None:
            continue  # footer noise between the repeats
        if units[index].text not in seen:
            break
        repeated.append(index)
    # Lines repeat in real speeches; after the repeated title they are a page footer.
    if has_title:
        for index in repeated:
            reasons[index] = _noise().repeated_reason


def _mark_echoed_heading(units: list[_Unit], reasons: list[str | None], front_end: int) -> None:
    """Set aside a section heading (一、…) that a web page shows above the salutation and
    the report then opens with again: where it belongs is below."""
    below = {unit.text for unit in units[front_end:]}
    for index in range(front_end):
        if reasons[index] is None and SECTION_HEADING.match(units[index].text) and units[index].text in below:
            reasons[index] = _noise().echoed_heading_reason


def _salutation() -> re.Pattern:
    """The salutation pattern the parser uses, to find where the speech begins."""
    return current().structure.salutation


def _front_end(units: list[_Unit]) -> int:
    """Index of the salutation or the first body unit: web-page chrome stands above it."""
    for index, unit in enumerate(units[:HEADER_MAX_LINES]):
        if _salutation().match(unit.text) or BODY_LINE.search(unit.text):
            return index
    return 0


def _header_end(units: list[_Unit]) -> int:
    """Index just past the last watermark unit above the title, 0 if none.

    The title is the unit before the salutation; without a salutation the header can
    reach no further than the first unit that reads like body text.
    """
    region = units[:HEADER_MAX_LINES]
    for index, unit in enumerate(region):
        if _salutation().match(unit.text):
            region = region[: max(index - 1, 0)]
            break
        if BODY_LINE.search(unit.text):
            region = region[:index]
            break
    end = 0
    for index, unit in enumerate(region):
        if any(r.where == "header" and r.pattern.search(unit.text) for r in _noise().rules):
            end = index + 1
    return end
