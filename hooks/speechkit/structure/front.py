"""The lines above a speech's body: title, subtitle, date, speaker and editor's notes."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Paragraph
from .markers import marker, rules
from ..numerals import parse_numeral

# Sentence ends: a title line never ends with one.
TITLE_BAD_END = tuple("。！？；，：;:,!?")
# How many lines may stand between the top of the file and the body.
FRONT_MAX = 10
YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
               "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}

# Where a title line was cut inside a phrase: it ends on a word that joins (和, 的, 关于)
# or a date's 年; the next starts with a figure or such a word.
TITLE_CUT_END = re.compile(r"([和与及的对在暨并之年月、，]|关于)$")
TITLE_CUT_START = re.compile(r"^[0-9０-９、，的和与及年月日份]")
# A name of two or three characters spaced out at the end of a byline: 校长 蒋 明.
SPACED_NAME = re.compile(r"(?<=\s)[\u4e00-\u9fff](?:[ \u3000][\u4e00-\u9fff]){1,2}$")


@dataclass(frozen=True)
class Front:
    """What the top of a file says about the speech, and the paragraphs that said it."""

    title: str | None
    title_paragraphs: tuple[Paragraph, ...]
    front: tuple[Paragraph, ...]  # subtitle, date, speaker lines and notes, in order
    date: str | None
    speaker: str | None
    meeting: str | None
    body_start: int  # index of the first body paragraph


def read_front(paragraphs: list[Paragraph], styled_titles: frozenset[int] = frozenset()) -> tuple[Front, list[Paragraph]]:
    """Split the top lines off; the list returned may split a line (标题——副标题).
    A paragraph on one of ``styled_titles`` (source lines a Word file styles Title) among
    the top lines is a title line, whatever its text looks like."""
    units = _split_subtitles(paragraphs[:FRONT_MAX]) + paragraphs[FRONT_MAX:]
    end = _front_end(units, styled_titles)
    titles, described = [], []
    for index, unit in enumerate(units[:end]):
        # Only the first piece of a split line (标题——副标题) is the styled title.
        styled = unit.line in styled_titles and not (index > 0 and units[index - 1].line == unit.line)
        is_title = styled or not unit.note and not described and not _describes(unit.text, index)
        (titles if is_title else described).append(unit)
    texts = [u.text for u in titles] + [u.text for u in described if not u.note]
    front = Front(
        title=_joined_title([u.text for u in titles]),
        title_paragraphs=tuple(titles),
        front=tuple(described),
        date=_date(texts),
        speaker=_speaker([u.text for u in described if not u.note]) or _tag_speaker(titles[0].text if titles else ""),
        meeting=_meeting(texts),
        body_start=end,
    )
    return front, units


def _joined_title(lines: list[str]) -> str | None:
    """The title lines as one title; a line the one before already holds (2021年杭州市政府
    工作报告 over 政府工作报告, as web pages print them) is not said twice. Two phrases
    stand apart (高举…旗帜 为…而团结奋斗); a line cut inside a phrase (…和2024年 over
    1—6月份…的报告) goes on without a space."""
    kept = [line for index, line in enumerate(lines) if index == 0 or line not in lines[index - 1]]
    if not kept:
        return None
    title = kept[0]
    for line in kept[1:]:
        title += "" if TITLE_CUT_END.search(title) or TITLE_CUT_START.match(line) else " "
        title += line
    return title


def _split_subtitles(units: list[Paragraph]) -> list[Paragraph]:
    """Split 标题——2024年3月5日在…上 into the title and the subtitle (same line)."""
    result = []
    for unit in units:
        cut = unit.text.find("——")
        if cut > 1 and rules().subtitle.match(unit.text[cut:]) and not unit.text.endswith(TITLE_BAD_END):
            result += [replace(unit, text=unit.text[:cut]), replace(unit, text=unit.text[cut:])]
        else:
            result.append(unit)
    return result


def _front_end(units: list[Paragraph], styled_titles: frozenset[int]) -> int:
    """Where the body starts: the salutation, or the first line that is not a front line
    (a Title-styled line is one)."""
    for index, unit in enumerate(units[:FRONT_MAX]):
        front_line = unit.note or unit.line in styled_titles or _is_front_line(unit.text)
        if rules().salutation.match(unit.text) or not front_line:
            return index
    return 0


def _is_front_line(text: str) -> bool:
    """Short, not a sentence, not a numbered point: a title, date or speaker line."""
    r = rules()
    return (
        len(text) <= r.title_max
        and not text.endswith(TITLE_BAD_END)
        and (marker(text) is None or bool(r.subtitle.match(text)))
    ) or bool(r.date_line.match(text))


# How a dateline ends: …会议上, …会议通过.
DATELINE_ENDS = ("上", "通过", "批准")


def _describes(text: str, index: int) -> bool:
    """Is this a subtitle, date or speaker line rather than (part of) the title?"""
    r = rules()
    if index == 0:  # the first line is the title unless it is plainly a subtitle or date
        return bool(
            r.date_line.match(text)
            or r.subtitle.match(text) and text.lstrip("（(")[:1] in "—─-－"
            # 2024年1月31日在…会议上 with no title above it (but 在…上的讲话 is a title)
            or r.subtitle.match(text) and r.date.match(text.lstrip("（(")) and text.rstrip("）)").endswith(DATELINE_ENDS)
        )
    return bool(
        r.date_line.match(text)
        or r.subtitle.match(text)
        or r.article_heading.match(text)  # 原标题：… under a web page's headline says what it was
        or (index > 0 and r.speaker_line.match(_name_closed(text)) and len(text) <= 40)
    )


def _name_closed(text: str) -> str:
    """A byline whose name is spaced out (校长 蒋 明) with the name's characters together."""
    return SPACED_NAME.sub(lambda found: "".join(found.group().split()), text)


