"""What only a browser shows: the served site loads offline and search finds the item."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from browser import open_browser, search, serve_folder
from sitebuild import build, write_config


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The seed site, built strict and served on 127.0.0.1; yields the base URL."""
    folder = tmp_path_factory.mktemp("browser")
    result = build(write_config(folder), folder / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(folder / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser_page():
    """One Chromium page for the module, with every non-local request aborted."""
    with open_browser() as (page, outside):
        yield page, outside


def test_home_page_loads_with_no_request_leaving_the_machine(served, browser_page):
    page, outside = browser_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served, wait_until="networkidle")
    heading = page.locator("article h1").first.evaluate("h1 => h1.firstChild.textContent")
    assert heading == "讲话学习库"
    assert any(url.endswith(".css") for url in requests)
    assert outside == []


def test_search_finds_the_item_first(served, browser_page):
    page, outside = browser_page
    page.goto(served, wait_until="networkidle")
    results = search(page, "一碗水端平")
    assert results, "no search results"
    assert results[0].removeprefix(served) == "在区基层党建工作推进会议上的讲话/意见/6/?q=一碗水端平"
    # One result per item: its paragraph of the full text is not shown again, and the total says so.
    assert len(results) == 1, results
    assert page.locator("[data-study-search-meta]").inner_text() == "共 1 条结果"
    snippet = page.locator(".md-search-result__item").first.inner_text()
    assert "一碗水端平" in snippet and "\u200b" not in snippet
    assert page.locator(".md-search-result__item mark").first.inner_text() == "一碗水端平"
    assert outside == []


def test_words_no_text_holds_do_not_hide_the_ones_it_does(served, browser_page):
    # 年龄老化 is in the text; the reader's own words after it (喔嚯嘿哈呦) are in no
    # document, and their five bigrams must not outvote its three.
    page, _ = browser_page
    page.goto(served, wait_until="networkidle")
    results = search(page, "年龄老化喔嚯嘿哈呦")
    assert page.locator("[data-study-search-meta]").inner_text().startswith("没有完全一致的结果")
    assert results[0].removeprefix(served).startswith("在区基层党建工作推进会议上的讲话/问题/1/"), results


def test_typing_a_topic_name_offers_the_topic_page(served, browser_page):
    page, _ = browser_page
    page.goto(served, wait_until="networkidle")
    results = search(page, "组织生活")
    assert results[0].removeprefix(served) == "主题/组织生活/"
    assert results[1].removeprefix(served).startswith("在区基层党建工作推进会议上的讲话/问题/4/")


def test_results_narrow_to_one_topic(served, browser_page):
    page, _ = browser_page
    page.goto(served, wait_until="networkidle")
    everything = search(page, "党建工作")
    page.select_option("[data-study-search-topic]", "组织生活")
    page.wait_for_function("() => document.querySelector('[data-study-search-meta]').textContent.includes('共')")
    page.wait_for_timeout(300)
    narrowed = [unquote(a) for a in page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")]
    assert 0 < len(narrowed) < len(everything)
    assert all("/强调/3/" in link or "/问题/4/" in link for link in narrowed), narrowed


def test_a_result_marks_the_query_on_the_page_it_opens(served, browser_page):
    page, _ = browser_page
    page.goto(served, wait_until="networkidle")
    search(page, "一碗水端平")
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_load_state("networkidle")
    assert unquote(page.url).removeprefix(served).startswith("在区基层党建工作推进会议上的讲话/意见/6/")
    assert page.locator("article mark").first.inner_text() == "一碗水端平"
