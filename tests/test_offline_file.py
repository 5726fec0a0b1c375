"""The site from disk (file://), as copied to a USB stick: pages, navigation and search.

Built with mkdocs-offline.yml (Material's offline plugin: links end in .html, the search
index is a script). Chromium opens the files directly; no server runs, and every request
to another host is aborted and recorded.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser import search
from sitebuild import SEED_PAGES, SEED_TITLE as SPEECH, page_url

@pytest.fixture(scope="module")
def site(offline_seed_site) -> Path:
    """The seed site built strict with mkdocs-offline.yml."""
    return offline_seed_site


@pytest.fixture(scope="module")
def browser(recording_browser):
    """One Chromium page for the module; yields (page, outside requests, failed requests)."""
    return recording_browser


def on_disk(url: str) -> Path:
    """The file a file:// URL names."""
    return Path(unquote(urlsplit(url).path))


def internal_links(page) -> list[str]:
    """Every link of the page to another page of the site (no anchors on the same page)."""
    hrefs = page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
    return sorted({h.split("#")[0] for h in hrefs if h.startswith("file:") and h.split("#")[0] != page.url.split("#")[0]})


# Every page type but 404.html: from disk a missing file gets the browser's own error,
# and 404.html links from the site root (/assets/…), which only a server has.
@pytest.mark.parametrize("kind", SEED_PAGES)
def test_page_opens_from_disk_with_working_links(site, browser, kind):
    page, outside, failed = browser
    failed.clear()
    page.goto((site / page_url(SEED_PAGES[kind], directory_urls=False)).as_uri(), wait_until="load")
    assert page.locator("article h1").count() == 1
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    links = internal_links(page)
    assert links, "no links"
    broken = [link for link in links if not on_disk(link).is_file()]
    assert broken == []
    assert failed == []
    assert outside == []


def test_navigation_leads_from_page_to_page(site, browser):
    page, outside, _ = browser
    page.goto((site / "index.html").as_uri(), wait_until="load")
    page.locator("nav.md-nav--primary a[href='tags.html']").filter(visible=True).first.click()
    page.wait_for_load_state("load")
    assert on_disk(page.url) == site / "tags.html"
    page.go_back(wait_until="load")
    page.locator("article h3 a", has_text=SPEECH).first.click()  # its entry, not 继续学习
    page.wait_for_load_state("load")
    assert on_disk(page.url) == site / SPEECH / "index.html"
    page.locator("article a", has_text="做到公私分明").first.click()
    page.wait_for_load_state("load")
    assert on_disk(page.url) == site / SPEECH / "意见" / "6.html"
    assert page.locator("article h1").first.evaluate("h1 => h1.firstChild.textContent") == "做到公私分明"
    assert outside == []


def test_search_works_from_disk(site, browser):
    page, outside, failed = browser
    page.goto((site / "index.html").as_uri(), wait_until="load")
    failed.clear()
    results = search(page, "一碗水端平")
    assert on_disk(results[0]) == site / SPEECH / "意见" / "6.html"
    page.locator(".md-search-result__item > a").first.click()
    page.wait_for_load_state("load")
    assert on_disk(page.url) == site / SPEECH / "意见" / "6.html"
    assert failed == []
    assert outside == []
