"""A page per topic gathering what the whole library says on it, and the topic index.

A topic's page holds, by year (newest first) and speech, every item carrying the topic:
its place, linked to the item page, and the sentence or two where the topic is treated,
keywords marked. At its head: the description, the count per year drawn as bars at build
time (no script: the page prints and works offline as it is), and the topics most often
on the same items. A topic gathering more than PAGE_ITEMS items keeps its head and gets
a page per year (a crowded year cut into runs), so no page grows with the library.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import groupby

from ..escaping import escape_markdown as esc, escape_markdown_marked
from ..library import Library, PlacedItem, Topic, urls
from ..library.topics import SENTENCE_END
from ..library.urls import TAGS_PAGE
from ..model import Part
from .catalog import UNDATED, year_of
from . import reader
from .aids.word_handout import topic_docx
from .markdown import byline, page_markdown

# Items one page shows; a topic with more gets a page per year, a year with more, runs.
PAGE_ITEMS = 60
# What an entry quotes: the sentences with most keywords, at most this many and each at
# most SENTENCE_CHARS long (cut around its first keyword, BEFORE_KEYWORD characters ahead).
SENTENCES_MAX = 2
SENTENCE_CHARS = 160
BEFORE_KEYWORD = 40
RELATED_MAX = 6  # related topics at a page's head
OTHER_GROUP = "其他主题"  # the index heading of topics no group of the taxonomy lists
# aids.css prints the page without the site's chrome; this button opens the print dialog
# (assets/javascripts/print.js) and is not printed itself.
PRINT_BUTTON = "[打印专题学习材料](#){ .md-button .study-print .study-noprint }"
INDEX_OPEN = '<div class="study-topic-index" markdown>'  # study.css: one line per topic


@dataclass(frozen=True)
class Run:
    """The items of one page of a topic: a year, a run of a crowded year, or all of them."""

    page: str
    title: str  # 2024年, 2024年 第61–120条; '' for the topic's only page
    items: tuple[PlacedItem, ...]


def topic_pages(library: Library) -> list[tuple[str, str]]:
    """The topic index, then each topic's page and its year pages, as (path, Markdown)."""
    gathered = gather(library)
    pages = [index_page(library, gathered)]
    for topic in library.taxonomy.topics:
        pages += _pages_of(library, topic, gathered[topic.name])
    return pages


def topic_downloads(library: Library) -> list[tuple[str, Callable[[], bytes]]]:
    """Each topic's 专题学习材料 as a Word file, as (path, a function making its bytes), for
    the topics that have items."""
    gathered = gather(library)
    return [(urls.topic_docx(topic.name), partial(topic_docx, library, topic, gathered[topic.name]))
            for topic in library.taxonomy.topics if gathered[topic.name]]


def gather(library: Library) -> dict[str, list[PlacedItem]]:
    """Each topic's items: newest year first (undated last), newest speech first, then in text order."""
    gathered: dict[str, list[PlacedItem]] = {topic.name: [] for topic in library.taxonomy.topics}
    for index in sorted(range(len(library.items)), key=lambda index: _order(library, index)):
        for tag in library.items[index].tags:
            gathered[tag].append(library.items[index])
    return gathered


def by_year(library: Library, items: list[PlacedItem]) -> list[tuple[str, list[PlacedItem]]]:
    """Gathered items grouped by their speech's year (UNDATED for a speech without a date)."""
    return [(year, list(group)) for year, group in groupby(items, key=lambda i: year_of(library.speeches[i.speech_index]))]


def related_topics(library: Library, items: list[PlacedItem], name: str) -> list[tuple[str, int]]:
    """The topics most often on the same items as ``name``, with how many items they share."""
    shared = Counter(tag for item in items for tag in item.tags if tag != name)
    order = {topic.name: n for n, topic in enumerate(library.taxonomy.topics)}
    return sorted(shared.items(), key=lambda pair: (-pair[1], order[pair[0]]))[:RELATED_MAX]


def keyword_pattern(topic: Topic) -> re.Pattern[str]:
    """The topic's keywords, longest first, as one pattern (the taxonomy's words, escaped)."""
    return re.compile("|".join(re.escape(word) for word in sorted(topic.keywords, key=len, reverse=True)))


def passage(text: str, pattern: re.Pattern[str]) -> str:
    """The sentence or two of ``text`` holding most keywords, escaped, keywords marked."""
    sentences = _sentences(text)
    hits = [len(pattern.findall(sentence)) for sentence in sentences]
    best = sorted((n for n in range(len(sentences)) if hits[n]), key=lambda n: (-hits[n], n))[:SENTENCES_MAX]
    # An item carries a topic because a keyword occurs in it, but a keyword holding a
    # sentence end (an operator's 甲；乙) is cut apart by the split: then the first sentence.
    chosen = sorted(best) or [0]
    quoted = escape_markdown_marked(_cut(sentences[chosen[0]], pattern), pattern)
    for before, n in zip(chosen, chosen[1:]):
        quoted += ("" if n == before + 1 else "……") + escape_markdown_marked(_cut(sentences[n], pattern), pattern)
    return quoted


