"""`--dirty` builds (as `mkdocs serve --dirty` makes them) render again only the pages whose text changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SEED
from sitebuild import library_of, page_url, write_config

EDIT_MARK = "鑫"


# One process that makes --dirty builds as `mkdocs serve --dirty` does: one session,
# a build each time a line arrives on its standard input, "built" printed after each.
DRIVER = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, site = sys.argv[1:]
started = False
for _ in sys.stdin:
    config = load_config(config_file=config_file, site_dir=site)
    if not started:
        config.plugins.on_startup(command="serve", dirty=True)
        started = True
    build(config, dirty=True)
    print("built", flush=True)
config.plugins.on_shutdown()
"""


class DirtyBuilds:
    """A process that makes a --dirty build of ``config`` into ``site`` each time it is asked."""

    def __init__(self, config: Path, site: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(config), str(site)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )

    def build(self) -> None:
        """One build; fail with the process's errors if it does not finish."""
        self.process.stdin.write("build\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        assert line == "built\n", self.process.stderr.read()

    def close(self) -> None:
        """End the process (its session cleans up)."""
        self.process.stdin.close()
        self.process.wait(timeout=60)


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
    builds = DirtyBuilds(config, site)
    try:
        builds.build()
        library = library_of(speeches)
        placed = library.speeches[0]
        from speechkit.library import urls

        full_text = _html(site, urls.full_text(placed.slug))
        untouched = _html(site, library.items[0].page)  # the first item; the edit is in the closing
        times = (full_text.stat().st_mtime_ns, untouched.stat().st_mtime_ns)
        assert EDIT_MARK not in full_text.read_text(encoding="utf-8")

        source = speeches / SEED.name
        text = source.read_text(encoding="utf-8")
        closing = placed.speech.paragraphs[-1].text
        at = text.index(closing) + len(closing) // 2
        source.write_text(text[:at] + EDIT_MARK + text[at + 1:], encoding="utf-8")
        builds.build()

        assert EDIT_MARK in full_text.read_text(encoding="utf-8")
        assert full_text.stat().st_mtime_ns > times[0]
        assert untouched.stat().st_mtime_ns == times[1]
    finally:
        builds.close()
