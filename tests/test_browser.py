"""What only a browser shows: the served site loads offline and search finds the item."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest

from browser import open_browser, serve_folder
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


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box; return the result links in order."""
    page.wait_for_timeout(500)  # let the search worker load its index
    box = page.locator("input.md-search__input")
    box.focus()
    box.fill(query)
    box.dispatch_event("input")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    return [unquote(link) for link in links]


def test_home_page_loads_with_no_request_leaving_the_machine(served, browser_page):
    page, outside = browser_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served, wait_until="networkidle")
    heading = page.locator("article h1").first.evaluate("h1 => h1.firstChild.textContent")
    assert heading == "讲话学习库"
    assert any(url.endswith(".css") for url in requests)
    assert outside == []
