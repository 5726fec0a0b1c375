"""`--dirty` builds (as `mkdocs serve --dirty` makes them) render again only the pages whose text changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import SEED
from sitebuild import library_of, page_url, write_config

EDIT_MARK = "鑫"


def _dirty_build(config: Path, site: Path) -> None:
    """One `mkdocs build --dirty` into ``site``."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--dirty", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, cwd=config.parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr


def _html(site: Path, src_path: str) -> Path:
    """The built HTML file of a generated page."""
    return site / page_url(src_path) / "index.html"


@pytest.fixture
def speeches(tmp_path):
    """A speeches folder holding a copy of the seed."""
    folder = tmp_path / "speeches"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def test_an_edit_rebuilds_the_changed_pages_and_leaves_the_others(tmp_path, speeches):
    config = write_config(tmp_path, speeches, strict=False)  # --dirty always warns
    site = tmp_path / "site"
    pages = Path(tempfile.gettempdir()) / f"study-site-pages-{hashlib.sha256(str(config).encode()).hexdigest()[:16]}"
    try:
        _dirty_build(config, site)
        library = library_of(speeches)
        placed = library.speeches[0]
        from speechkit import urls

        full_text = _html(site, urls.full_text(placed.slug))
        untouched = _html(site, library.items[0].page)  # the first item; the edit is in the closing
        times = (full_text.stat().st_mtime_ns, untouched.stat().st_mtime_ns)
        assert EDIT_MARK not in full_text.read_text(encoding="utf-8")

        source = speeches / SEED.name
        text = source.read_text(encoding="utf-8")
        closing = placed.speech.paragraphs[-1].text
        at = text.index(closing) + len(closing) // 2
        source.write_text(text[:at] + EDIT_MARK + text[at + 1:], encoding="utf-8")
        _dirty_build(config, site)

        assert EDIT_MARK in full_text.read_text(encoding="utf-8")
        assert full_text.stat().st_mtime_ns > times[0]
        assert untouched.stat().st_mtime_ns == times[1]
    finally:
        shutil.rmtree(pages, ignore_errors=True)