def _date(texts: list[str]) -> str | None:
    """The most complete date in the title or front lines, as 2022-10-16 (or 2022-10, 2022).

    Of two as complete, the one on a line naming the occasion (——1975年1月13日在…会议上)
    wins over a web copy's publication date (2006-02-23) wherever either stands."""
    found = []
    for text in texts:
        occasion = bool(rules().meeting.search(text))
        for match in rules().date.finditer(text):
            if match.group("iy"):  # 2025.02.17, 2025-02-17
                parts = [match.group("iy"), *(f"{int(match.group(key)):02d}" for key in ("im", "id"))]
            else:
                year = str(int("".join(YEAR_DIGITS.get(c, c) for c in match.group("y"))))  # ２０２５ too
                parts = [year] + [f"{parse_numeral(match.group(key)):02d}" for key in ("m", "d") if match.group(key)]
            found.append((len(parts), occasion, parts))
    return "-".join(max(found, key=lambda entry: entry[:2])[2]) if found else None


def _speaker(texts: list[str]) -> str | None:
    """The name that ends a speaker line or a subtitle, or opens a subtitle (——任正非在…)."""
    for text in reversed(texts):
        if rules().date_line.match(text):
            continue
        opening = rules().subtitle_speaker.match(text)
        if opening and not rules().not_a_name.match(opening.group("name")):
            return opening.group("name")
        text = _name_closed(text)
        match = rules().speaker.search(text)
        if match and (rules().speaker_line.match(text) or rules().subtitle.match(text)):
            name = match.group("name")
            if not rules().meeting.search(name) and not rules().not_a_name.match(name):
                return name
    return None


def _tag_speaker(title: str) -> str | None:
    """The name in the (date, speaker) tag a web page puts after a title: …报告（2023年1月5日程用文）."""
    tag = rules().title_trim.search(title)
    if not tag or not rules().date.search(tag.group()):
        return None
    rest = rules().date.sub(" ", tag.group().strip(" （()）【】[]")).strip()
    match = rules().speaker.search(rest)
    return match.group("name") if match and match.start("name") == 0 else None


def _meeting(texts: list[str]) -> str | None:
    """The meeting named by 在…上, in one line or in a line and the next (a subtitle
    wrapped as ——2025年2月9日在咸阳市第九届人民代表大会 / 第五次会议上)."""
    for text, following in zip(texts, [*texts[1:], ""]):
        match = rules().meeting.search(text) or rules().meeting.search(text + following)
        if match:
            return match.group("meeting")
    return None
