"""The whole corpus plus the seed as one library: a strict build, the home page, the
navigation's size, and URLs that stay put when speeches are added."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from speechkit.library import build_library, load_speech, load_taxonomy

from conftest import REPO, SEED, corpus_files
from sitebuild import page_url

TAXONOMY = load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml")


@pytest.fixture(scope="module")
def library_site(corpus_build):
    """The strict build of every corpus file and the seed, and the library it was made from."""
    speeches, site = corpus_build
    library = build_library([load_speech(p) for p in sorted(speeches.iterdir())], TAXONOMY)
    return site, library


def test_home_page_lists_every_speech_with_date_speaker_and_counts(library_site):
    site, library = library_site
    home = unquote((site / "index.html").read_text(encoding="utf-8"))
    for placed in library.speeches:
        assert f'href="{page_url(placed.slug + "/index.md")}"' in home, placed.slug
    assert "1978-04-22 · 邓小平 · 全国教育工作会议 · 1 个部分，4 条要点" in home
    years = re.findall(r"<h2[^>]*>(\d{4}年|未注明日期)", home)
    assert years[:2] == ["2026年", "2024年"] and years[-1] == "未注明日期"


def test_every_part_and_item_page_exists(library_site):
    site, library = library_site
    for placed in library.speeches:
        for part in placed.parts:
            assert (site / page_url(f"{placed.slug}/{part.slug}/index.md") / "index.html").is_file()
    missing = [i.page for i in library.items if not (site / page_url(i.page) / "index.html").is_file()]
    assert missing == []
    assert len({i.page for i in library.items}) == len(library.items)


def test_a_page_carries_only_its_year_and_its_speech_in_the_sidebar(library_site):
    site, library = library_site
    report = next(p for p in library.speeches if p.speech.title.startswith("高举"))
    html = (site / page_url(report.slug + "/index.md") / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('md-nav--primary'):html.index('md-sidebar--secondary')]
    listed = [p for p in library.speeches if f">{p.speech.title}<" in unquote(nav).replace("\n", "").replace("  ", "")]
    titles_in_nav = len(re.findall(r'md-nav__link', nav))
    # Its own year holds two speeches; the other years stay folded (navigation.prune).
    assert titles_in_nav < 60, titles_in_nav
    assert "1978年" in nav and "在全国教育工作会议上的讲话" not in nav
    assert listed, "the speech itself is in the sidebar"


def test_adding_a_speech_moves_no_page_and_same_titles_get_two_urls():
    speeches = [load_speech(p) for p in corpus_files()[:4]]
    before = build_library(speeches, TAXONOMY)
    twin = load_speech(SEED)
    clone = type(twin)(**{**twin.__dict__, "path": "speeches/zzz_copy.txt"})
    after = build_library(speeches + [load_speech(SEED), clone], TAXONOMY)
    assert [s.slug for s in after.speeches[:4]] == [s.slug for s in before.speeches]
    assert [i.page for i in after.items[: len(before.items)]] == [i.page for i in before.items]
    assert after.speeches[4].slug == "在区基层党建工作推进会议上的讲话"
    assert after.speeches[5].slug == "在区基层党建工作推进会议上的讲话-zzz-copy"


def test_crowded_dates_are_cut_into_runs_so_each_sidebar_section_stays_small():
    from dataclasses import replace

    from speechkit.pages.catalog import GROUP_MAX, groups, nav_tree

    seed = load_speech(SEED)
    # One conference's 60 speeches on one day, and 30 speeches with no date.
    dated = [replace(seed, title=f"讲话{n}", date="2024-05-06", path=f"/x/{n:03d}.txt") for n in range(60)]
    undated = [replace(seed, title=f"未署日期{n}", date=None, path=f"/y/{n:03d}.txt") for n in range(30)]
    library = build_library(dated + undated, TAXONOMY)

    def leaves(node):
        """The sections that list speeches (a speech's first child, 导读, is a page)."""
        children = node[2]
        if children[0][2][0][1] is not None:
            return [node]
        return [leaf for child in children for leaf in leaves(child)]

    tree = nav_tree(library, lambda title, page=None, children=(): (title, page, children))
    sections = [leaf for node in tree for leaf in leaves(node)]
    assert all(len(section[2]) <= GROUP_MAX for section in sections)
    listed = [speech[0] for section in sections for speech in section[2]]
    assert sorted(listed) == sorted(p.speech.title for p in library.speeches)  # each once
    titles = [section[0] for section in sections]
    assert titles[:3] == ["2024年05月 第1–24篇", "2024年05月 第25–48篇", "2024年05月 第49–60篇"]
    assert titles[3:] == ["未注明日期 第1–24篇", "未注明日期 第25–30篇"]
    assert [len(g.speeches) for g in groups(library)] == [60, 30]  # the home page lists them all


def test_the_corpus_library_is_large_enough_to_make_its_analysed_pages_in_a_second_process():
    # The corpus build above then tests that path (items and 金句 read from the job).
    from speechkit.build import ANALYSE_APART_BYTES

    size = sum(path.stat().st_size for path in [SEED, *corpus_files()])
    assert size >= ANALYSE_APART_BYTES


def test_a_topic_page_gathers_items_of_several_speeches_and_years_linked_to_their_pages(library_site):
    from speechkit.library.urls import topic_page
    from speechkit.pages.topic_pages import gather

    site, library = library_site
    name, items = max(gather(library).items(), key=lambda pair: len({i.speech_index for i in pair[1]}))
    folder = site / page_url(topic_page(name))
    # The topic's page, and its year pages if it gathers too many items for one.
    html = "".join(unquote(page.read_text(encoding="utf-8")) for page in folder.rglob("index.html"))
    years = set(re.findall(r'<h2 id="(y\d{4}|undated)"', html))
    assert len({item.speech_index for item in items}) >= 3 and len(years) >= 3, (name, years)
    for item in items:
        assert f'href="../../{page_url(item.page)}"' in html or f'href="../../../{page_url(item.page)}"' in html, item.page
