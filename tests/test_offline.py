"""Offline everywhere: every page type loads, fully styled, with no request leaving 127.0.0.1.

The seed site is served on 127.0.0.1; Chromium aborts and records every request to any
other host. Each page type must load with zero such requests and with every one of its
own requests answered (no missing stylesheet, script or font).
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from browser import open_browser, search, serve_folder
from sitebuild import SEED_PAGES, SEED_TITLE as SPEECH, built, page_url, write_config

@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The seed site, built strict and served on 127.0.0.1 (missing pages get 404.html)."""
    folder = tmp_path_factory.mktemp("offline")
    site = built(write_config(folder), folder / "site")
    with serve_folder(site) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    """One Chromium page for the module; yields (page, outside requests, failed requests)."""
    with open_browser() as (page, outside):
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        yield page, outside, failed


def load(page, url: str) -> list[str]:
    """Open a page and wait until the network is idle; return the URLs it requested."""
    requests: list[str] = []
    listener = lambda request: requests.append(unquote(request.url))  # noqa: E731
    page.on("request", listener)
    try:
        page.goto(url, wait_until="networkidle")
    finally:
        page.remove_listener("request", listener)
    return requests


def styled(page) -> bool:
    """Did Material's stylesheet apply? (its header is fixed-height and coloured)."""
    return page.evaluate(
        "() => getComputedStyle(document.querySelector('.md-header')).position === 'sticky'"
    )


@pytest.mark.parametrize("kind", SEED_PAGES)
def test_page_type_loads_with_nothing_from_outside(served, browser, kind):
    page, outside, failed = browser
    failed.clear()
    requests = load(page, served + page_url(SEED_PAGES[kind]))
    assert any(url.endswith(".css") for url in requests)
    assert styled(page)
    assert page.locator("article h1").count() == 1
    assert failed == []
    assert outside == []


def test_missing_page_shows_the_styled_404_page(served, browser):
    page, outside, failed = browser
    failed.clear()
    response = page.goto(served + "no/such/page/", wait_until="networkidle")
    assert response.status == 404
    assert page.locator("article h1").first.inner_text().startswith("404")
    assert styled(page)
    assert [f for f in failed if not f.endswith("/no/such/page/")] == []
    assert outside == []


def test_search_results_load_and_open_with_nothing_from_outside(served, browser):
    page, outside, failed = browser
    load(page, served)
    failed.clear()
    results = search(page, "一碗水端平")
    assert results and results[0].removeprefix(served).startswith(f"{SPEECH}/意见/6/")
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state("networkidle")
    assert unquote(page.url).removeprefix(served).startswith(f"{SPEECH}/意见/6/")
    assert failed == []
    assert outside == []
