"""The library's home and year pages: the home stays short, every speech is on a year page."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from speechkit.library import build_library, load_speech, load_taxonomy
from speechkit.pages.catalog import GROUP_MAX, HOME_MAX, group_pages, home_lines

from conftest import REPO, SEED

TAXONOMY = load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml")
LINK = re.compile(r"\]\(([^)]+)\)")


@pytest.fixture(scope="module")
def seed():
    """The seed speech, parsed once."""
    return load_speech(SEED)


def library_of(seed, dates: list[str | None]):
    """A library of copies of the seed, one per date, titled 讲话0, 讲话1, …"""
    speeches = [replace(seed, title=f"讲话{n}", date=d, path=f"/x/{n:03d}.txt") for n, d in enumerate(dates)]
    return build_library(speeches, TAXONOMY, related=False)


def headings(lines: list[str]) -> list[str]:
    """The speeches a page lists (its ### headings' link text)."""
    return [line[5:line.index("]")] for line in lines if line.startswith("### [")]


def resolve(page: str, link: str) -> str:
    """The page path a relative link from ``page`` leads to."""
    parts = page.split("/")[:-1]
    for piece in link.split("/"):
        parts = parts[:-1] if piece == ".." else parts + [piece]
    return "/".join(parts)


def test_a_small_library_home_lists_every_speech_by_year(seed):
    library = library_of(seed, ["2024-05-06", "2023-01-02", None])
    lines = home_lines(library, "tags.md", "对比.md")
    assert lines[2] == "共 3 篇讲话。选择一篇开始学习，按[主题](tags.md)查找，或[对比](对比.md)两篇。"
    assert [line for line in lines if line.startswith("## ")] == ["## 2024年", "## 2023年", "## 未注明日期"]
    assert headings(lines) == ["讲话0", "讲话1", "讲话2"]


def test_a_large_library_home_lists_its_years_and_only_the_newest_speeches(seed):
    dates = [f"2024-{m:02d}-01" for m in range(1, 13)] * 5 + [f"2023-03-{d:02d}" for d in range(1, 11)] + [None] * 3
    library = library_of(seed, dates)
    lines = home_lines(library, "tags.md")
    years = lines[lines.index("## 按年份浏览") + 2:lines.index("## 最新讲话") - 1]
    assert years == ["- [2024年](年度/2024年.md)（60 篇）", "- [2023年](年度/2023年.md)（10 篇）",
                     "- [未注明日期](年度/未注明日期.md)（3 篇）"]
    assert len(headings(lines)) == HOME_MAX
    assert "[2024年全部 60 篇](年度/2024年.md)" in lines


def test_every_speech_is_on_one_year_page_and_no_page_lists_more_than_group_max(seed):
    dates = ["2024-05-06"] * 60 + ["2024-06-01"] * 3 + ["2023-03-01"] * 5 + [None] * 30
    library = library_of(seed, dates)
    pages = {path: lines for path, _, lines in group_pages(library)}
    listed = [title for lines in pages.values() for title in headings(lines)]
    assert sorted(listed) == sorted(p.speech.title for p in library.speeches)
    assert max(len(headings(lines)) for lines in pages.values()) <= GROUP_MAX
    # A busy year lists its months, a crowded month its runs; every link leads to a page made.
    assert "- [2024年05月](2024年05月.md)（60 篇）" in pages["年度/2024年.md"]
    assert "    - [2024年05月 第25–48篇](2024年05月-第25-48篇.md)（24 篇）" in pages["年度/2024年.md"]
    assert "- [2024年05月 第1–24篇](2024年05月-第1-24篇.md)（24 篇）" in pages["年度/2024年05月.md"]
    speech_homes = {p.slug + "/index.md" for p in library.speeches}
    for path, lines in pages.items():
        for link in LINK.findall("\n".join(lines)):
            assert resolve(path, link) in set(pages) | speech_homes | {"index.md"}, (path, link)
