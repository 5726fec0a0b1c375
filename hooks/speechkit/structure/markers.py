"""The structure rules of data/structure.yml and the markers they find in a paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass
from ..rulebook import current
from ..numerals import parse_numeral
from .titles import TitleRules, compile_title_rules

# Punctuation between a marker and its text (第一点，把… → 把…).
LEAD_PUNCTUATION = "，,、：: \u3000"
# …and what a label may also end with, a speaker's question (第二点是什么呢？).
LABEL_END = LEAD_PUNCTUATION + "？?"


@dataclass(frozen=True)
class Family:
    """One way of numbering points: 一是, （一）, 第一，…"""

    name: str
    level: int
    pattern: re.Pattern  # matches at a paragraph's start
    spoken: re.Pattern | None  # matches after a speaker's lead-in words (我先来讲第一个问题)
    inline: re.Pattern | None  # matches after a boundary inside a paragraph
    words: dict
    closer: bool
    unnumbered: bool
    closes: tuple[str, ...] = ()  # the families whose runs a closer ends
    first_named: re.Pattern | None = None  # how a paragraph names a list's first point without a marker
    named_at_end: re.Pattern | None = None  # how a paragraph names its point at its end (这是第三种。)
    continues: str | None = None  # a family whose run its marker may carry on (第一点，第二，第三个问题，)


@dataclass(frozen=True)
class Marker:
    """A marker found in a text: its family, number, label as written and the text after it."""

    family: Family
    number: int
    label: str
    rest: str
    start: int = 0  # where the marker stands in the text


@dataclass(frozen=True)
class Rules:
    """Every compiled pattern of data/structure.yml."""

    families: tuple[Family, ...]
    salutation: re.Pattern
    date: re.Pattern
    date_line: re.Pattern
    meeting: re.Pattern
    subtitle: re.Pattern
    speaker: re.Pattern
    speaker_line: re.Pattern
    subtitle_speaker: re.Pattern  # the name opening a subtitle: ——任正非在…上的讲话
    not_a_name: re.Pattern  # 开幕词, 结论: a short line that names no speaker
    noted_speaker: re.Pattern  # an editor's note naming who spoke: （这是邓小平同志在…的报告。）
    title_max: int
    inline_boundary: str  # a character class: what an inline marker follows (。；：…)
    title_trim: re.Pattern
    heading: re.Pattern
    hinted_heading: re.Pattern  # a heading the Word file's formatting marks, where the text is ambiguous
    hinted_headings_min: int
    footnote_heading: re.Pattern
    editor_note: re.Pattern  # a paragraph wholly in brackets ending a text: an editor's note
    appendix_heading: re.Pattern
    article_heading: re.Pattern
    footnote_marker: re.Pattern
    kinds: tuple[tuple[str, str, re.Pattern], ...]
    fallback: dict
    section_kind: str
    appendix_kind: str
    article_kind: str
    self_building: re.Pattern  # 全面加强政府自身建设 opening a paragraph inside a report's last point
    speech_part: re.Pattern  # 开幕词, 结论: a heading naming a part of a speech given in parts
    qa_heading: re.Pattern  # 【互动问答摘录】 over the questions put after a speech
    question: re.Pattern  # 问：… — a question of such a part, the paragraphs after it its answer
    questions_without_heading: int
    qa_kind: str
    count: re.Pattern
    inline_count: re.Pattern  # announces an inline list whose length it names
    intro_end: re.Pattern
    after_cues: re.Pattern
    closing_cues: re.Pattern
    not_closing: re.Pattern  # a paragraph no closing holds (it weighs problems)
    closing_summary: re.Pattern  # a last paragraph looking back on the speech, with no cue
    closing_wish: re.Pattern  # a short last paragraph wishing the audience well (祝大家…, 新年好)
    document_title: TitleRules  # when a document's title property is a title
    meeting_titles: tuple[tuple[re.Pattern, str], ...] = ()  # what a speech at such a meeting is called
    opening_titles: tuple[tuple[re.Pattern, str], ...] = ()  # what a speech that opens so is called


def rules() -> Rules:
    """The structure rules in force (the build's rulebook)."""
    return current().structure


def compile_structure(data: dict) -> Rules:
    """Compile the data of structure.yml."""

    def expand(pattern: str) -> str:
        first = pattern.replace("{n}", f"(?P<n>{data['numeral']})", 1).replace("{n}", data["numeral"])
        first = first.replace("{d}", f"(?P<n>{data['digits']})", 1)
        return first.replace("{date}", data["date"]).replace("{addressee}", f"(?:{data['addressee']})")

    def expand_end(pattern: str) -> str:
        return pattern.replace("{n}", data["numeral"])

    boundary = data["inline_boundary"]
    families = []
    for entry in data["markers"]:
        body = f"(?P<label>{expand(entry['pattern'])})"
        inline = entry["family"] in data["inline_families"]
        families.append(
            Family(
                name=entry["family"],
                level=int(entry["level"]),
                pattern=re.compile("^" + body),
                spoken=re.compile(f"^{data['spoken_lead']}{body}") if entry.get("spoken") else None,
                inline=re.compile(f"(?:(?<={boundary})|^){body}") if inline else None,
                words=dict(entry.get("words") or {}),
                closer=bool(entry.get("closer")),
                unnumbered=bool(entry.get("unnumbered")),
                closes=tuple(entry.get("closes") or ()),
                first_named=re.compile(entry["first_named"]) if entry.get("first_named") else None,
                named_at_end=re.compile(expand_end(entry["named_at_end"])) if entry.get("named_at_end") else None,
                continues=entry.get("continues"),
            )
        )
    return Rules(
        families=tuple(families),
        salutation=re.compile(expand(data["salutation"])),
        date=re.compile(data["date"]),
        date_line=re.compile(expand(data["date_line"])),
        meeting=re.compile(data["meeting"]),
        subtitle=re.compile(expand(data["subtitle"])),
        speaker=re.compile(data["speaker"]),
        speaker_line=re.compile(data["speaker_line"]),
        subtitle_speaker=re.compile(data["subtitle_speaker"]),
        not_a_name=re.compile(data["not_a_name"]),
        noted_speaker=re.compile(data["noted_speaker"]),
        title_max=int(data["title_max"]),
        inline_boundary=boundary,
        title_trim=re.compile(expand(data["title_trim"])),
        heading=re.compile(data["heading"]),
        hinted_heading=re.compile(data["hinted_heading"]),
        hinted_headings_min=int(data["hinted_headings_min"]),
        editor_note=re.compile(data["editor_note"]),
        footnote_heading=re.compile(data["footnote_heading"]),
        appendix_heading=re.compile(data["appendix_heading"]),
        article_heading=re.compile(data["article_heading"]),
        footnote_marker=re.compile(data["footnote_marker"]),
        kinds=tuple((k["kind"], k["title"], re.compile(k["keywords"])) for k in data["part_kinds"]),
        fallback=data["fallback_kind"],
        section_kind=data["section_kind"],
        appendix_kind=data["appendix_kind"],
        article_kind=data["article_kind"],
        self_building=re.compile(data["self_building"]),
        speech_part=re.compile(data["speech_part"]),
        qa_heading=re.compile(data["qa_heading"]),
        question=re.compile(data["question"]),
        questions_without_heading=data["questions_without_heading"],
        qa_kind=data["qa_kind"],
        count=re.compile(expand(data["count"])),
        inline_count=re.compile(data["inline_count"]),
        intro_end=re.compile(expand(data["intro_end"])),
        after_cues=re.compile(data["after_cues"]),
        closing_cues=re.compile(expand(data["closing_cues"])),
        not_closing=re.compile(data["not_closing"]),
        closing_summary=re.compile(data["closing_summary"]),
        closing_wish=re.compile(data["closing_wish"]),
        document_title=compile_title_rules(data["document_title"]),
        meeting_titles=tuple((re.compile(m["meeting"]), m["title"]) for m in data.get("meeting_titles") or ()),
        opening_titles=tuple((re.compile(m["opening"]), m["title"]) for m in data.get("opening_titles") or ()),
    )


def marker(text: str) -> Marker | None:
    """The marker a paragraph starts with, if any; 最后，第六，… is the point 第六 (a closer
    followed by a numbered marker of a family it closes is that marker)."""
    for family in rules().families:
        found = _read(family, family.pattern.match(text) or (family.spoken and family.spoken.match(text)), text)
        if found and found.family.closer:
            inner = marker(found.rest)
            if inner and inner.family.name in family.closes and not inner.family.closer:
                return Marker(inner.family, inner.number, inner.label, inner.rest, found.start)
        if found:
            return found
    return None


def inline_chain(text: str) -> list[Marker]:
    """The longest run 1, 2, 3… of one family's markers inside a paragraph (none if < 2)."""
    best: list[Marker] = []
    for family in rules().families:
        if family.inline is None:
            continue
        chain: list[Marker] = []
        for match in family.inline.finditer(text):
            found = _read(family, match, text)
            if found and found.number == len(chain) + 1:
                chain.append(found)
        if len(chain) >= 2 and len(chain) > len(best):
            best = chain
    return best if len(best) >= 2 else []


def carries_no_number(label: str) -> bool:
    """Is this a point's label that numbers nothing: a —— line, a bullet, a run-in heading's
    empty label? (A point's number is then only its place in the list.)"""
    found = marker(f"{label} 文") if label else None
    return not label or (found is not None and found.family.unnumbered and found.label.strip() == label)


def _read(family: Family, match: re.Match | None, text: str) -> Marker | None:
    """The Marker of a match, or None when its number is not one."""
    if match is None:
        return None
    groups = match.groupdict()
    if family.unnumbered or family.closer:
        number = 0
    elif groups.get("word"):
        number = family.words[groups["word"]]
    else:
        number = parse_numeral(_ascii_digits(groups["n"])) or 0
        if number == 0:
            return None
    label = match.group("label")
    if label[-1] != family.name[-1]:  # 第一点， → 第一点; but 一、 and 1. keep their mark
        label = label.rstrip(LABEL_END)
    rest = text[match.end():].lstrip(LEAD_PUNCTUATION)
    return Marker(family, number, label, rest, match.start("label"))


def _ascii_digits(text: str) -> str:
    """Full-width digits as ASCII ones (１２ → 12)."""
    return text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))


def is_footnote_heading(text: str) -> bool:
    """Does the paragraph head a speech's notes (注释, 名词解释, spaced out as 注　　释 too)?"""
    return bool(rules().footnote_heading.match("".join(text.split())))


def opens_footnotes(text: str) -> bool:
    """Does the paragraph start a speech's notes: their heading, or the heading with the
    first note run in (注释[1]参看…, as a PDF joins the lines)?"""
    first = rules().footnote_marker.search(text)
    return is_footnote_heading(text) or bool(first) and first.start() > 0 and is_footnote_heading(text[: first.start()])


def footnote_entries(footnotes: tuple) -> tuple:
    """A speech's notes without their heading (注释), if they have one: an editor's note or
    a [1] note found with no heading above it is an entry itself."""
    if footnotes and is_footnote_heading(footnotes[0].text):
        return footnotes[1:]
    return tuple(footnotes)
