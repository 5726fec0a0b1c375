"""A speech never takes the URL of one of the site's own pages (tags/, 术语表/, search/…)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEED
from sitebuild import built, library_of, page_url, write_config, write_speeches

from speechkit.library.placing import SITE_NAMES, _speech_slugs, reserved_names
from speechkit.model import Speech

REPO = Path(__file__).resolve().parent.parent
BODY = "同志们：\n今天开会。下面我讲两点意见：\n一是{0}。第一条正文。\n二是狠抓落实。第二条正文。\n"


def speech(title: str, path: str) -> Speech:
    """A bare Speech with a title and a path: all slugging reads."""
    return Speech(path, title, 1, None, (), (), (), ())


def test_the_site_names_hold_every_top_level_page_the_site_makes():
    from speechkit.search import index as search_index
    from speechkit.library.urls import GLOSSARY, HOME, TAGS_PAGE, TOPICS_FOLDER

    made = {Path(HOME).stem, Path(TAGS_PAGE).stem, Path(GLOSSARY).stem, TOPICS_FOLDER, search_index.FOLDER}
    assert made | {"assets", "404", "sitemap"} <= SITE_NAMES


def test_reserved_names_add_the_docs_folder_top_level_entries():
    assert reserved_names(REPO / "docs") >= SITE_NAMES | {"about", "stylesheets", "vendor", "assets"}
    assert reserved_names(REPO / "no-such-folder") == SITE_NAMES


@pytest.mark.parametrize("title", ["tags", "TAGS", "术语表", "主题", "index", "search", "Assets", "404", "sitemap"])
def test_a_title_that_is_a_site_name_gets_a_suffix(title):
    assert _speech_slugs([speech(title, "a.txt")]) == [f"{title.lower()}-讲话"]


def test_the_names_passed_are_reserved_in_any_case_and_others_are_not():
    speeches = [speech("About", "a.txt"), speech("Vendor", "b.txt"), speech("关于", "c.txt")]
    assert _speech_slugs(speeches, frozenset({"about", "VENDOR"})) == ["about-讲话", "vendor-讲话", "关于"]


def test_two_speeches_with_a_reserved_title_get_two_urls():
    speeches = [speech("tags", "a.txt"), speech("Tags", "b.txt"), speech("tags-讲话", "c.txt")]
    assert _speech_slugs(speeches) == ["tags-讲话", "tags-讲话-b", "tags-讲话-c"]


@pytest.fixture(scope="module")
def reserved_build(tmp_path_factory):
    """The seed and speeches titled tags and 术语表, built strict: (site, library)."""
    folder = tmp_path_factory.mktemp("reserved")
    speeches = write_speeches(
        folder / "speeches",
        {"tags.txt": "tags\n" + BODY.format("标签独有内容"), "glossary.txt": "术语表\n" + BODY.format("术语独有内容")},
    )
    shutil.copy(SEED, speeches / SEED.name)
    return built(write_config(folder, speeches), folder / "site"), library_of(speeches)


def test_speeches_titled_like_site_pages_get_their_own_pages(reserved_build):
    site, library = reserved_build
    slugs = {placed.speech.title: placed.slug for placed in library.speeches}
    assert (slugs["tags"], slugs["术语表"]) == ("tags-讲话", "术语表-讲话")
    for title, own in (("tags", "标签独有内容"), ("术语表", "术语独有内容")):
        page = site / page_url(f"{slugs[title]}/全文.md") / "index.html"
        assert own in page.read_text(encoding="utf-8")


def test_the_topic_index_and_the_glossary_stay_intact(reserved_build):
    site, _ = reserved_build
    topics = (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert "主题索引" in topics and "标签独有内容" not in topics
    glossary = (site / "术语表" / "index.html").read_text(encoding="utf-8")
    assert "正文中带下划虚线的术语" in glossary and "术语独有内容" not in glossary


def test_the_second_process_places_the_analysed_pages_under_the_same_slugs():
    from speechkit.pages import Aids
    from speechkit.build.analysed import render_analysed
    from speechkit.library import speech_from_bytes
    from speechkit.rulebook import current
    from speechkit.library import load_taxonomy

    taxonomy = load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml")
    speeches = [speech_from_bytes(("About\n" + BODY.format("抓好学习")).encode(), "speeches/about.txt")]
    pages = render_analysed(speeches, taxonomy, Aids(), current(), frozenset({"about"}))
    assert pages and all(path.startswith("about-讲话/") for path in pages)
