"""Cloze questions on a speech's headlines: key words blanked, answers behind <details>."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...escaping import escape_markdown as esc
from ...library import Library, Taxonomy, urls
from ...library.urls import SELF_TEST, speech_aid_page
from ...rulebook import current
from ..markdown import page_markdown

QUOTED = re.compile(r"[“「]([^”」]{1,8})[”」]")
BLANK = "＿"


@dataclass(frozen=True)
class Cloze:
    """A headline cut into pieces; the pieces marked as blanks are the answers."""

    pieces: tuple[tuple[str, bool], ...]  # (text, is a blank)

    @property
    def answers(self) -> tuple[str, ...]:
        """The blanked words, in order."""
        return tuple(text for text, blank in self.pieces if blank)

    @property
    def text(self) -> str:
        """The whole headline again."""
        return "".join(text for text, _ in self.pieces)


def _rules() -> dict:
    """The blanking rules in force (the build's rulebook)."""
    return current().self_test


def cloze(headline: str, taxonomy: Taxonomy, rules: dict | None = None) -> Cloze:
    """Blank the key words of a headline: quoted words, else taxonomy words, else clause ends."""
    rules = rules or _rules()
    spans = [m.span(1) for m in QUOTED.finditer(headline)]
    if not spans:
        spans = _taxonomy_span(headline, taxonomy)
    if not spans:
        spans = _clause_spans(headline, rules)
    return Cloze(_pieces(headline, spans))


def _taxonomy_span(headline: str, taxonomy: Taxonomy) -> list[tuple[int, int]]:
    """The longest term or topic keyword in the headline, if any."""
    words = [t.term for t in taxonomy.terms] + [k for topic in taxonomy.topics for k in topic.keywords]
    present = [word for word in words if word in headline]
    if not present:
        return []
    word = max(present, key=len)
    start = headline.index(word)
    return [(start, start + len(word))]


def _clause_spans(headline: str, rules: dict) -> list[tuple[int, int]]:
    """In the first clauses, the words after the lead verb, at most max_chars from the end."""
    spans = []
    start = 0
    leads = sorted(rules["lead_words"], key=len, reverse=True)
    for clause in re.split(f"([{re.escape(rules['clause_marks'])}])", headline):
        begin, end = start, start + len(clause)
        start = end
        if len(clause) == 1 and clause in rules["clause_marks"]:
            continue
        head = begin
        while lead := next((w for w in leads if headline.startswith(w, head) and head + len(w) < end), None):
            head += len(lead)
        span = _clause_blank(headline, head, end, rules)
        if span[1] - span[0] >= rules["min_chars"]:
            spans.append(span)
        if len(spans) == rules["max_clauses"]:
            break
    return spans


def _clause_blank(headline: str, head: int, end: int, rules: dict) -> tuple[int, int]:
    """The blank of one clause (head: after its lead words): before a judgement, else its end."""
    clause = headline[head:end]
    judged = [clause.rfind(word) for word in rules["judgements"] if clause.rfind(word) > 0]
    if judged:
        end = head + max(judged)
    window = headline[max(head, end - rules["max_chars"] - 2):end]
    cut = max(window.rfind(char) for char in rules["boundary_chars"])
    if 0 <= cut < len(window) - rules["min_chars"]:
        return end - len(window) + cut + 1, end
    return max(head, end - rules["max_chars"]), end


def _pieces(headline: str, spans: list[tuple[int, int]]) -> tuple[tuple[str, bool], ...]:
    """The headline cut at the spans, each span a blank that starts and ends on a letter."""
    pieces, at = [], 0
    for start, end in sorted(_trimmed(headline, span) for span in spans):
        if start >= end:
            continue
        if start > at:
            pieces.append((headline[at:start], False))
        pieces.append((headline[start:end], True))
        at = end
    if at < len(headline):
        pieces.append((headline[at:], False))
    return tuple(pieces)


def _trimmed(headline: str, span: tuple[int, int]) -> tuple[int, int]:
    """A blank without spaces or marks at its edges (they are clues, and escaping drops spaces)."""
    start, end = span
    while start < end and not headline[start].isalnum():
        start += 1
    while end > start and not headline[end - 1].isalnum():
        end -= 1
    return start, end


def _escape_piece(text: str) -> str:
    """Escaped text that keeps one space at an edge where it had one (escaping trims them)."""
    lead = " " if text[:1].isspace() else ""
    tail = " " if text[-1:].isspace() and text.strip() else ""
    return lead + esc(text) + tail


def self_test_page(library: Library, index: int) -> tuple[str, str]:
    """A speech's self-test: each part's items as cloze questions, answers on click."""
    placed = library.speeches[index]
    path = speech_aid_page(placed.slug, SELF_TEST)
    rules = _rules()
    home = urls.relative(path, urls.speech_home(placed.slug))
    lines = [f"# 自测：{esc(placed.speech.title)}", "",
             f"先回想每条的要点，在空格（＿）处填出关键词，填完点“交卷”看得分和错题；也可以逐条点“看答案”核对。[返回导读]({home})", ""]
    for part_index, placed_part in enumerate(placed.parts):
        lines += [f"## {esc(placed_part.part.title)}（共 {len(placed_part.part.items)} 条）", ""]
        for placed_item in library.items_of(index, part_index):
            question = cloze(placed_item.item.headline, library.taxonomy, rules)
            blanked = "".join(BLANK * len(t) if blank else _escape_piece(t) for t, blank in question.pieces)
            answer = "".join(f"**{esc(t)}**" if blank else _escape_piece(t) for t, blank in question.pieces)
            link = urls.relative(path, placed_item.page)
            lines += [
                f"{placed_item.display_label}　{blanked}",
                "{: .study-question }",
                "",
                '<details class="study-answer" markdown>',
                "<summary>看答案</summary>",
                "",
                f"{answer}（[{placed_item.display_label}]({link})）",
                "",
                "</details>",
                "",
            ]
    return path, page_markdown(f"自测 · {placed.speech.title}", lines)
