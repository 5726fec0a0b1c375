"""The library's home page and navigation: speeches grouped by year, so that the sidebar
a page carries stays small however many speeches the library holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from ..escaping import escape_html, escape_markdown as esc
from ..library import Library, PlacedSpeech, urls
from .markdown import byline

UNDATED = "未注明日期"
# More speeches than this in one year are grouped by month as well, and a month (or the
# undated ones) with more than this is cut into runs of this many: every page of a speech
# lists its section's speeches in the sidebar, so a section's size bounds a page's size.
GROUP_MAX = 24


@dataclass(frozen=True)
class Group:
    """A nav section of speeches: a year, or a month of a busy year."""

    title: str
    speeches: tuple[PlacedSpeech, ...]
    subgroups: tuple["Group", ...] = field(default=())


def groups(library: Library) -> list[Group]:
    """Speeches by year, newest first (undated last); a crowded year split by month, a crowded
    month into runs of GROUP_MAX."""
    ordered = sorted(library.speeches, key=_sort_key)
    result = []
    for year, members in groupby(ordered, key=year_of):
        members = tuple(members)
        title = f"{year}年" if year != UNDATED else UNDATED
        subgroups = ()
        if len(members) > GROUP_MAX and year != UNDATED:
            subgroups = tuple(
                _in_runs(Group(f"{year}年{month}", tuple(ms)))
                for month, ms in groupby(members, key=lambda p: _month(p))
            )
            result.append(Group(title, members, subgroups))
        else:
            result.append(_in_runs(Group(title, members)))
    return result


def _in_runs(group: Group) -> Group:
    """The group, cut into runs of GROUP_MAX speeches (第1–24篇, 第25–48篇…) if it has more."""
    members = group.speeches
    if len(members) <= GROUP_MAX:
        return group
    runs = tuple(
        Group(f"{group.title} 第{start + 1}–{min(start + GROUP_MAX, len(members))}篇", members[start:start + GROUP_MAX])
        for start in range(0, len(members), GROUP_MAX)
    )
    return Group(group.title, members, runs)


def home_lines(library: Library, tags_page: str) -> list[str]:
    """The home page: every speech, by year, with its date, speaker and counts."""
    count = len(library.speeches)
    lines = ["# 讲话学习库", "", f"共 {count} 篇讲话。选择一篇开始学习，或按[主题]({tags_page})查找。", ""]
    for group in groups(library):
        lines += [f"## {esc(group.title)}", ""]
        for placed in group.speeches:
            lines += _speech_entry(placed)
    return lines


def _speech_entry(placed: PlacedSpeech) -> list[str]:
    """One speech on the home page: a linked title and what it holds."""
    speech = placed.speech
    described = byline(speech)
    items = sum(len(p.part.items) for p in placed.parts)
    counts = f"{len(placed.parts)} 个部分，{items} 条要点" if placed.parts else "全文一篇"
    lines = [f"### [{esc(speech.title)}]({urls.speech_home(placed.slug)})", ""]
    lines += [f"{described} · {counts}" if described else counts, "{: .study-meta }", ""]
    summary = "，".join(f"{p.part.title} {len(p.part.items)} 条" for p in placed.parts if p.part.items)
    if summary:
        lines += [esc(summary), ""]
    return lines


def nav_tree(library: Library, entry) -> tuple:
    """Year sections of speech sections, each speech with its home, parts and full text.

    ``entry(title, page=None, children=())`` makes one navigation node.
    """
    def speech_node(placed: PlacedSpeech):
        children = (entry("导读", urls.speech_home(placed.slug)),)
        children += tuple(
            entry(escape_html(p.part.title), urls.part_page(placed.slug, p.slug)) for p in placed.parts
        )
        children += (entry("全文", urls.full_text(placed.slug)),)
        return entry(escape_html(placed.speech.title), None, children)

    def group_node(group: Group):
        if group.subgroups:
            return entry(group.title, None, tuple(group_node(g) for g in group.subgroups))
        return entry(group.title, None, tuple(speech_node(p) for p in group.speeches))

    return tuple(group_node(group) for group in groups(library))


def year_of(placed: PlacedSpeech) -> str:
    """The speech's year, or UNDATED."""
    date = placed.speech.date or ""
    return date[:4] if date[:4].isdigit() else UNDATED


def _month(placed: PlacedSpeech) -> str:
    """The speech's month (02月), or 未注明月份."""
    date = placed.speech.date or ""
    return f"{date[5:7]}月" if len(date) >= 7 else "未注明月份"


def _sort_key(placed: PlacedSpeech) -> tuple:
    """Newest year first, undated last; within a year by date, then by title."""
    year = year_of(placed)
    return (year == UNDATED, -int(year) if year != UNDATED else 0, placed.speech.date or "", placed.slug)
