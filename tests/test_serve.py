"""`mkdocs serve`: an edit to a speech shows on its page, and the search index follows it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse

from browser import fetch_text, free_port
from conftest import SEED
from sitebuild import library_of, page_url, write_config

EDIT_MARK = "鑫"
TIMEOUT = 120


def _wait_until(done, server: subprocess.Popen, what: str) -> None:
    """Poll ``done()`` until true; fail if the server exits or TIMEOUT passes."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        assert server.poll() is None, f"mkdocs serve exited with {server.returncode}"
        if done():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} within {TIMEOUT} s")


def _index_holds(base: str, text: str) -> bool:
    """Whether a document of the served search index holds ``text``."""
    manifest = fetch_text(f"{base}search/manifest.js")
    if manifest is None:
        return False
    gaps = re.search(r'"chunks":\[([\d,]*)\]', manifest).group(1)
    chunks = len(gaps.split(",")) if gaps else 0
    return any(text in (fetch_text(f"{base}search/chunks/{n}.js") or "") for n in range(chunks))


def test_an_edit_shows_on_the_page_and_then_in_the_search_index(tmp_path):
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    source = speeches / SEED.name
    shutil.copy(SEED, source)
    config = write_config(tmp_path, speeches, strict=False)
    placed = library_of(speeches).speeches[0]
    from speechkit.library import urls

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    page = base + urllib.parse.quote(page_url(urls.full_text(placed.slug)))
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        _wait_until(lambda: _index_holds(base, "一碗水端平"), server, "the first build's index did not load")
        text = source.read_text(encoding="utf-8")
        closing = placed.speech.paragraphs[-1].text
        at = text.index(closing) + len(closing) // 2
        source.write_text(text[:at] + EDIT_MARK + text[at + 1:], encoding="utf-8")
        _wait_until(lambda: EDIT_MARK in (fetch_text(page) or ""), server, "the edit did not show on its page")
        _wait_until(lambda: _index_holds(base, EDIT_MARK), server, "the edit did not reach the search index")
    finally:
        server.terminate()
        server.wait(timeout=30)
