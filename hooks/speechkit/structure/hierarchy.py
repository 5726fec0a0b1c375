"""Items inside a stretch of paragraphs: the outermost numbering makes the items, the
ones below it (paragraph-initial or running inside a paragraph) make their children."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace

from ..model import Item, Paragraph
from ..numerals import parse_numeral
from .markers import LEAD_PUNCTUATION, Family, Marker, inline_chain, marker, rules

# Sentence ends; a headline is an item's first sentence.
SENTENCE_END = "。！？；!?;"
# Quote pairs inside which a sentence end does not end the sentence.
QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』", "（": "）", "(": ")"}
# Headlines longer than this are cut at a clause boundary; a heading on a line of its
# own is kept whole up to HEADING_LINE_MAX.
HEADLINE_MAX = 40
HEADING_LINE_MAX = 60
# A heading line broken in two ("（二）坚持不懈用" / "新时代…") is at most this long.
BROKEN_HEADING_MAX = 12
# —— lines separated by the blocks they head: at least this many, each opening with a
# sentence no longer than DASH_HEADING_MAX characters.
DASH_HEADINGS_MIN = 3
DASH_HEADING_MAX = 60
# How many lists a section's lead may hold above its own items.
LEAD_LISTS_MAX = 3
# How deep children nest below an item.
MAX_DEPTH = 3
# Unnumbered points with a run-in heading sentence no longer than RUN_IN_HEAD_MAX
# characters: at least RUN_IN_MIN, and this share of the paragraphs from the first on.
RUN_IN_HEAD_MAX = 12
RUN_IN_MIN = 3
RUN_IN_SHARE = 0.6
# Points standing as one sentence a paragraph, no longer than PARALLEL_HEAD_MAX, at least
# PARALLEL_MIN of them opening with the same PARALLEL_OPENING characters (这一年，我们…).
PARALLEL_HEAD_MAX = 40
PARALLEL_MIN = 3
PARALLEL_OPENING = 2
# A speaker's 我们要… / 我们不要… opens many sentences: paragraphs sharing only such a
# pronoun are parallel points when at least this many stand together (我们闻令而动、… ×8).
PRONOUN_OPENINGS = ("我们", "我国", "我市", "我省", "我区", "我县", "大家", "这是", "同时")
PRONOUN_RUN_MIN = 5
# How far above a late list's 第二 the paragraph naming its first point may stand.
FIRST_NAMED_WITHIN = 6
# Numbered runs at these levels (一、 sections, （一） items) that go on inside a
# paragraph after a sentence end are split out: a hard wrap re-joined, or text copied
# without its line breaks, leaves "…336项。（六）巩固提升生态环境质量。" after （五）.
CONTINUED_RUN_LEVELS = (1, 2)
# A run of points (一是…四是) goes on inside a later paragraph as well (…财力。五是进一步严肃
# 财经纪律。), unless that paragraph holds its own run from 一是 before it.
CONTINUED_POINT_LEVELS = (3,)
AFTER_SENTENCE = "(?<=[。！？；])"
# A section goes on only after a sentence: 一、…；二、…；三、… in one line is a list of phrases.
AFTER_SECTION = "(?<=[。！？])"
# A run of paragraph starts at these levels (一、 （一） 一是) whose first point stands
# inside the paragraph before, after its intro's colon, is split there too.
FIRST_INLINE_LEVELS = (1, 2, 3)
AFTER_INTRO = "(?<=[：:])"


@dataclass(frozen=True)
class Outline:
    """A stretch of paragraphs split into the text before the items, the items, the rest."""

    lead: tuple[Paragraph, ...]
    items: tuple[Item, ...]
    after: tuple[Paragraph, ...]


def outline(units: list[Paragraph], min_level: int, depth: int = 0) -> Outline:
    """The items of the outermost family (at ``min_level`` or below) found in ``units``."""
    marks = paragraph_marks(units)
    runs = best_runs(marks, min_level)
    if not runs:
        return Outline(tuple(units), (), ())
    spans = item_spans(units, runs)
    items = tuple(
        make_item(units[start:end], marks[start], position, run_in, depth)
        for position, (start, end, run_in) in enumerate(spans, start=1)
    )
    inside = {i for start, end, _ in spans for i in range(start, end)}
    first = spans[0][0]
    after = tuple(u for i, u in enumerate(units) if i > first and i not in inside)
    return Outline(tuple(units[:first]), items, after)


def paragraph_marks(units: list[Paragraph]) -> list[Marker | None]:
    """The marker each paragraph starts with; for a list that starts at 第二 with its first
    point only named (……这是我要讲的第一点。), a marker on the paragraph naming it."""
    marks = _carried_on([marker(u.text) or _named_at_end(u.text) for u in units])
    for index, mark in enumerate(marks):
        if not (mark and mark.number == 2 and mark.family.first_named):
            continue
        family = mark.family
        earlier = [m for m in marks[:index] if m and m.family == family]
        if earlier and earlier[-1].number == 1:
            continue  # the list has its first marker
        for back in range(index - 1, max(index - 1 - FIRST_NAMED_WITHIN, -1), -1):
            if marks[back] is not None:
                break
            named = family.first_named.search(units[back].text)
            if named:
                marks[back] = Marker(family, 1, named.group(), units[back].text)
                break
    return marks


def _carried_on(marks: list[Marker | None]) -> list[Marker | None]:
    """Markers of a family that ``continues`` another, in a text without its own first one,
    as the other family's next point where they number it (第一点，第二，第三个问题，)."""
    result = list(marks)
    for family in rules().families:
        own = [i for i, m in enumerate(marks) if m and m.family == family]
        if not family.continues or not own or any(marks[i].number == 1 for i in own):
            continue
        for index in own:
            before = [m for m in result[:index] if m and m.family.name == family.continues]
            if before and before[-1].number + 1 == marks[index].number:
                mark = marks[index]
                result[index] = Marker(before[-1].family, mark.number, mark.label, mark.rest, mark.start)
    return result


