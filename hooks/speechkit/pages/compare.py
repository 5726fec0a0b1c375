"""The compare view: two speeches side by side, topic by topic.

The page is one shell (COMPARE_PAGE); what it shows comes from small scripts under
compare/: a list of every speech (to pick a partner from) and one file per speech with
its items by topic, so a view downloads the list and two speeches, never the library.
Scripts, not fetch(), so it works from disk (file://) as the search does; the browser
(docs/assets/javascripts/study-compare.js) sets every piece of document text as textContent.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from ..escaping import script_json
from ..library import Library, urls
from ..library.urls import COMPARE_DATA, COMPARE_PAGE
from .markdown import page_markdown

RECEIVER = "studyCompare.receive"
# Items with no topic of the taxonomy: shown in a row of their own, last.
NO_TOPIC = "未归入主题"
# A place named in a title or meeting: two or more characters ending in an administrative
# unit, standing at the start or after something that is not a Chinese character (a
# year is removed first: 2024年北京市 → 北京市), and followed by what comes after a place
# in these names (第十五届, 人民政府, 政府工作报告), by the space a removed year left, or by the end.
PLACE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,7}?(?:自治区|自治州|特别行政区|省|市|州|盟|县|区|旗))(?=第|人民|政府|\s|$)")
# A date or year written in a title or meeting: removed before looking for a place.
WRITTEN_DATE = re.compile(r"\d+年(?:\d+月(?:\d+日)?)?")


def place_of(title: str, meeting: str | None = None) -> str | None:
    """The city, province or county a speech's title names, else its meeting (after 在: 在北京市…上的讲话); None if neither does."""
    for text in (title, meeting or ""):
        found = PLACE.search(WRITTEN_DATE.sub(" ", text.rsplit("在", 1)[-1]))
        if found:
            return found.group(1)
    return None


def default_partners(library: Library) -> list[int]:
    """For each speech, the one to compare it with first: the same place's speech of
    another year nearest in date, else any speech nearest in date (undated ones by
    library order); -1 if alone."""
    speeches = library.speeches
    places = [place_of(p.speech.title, p.speech.meeting) for p in speeches]
    days = [_day(p.speech.date) for p in speeches]
    same_place: dict[str, list[int]] = {}
    for index, place in enumerate(places):
        if place:
            same_place.setdefault(place, []).append(index)
    dated = sorted((day, index) for index, day in enumerate(days) if day is not None)
    partners = []
    for index in range(len(speeches)):
        pool = [other for other in same_place.get(places[index] or "", ())
                if other != index and (days[index] is None or _year(days[other]) != _year(days[index]))]
        if not pool and days[index] is not None:
            # Only the dated speeches either side of this one in time can be the nearest.
            at = bisect.bisect_left(dated, (days[index], index))
            pool = [other for _, other in dated[max(0, at - 2):at + 3] if other != index]
        if not pool:
            pool = [other for other in (index - 1, index + 1) if 0 <= other < len(speeches)]
        partners.append(min(pool, key=lambda other: (_distance(days[index], days[other], index, other), other), default=-1))
    return partners


def topic_summary(library: Library, index: int, page_url) -> dict:
    """A speech's items by topic, in the taxonomy's order, untagged items last: what its
    compare file holds. ``page_url`` maps a page path to its URL from the site root."""
    placed = library.speeches[index]
    by_topic: dict[str, list] = {}
    for part in placed.parts:
        for placed_item in map(library.items.__getitem__, part.item_indexes):
            entry = [placed_item.display_label, placed_item.item.headline, page_url(placed_item.page), part.part.title]
            for name in placed_item.tags or (NO_TOPIC,):
                by_topic.setdefault(name, []).append(entry)
    order = [topic.name for topic in library.taxonomy.topics] + [NO_TOPIC]  # the one order both columns follow
    speech = placed.speech
    return {
        "title": speech.title,
        "byline": " · ".join(v for v in (speech.date, speech.speaker, speech.meeting) if v),
        "url": page_url(urls.speech_home(placed.slug)),
        "items": sum(len(part.item_indexes) for part in placed.parts),
        "topics": [[name, by_topic[name]] for name in order if name in by_topic],
    }


def compare_files(library: Library, page_url) -> dict[str, str]:
    """The compare scripts, path under the site → text: the list of speeches (slug, title,
    date, place, default partner) and the topics in order (name, URL of its page),
    then one file per speech."""
    partners = default_partners(library)
    speeches = [
        [placed.slug, placed.speech.title, placed.speech.date or "", place_of(placed.speech.title, placed.speech.meeting) or "",
         partner]
        for placed, partner in zip(library.speeches, partners)
    ]
    topics = [[topic.name, page_url(urls.topic_page(topic.name))] for topic in library.taxonomy.topics]
    listing = {"speeches": speeches, "topics": topics + [[NO_TOPIC, ""]]}
    files = {f"{COMPARE_DATA}/list.js": _script("list", listing)}
    for index in range(len(library.speeches)):
        files[f"{COMPARE_DATA}/{index}.js"] = _script(str(index), topic_summary(library, index, page_url))
    return files


def compare_page() -> tuple[str, str]:
    """The compare page's path and Markdown: a shell the script fills in."""
    lines = [
        "# 对比阅读",
        "",
        "两篇讲话或报告按主题并列：每个主题下列出两篇各自的条目，只有一篇论及的主题单独标明。",
        "{: .study-meta }",
        "",
        '<div id="study-compare" class="study-compare">',
        "<noscript>对比阅读需要浏览器启用脚本。</noscript>",
        "</div>",
    ]
    return COMPARE_PAGE, page_markdown("对比阅读", lines, search={"exclude": True})


def compared(library: Library) -> bool:
    """Whether the library has a compare view: it needs two speeches."""
    return len(library.speeches) > 1


def compare_link(library: Library, index: int) -> str | None:
    """The compare page's path with the speech named in its fragment, or None for a library of one."""
    if not compared(library):
        return None
    return f"{COMPARE_PAGE}#a={library.speeches[index].slug}"


def _day(text: str | None) -> int | None:
    """A YYYY-MM-DD date as a day number, None if there is none."""
    try:
        return date.fromisoformat(text).toordinal() if text else None
    except ValueError:
        return None


def _year(day: int | None) -> int | None:
    """The year of a day number, None if there is none."""
    return date.fromordinal(day).year if day is not None else None


def _distance(mine: int | None, theirs: int | None, index: int, other: int) -> tuple[int, int]:
    """How far two speeches are apart: dated ones by days, an undated one after every dated one, by library order."""
    if mine is not None and theirs is not None:
        return (0, abs(mine - theirs))
    return (1, abs(index - other))


def _script(key: str, data) -> str:
    """A script that hands ``data`` to the compare view under ``key``."""
    return f'{RECEIVER}("{key}",{script_json(data)});\n'
