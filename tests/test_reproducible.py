"""Two builds of the same speeches give byte-identical sites, so an office can diff builds.

The builds differ in everything that must not matter: the folder the speeches are in,
Python's hash seed (set and dict ordering of strings), and the wall-clock time. The page
dates of the sitemap come from SOURCE_DATE_EPOCH, as the README's build command sets it.
"""

from __future__ import annotations

import filecmp
import gzip
import shutil
from pathlib import Path

import pytest

from sitebuild import build, library_of, write_config
from speechkit.sources import read_source

from conftest import SEED, corpus_files

EPOCH = "1700000000"  # 2023-11-14 UTC
EPOCH_DATE = "2023-11-14"


def edited_speech() -> Path:
    """The speech the change test edits: the first corpus file."""
    return corpus_files()[0]


def build_copy(folder: Path, hash_seed: str, edit=None) -> Path:
    """Copy the speeches into ``folder`` (``edit`` changes one) and build strict there."""
    speeches = folder / "speeches"
    speeches.mkdir(parents=True)
    for path in [SEED, *corpus_files()[:2]]:
        shutil.copy(path, speeches / path.name)
        if edit and path == edited_speech():
            text = read_source(path).text
            (speeches / path.name).write_text(edit(text), encoding="utf-8")
    # A site_url makes the sitemap list every page with its date.
    config = write_config(folder, speeches, site_url="http://127.0.0.1/study/")
    env = {"SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": hash_seed}
    result = build(config, folder / "site", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    """The same speeches built twice, from different folders with different hash seeds."""
    first = build_copy(tmp_path_factory.mktemp("first"), "1")
    second = build_copy(tmp_path_factory.mktemp("second") / "elsewhere", "2")
    return first, second


def differences(left: Path, right: Path) -> list[str]:
    """Files that exist on one side only or whose bytes differ, relative to the sites."""
    found = []
    comparison = filecmp.dircmp(left, right)
    stack = [(comparison, Path())]
    while stack:
        node, where = stack.pop()
        found += [str(where / name) for name in node.left_only + node.right_only + node.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        found += [str(where / name) for name in mismatch + errors]
        stack += [(child, where / name) for name, child in node.subdirs.items()]
    return sorted(found)


def test_two_builds_are_byte_identical(two_sites):
    first, second = two_sites
    assert len(list(first.rglob("*.html"))) > 20
    assert differences(first, second) == []


def test_sitemap_dates_come_from_source_date_epoch(two_sites):
    first, _ = two_sites
    sitemap = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<lastmod>") > 20
    assert sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{EPOCH_DATE}</lastmod>")
    with gzip.open(first / "sitemap.xml.gz", "rt", encoding="utf-8") as packed:
        assert packed.read() == sitemap


def test_a_changed_speech_changes_only_its_own_pages_and_the_search_index(two_sites, tmp_path):
    first, _ = two_sites
    folder = tmp_path / "changed"
    site = build_copy(folder, "1", edit=lambda text: text.rstrip() + "\n（本文有删节）\n")
    changed = {path.split("/")[0] for path in differences(first, site)}
    [slug] = [p.slug for p in library_of(folder / "speeches").speeches if p.speech.path.endswith(edited_speech().name)]
    assert changed == {slug, "search"}