def _named_at_end(text: str) -> Marker | None:
    """A point named at its end (……这是第三种。): a marker of its family, labelled 第三种."""
    for family in rules().families:
        found = family.named_at_end.search(text) if family.named_at_end else None
        if found:
            number = parse_numeral(found.group("n"))
            if number:
                return Marker(family, number, f"第{found.group('n')}{found.group('unit')}", text)
    return None


def split_continued_runs(units: list[Paragraph]) -> list[Paragraph]:
    """Cut a paragraph where a numbered run of paragraph starts goes on inside it, or
    begins inside it.

    Going on: only the next number counts (（六） after （五）), only after a sentence end,
    and only when that number does not start a paragraph later on (then the run goes on
    there). Beginning: "重点做好以下八个方面工作：（一）充分释放…" with （二） starting the
    next paragraphs — the first point stands after the intro's colon.
    """
    families = [f for f in rules().families if f.level in FIRST_INLINE_LEVELS and not (f.closer or f.unnumbered)]
    marks = [marker(u.text) for u in units]
    later = _numbers_ahead(marks, families)
    last: dict[str, int] = {}
    result: list[Paragraph] = []
    for index, unit in enumerate(units):
        if marks[index] and marks[index].family in families:
            last[marks[index].family.name] = marks[index].number
        cuts = []
        for family in families:
            ahead = later[index].get(family.name, frozenset())
            if family.name not in last:
                first = _first_inline(family, unit.text) if 2 in ahead and 1 not in ahead else []
                if first:
                    cuts += first
                    last[family.name] = 1
                continue
            if family.level not in CONTINUED_RUN_LEVELS + CONTINUED_POINT_LEVELS:
                continue
            after = AFTER_SECTION if family.level == 1 else AFTER_SENTENCE
            for match in re.finditer(after + family.pattern.pattern.lstrip("^"), unit.text):
                found = _continued_marker(family, match, unit.text)
                if family.level not in CONTINUED_RUN_LEVELS and _holds_first(family, unit.text[: match.start()]):
                    break  # the paragraph's own 一是…四是, not the run going on
                if found == last[family.name] + 1 and found not in ahead:
                    cuts.append(match.start())
                    last[family.name] = found
        bounds = [0, *sorted(set(cuts)), len(unit.text)]
        result += [replace(unit, text=unit.text[a:b]) for a, b in zip(bounds, bounds[1:]) if a < b]
    return result


