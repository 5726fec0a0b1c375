"""The library's home page, its year pages and navigation: speeches grouped by year, so
that every page, and the sidebar a page carries, stays small however many speeches the
library holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from ..escaping import escape_html, escape_markdown as esc
from ..library import Library, PlacedSpeech, urls
from ..library.urls import HOME, YEARS
from .markdown import byline

UNDATED = "未注明日期"
# More speeches than this in one year are grouped by month as well, and a month (or the
# undated ones) with more than this is cut into runs of this many: every page of a speech
# lists its section's speeches in the sidebar, so a section's size bounds a page's size.
GROUP_MAX = 24
# The home lists this many of the newest speeches; the rest are on the year pages, so
# the home stays short however many speeches the library holds.
HOME_MAX = 24


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


def home_lines(library: Library, tags_page: str, compare_page: str | None = None) -> list[str]:
    """The home page: the years with their counts and pages, then the newest HOME_MAX
    speeches by year; a small library's home lists every speech."""
    count = len(library.speeches)
    compare = f"，或[对比]({compare_page})两篇" if compare_page else ""
    lines = ["# 讲话学习库", "", f"共 {count} 篇讲话。选择一篇开始学习，按[主题]({tags_page})查找{compare}。", ""]
    all_groups = groups(library)
    if count > HOME_MAX:
        lines += ["## 按年份浏览", ""]
        lines += [f"- [{esc(g.title)}]({group_page(g)})（{len(g.speeches)} 篇）" for g in all_groups]
        lines += ["", "## 最新讲话", ""]
    room = HOME_MAX
    for group in all_groups:
        if room <= 0:
            break
        shown = group.speeches[:room]
        room -= len(shown)
        lines += [f"## {esc(group.title)}", ""]
        for placed in shown:
            lines += _speech_entry(HOME, placed)
        if len(shown) < len(group.speeches):
            lines += [f"[{esc(group.title)}全部 {len(group.speeches)} 篇]({group_page(group)})", ""]
    return lines


def footer_line(site_name: str, library: Library, built_on: str) -> str:
    """The footer of every page: the site's name, how many speeches it holds, when it was built."""
    return f"{site_name} · 收录讲话 {len(library.speeches)} 篇 · 构建于 {built_on}"


def group_pages(library: Library) -> list[tuple[str, str, list[str]]]:
    """A page per group of the home's years (path, title, lines): a year, or a month or
    run of a busy one, listing its speeches; a year of months lists its months."""
    pages = []

    def add(group: Group, parent: Group | None) -> None:
        path = group_page(group)
        lines = [f"# {esc(group.title)}", ""]
        up = f"[{esc(parent.title)}]({urls.relative(path, group_page(parent))})" if parent else f"[讲话学习库]({urls.relative(path, HOME)})"
        lines += [f"{up} · 共 {len(group.speeches)} 篇", "{: .study-meta }", ""]
        if group.subgroups:
            # A month's runs listed under it: a year of one crowded month is one click from each run.
            for g in group.subgroups:
                lines.append(f"- [{esc(g.title)}]({urls.relative(path, group_page(g))})（{len(g.speeches)} 篇）")
                lines += [f"    - [{esc(r.title)}]({urls.relative(path, group_page(r))})（{len(r.speeches)} 篇）" for r in g.subgroups]
            lines.append("")
        else:
            for placed in group.speeches:
                lines += _speech_entry(path, placed)
        pages.append((path, group.title, lines))
        for subgroup in group.subgroups:
            add(subgroup, group)

    for group in groups(library):
        add(group, None)
    return pages


def group_page(group: Group) -> str:
    """The path of a group's page: 年度/2024年.md, 年度/2024年05月-第1-24篇.md."""
    return f"{YEARS}/{urls.slugify(group.title, fallback='group')}.md"


def _speech_entry(from_page: str, placed: PlacedSpeech) -> list[str]:
    """One speech in a list of speeches: a linked title and what it holds."""
    speech = placed.speech
    described = byline(speech)
    items = sum(len(p.part.items) for p in placed.parts)
    counts = f"{len(placed.parts)} 个部分，{items} 条要点" if placed.parts else "全文一篇"
    lines = [f"### [{esc(speech.title)}]({urls.relative(from_page, urls.speech_home(placed.slug))})", ""]
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
