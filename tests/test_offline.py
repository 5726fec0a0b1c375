"""Offline everywhere: every page type loads, fully styled, with no request leaving 127.0.0.1.

The seed site is served on 127.0.0.1; Chromium aborts and records every request to any
other host. Each page type must load with zero such requests and with every one of its
own requests answered (no missing stylesheet, script or font). The build itself runs
with every DNS lookup and connection to another host refused and recorded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import unquote

import pytest

from browser import open_browser, search, serve_folder
from sitebuild import SEED_PAGES, SEED_TITLE as SPEECH, build, page_url, write_config

# Loaded by the build's Python (sitecustomize on PYTHONPATH): every DNS lookup or
# connection to a host other than this machine is refused and written down.
NETWORK_GUARD = """
import os, socket
LOCAL = {"127.0.0.1", "::1", "localhost", None}
def _record(what):
    with open(os.environ["STUDY_NETWORK_LOG"], "a", encoding="utf-8") as log:
        log.write(f"{what}\\n")
    raise OSError(f"network blocked in the build: {what}")
_connect = socket.socket.connect
def _guarded_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in LOCAL:
        _record(f"connect {address}")
    return _connect(self, address)
_getaddrinfo = socket.getaddrinfo
def _guarded_getaddrinfo(host, *args, **kwargs):
    if host not in LOCAL:
        _record(f"lookup {host}")
    return _getaddrinfo(host, *args, **kwargs)
socket.socket.connect = _guarded_connect
socket.getaddrinfo = _guarded_getaddrinfo
"""


@pytest.fixture(scope="module")
def guarded_build(tmp_path_factory):
    """The seed site built strict with the network refused; (site, what the build tried)."""
    folder = tmp_path_factory.mktemp("offline")
    (folder / "guard").mkdir()
    (folder / "guard" / "sitecustomize.py").write_text(NETWORK_GUARD, encoding="utf-8")
    log = folder / "network.log"
    log.write_text("", encoding="utf-8")
    path = os.pathsep.join(filter(None, [str(folder / "guard"), os.environ.get("PYTHONPATH")]))
    env = {"PYTHONPATH": path, "STUDY_NETWORK_LOG": str(log)}
    result = build(write_config(folder), folder / "site", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return folder / "site", log


@pytest.fixture(scope="module")
def served(guarded_build):
    """The seed site served on 127.0.0.1 (missing pages get 404.html)."""
    with serve_folder(guarded_build[0]) as base:
        yield base


def test_the_build_needs_no_network(guarded_build):
    _, log = guarded_build
    assert log.read_text(encoding="utf-8") == ""


def test_the_network_guard_catches_an_attempt(guarded_build, tmp_path):
    guard = guarded_build[1].parent / "guard"
    log = tmp_path / "tried.log"
    probe = "import socket\ntry:\n    socket.getaddrinfo('example.com', 80)\nexcept OSError:\n    pass\n"
    env = {**os.environ, "PYTHONPATH": str(guard), "STUDY_NETWORK_LOG": str(log)}
    subprocess.run([sys.executable, "-c", probe], env=env, check=True)
    assert log.read_text(encoding="utf-8") == "lookup example.com\n"


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
    assert page.locator("article h1").first.inner_text() == "页面不存在"
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