def _holds_first(family: Family, text: str) -> bool:
    """Does the text hold the first point of a run of the family, where an inline point stands?"""
    return family.inline is not None and any(_continued_marker(family, m, text) == 1 for m in family.inline.finditer(text))


def _first_inline(family: Family, text: str) -> list[int]:
    """Where a run's first point stands after an intro's colon inside a paragraph, if it does."""
    for match in re.finditer(AFTER_INTRO + family.pattern.pattern.lstrip("^"), text):
        if _continued_marker(family, match, text) == 1:
            return [match.start()]
    return []


def _numbers_ahead(marks: list[Marker | None], families: list[Family]) -> list[dict[str, frozenset]]:
    """For each paragraph, the numbers each family starts paragraphs with after it, up to
    where that run ends (its family starts again at 1, or an outer heading comes)."""
    ahead: dict[str, frozenset] = {}
    result: list[dict[str, frozenset]] = [{} for _ in marks]
    for index in range(len(marks) - 1, 0, -1):
        mark = marks[index]
        if mark and mark.family in families:
            name = mark.family.name
            run = ahead.get(name, frozenset())
            # Going back, a run's numbers fall; one not below them is the end of an earlier run.
            ahead[name] = run | {mark.number} if run and mark.number < min(run) else frozenset({mark.number})
            for family in families:
                if family.level > mark.family.level:
                    ahead[family.name] = frozenset()  # an outer heading ends the runs below it
        result[index - 1] = dict(ahead)
    return result


def _continued_marker(family: Family, match: re.Match, text: str) -> int | None:
    """The number of a family's marker found inside a paragraph."""
    found = marker(text[match.start():])
    return found.number if found and found.family == family else None


def with_lead_lists(found: Outline) -> Outline:
    """A section's items with the lists standing in its lead before them (——我们… lines
    heading their paragraphs, or 一是…四是, above the （一）… items): a reader sees
    those points too; they come first, in the order of the text."""
    for _ in range(LEAD_LISTS_MAX):
        if not found.items or not found.lead:
            return found
        before = outline(list(found.lead), 2)
        if not before.items:
            return found
        # The text between that list and the section's own (一年来，主要做了以下工作。) goes
        # with the list's last point, so the part still shows every paragraph.
        last = before.items[-1]
        items = (*before.items[:-1], replace(last, paragraphs=last.paragraphs + before.after))
        found = Outline(before.lead, items + found.items, found.after)
    return found


def with_parallel_tail(found: Outline) -> Outline:
    """A section's items with the parallel one-sentence heads standing inside its last
    point (这是…的五年。 ×5 after its —— points): those heads are points of their own."""
    if not found.items:
        return found
    last = found.items[-1]
    tail = parallel_outline(list(last.paragraphs[1:]))
    if not tail.items:
        return found
    paragraphs = (last.paragraphs[0], *tail.lead)
    children = tuple(child for child in last.children if child.paragraphs[0].line <= paragraphs[-1].line)
    kept = replace(last, paragraphs=paragraphs, children=children)
    return Outline(found.lead, (*found.items[:-1], kept, *tail.items), found.after)