def year_chart(counts: list[tuple[str, int]]) -> list[str]:
    """Items per year as horizontal bars, drawn in HTML at build time (the longest bar is the
    busiest year). Only years and numbers go in: no document text."""
    most = max((count for _, count in counts), default=0) or 1
    described = "；".join(f"{_year_label(year)} {count} 条" for year, count in counts)
    rows = [f'<div class="study-years" role="img" aria-label="各年条目数：{described}">']
    for year, count in counts:
        rows.append(
            f'<div class="study-years__row"><span class="study-years__year">{_year_label(year)}</span>'
            f'<span class="study-years__track"><span class="study-years__bar" style="width: {100 * count / most:.0f}%">'
            f'</span></span><span class="study-years__count">{count}</span></div>'
        )
    return rows + ["</div>", ""]


def index_page(library: Library, gathered: dict[str, list[PlacedItem]]) -> tuple[str, str]:
    """The topic index: topics by group, each with its description and counts, linked to its page."""
    topics = {topic.name: topic for topic in library.taxonomy.topics}
    grouped = [(group.name, group.topics) for group in library.taxonomy.groups]
    listed = {name for _, names in grouped for name in names}
    others = tuple(name for name in topics if name not in listed)
    if others:
        grouped.append((OTHER_GROUP if grouped else "", others))
    used = sum(1 for items in gathered.values() if items)
    lines = ["# 主题索引", "",
             f"{len(topics)} 个主题，{used} 个在库中有条目。每个主题一页：按年份、按讲话汇集论及它的全部条目，"
             "可打印为专题学习材料。", "{: .study-meta }", "", INDEX_OPEN, ""]
    for group, names in grouped:
        if group:
            lines += [f"## {esc(group)}", ""]
        for name in names:
            items = gathered[name]
            speeches = len({item.speech_index for item in items})
            counts = f"{len(items)} 条，{speeches} 篇讲话" if items else "暂无条目"
            link = f"[{esc(name)}]({urls.relative(TAGS_PAGE, urls.topic_page(name))})"
            description = f"：{esc(topics[name].description)}" if topics[name].description.strip() else ""
            lines.append(f"- **{link}**（{counts}）{description}")
        lines.append("")
    lines += ["</div>", ""]
    return TAGS_PAGE, page_markdown("主题索引", lines)


def place_of(item: PlacedItem, part: Part) -> str:
    """Where an item stands, escaped: 意见三 · 六点意见; an unnumbered section's item by the
    section's title and its place in it (its label already holds the title's start)."""
    if not part.label and part.heading:
        return f"{esc(part.title)} · 第{item.display_label.rsplit('·', 1)[-1]}条"
    return f"{esc(item.display_label)} · {esc(part.title)}"


def topic_chips(from_page: str, tags: tuple[str, ...]) -> list[str]:
    """An item's topics as Material's tag chips, each linked to its topic's page."""
    if not tags:
        return []
    chips = " ".join(f"[{esc(tag)}]({urls.relative(from_page, urls.topic_page(tag))}){{ .md-tag }}" for tag in tags)
    return [chips, "{: .md-tags }", ""]


# -- pages ---------------------------------------------------------------------------------


def _pages_of(library: Library, topic: Topic, items: list[PlacedItem]) -> list[tuple[str, str]]:
    """A topic's page, and its year pages when it gathers more than PAGE_ITEMS items."""
    home = urls.topic_page(topic.name)
    years = by_year(library, items)
    lines = [f"# {esc(topic.name)}", ""]
    lines += [_summary(items, years), "{: .study-meta }", "", PRINT_BUTTON, ""]
    if items:
        word = urls.relative(home, urls.topic_docx(topic.name))
        lines[-2:-1] = [f"{PRINT_BUTTON} [下载 Word 版]({word}){{ .md-button .study-noprint }}"]
    if topic.description.strip():
        lines += [esc(topic.description), ""]
    if not items:
        lines += ["库中暂无论及这一主题的条目。", ""]
        return [(home, page_markdown(f"{topic.name} · 主题", lines))]
    lines += year_chart([(year, len(group)) for year, group in years])
    lines += _related_line(library, home, items, topic.name)
    if len(items) <= PAGE_ITEMS:
        lines += _entries(library, home, items, keyword_pattern(topic))
        return [(home, page_markdown(f"{topic.name} · 主题", lines, study=reader.topic_data(items)))]
    runs = _runs(topic.name, years)
    lines += ["## 各年内容", ""]
    for run in runs:
        speeches = len({item.speech_index for item in run.items})
        lines.append(f"- [{esc(run.title)}]({urls.relative(home, run.page)})：{len(run.items)} 条，出自 {speeches} 篇讲话")
    lines.append("")
    return [(home, page_markdown(f"{topic.name} · 主题", lines, study=reader.topic_data(items)))] + _run_pages(library, topic, runs, len(items))


