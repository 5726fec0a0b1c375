"""Shared paths and fixtures; the core package is imported from hooks/."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(REPO / "tests"))

SHARED = REPO.parent / "shared"
SEED = REPO / "speeches" / "000_59878e9e95d0a7b5.txt"
CORPUS = SHARED / "corpus"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def corpus_files() -> list[Path]:
    """The corpus texts; fails rather than yielding nothing when the folder is missing."""
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) >= 10, f"expected the corpus in {CORPUS}, found {len(files)} files"
    return files


def library_files() -> list[Path]:
    """The real library of city work reports (text, Word, legacy Word, PDF); fails when it is missing."""
    files = sorted(path for path in (CORPUS / "library").iterdir() if path.suffix in (".txt", ".docx", ".pdf"))
    assert len(files) >= 31, f"expected the library in {CORPUS / 'library'}, found {len(files)} files"
    return files


def parse_text(text: str, path: str = "t.txt"):
    """Parse a literal text as if it were a file."""
    from speechkit.sources import clean
    from speechkit.structure import parse
    from speechkit.sources import Source

    return parse(clean(Source(path, text, "utf-8")))


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
        shutil.copy(path, speeches / path.name)
    return speeches, built(write_config(folder, speeches), folder / "site")
