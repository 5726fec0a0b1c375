"""Find the red-head dispatch (红头文件) around a circulated report: its 版头, 印发通知 and 版记.

An office often keeps a report as it was sent round: the issuing organ's 文件 line and
文号, a notice 关于印发《…》的通知 with its addressee, cover sentence, signature and date,
and at the end the 版记 (抄送…, …印发). Only the report inside is the document. The
wrapper is taken for one only when it is plain (see ``find_wrapper``); a report that
mentions 印发 keeps it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

from .sentences import SENTENCE_ENDS  # a wrapper's title lines never end so, its cover sentence does

# Quotation marks around a named document: 《2025年政府工作报告》.
TITLE_QUOTES = "《》〈〉"
# A report's title line found by the name in the notice is at least this long (政府工作报告 in 2025年政府工作报告).
NAMED_TITLE_MIN = 4


class _Text(Protocol):
    text: str


class _Structure(Protocol):
    """What the parser's rules (structure.yml) say of a report's first lines."""

    salutation: re.Pattern
    title_max: int  # the longest line that can be a title


@dataclass(frozen=True)
class DispatchRules:
    """The compiled ``dispatch`` section of noise.yml."""

    issuer: re.Pattern  # 发文机关标志: 某市人民政府文件
    number: re.Pattern  # 发文字号: 某政发〔2025〕3号
    head_extra: re.Pattern  # 份号, 密级, 紧急程度, 签发人, rules: part of a 版头 beside those
    notice: re.Pattern  # the notice's title, 关于印发《…》的通知, naming the report in group ``named``
    notice_body: re.Pattern  # addressee, cover sentence, 附件 note, signing organ, 附注
    signed: re.Pattern  # the date the notice was signed, which ends it
    attachment: re.Pattern  # an item of the notice's list of attachments (1．…), never the report's title
    record: re.Pattern  # 版记: 抄送：…, …年…月…日印发
    record_organ: re.Pattern  # the office that printed it, on the line above its date
    record_trailer: re.Pattern  # rules under the 版记
    head_within: int  # the 版头 starts within this many units of the top
    notice_within: int  # the notice's title ends within this many units of the 版头
    body_within: int  # the report's title stands within this many units of the notice's title
    record_within: int  # the 版记 lies within this many units of the end
    head_reason: str
    notice_reason: str
    record_reason: str


@dataclass(frozen=True)
class Wrapper:
    """The units of a dispatch wrapper, by index, with their reasons; and, when the report
    has no title of its own, the span of the notice unit that names it (index, start, end)."""

    reasons: dict[int, str]
    title: tuple[int, int, int] | None = None


def compile_dispatch(data: dict) -> DispatchRules:
    """Compile the ``dispatch`` section of noise.yml."""
    patterns = ("issuer", "number", "head_extra", "notice", "notice_body", "signed", "attachment", "record", "record_organ", "record_trailer")
    return DispatchRules(
        **{key: re.compile(_expanded(data[key], data["pieces"])) for key in patterns},
        **{key: int(data[key]) for key in ("head_within", "notice_within", "body_within", "record_within")},
        **{key: data[key] for key in ("head_reason", "notice_reason", "record_reason")},
    )


def _expanded(pattern: str, pieces: dict[str, str]) -> str:
    """The pattern with its {date}, {organ}… replaced by the pieces they name."""
    for name, piece in pieces.items():
        pattern = pattern.replace("{" + name + "}", f"(?:{piece})")
    return pattern


def find_wrapper(
    units: Sequence[_Text], rules: DispatchRules, structure: _Structure, is_noise: Callable[[str], bool] = lambda _: False
) -> Wrapper:
    """The dispatch wrapper around the report in ``units``; no reasons when there is none.
    ``is_noise`` says which units other rules set aside anyway (a page number under the 版记).

    Plain enough to set aside: a 版头 (a 文件 or 文号 line) with a 印发 notice under it;
    a 版头 with both a 文件 and a 文号 line; anything at the top when a 版记 ends the file.
    """
    texts = [_squeezed(unit.text) for unit in units]
    reasons: dict[int, str] = {}
    record = _record_at_end(texts, rules, is_noise)
    head_start, head_end = _head(texts, rules, structure.title_max) or (0, 0)
    head = texts[head_start:head_end]
    full_head = any(rules.issuer.search(t) for t in head) and any(rules.number.search(t) for t in head)
    vouched = full_head or bool(record)
    notice = _notice(texts, head_end, rules, structure.title_max) if head or vouched else None
    if notice or vouched:
        reasons.update(dict.fromkeys(range(head_start, head_end), rules.head_reason))
    title = None
    if notice:
        notice_index, named = notice
        report_start = _report_start(texts, notice_index + 1, named, rules, structure)
        for index in range(head_end, report_start):
            reasons[index] = rules.record_reason if rules.record.search(texts[index]) else rules.notice_reason
        if named and _lacks_title(texts, report_start, structure.salutation):
            span = _named_span(units[notice_index].text, rules)
            title = span and (notice_index, *span)
    if record and record[0] not in reasons:
        reasons.update(dict.fromkeys(record, rules.record_reason))
    return Wrapper(reasons, title)


def _squeezed(text: str) -> str:
    """The text without any spaces (a 版头 is often letter-spaced)."""
    return "".join(text.split())


def _head(texts: list[str], rules: DispatchRules, title_max: int) -> tuple[int, int] | None:
    """Where the 版头 runs: head lines near the top holding a 文件 or 文号 line, under
    nothing but short lines (a distributor's watermark stays for its own rules)."""
    marks = (rules.issuer, rules.number)
    for start in range(min(rules.head_within, len(texts))):
        end = start
        while end < len(texts) and any(p.search(texts[end]) for p in (*marks, rules.head_extra)):
            end += 1
        if any(p.search(text) for text in texts[start:end] for p in marks):
            above_are_short = all(len(text) <= title_max and not text.endswith(SENTENCE_ENDS) for text in texts[:start])
            return (start, end) if above_are_short else None
    return None


def _notice(texts: list[str], start: int, rules: DispatchRules, title_max: int) -> tuple[int, str | None] | None:
    """The last unit of the notice's title (which may wrap over lines) and the report it names."""
    for index in range(start, min(start + rules.notice_within, len(texts))):
        if texts[index].endswith(SENTENCE_ENDS) or len(texts[index]) > title_max:
            return None  # a sentence before any notice title: not a dispatch
        match = rules.notice.search("".join(texts[start:index + 1]))
        if match:
            named = match.group("named")
            return index, named.strip(TITLE_QUOTES) if named else None
    return None


def _report_start(texts: list[str], start: int, named: str | None, rules: DispatchRules, structure: _Structure) -> int:
    """Index of the report's first unit: its title as the notice names it, below the
    notice's date if it has one; else the first unit after the notice's own lines."""
    window = range(start, min(start + rules.body_within, len(texts)))
    signed = _signed_end(texts, window, rules)
    if named:
        for index in range(signed, window.stop):
            if _names(texts[index], named, rules, structure.title_max) and not _is_notice_line(texts[index], rules):
                return index
    index = signed
    while index < len(texts) and not structure.salutation.match(texts[index]) and _is_notice_line(texts[index], rules):
        index += 1
    return index


def _signed_end(texts: list[str], window: range, rules: DispatchRules) -> int:
    """Index past the notice's date (成文日期) if all above it is the notice's: its own lines,
    its list of attachments, and sentences (maybe hard-wrapped); else the window's start
    (the date under a title is the report's)."""
    for index in window:
        if rules.signed.search(texts[index]):
            ours = all(text.endswith(SENTENCE_ENDS) for text in _runs(texts[window.start:index], rules))
            return index + 1 if ours else window.start
    return window.start


def _runs(texts: list[str], rules: DispatchRules) -> list[str]:
    """The runs of lines that are not the notice's by their form, each joined (a wrapped sentence)."""
    runs, run = [], ""
    for text in texts:
        if _is_notice_line(text, rules) or rules.attachment.search(text):
            runs, run = runs + [run] * bool(run), ""
        else:
            run += text
    return runs + [run] * bool(run)


def _is_notice_line(text: str, rules: DispatchRules) -> bool:
    """A line of the notice by its form: addressee, 附件 note, organ, date, 附注, 版记."""
    return any(pattern.search(text) for pattern in (rules.notice_body, rules.signed, rules.record))


def _names(text: str, named: str, rules: DispatchRules, title_max: int) -> bool:
    """Is this line the title of the named report (the name itself, or its end: 政府工作报告)?"""
    title = text.strip(TITLE_QUOTES)
    if len(title) > title_max or title.endswith(SENTENCE_ENDS) or "印发" in title or rules.attachment.search(title):
        return False
    return title == named or named in title or (len(title) >= NAMED_TITLE_MIN and title in named)


def _lacks_title(texts: list[str], index: int, salutation: re.Pattern) -> bool:
    """Does the report open with its salutation or a sentence, not with a title?"""
    return index >= len(texts) or bool(salutation.match(texts[index])) or texts[index].endswith(SENTENCE_ENDS)


def _named_span(text: str, rules: DispatchRules) -> tuple[int, int] | None:
    """Where the notice's title unit names the report, without its 《》; None if it names it on another line."""
    match = rules.notice.search(text)
    if not match or not match.group("named"):
        return None
    start, end = match.span("named")
    while start < end and text[start] in TITLE_QUOTES:
        start += 1
    while end > start and text[end - 1] in TITLE_QUOTES:
        end -= 1
    return (start, end) if end > start else None


def _record_at_end(texts: list[str], rules: DispatchRules, is_noise: Callable[[str], bool]) -> list[int]:
    """The indices of the 版记 that ends the file (抄送 and 印发 lines, the rules that frame
    them); none if the file does not end so. Other noise below it is left to its rules."""
    end = len(texts)
    while end > 0 and (rules.record_trailer.search(texts[end - 1]) or is_noise(texts[end - 1])):
        end -= 1
    window = range(max(end - rules.record_within, 0), end)
    anchors = [index for index in window if rules.record.search(texts[index])]
    if not anchors or anchors[-1] != end - 1 and not rules.record_organ.search(texts[end - 1]):
        return []
    start = anchors[0]
    if start > 0 and rules.record_organ.search(texts[start - 1]):
        start -= 1
    return [*range(start, end), *(i for i in range(end, len(texts)) if rules.record_trailer.search(texts[i]))]