def parallel_outline(units: list[Paragraph]) -> Outline:
    """A section whose points stand as one short sentence a paragraph, in parallel
    (这一年，我们…。 / 聚焦对外开放，…。), each over the paragraphs it heads: one item per
    such paragraph, when at least PARALLEL_MIN of them open with the same words, or are
    all as short as a run-in heading (旗帜鲜明讲政治。)."""
    groups: dict[str, list[int]] = {}
    for index, unit in enumerate(units[:-1]):
        text = unit.text
        one_sentence = text.endswith(tuple(SENTENCE_END)) and not any(end in text[:-1] for end in SENTENCE_END)
        if marker(text) is None and one_sentence and len(text) <= PARALLEL_HEAD_MAX and len(units[index + 1].text) > len(text):
            # Short heads (旗帜鲜明讲政治。 依法行政强法治。) need no common opening.
            short = len(text) <= RUN_IN_HEAD_MAX + 1 and not rules().closing_cues.match(text)
            groups.setdefault("" if short else text[:PARALLEL_OPENING], []).append(index)
    heads = max(groups.values(), key=len, default=[])
    if len(heads) < PARALLEL_MIN:
        return Outline(tuple(units), (), ())
    return _headed_outline(units, heads)


def run_in_outline(units: list[Paragraph]) -> Outline:
    """A section whose points have no numbers but open with a short heading sentence
    (加强政治建设。… / 坚持依法行政。…): one item per such paragraph, when at least
    RUN_IN_MIN of them stand together and most paragraphs from the first one on are them."""
    heads = [i for i, unit in enumerate(units) if marker(unit.text) is None and run_in_head(unit.text)]
    if len(heads) < RUN_IN_MIN:
        heads = _parallel_run_in_heads(units)
    if len(heads) < RUN_IN_MIN or len(heads) < RUN_IN_SHARE * (len(units) - heads[0]):
        return Outline(tuple(units), (), ())
    return _headed_outline(units, heads)


def _parallel_run_in_heads(units: list[Paragraph]) -> list[int]:
    """Paragraphs opening with a longer heading sentence in parallel, the same words
    first (强化政治建设，进一步锤炼忠诚品格。… ×4; 我们…。 ×8 then 这五年，…。 ×6): every
    group of at least RUN_IN_MIN, in the order of the text."""
    groups: dict[str, list[int]] = {}
    for index, unit in enumerate(units):
        text = unit.text
        lead = _first_sentence(text)
        if (
            marker(text) is None
            and len(lead) <= PARALLEL_HEAD_MAX
            and len(text) > len(lead) + 1
            and text[len(lead)] in "。！"
            and not rules().closing_cues.match(text)
        ):
            groups.setdefault(text[:PARALLEL_OPENING], []).append(index)
    return sorted(i for heads in groups.values() if len(heads) >= _group_min(units, heads) for i in heads)


def _group_min(units: list[Paragraph], heads: list[int]) -> int:
    """How many heads a group needs: more when all they share is a pronoun (我们要…)."""
    texts = [units[i].text for i in heads]
    pronoun = next((word for word in PRONOUN_OPENINGS if texts[0].startswith(word)), None)
    # 我们要… ×3 shares the pronoun and a word; 我们必须坚定不移… ×5 shares a phrase.
    weak = pronoun is not None and len(os.path.commonprefix(texts)) <= len(pronoun) + 1
    return PRONOUN_RUN_MIN if weak else RUN_IN_MIN


def _headed_outline(units: list[Paragraph], heads: list[int]) -> Outline:
    """Unnumbered points, one at each of ``heads`` and running to the next (the last up to a
    paragraph summing up or closing: 各位代表，…): no label, numbered by place."""
    end = next((i for i in range(heads[-1] + 1, len(units)) if is_trailing_cue(units[i].text)), len(units))
    bounds = [*heads[1:], end]
    items = tuple(
        Item("", position, headline(units[start].text), tuple(units[start:stop]))
        for position, (start, stop) in enumerate(zip(heads, bounds), start=1)
    )
    return Outline(tuple(units[: heads[0]]), items, tuple(units[end:]))