def _run_pages(library: Library, topic: Topic, runs: list[Run], total: int) -> list[tuple[str, str]]:
    """The year pages of a crowded topic, each printable on its own."""
    home = urls.topic_page(topic.name)
    pattern = keyword_pattern(topic)
    pages = []
    for run in runs:
        head = [f"# {esc(topic.name)} · {esc(run.title)}", "",
                f"专题学习材料 · [{esc(topic.name)}]({urls.relative(run.page, home)})全部 {total} 条中的 {len(run.items)} 条",
                "{: .study-meta }", "", PRINT_BUTTON, ""]
        body = _entries(library, run.page, list(run.items), pattern)
        pages.append((run.page, page_markdown(f"{topic.name} · {run.title}", head + body)))
    return pages


def _runs(name: str, years: list[tuple[str, list[PlacedItem]]]) -> list[Run]:
    """A page per year, a year with more than PAGE_ITEMS items cut into runs of that many."""
    runs = []
    for year, items in years:
        label = _year_label(year)
        for start in range(0, len(items), PAGE_ITEMS):
            part = tuple(items[start:start + PAGE_ITEMS])
            title = label if len(items) <= PAGE_ITEMS else f"{label} 第{start + 1}–{start + len(part)}条"
            runs.append(Run(urls.topic_year_page(name, year, start // PAGE_ITEMS + 1), title, part))
    return runs


def _entries(library: Library, page: str, items: list[PlacedItem], pattern: re.Pattern[str]) -> list[str]:
    """Items by year, then speech: the speech's title, date, speaker and meeting, then each
    item's place and passage."""
    lines: list[str] = []
    for year, group in by_year(library, items):
        anchor = f"y{year}" if year != UNDATED else "undated"
        lines += [f"## {_year_label(year)}（{len(group)} 条） {{ #{anchor} }}", ""]
        for speech_index, entries in groupby(group, key=lambda item: item.speech_index):
            placed = library.speeches[speech_index]
            lines += [f"### [{esc(placed.speech.title)}]({urls.relative(page, urls.speech_home(placed.slug))})", ""]
            described = byline(placed.speech)
            if described:
                lines += [described, "{: .study-meta }", ""]
            for item in entries:
                place = f"[{place_of(item, placed.parts[item.part_index].part)}]({urls.relative(page, item.page)})"
                lines += [f"{place}  ", passage(item.item.text, pattern), "{: .study-topic-item }", ""]
    return lines


def _summary(items: list[PlacedItem], years: list[tuple[str, list[PlacedItem]]]) -> str:
    """专题学习材料 · how many items, from how many speeches, over which years."""
    speeches = len({item.speech_index for item in items})
    dated = sorted(year for year, _ in years if year != UNDATED)
    span = f"，{dated[0]}–{dated[-1]}年" if len(dated) > 1 else (f"，{dated[0]}年" if dated else "")
    return f"专题学习材料 · 共 {len(items)} 条，出自 {speeches} 篇讲话{span}"


def _related_line(library: Library, page: str, items: list[PlacedItem], name: str) -> list[str]:
    """Links to the related topics, with the items each shares with this one."""
    related = related_topics(library, items, name)
    if not related:
        return []
    links = "　".join(f"[{esc(other)}]({urls.relative(page, urls.topic_page(other))})（{count}）" for other, count in related)
    return [f"相关主题：{links}", "{: .study-related-topics }", ""]


def _order(library: Library, index: int) -> tuple:
    """Newest year first, undated last; within a year the newest speech first; then text order."""
    item = library.items[index]
    placed = library.speeches[item.speech_index]
    year = year_of(placed)
    date = placed.speech.date or ""
    newest = tuple(-ord(char) for char in date)  # a date string, newest first
    return (year == UNDATED, -int(year) if year != UNDATED else 0, newest, item.speech_index, index)


def _sentences(text: str) -> list[str]:
    """The text's sentences, end marks kept, empty ones left out."""
    sentences, at = [], 0
    for match in SENTENCE_END.finditer(text):
        sentences.append(text[at:match.end()].strip())
        at = match.end()
    sentences.append(text[at:].strip())
    return [sentence for sentence in sentences if sentence] or [text]


def _cut(sentence: str, pattern: re.Pattern[str]) -> str:
    """A sentence of at most SENTENCE_CHARS, cut around its first keyword if longer."""
    if len(sentence) <= SENTENCE_CHARS:
        return sentence
    match = pattern.search(sentence)
    start = max(0, (match.start() if match else 0) - BEFORE_KEYWORD)
    end = min(len(sentence), start + SENTENCE_CHARS)
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def _year_label(year: str) -> str:
    """2024年, or 未注明日期."""
    return f"{year}年" if year != UNDATED else UNDATED
