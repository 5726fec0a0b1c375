"""Shared paths and fixtures; the core package is imported from hooks/."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "tests"))

SHARED = REPO.parent / "shared"
SEED = REPO / "speeches" / "000_59878e9e95d0a7b5.txt"
CORPUS = SHARED / "corpus"
LIBRARY = CORPUS / "library"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# A shell starts a background job (`… &`) with Ctrl-C ignored, and the servers and builds
# the tests start would inherit that and never stop on the SIGINT the tests send as a
# terminal does: have it handled here, so they start with Python's own handler.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


def corpus_files() -> list[Path]:
    """The corpus texts; fails rather than yielding nothing when the folder is missing."""
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) >= 10, f"expected the corpus in {CORPUS}, found {len(files)} files"
    return files


# The corpus texts that name no title at all (no title line, no subtitle, no meeting): a
# build titles each by its file name and warns, telling the operator to give it a title.
UNTITLED_CORPUS = {
    "14_ccb_daxue_jianghua.txt": "在建行大学工作会议上的讲话",
    "15_xi_jianghua_xinwen_huibian_gbk.txt": "习近平关于科技创新的讲话（新闻汇编）",
}


def titled_copy(path: Path, folder: Path) -> Path:
    """Copy a corpus file into ``folder``; one that names no title gets the front matter
    `title:` its build warning asks an operator to add, in the file's own encoding (GBK
    for 15), so a strict build of the corpus passes. The original is left untouched."""
    from speechkit.sources import read_source

    target = folder / path.name
    data = path.read_bytes()
    title = UNTITLED_CORPUS.get(path.name)
    if title is not None:
        front_matter = f"---\ntitle: {title}\n---\n"
        data = front_matter.encode(read_source(path).encoding) + data
    target.write_bytes(data)
    return target


def library_files() -> list[Path]:
    """The real library of city work reports (text, Word, legacy Word, PDF); fails when it is missing."""
    files = sorted(path for path in LIBRARY.iterdir() if path.suffix in (".txt", ".docx", ".pdf"))
    assert len(files) >= 31, f"expected the library in {LIBRARY}, found {len(files)} files"
    return files


def parse_text(text: str, path: str = "t.txt", **source):
    """Parse a literal text as if it were a file (``source``: the Source's format, metadata)."""
    from speechkit.sources import clean
    from speechkit.structure import parse
    from speechkit.sources import Source

    return parse(clean(Source(path, text, "utf-8", **source)))


@pytest.fixture(scope="session")
def seed_speech():
    """The seed speech, read, cleaned and parsed once."""
    from speechkit.library import load_speech

    return load_speech(SEED)


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """The seed and every corpus file in one speeches folder, built strict once: (speeches, site)."""
    from sitebuild import built, write_config

    folder = tmp_path_factory.mktemp("corpus")
    speeches = folder / "speeches"
    speeches.mkdir()
    for path in [SEED, *corpus_files()]:
        titled_copy(path, speeches)
    return speeches, built(write_config(folder, speeches), folder / "site")


@pytest.fixture(scope="session")
def offline_seed_site(tmp_path_factory):
    """The seed site built strict with mkdocs-offline.yml, for reading from disk (file://)."""
    from sitebuild import built, write_config

    folder = tmp_path_factory.mktemp("file")
    return built(write_config(folder, base="mkdocs-offline.yml"), folder / "site")


@pytest.fixture(scope="module")
def recording_browser():
    """One Chromium page for a module; yields (page, outside requests, failed requests)."""
    from browser import open_browser

    with open_browser() as (page, outside):
        failed: list[str] = []
        page.on("requestfailed", lambda request: failed.append(request.url))
        yield page, outside, failed