def run_in_head(text: str) -> bool:
    """Does the paragraph open with a short heading sentence and go on after it?"""
    lead = _first_sentence(text)
    return (
        len(lead) <= RUN_IN_HEAD_MAX
        and len(text) > len(lead) + 1
        and text[len(lead)] == "。"
        and not any(mark in lead for mark in "，,：:“")
    )


def best_runs(marks: list[Marker | None], min_level: int) -> list[list[int]]:
    """The runs (indexes numbered 1, 2, 3…) of the outermost family that has one."""
    best: list[list[int]] = []
    best_key = None
    for family in rules().families:
        if family.level < min_level or family.closer:
            continue
        runs = family_runs(marks, family)
        if runs:
            key = (family.level, runs[0][0])
            if best_key is None or key < best_key:
                best, best_key = runs, key
    return best


def family_runs(marks: list[Marker | None], family: Family) -> list[list[int]]:
    """Runs of at least two markers of one family: 1, 2, 3… (or adjacent —— paragraphs)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, mark in enumerate(marks):
        if mark is None or mark.family != family:
            if family.unnumbered and mark is None and current:
                runs.append(current)
                current = []
            continue
        if family.unnumbered or mark.number == len(current) + 1:
            current.append(index)
        elif mark.number == 1:
            runs.append(current)
            current = [index]
    runs.append(current)
    runs = [run for run in runs if len(run) >= 2]
    if family.unnumbered and not runs:
        runs = _heading_dashes(marks, family)
    return [_with_closer(run, marks, family, runs) for run in runs]


def _heading_dashes(marks: list[Marker | None], family: Family) -> list[list[int]]:
    """—— lines that each head a block of paragraphs (——这一年，我们…交出了优异答卷。 over
    its account, or ——在推动…上苦干实干、砥砺前行。 opening its paragraph): a run when at
    least DASH_HEADINGS_MIN of them open with one short sentence."""
    heads = [
        index for index, mark in enumerate(marks)
        if mark and mark.family == family and len(_first_sentence(mark.rest)) <= DASH_HEADING_MAX
    ]
    return [heads] if len(heads) >= DASH_HEADINGS_MIN else []


def _with_closer(run: list[int], marks, family: Family, runs) -> list[int]:
    """Add a 最后， paragraph after a run's last item, before the next run begins."""
    following = [r[0] for r in runs if r[0] > run[-1]]
    stop = following[0] if following else len(marks)
    for index in range(run[-1] + 1, stop):
        mark = marks[index]
        if mark and mark.family.closer and family.name in mark.family.closes:
            # 最后，让我们…: the speech's closing words, not its last point.
            return run if rules().closing_cues.match(mark.rest) else run + [index]
    return run


def ends_a_list(marks: list[Marker | None], index: int) -> bool:
    """Is the closer at ``index`` (最后，) the last item of the list before it, not the closing?"""
    closer = marks[index]
    for mark in reversed(marks[:index]):
        if mark and not mark.family.closer and mark.family.level == closer.family.level:
            return mark.family.name in closer.family.closes
    return False


def item_spans(units: list[Paragraph], runs: list[list[int]]) -> list[tuple[int, int, bool]]:
    """(start, end, run-in siblings) of every item; a run's last item ends by its kind.

    When every item of a run is one paragraph, the paragraphs after the last one are
    not part of it; otherwise they continue it until one sums up or closes.
    """
    spans = []
    for number, run in enumerate(runs):
        limit = runs[number + 1][0] if number + 1 < len(runs) else len(units)
        single = len(run) > 1 and all(b - a == 1 for a, b in zip(run, run[1:]))
        run_in = sum(_ends_sentence(marker(units[i].text).rest) for i in run) * 2 > len(run)
        for position, start in enumerate(run):
            if position + 1 < len(run):
                end = run[position + 1]
            elif single:
                end = start + 1
            else:
                end = start + 1
                while end < limit and not is_trailing_cue(units[end].text):
                    end += 1
            spans.append((start, end, run_in))
    return spans


