"""Find a speech's structure: title, salutation, opening, parts of items, closing, notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import Notice
from ..sources.cleaning import PADDING, Cleaned
from .front import Front, read_front
from .hierarchy import (
    Outline,
    ends_a_list,
    headline,
    family_runs,
    inline_chain,
    is_trailing_cue,
    last_sentence,
    make_item,
    outline,
    paragraph_marks,
    parallel_outline,
    with_lead_lists,
    with_parallel_tail,
    run_in_head,
    run_in_outline,
    split_continued_runs,
)
from ..model import Item, Paragraph, Part, Speech
from .markers import marker, opens_footnotes, rules
from ..numerals import parse_numeral, write_count, write_numeral
from .titles import junk_reason

__all__ = ["parse", "headline"]

# A speech nothing names is titled by its file name, which a reader should not see.
NO_TITLE = (
    "no title line found and nothing else names the speech; titled by the file name: add a title line, "
    "front matter `title:` or set the document's title property"
)


# A closing's paragraphs are short; a report's last tasks run longer or open with a
# run-in heading (坚持依法行政。…).
CLOSING_PARAGRAPH_MAX = 320
CLOSING_PARAGRAPHS_MAX = 4
# A closing from its first cue runs at most this many paragraphs (总之 that sums up the
# last point of a speech going on for pages is no closing).
SPEECH_CLOSING_MAX = 6
BARE_CUE_MAX = 6  # 各位代表！ alone
# Slogans that end a speech: short lines each exclaimed (…万岁！), so many in a row.
SLOGAN_MAX = 30
SLOGANS_MIN = 2
# The source notes a news copy puts after the last sentence: （新华社北京3月5日电）（《人民日报》第1版）
TRAILING_NOTES = re.compile(r"([（(][^（）()]{1,60}[）)])+$")
# So many 各位代表！ lines alone divide a report that has no numbering into passages.
ADDRESS_DIVIDERS_MIN = 2
# Where an editor's note saying who spoke stands: among the first or last paragraphs of the body.
NOTE_PARAGRAPHS = 3
SENTENCE_SPLIT = re.compile("[。！？]")
INLINE_LIST_MIN = 3  # an inline list this long makes the items of a section that has none, unannounced
LIST_LEVELS = (2, 3)  # the lists an unnumbered section heading stands over: （一）… or 一是…
OPENING_TITLE_PARAGRAPHS = 3  # the salutation and the first sentences say what the speech is
SECTION_LABEL_ENDS = "、．.）)"  # 一、 （一）; a 第三 section is titled 第三，…, a bare 一 as 一　…
CHAPTER_UNITS = "章节篇编分"  # 第一章 如何研究战争, 第一部分 回顾: titled with a space, as written
APPENDIX_LABEL_MAX = 4  # 附件： alone, not 附件1：民生实事项目


@dataclass(frozen=True)
class _Boundary:
    index: int
    kind: str  # section, heading, appendix, article; passage, addressed (各位代表！ dividing a report)


def parse(cleaned: Cleaned) -> Speech:
    """Parse cleaned lines into a Speech."""
    return _Parser(cleaned).speech()


class _Parser:
    """One parse of one speech; holds the warnings found on the way."""

    def __init__(self, cleaned: Cleaned):
        self.cleaned = cleaned
        self.rules = rules()
        self.hints = dict(cleaned.hints)  # source line → what the Word file's formatting says
        self.warnings: list[str] = []
        self.problems: list[Notice] = []  # reported as build warnings: --strict fails on them
        self.split_paragraphs: dict[Paragraph, list[Paragraph]] = {}  # a paragraph → the points it was cut into

    def warn(self, line: int | None, message: str) -> None:
        """Record a warning that names the file and line."""
        where = f"{self.cleaned.path}:{line}" if line else self.cleaned.path
        self.warnings.append(f"{where}: {message}")

    def speech(self) -> Speech:
        """Run every step and assemble the Speech."""
        units = [Paragraph(line.text, line.number, line.note, line.last) for line in self.cleaned.lines]
        front, units = read_front(units, frozenset(line for line, hint in self.hints.items() if hint == "title"))
        body = units[front.body_start:]
        meta = self.cleaned.meta
        meeting = meta.get("meeting") or front.meeting
        date = meta.get("date") or front.date
        title, title_source = self._title(front, meeting, date, body)
        salutation = self._take_salutation(body)
        body, footnotes = self._split_footnotes(split_continued_runs(body))
        body, (opening, parts, closing) = self._structure(body)
        opening, parts = self._opening_part(front, opening, parts)
        # A paragraph a section split into its list's points is those pieces in the text too.
        body = [piece for paragraph in body for piece in self.split_paragraphs.get(paragraph, [paragraph])]
        if not parts and body:
            self.warn(body[0].line, "no parts or items found; the speech is shown as one page")
        title_paragraphs = front.title_paragraphs
        notes = [*front.front, *body[:NOTE_PARAGRAPHS], *body[-NOTE_PARAGRAPHS:], *footnotes]
        return Speech(
            path=self.cleaned.path,
            title=title,
            title_line=title_paragraphs[0].line if title_paragraphs else None,
            salutation=salutation,
            opening=tuple(opening),
            parts=tuple(parts),
            closing=tuple(closing),
            paragraphs=(*title_paragraphs, *front.front, *([salutation] if salutation else []), *body, *footnotes),
            dropped=self.cleaned.dropped,
            warnings=tuple(self.warnings),
            problems=(*self.cleaned.problems, *self.problems),
            date=date,
            speaker=meta.get("speaker") or front.speaker or self._noted_speaker(notes),
            meeting=meeting or self._noted_meeting(notes),
            front=front.front,
            footnotes=tuple(footnotes),
            title_paragraphs=title_paragraphs,
            title_source=title_source,
            format=self.cleaned.format,
        )

    def _opening_part(self, front: Front, opening, parts):
        """The opening as a part of its own when the top names it (开幕词) and a later heading
        names another part of the speech (结论): a speech given in parts shows each."""
        named = [p for p in front.front if self.rules.speech_part.match(p.text)]
        later = any(part.heading and self.rules.speech_part.match(part.heading) for part in parts)
        if not (named and later and opening):
            return opening, parts
        # 我们这次全国代表会议有三个议事日程：第一，…；第二，…；第三，…: the opening's points.
        found = self._announced_inline_list(opening)
        if found is None:
            return [], [self._unnumbered_part(named[0].text, tuple(opening), (), heading=named[0]), *parts]
        own = self._unnumbered_part(named[0].text, tuple(found.lead), tuple(found.items), heading=named[0], after=tuple(found.after))
        return [], [own, *parts]

    # -- title ---------------------------------------------------------------------------

    def _title(self, front: Front, meeting: str | None, date: str | None, body: list[Paragraph]) -> tuple[str, str]:
        """The title and where it came from: front matter, the title line, the document's
        title property, the meeting the front lines name, what the opening words say the
        speech is (我代表市人民政府，向大会报告工作), else the file name (a problem)."""
        line = body[0].line if body else None
        if self.cleaned.meta.get("title"):
            return self.cleaned.meta["title"], "front matter"
        if front.title:
            trimmed = self.rules.title_trim.sub("", front.title)
            return (trimmed or front.title), "text"
        prop = dict(self.cleaned.metadata).get("title")
        if prop:
            reason = junk_reason(prop)
            if reason is None:
                self.warn(line, "no title line found; titled by the document's title property")
                return prop, "metadata"
            self.warn(line, f"the document's title property '{prop}' is not used: {reason}")
        if meeting:
            # 二〇二一年一月二十三日在北京市第十五届人民代表大会第四次会议上 with no title above it.
            named = "front matter `meeting:`" if self.cleaned.meta.get("meeting") else (
                "the meeting its subtitle names (the `meeting` rule of structure.yml)"
            )
            called = next((title for pattern, title in self.rules.meeting_titles if pattern.search(meeting)), None)
            if called:
                self.warn(line, f"no title line found; titled {called}, what a speech at {meeting} is called (meeting_titles in structure.yml)")
                return called, "meeting"
            self.warn(line, f"no title line found; titled after {named}")
            return (f"{meeting}（{date}）" if date else meeting), "meeting"
        for paragraph in body[:OPENING_TITLE_PARAGRAPHS]:
            called = next((title for pattern, title in self.rules.opening_titles if pattern.search(paragraph.text)), None)
            if called:
                self.warn(paragraph.line, f"no title line found; titled {called}, as its opening words say (opening_titles in structure.yml)")
                return called, "opening"
        self.problems.append(Notice(self.cleaned.path, line, NO_TITLE))
        return Path(self.cleaned.path).stem, "file name"

    # -- salutation and notes -----------------------------------------------------------

    def _noted_speaker(self, notes: list[Paragraph]) -> str | None:
        """The speaker an editor's note names (这是邓小平同志在…的报告), for a text with no byline."""
        for paragraph in notes:
            found = self.rules.noted_speaker.match(paragraph.text)
            if found and not self.rules.not_a_name.match(found.group("name")):
                return found.group("name")
        return None

    def _noted_meeting(self, notes: list[Paragraph]) -> str | None:
        """The meeting such a note names (…在中国共产党第七届中央委员会第二次全体会议上所作的结论)."""
        for paragraph in notes:
            if self.rules.noted_speaker.match(paragraph.text) and (found := self.rules.meeting.search(paragraph.text)):
                return found.group("meeting")
        return None

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
            body.insert(0, replace(first, text=rest))
        return replace(first, text=match.group())

    def _split_footnotes(self, body: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
        """Cut the notes or glossary block (注释, 名词解释) off the end of the body, and the
        editor's note in brackets a text ends with (（这是…的谈话要点。）)."""
        for index, paragraph in enumerate(body):
            if index > 0 and opens_footnotes(paragraph.text):
                label = body[index - 1].text
                if index > 1 and self.rules.appendix_heading.match(label) and len(label) <= APPENDIX_LABEL_MAX:
                    index -= 1  # 附件 over 名词解释: the label goes with the notes
                return body[:index], body[index:]
        end = len(body)
        while end > 1 and (self._editor_note(body[end - 1].text) or self._note_for(body[: end - 1], body[end - 1].text)):
            end -= 1
        return body[:end], body[end:]

    def _note_for(self, before: list[Paragraph], text: str) -> bool:
        """Does the paragraph open with a note marker ([1] 宜将剩勇追穷寇…) that the text above uses?"""
        found = self.rules.footnote_marker.match(text)
        return bool(found) and any(found.group() in p.text for p in before)

    def _editor_note(self, text: str) -> bool:
        """Is the paragraph wholly in brackets, and not a date line (（一九七八年四月）)?"""
        return bool(self.rules.editor_note.match(text)) and not self.rules.date_line.match(text)

    # -- structure -----------------------------------------------------------------------

    def _structure(self, body: list[Paragraph]):
        """The body (split where a list runs inside a paragraph) and its opening, parts and
        closing: by article, by section, or by runs of points; questions put after the
        speech (【互动问答摘录】 问：… 答：…) a part of their own after it."""
        start = self._questions_start(body)
        if start is None:
            return self._speech_structure(body)
        if start == 0:
            return body, ([], [self._questions_part(body)], [])
        speech, (opening, parts, closing) = self._speech_structure(body[:start])
        return speech + body[start:], (opening, [*parts, self._questions_part(body[start:])], closing)

    def _questions_start(self, body: list[Paragraph]) -> int | None:
        """Where the questions put to the speaker begin: the heading right above the first
        question, or with no heading the first question when there are enough of them."""
        asked = [i for i, p in enumerate(body) if self.rules.question.match(p.text)]
        if len(asked) < 2:
            return None
        first = asked[0]
        if first > 0 and self.rules.qa_heading.match(body[first - 1].text):
            return first - 1
        return first if len(asked) >= self.rules.questions_without_heading else None

    def _questions_part(self, span: list[Paragraph]) -> Part:
        """The questions and answers: one point per question, its answer the paragraphs after it."""
        asked = [i for i, p in enumerate(span) if self.rules.question.match(p.text)]
        bounds = [*asked[1:], len(span)]
        items = tuple(
            Item("问", number, headline(self.rules.question.match(span[a].text).group("rest")), tuple(span[a:b]))
            for number, (a, b) in enumerate(zip(asked, bounds), start=1)
        )
        if not asked[0]:
            return self._unnumbered_part(self.rules.qa_kind, (), items, kind=self.rules.qa_kind)
        title = span[0].text.strip("【】[]〔〕：:")
        return self._unnumbered_part(title, tuple(span[: asked[0]]), items, heading=span[0], kind=self.rules.qa_kind)

    def _speech_structure(self, body: list[Paragraph]):
        """The body's opening, parts and closing: by article, by section, or by runs of points."""
        marked = [i for i, p in enumerate(body) if self.rules.article_heading.match(p.text)]
        # 原标题：… stands under its article's headline on most sites but after the article
        # on others; only a headline right above it says for sure where an article begins.
        articles = [_Boundary(i - 1, "article") for i in marked if i > 0 and self.rules.heading.match(body[i - 1].text)]
        if len(marked) >= 2 and len(articles) == len(marked):
            self.warn(body[articles[0].index].line, f"the file holds {len(articles)} articles (原标题 lines); each is shown as a part")
            return body, self._sections(body, articles)
        if len(marked) >= 2:
            self.warn(
                body[marked[0]].line,
                f"the file holds {len(marked)} 原标题 lines, but where each article begins is not certain; not split into articles",
            )
            return body, (body, [], [])  # lists found across articles would mix their occasions
        boundaries = self._section_boundaries(body)
        if boundaries:
            return body, self._sections(body, boundaries)
        found = self._speech_runs(body)
        split = self._split_inline_lists(body)
        if not found[1] and len(split) > len(body):
            inline = self._speech_runs(split)
            # 我们做了三件事：第一，…第二，… in one paragraph of a speech with no other list is
            # a sentence, not its outline, when half the speech or more would follow it as closing.
            if len(inline[2]) * 2 <= len(body):
                return split, inline
        if not found[1] and (passages := self._address_boundaries(body)):
            return body, self._sections(body, passages)
        return body, found

    def _address_boundaries(self, body: list[Paragraph]) -> list[_Boundary]:
        """A report with no numbering that the speaker divides by addressing the audience
        again (各位代表！ alone on its line, as the reports of the 1970s were given): a
        passage after each, and one from the second paragraph when the opening words
        (我代表国务院…作政府工作报告。) stand before the first."""
        dividers = [
            i for i, p in enumerate(body)
            if i > 0 and len(p.text) <= BARE_CUE_MAX and self.rules.salutation.fullmatch(p.text)
        ]
        if len(dividers) < ADDRESS_DIVIDERS_MIN:
            return []
        first = [_Boundary(1, "passage")] if dividers[0] > 2 else []
        return first + [_Boundary(i, "addressed") for i in dividers]

    def _section_boundaries(self, body: list[Paragraph]) -> list[_Boundary]:
        """Where a report's sections start: 一、 runs, unnumbered headings, appendices."""
        marks = [marker(p.text) for p in body]
        numbered = {
            index
            for family in self.rules.families
            if family.level == 1
            for run in family_runs(marks, family)
            for index in run
        }
        numbered |= self._section_in_other_numbering(body, marks, numbered)
        appendices = [i for i in range(len(body)) if self.rules.appendix_heading.match(body[i].text)]
        if appendices:
            # An appendix's own 一、…十、 groups (民生实事 by field) are not the report's sections.
            numbered = {i for i in numbered if i < appendices[0]}
        headings = [i for i in range(len(body)) if i not in numbered and self._is_heading(body, marks, i)]
        headings = sorted(set(headings) | {i for i in appendices if i + 1 < len(body) and len(body[i].text) <= self.rules.title_max})
        if not numbered:
            numbered = self._lone_section(marks)
        if not numbered:
            # A short line in a speech is not a heading unless the text has sections; a
            # report may have them unnumbered (2024年工作回顾 over （一）…（八）).
            headings = self._headings_over_lists(marks, headings)
            if len(headings) < 2:
                # The text does not say; a Word file's heading styles or bold lines may.
                headings = self._hinted_headings(body, marks)
            if len(headings) < 2:
                return []
        found = sorted(
            [_Boundary(i, "section") for i in numbered]
            + [_Boundary(i, "appendix" if i in appendices else "heading") for i in headings],
            key=lambda b: b.index,
        )
        # A heading right below another heading is its subtitle, not a new section.
        return [b for n, b in enumerate(found) if n == 0 or not (b.kind != "section" and found[n - 1].index == b.index - 1 and found[n - 1].kind != "section")]

    def _with_after_list(self, found: Outline) -> Outline:
        """A section's items with the list after them — its points opening paragraphs
        (——在推动…上苦干实干。 below 一是…三是), or running inside one ("重点抓好9个方面工作：
        一是…；二是…" below the —— goals): its points come last, its intro goes with the
        point before it."""
        if not found.items:
            return found
        later = outline(list(found.after), 2)  # a list whose points open paragraphs
        if not later.items:
            pieces = {p: self._split_inline_lists([p]) for p in found.after}
            split = [piece for p in found.after for piece in pieces[p]]
            if len(split) == len(found.after):
                return found
            later = outline(split, 2)
            if not later.items:
                return found
            self.split_paragraphs.update((p, parts) for p, parts in pieces.items() if len(parts) > 1)
        last = found.items[-1]
        items = (*found.items[:-1], replace(last, paragraphs=last.paragraphs + later.lead), *later.items)
        return Outline(found.lead, items, later.after)

    @staticmethod
    def _section_in_other_numbering(body: list[Paragraph], marks, numbered: set[int]) -> set[int]:
        """The section after 一、…二、 that a speaker numbers 第三，…: the next number, in a
        paragraph of its own, when no 第一 of that numbering stands between, at a
        paragraph's start or inside one (一是…四是 in a paragraph, then 五是 opening one)."""
        if not numbered:
            return set()
        last = max(numbered)
        count = marks[last].number
        inline: set[str] = set()  # the numberings of the lists inside the paragraphs passed
        for index in range(last + 1, len(marks)):
            mark = marks[index]
            if mark and mark.family.level == 1:
                return set()
            if mark and (mark.number == 1 or mark.family.name in inline):
                return set()  # that numbering has a list of its own
            if mark and mark.number == count + 1 and not mark.family.closer and not mark.family.unnumbered:
                return {index}
            if chain := inline_chain(body[index].text):
                inline.add(chain[0].family.name)
        return set()

    def _lone_section(self, marks) -> set[int]:
        """A report with one numbered section (一、2023年工作回顾 over （一）… or a —— list, the
        rest cut off): its 一、 when its text is a heading and such a list follows."""
        for index, mark in enumerate(marks):
            if mark and mark.family.level == 1 and mark.number == 1 and self.rules.heading.match(mark.rest):
                below = [m for m in marks[index + 1:] if m and m.family.level > 1]
                if any(m.family.level == 2 and m.number == 1 for m in below) or sum(m.family.unnumbered for m in below) >= 2:
                    return {index}
                return set()
        return set()

    @staticmethod
    def _headings_over_lists(marks, headings: list[int]) -> list[int]:
        """Unnumbered section headings: those standing above a （一） or 一是 list (its first item
        before the next heading), when two or more do, and the headings after the first of
        them that stand outside a list."""

        def next_item_number(index: int, stop: int = len(marks)) -> int | None:
            """The number of the first list point after ``index`` (before ``stop``)."""
            return next((m.number for m in marks[index + 1: stop] if m and m.family.level in LIST_LEVELS), None)

        bounds = [*headings[1:], len(marks)]
        anchors = [h for h, stop in zip(headings, bounds) if next_item_number(h, stop) == 1]
        if len(anchors) < 2:
            return []
        return [h for h in headings if h in anchors or (h > anchors[0] and next_item_number(h) in (None, 1))]

    def _hinted_headings(self, body: list[Paragraph], marks) -> list[int]:
        """Unnumbered section headings the Word file's formatting marks: heading-styled
        paragraphs, else bold lines each with body text after it, when enough of them stand."""
        least = self.rules.hinted_headings_min

        def hinted(kind: str) -> list[int]:
            shape = self.rules.hinted_heading
            return [i for i, p in enumerate(body) if self.hints.get(p.line) == kind and self._is_heading(body, marks, i, shape)]

        styled = hinted("heading")
        if len(styled) >= least:
            return styled
        bold = set(hinted("bold"))
        with_text = [i for i in sorted(bold) if i + 1 not in bold]  # a bold line over another has no text of its own
        return with_text if len(with_text) >= least else []

    def _is_heading(self, body: list[Paragraph], marks, index: int, shape=None) -> bool:
        """A short line that is not a sentence (or ``shape``), with text after it: an unnumbered heading."""
        paragraph = body[index]
        return (
            index + 1 < len(body)
            and marks[index] is None
            and not paragraph.note
            and bool((shape or self.rules.heading).match(paragraph.text))
            and not self.rules.salutation.match(paragraph.text)
        )

    def _sections(self, body: list[Paragraph], boundaries: list[_Boundary]):
        """One part per section; the closing is cut off the last section that is not an appendix."""
        starts = [b.index for b in boundaries] + [len(body)]
        spans = [body[a:b] for a, b in zip(starts, starts[1:])]
        closing: list[Paragraph] = []
        last = max((n for n, b in enumerate(boundaries) if b.kind != "appendix"), default=None)
        if last is not None:
            spans[last], closing = self._cut_closing(spans[last])
        parts = []
        index = 0
        while index < len(spans):
            held = self._sections_held(spans, boundaries, index)
            if held:
                parts.append(self._speech_part(spans[index], spans[index + 1 : index + 1 + held], boundaries[index + 1 :]))
                index += 1 + held
                continue
            parts += self._lists_of(self._section_part(spans[index], boundaries[index]))
            index += 1
        opening = body[: starts[0]]
        if len(spans) >= 2 and all(b.kind == "section" and len(span) == 1 for b, span in zip(boundaries, spans)) \
                and not any(p.items for p in parts):
            # 一、党委书记要善于当“班长”。党的委员会有一二十个人…: sections that are each one
            # paragraph, heading sentence and text run in, no points under any: they are the
            # speech's points, one list (a heading on a line of its own over its text is a section).
            intro = opening[-1] if opening and self._is_intro(opening[-1].text) else None
            items = self._sections_as_items(spans, boundaries)
            return opening[:-1] if intro else opening, [self._part(intro, items, (), 1)], closing
        if last is not None and parts and boundaries[last].kind != "appendix":
            at = max(n for n, part in enumerate(parts) if part.kind != self.rules.appendix_kind)
            parts[at : at + 1] = self._self_building_apart(parts[at])
        return opening, parts, closing

    def _sections_held(self, spans, boundaries: list[_Boundary], index: int) -> int:
        """How many numbered sections a heading naming a part of the speech (结论, 总结) holds:
        those right after it, up to the next heading or appendix."""
        if boundaries[index].kind != "heading" or not self.rules.speech_part.match(spans[index][0].text):
            return 0
        count = 0
        for boundary in boundaries[index + 1 :]:
            if boundary.kind != "section":
                break
            count += 1
        return count

    def _speech_part(self, head: list[Paragraph], sections: list[list[Paragraph]], boundaries) -> Part:
        """A part of a speech given in parts (结论 over 一 关于…, 二 关于…): its sections are its points."""
        items = self._sections_as_items(sections, boundaries)
        return self._unnumbered_part(head[0].text, tuple(head[1:]), items, heading=head[0])

    def _sections_as_items(self, sections: list[list[Paragraph]], boundaries) -> tuple[Item, ...]:
        """Numbered sections read as the points of one list, each section's own points its children."""
        items = []
        for span, boundary in zip(sections, boundaries):
            section = self._section_part(span, boundary)
            number = marker(span[0].text).number
            items.append(Item(section.label or "", number, section.heading or section.title, tuple(span), section.items))
        return tuple(items)

    def _lists_of(self, part: Part) -> list[Part]:
        """A section whose list starts again at （一） after an intro of its own (…尚有不足的地方：
        （一）…; 只提几点意见：（一）…) holds several lists: the first stays the section's, each
        later one is a part of its own, named by its intro after the section."""
        if not part.label:
            return [part]
        family = [getattr(marker(item.paragraphs[0].text), "family", None) for item in part.items]
        between = {  # the section's text between an item and the next
            i: [p for p in part.after if part.items[i - 1].paragraphs[-1].line < p.line < part.items[i].line]
            for i in range(1, len(part.items))
        }
        restarts = [
            i for i in range(1, len(part.items))
            if part.items[i].number == 1 and family[i] is not None and family[i] == family[0] and between[i]
        ]
        if not restarts:
            return [part]
        cuts = [0, *restarts, len(part.items)]
        groups = [part.items[a:b] for a, b in zip(cuts, cuts[1:])]
        # Each later list's intro is the last paragraph before it; what stands above that
        # intro follows the list before.
        intros = [between[i][-1] for i in restarts]
        afters = [tuple(between[i][:-1]) for i in restarts] + [tuple(p for p in part.after if p.line > part.items[-1].line)]
        pieces = [replace(part, items=groups[0], after=afters[0])]
        for number, (intro, group, after) in enumerate(zip(intros, groups[1:], afters[1:]), start=2):
            piece = self._part(intro, group, after, number)
            pieces.append(replace(piece, title=f"{part.title} · {piece.title}"))
        return pieces

    def _cut_closing(self, span: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
        """Split the closing off a report's last section.

        "各位代表！" opens the closing, but also the passages before it (the government's
        own tasks, a transition); the closing is the last such cue and the short
        paragraphs just above it, from the first cue among them.
        """
        marks = [marker(p.text) for p in span]
        last_mark = max(
            (i for i, m in enumerate(marks) if m and i > 0 and (not m.family.closer or ends_a_list(marks, i))), default=0
        )
        cues = [i for i in range(last_mark + 1, len(span)) if self.rules.closing_cues.match(span[i].text)]
        if not cues and len(span) - 1 > last_mark and (self._looks_back(span[-1]) or self._wishes(span[-1])):
            return span[:-1], span[-1:]
        if not cues or any(self.rules.not_closing.search(p.text) for p in span[cues[-1] + 1:]):
            return span, []
        start = cues[-1]
        # A bare "各位代表！" on its own line marks where the closing begins; otherwise the
        # short paragraphs just above the last cue belong to it (同志们！… 青年强，则国家强。…).
        bare = len(span[start].text) <= BARE_CUE_MAX
        while (
            not bare
            and start - 1 > last_mark
            and cues[-1] - start < CLOSING_PARAGRAPHS_MAX - 1
            and self._closing_like(span[start - 1].text, start - 1 in cues)
        ):
            start -= 1
        first = min(cue for cue in cues if cue >= start)
        first = self._closing_start(span, first, len(span))
        return span[:first], span[first:]

    def _looks_back(self, paragraph: Paragraph) -> bool:
        """A closing paragraph with no cue: short, and its first sentence looks back on the
        speech (以上这些方法, 上面讲的几点)."""
        first = SENTENCE_SPLIT.split(paragraph.text, maxsplit=1)[0]
        return len(paragraph.text) <= CLOSING_PARAGRAPH_MAX and bool(self.rules.closing_summary.search(first))

    def _wishes(self, paragraph: Paragraph) -> bool:
        """A closing paragraph with no cue: short, and it wishes the audience well
        (最后，祝大家马到成功; 就要过新年了，先给大家问声新年好！)."""
        text = TRAILING_NOTES.sub("", paragraph.text)  # …争取更大的胜利！（新华社一九七五年一月二十日讯）
        return len(text) <= CLOSING_PARAGRAPH_MAX and bool(self.rules.closing_wish.search(text))

    @staticmethod
    def _closing_like(text: str, cue: bool) -> bool:
        """Short enough for a closing's paragraph, and no run-in heading (铸牢政治忠诚。…)
        unless it opens with a closing cue (各位代表！…)."""
        return len(text) <= CLOSING_PARAGRAPH_MAX and (cue or not run_in_head(text))

    def _section_part(self, span: list[Paragraph], boundary: _Boundary) -> Part:
        """A section, appendix or article: its heading, then the items below it."""
        if boundary.kind in ("passage", "addressed"):
            return self._passage_part(span, boundary.kind == "addressed")
        head = span[0]
        r = self.rules
        label, heading_text, run_in = None, head.text, ()
        if boundary.kind == "section":
            mark = marker(head.text)
            label, heading_text = mark.label, headline(mark.rest) or mark.rest
            run_in = (head,) if len(mark.rest) > len(heading_text) + 1 else ()
        kind = {"appendix": r.appendix_kind, "article": r.article_kind}.get(boundary.kind, r.section_kind)
        if boundary.kind in ("section", "heading"):
            found = self._own_items(span[1:])
        else:
            found = outline(span[1:], 1 if boundary.kind == "article" else 2)
        own = found  # the section's own list; the count its intro announces is of these
        if boundary.kind in ("section", "heading"):
            found = self._with_after_list(with_parallel_tail(with_lead_lists(found)))
        lead = run_in + found.lead
        intro = lead[-1] if lead else None
        own_intro = (run_in + own.lead)[-1] if run_in + own.lead else None
        expected = self._expected_count(own_intro, len(own.items)) if own.items else None
        return Part(
            kind=kind,
            title=_section_title(label, heading_text),
            label=label,
            heading=heading_text,
            intro=intro,
            items=found.items,
            after=found.after,
            expected_count=expected,
            lead=lead,
            heading_line=head.line,
        )

    def _passage_part(self, span: list[Paragraph], addressed: bool) -> Part:
        """A passage of a report divided only by the audience addressed again: titled by
        its first sentence, the 各位代表！ above it its lead."""
        content = span[1:] if addressed else span
        found = self._own_items(content) if content else Outline((), (), ())
        title = headline(content[0].text) if content else span[0].text
        lead = (span[0],) * addressed + found.lead
        return self._unnumbered_part(title, lead, found.items, after=found.after)

    # -- speeches: runs of points after an intro ------------------------------------------------

    def _speech_runs(self, body: list[Paragraph]):
        """Split the body into opening, parts (an intro and a run of points each) and closing."""
        marks = paragraph_marks(body)
        runs = self._runs(body, marks)
        if not runs:
            slogans = self._trailing_slogans(body)
            if slogans:
                return body[:-slogans], [], body[-slogans:]  # 庆贺中华人民共和国的成立！ ×3
            if len(body) > 1 and self._wishes(body[-1]):
                return body[:-1], [], body[-1:]  # 谨祝大会完满成功！: a speech of no points still closes
            return body, [], []
        first_start = runs[0][0] if runs[0][0] is not None else runs[0][1][0]
        opening = body[:first_start]
        parts: list[Part] = []
        closing: list[Paragraph] = []
        for index, (intro_index, starts, end) in enumerate(runs):
            is_last = index == len(runs) - 1
            item_end, after_end = self._split_trailing(body, starts, end, is_last)
            bounds = list(zip(starts, starts[1:] + [item_end]))
            items = tuple(
                make_item(body[a:b], marks[a], position, False, 0)
                for position, (a, b) in enumerate(bounds, start=1)
            )
            if is_last:
                after_end = self._closing_start(body, after_end, end)
            after = body[item_end:after_end]
            if is_last:
                closing = body[after_end:end]
            intro = body[intro_index] if intro_index is not None else None
            parts.append(self._part(intro, items, tuple(after), len(parts) + 1))
        return opening, parts, closing

    @staticmethod
    def _trailing_slogans(body: list[Paragraph]) -> int:
        """How many short exclaimed lines end the speech (…永垂不朽！ 庆贺…的成功！), when
        SLOGANS_MIN or more do and text stands above them; else 0."""
        count = 0
        while count < len(body) - 1 and len(body[-1 - count].text) <= SLOGAN_MAX and body[-1 - count].text.endswith(("！", "!")):
            count += 1
        return count if count >= SLOGANS_MIN else 0

    def _closing_start(self, body: list[Paragraph], start: int, end: int) -> int:
        """Where the closing begins, given where its first cue stands: a cue with more
        than SPEECH_CLOSING_MAX paragraphs below it (总之 summing up the last point, the
        speech going on for pages) is not the closing, a later cue may be; else the last
        paragraph when it wishes the audience well; else there is none."""
        if end - start <= SPEECH_CLOSING_MAX:
            return start
        later = [i for i in range(start + 1, end) if end - i <= SPEECH_CLOSING_MAX and self.rules.closing_cues.match(body[i].text)]
        if later:
            return later[0]
        return end - 1 if self._wishes(body[end - 1]) else end

    def _runs(self, body: list[Paragraph], marks):
        """Runs of points of the outermost numbering: (intro index, item starts, end)."""
        found = []
        for family in self.rules.families:
            if not family.closer:
                found += [(family.level, run) for run in family_runs(marks, family)]
        if not found:
            return []
        level = min(level for level, _ in found)
        candidates = sorted(run for run_level, run in found if run_level == level)
        runs = []
        covered = -1
        for starts in candidates:
            if starts[0] <= covered:
                continue  # inside a run already taken
            index = starts[0]
            has_intro = index > 0 and self._is_intro(body[index - 1].text)
            runs.append((index - 1 if has_intro else None, starts, len(body)))
            covered = starts[-1]
        return self._bounded(runs)

    @staticmethod
    def _bounded(runs):
        """Make each run end where the next run's intro or first item begins."""
        bounded = []
        for index, (intro, starts, end) in enumerate(runs):
            if index + 1 < len(runs):
                next_intro, next_starts, _ = runs[index + 1]
                end = min(end, next_intro if next_intro is not None else next_starts[0])
            bounded.append((intro, starts, end))
        return bounded

    def _is_intro(self, text: str) -> bool:
        """Does this paragraph announce a list of items?"""
        return bool(self.rules.intro_end.search(text))

    def _split_trailing(self, body, starts: list[int], end: int, is_last: bool) -> tuple[int, int]:
        """Where the last item ends and where the part's after-text ends.

        When every item is one paragraph, the paragraphs after the last one are not part
        of it; otherwise they continue it until one starts like a summary or a closing.
        """
        last = starts[-1]
        single = all(b - a == 1 for a, b in zip(starts, starts[1:]))
        item_end = last + 1
        if not single:
            while item_end < end and not is_trailing_cue(body[item_end].text):
                item_end += 1
            if is_last and item_end == end and end - 1 > last and self._wishes(body[end - 1]):
                item_end = end - 1  # 就要过新年了…先给大家问声新年好！: the speech's last words
        after_end = end
        if is_last:
            after_end = item_end
            while after_end < end and not self.rules.closing_cues.match(body[after_end].text):
                if after_end == item_end and not self.rules.after_cues.match(body[after_end].text):
                    break
                if self._looks_back(body[after_end]) and after_end + 1 < end:
                    break  # 以上是我对大家提的5点建议…, and more after it: the closing begins
                after_end += 1
        return item_end, after_end

    def _own_items(self, span: list[Paragraph]) -> Outline:
        """A section's own points: numbered, else run-in or parallel heads, else a list inline."""
        found = outline(span, 2)
        if not found.items:
            found = run_in_outline(span)
        if not found.items:
            found = parallel_outline(span)
        if not found.items:
            found = self._announced_inline_list(span) or found
        return found

    def _self_building_apart(self, part: Part) -> list[Part]:
        """A report's last section with the government's own tasks inside its last point
        (…（十）…。做好今年工作，必须全面加强政府自身建设。一是…): those tasks are a part of
        their own, the points after that paragraph theirs."""
        at = next((k for k, p in enumerate(part.after) if self._self_building(p)), None)
        if at is not None and part.items:
            return [replace(part, after=part.after[:at]), self._self_building_part(list(part.after[at:]), (), ())]
        for number, item in enumerate(part.items):
            if not self._last_of_own_list(part.items, number):
                continue
            at = next((k for k, p in enumerate(item.paragraphs[1:], 1) if self._self_building(p)), None)
            if at is None:
                continue
            start = item.paragraphs[at]
            kept = replace(
                item,
                paragraphs=item.paragraphs[:at],
                children=tuple(c for c in item.children if c.paragraphs[0].line < start.line),
            )
            own = self._self_building_part(list(item.paragraphs[at:]), part.items[number + 1 :], part.after)
            return [replace(part, items=(*part.items[:number], kept), after=()), own]
        return [part]

    @staticmethod
    def _last_of_own_list(items: tuple, number: int) -> bool:
        """Is the item the last of the numbering the section's points begin with (its （十）, not
        a point of the list found after them)?"""
        first = marker(items[0].paragraphs[0].text)
        if first is None:  # unnumbered points: the last one
            return number == len(items) - 1
        marks = [marker(item.paragraphs[0].text) for item in items]
        return number == max(n for n, mark in enumerate(marks) if mark and mark.family == first.family)

    def _self_building_part(self, rest: list[Paragraph], later: tuple, after: tuple) -> Part:
        """The government's own tasks: from the paragraph naming them, with the points that
        follow it (``later``, already found) or else those its paragraphs hold."""
        found = Outline(tuple(rest), later, after) if later else self._own_items(rest)
        if not later:
            found = Outline(found.lead, found.items, found.after + after)
        title = self._self_building(rest[0]).group("title")
        return self._unnumbered_part(title, found.lead, found.items, after=found.after)

    def _unnumbered_part(self, title: str, lead: tuple, items: tuple, heading: Paragraph | None = None,
                         kind: str | None = None, after: tuple = ()) -> Part:
        """A part no section number opens: its title, the text before its points (the last
        paragraph its intro), its points; ``heading`` the paragraph that names it, if one does."""
        return Part(
            kind=kind or self.rules.section_kind,
            title=title,
            label=None,
            heading=heading.text.strip("【】[]〔〕：:") if heading else None,
            intro=lead[-1] if lead else None,
            items=items,
            after=after,
            lead=lead,
            heading_line=heading.line if heading else None,
        )

    def _self_building(self, paragraph: Paragraph) -> re.Match | None:
        """The words naming the government's own tasks in a paragraph's first sentence, if any."""
        return self.rules.self_building.search(re.split("[。！？]", paragraph.text, maxsplit=1)[0])

    def _announced_inline_list(self, span: list[Paragraph]) -> Outline | None:
        """A section with no list of its own whose paragraph runs one inline after announcing
        it (切实做到“五个坚定不移”。一是…五是…, or …如下：一是…), or runs a long one (做好今年
        工作，一要…五要…): its points are the section's items."""
        pieces = {}
        for paragraph in span:
            chain = inline_chain(paragraph.text)
            head = paragraph.text[: chain[0].start].rstrip(PADDING) if chain else ""
            counts = self._counts_named(head)
            # 标准有四个：第一，…第二，…第三点和第四点，… names four and marks two: a sentence.
            announced = len(chain) in counts if counts else head.endswith(("：", ":")) or len(chain) >= INLINE_LIST_MIN
            if chain and announced:
                cuts = [0] + [m.start for m in chain] + [len(paragraph.text)]
                pieces[paragraph] = [replace(paragraph, text=paragraph.text[a:b]) for a, b in zip(cuts, cuts[1:])]
        if not pieces:
            return None
        found = outline([piece for p in span for piece in pieces.get(p, [p])], 2)
        if not found.items:
            return None
        self.split_paragraphs.update(pieces)
        return found

    def _counts_named(self, head: str) -> list[int]:
        """The counts the last sentence before an inline list names (有三个要点 → 3)."""
        return [parse_numeral(m.group("n")) for m in self.rules.inline_count.finditer(last_sentence(head))]

    def _split_inline_lists(self, body: list[Paragraph]) -> list[Paragraph]:
        """Split "…如下：（一）…；（二）…" (or "…有三个要点，第一，…第二，…第三，…", the count
        named) into its intro and one paragraph per point."""
        result = []
        for index, paragraph in enumerate(body):
            chain = inline_chain(paragraph.text)
            head = paragraph.text[: chain[0].start].rstrip(PADDING) if chain else ""
            # 我给青年们讲几句话： on its line, then 一、…；二、…；三、… as the next
            announcing = head or (body[index - 1].text.rstrip(PADDING) if index else "")
            if not chain or not (announcing.endswith(("：", ":")) or len(chain) in self._counts_named(announcing)):
                result.append(paragraph)
                continue
            cuts = [0] + [m.start for m in chain] + [len(paragraph.text)]
            result += [replace(paragraph, text=paragraph.text[a:b]) for a, b in zip(cuts, cuts[1:])]
        return result

    def _part(self, intro, items, after, ordinal: int) -> Part:
        """Name a part from its intro sentence and check the count it announces."""
        announcing = last_sentence(intro.text) if intro else ""
        kind = self._kind(announcing)
        count_match = self.rules.count.search(announcing)
        expected = self._expected_count(intro, len(items))
        kind_name, title = kind if kind else (self.rules.fallback["kind"], self.rules.fallback["title"])
        count_text = count_match.group("n") if expected else write_count(len(items))
        title = title.format(count=count_text, ordinal=write_numeral(ordinal))
        return Part(
            kind=kind_name,
            title=title,
            label=None,
            heading=None,
            intro=intro,
            items=items,
            after=after,
            expected_count=expected,
            lead=(intro,) if intro else (),
        )

    def _expected_count(self, intro: Paragraph | None, found: int) -> int | None:
        """The count the intro announces (六点意见 → 6); warn when the items differ."""
        if intro is None:
            return None
        match = self.rules.count.search(last_sentence(intro.text))
        expected = parse_numeral(match.group("n")) if match else None
        if expected is not None and expected < 2:
            return None  # "变一点", "这一点": no list is announced with one point
        if expected and expected != found:
            self.warn(intro.line, f"the intro announces {expected} points but {found} items were found")
        return expected

    def _kind(self, sentence: str) -> tuple[str, str] | None:
        """The part kind whose keyword stands rightmost in the announcing sentence."""
        best = None
        best_position = -1
        for kind, title, keywords in self.rules.kinds:
            for match in keywords.finditer(sentence):
                if match.start() > best_position:
                    best, best_position = (kind, title), match.start()
        return best


def _section_title(label: str | None, heading: str) -> str:
    """A section's title as its text writes it: 一、回顾; 第三，…; 一 关于… and 第一章 如何… (a space)."""
    if not label:
        return heading
    if label[-1] in SECTION_LABEL_ENDS:
        return f"{label}{heading}"
    spoken = label.startswith("第") and label[-1] not in CHAPTER_UNITS
    return f"{label}，{heading}" if spoken else f"{label}\u3000{heading}"
