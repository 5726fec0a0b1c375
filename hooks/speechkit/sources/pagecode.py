"""What a copy of a web page brings along besides the article: the page's code (lines of
nothing but HTML tags, <style> and <script> blocks, CSS rules) and a second copy of the
article (a page that shows it twice, for screens and for print)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PageCodeRules:
    """What data/noise.yml says under page_code."""

    tag_line: re.Pattern
    tag_lines_min: int  # so many tag lines in a text: it was copied with its page's markup
    block_open: re.Pattern
    block_close: re.Pattern
    block_max: int  # a <style> block closed further down than this is not one
    css_rule: re.Pattern
    code_reason: str
    copy_min_units: int
    copy_min_chars: int
    copy_min_share: float  # of the text before it: a copy of the article, not a passage quoted again
    copy_reason: str


def compile_page_code(data: dict) -> PageCodeRules:
    """Compile the page_code section of noise.yml."""
    return PageCodeRules(
        tag_line=re.compile(data["tag_line"]),
        tag_lines_min=int(data["tag_lines_min"]),
        block_open=re.compile(data["block_open"]),
        block_close=re.compile(data["block_close"]),
        block_max=int(data["block_max"]),
        css_rule=re.compile(data["css_rule"]),
        code_reason=data["code_reason"],
        copy_min_units=int(data["copy_min_units"]),
        copy_min_chars=int(data["copy_min_chars"]),
        copy_min_share=float(data["copy_min_share"]),
        copy_reason=data["copy_reason"],
    )


def page_code_reasons(texts: list[str], rules: PageCodeRules) -> dict[int, str]:
    """The units (by index) that are the page's code or the article's second copy, with the reason."""
    reasons = dict.fromkeys(_code(texts, rules), rules.code_reason)
    kept = [index for index in range(len(texts)) if index not in reasons]
    for position in _second_copy([texts[index] for index in kept], rules):
        reasons[kept[position]] = rules.copy_reason
    return reasons


def _code(texts: list[str], rules: PageCodeRules) -> set[int]:
    """CSS rules anywhere; tag lines and the <style>/<script> blocks and comments they
    open, where the text holds enough tag lines to have been copied with its markup (one
    <iframe> line alone may be what the speaker's text says)."""
    code = {index for index, text in enumerate(texts) if rules.css_rule.match(text)}
    opens = [index for index, text in enumerate(texts) if rules.block_open.match(text)]
    tags = [index for index, text in enumerate(texts) if rules.tag_line.match(text) or rules.block_close.fullmatch(text)]
    if len(set(tags + opens)) < rules.tag_lines_min:
        return code
    code.update(tags + opens)
    for index in opens:
        end = next((i for i in range(index + 1, min(len(texts), index + rules.block_max)) if rules.block_close.search(texts[i])), None)
        if end is not None:
            code.update(range(index, end + 1))
    return code


def _second_copy(texts: list[str], rules: PageCodeRules) -> set[int]:
    """Runs of units that repeat an earlier run word for word: at least copy_min_units
    different units and copy_min_chars characters (a speech repeats a line, never whole passages),
    and copy_min_share of the text before them (in a compilation, one article quoting
    another's passage is no copy)."""
    first: dict[str, int] = {}
    before = [0]
    for text in texts:
        before.append(before[-1] + len(text))
    copies: set[int] = set()
    copied = 0  # characters of the copies found so far
    index = 0
    while index < len(texts):
        earlier = first.get(texts[index])
        length = 0
        if earlier is not None:
            while index + length < len(texts) and earlier + length < index and texts[earlier + length] == texts[index + length]:
                length += 1
        size = before[index + length] - before[index]
        distinct = len(set(texts[index : index + length]))  # a watermark line repeated is no copy
        original = before[index] - copied  # the text before it, copies left out
        if distinct >= rules.copy_min_units and size >= rules.copy_min_chars and size >= rules.copy_min_share * original:
            copies.update(range(index, index + length))
            copied += size
            index += length
            continue
        first.setdefault(texts[index], index)
        index += 1
    return copies