def is_trailing_cue(text: str) -> bool:
    """Does the paragraph start like a summary of the part or the speech's close?"""
    return bool(rules().after_cues.match(text) or rules().closing_cues.match(text))


def make_item(paragraphs: list[Paragraph], mark: Marker, position: int, run_in: bool, depth: int) -> Item:
    """An item from its paragraphs: headline, and children from the numbering below it."""
    rest = mark.rest
    if run_in and len(paragraphs) > 1 and not _ends_sentence(rest) and len(rest) <= BROKEN_HEADING_MAX:
        rest += paragraphs[1].text  # a heading line broken in two
    elif not rest.strip() and len(paragraphs) > 1:
        rest = paragraphs[1].text
    children: tuple[Item, ...] = ()
    if depth < MAX_DEPTH:
        children = outline(paragraphs[1:], mark.family.level + 1, depth + 1).items
        if not children:
            children = inline_children(paragraphs, mark)
    return Item(
        label=mark.label,
        number=mark.number or position,
        headline=headline(rest),
        paragraphs=tuple(paragraphs),
        children=children,
    )


def inline_children(paragraphs: list[Paragraph], mark: Marker | None) -> tuple[Item, ...]:
    """Items running inside the paragraphs: …。一要…。二要… or （一）…；（二）…"""
    children = []
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        offset = len(text) - len(mark.rest) if index == 0 and mark else 0
        inner = text[offset:]
        chain = inline_chain(inner)
        bounds = [m.start for m in chain] + [len(inner)]
        for link, start, end in zip(chain, bounds, bounds[1:]):
            segment = inner[start:end]
            rest = inner[start + len(link.label): end].lstrip(LEAD_PUNCTUATION)
            children.append(
                Item(link.label, link.number, headline(rest), (replace(paragraph, text=segment),))
            )
    return tuple(children)


def headline(text: str) -> str:
    """An item's headline: the first sentence of its text, cut at a clause if long; a
    heading line of its own (no sentence end) is kept whole up to HEADING_LINE_MAX."""
    sentence = rules().footnote_marker.sub("", _first_sentence(text)).strip()
    whole_line = sentence == text.strip() and not _ends_sentence(text)
    if len(sentence) <= (HEADING_LINE_MAX if whole_line else HEADLINE_MAX):
        return sentence
    cut = max(sentence.rfind(mark, 0, HEADLINE_MAX) for mark in "，,：:")
    return sentence[:cut] if cut > 0 else sentence[:HEADLINE_MAX] + "…"


def _ends_sentence(text: str) -> bool:
    """Does the text hold a sentence end (run-in heading) rather than a heading alone?"""
    return any(char in text for char in SENTENCE_END)


def _first_sentence(text: str) -> str:
    """Text up to the first sentence end that is not inside quotes or brackets."""
    closers: list[str] = []
    for index, char in enumerate(text):
        if closers and char == closers[-1]:
            closers.pop()
        elif char in QUOTES:
            closers.append(QUOTES[char])
        elif char in SENTENCE_END and not closers and _ends_here(text, index):
            return text[:index]
    return text


def _ends_here(text: str, index: int) -> bool:
    """A full-width end always ends a sentence; an ASCII one (!?;) only before a space or CJK."""
    if ord(text[index]) > 0x7F or index + 1 == len(text):
        return index > 0
    following = text[index + 1]
    return index > 0 and (following.isspace() or ord(following) > 0x2E7F)


def last_sentence(text: str) -> str:
    """The paragraph's last sentence (the one that announces what follows)."""
    sentences = [s for s in re.split(f"[{SENTENCE_END}]", text) if s.strip()]
    return sentences[-1] if sentences else text
