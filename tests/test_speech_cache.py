"""The parsed-speech cache that lets a `mkdocs serve` rebuild parse only what changed."""

from __future__ import annotations

import shutil

from conftest import SEED
from speechkit.library import ParsedSpeeches, load_speech


def test_an_unchanged_file_is_not_parsed_again(tmp_path):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    cache = ParsedSpeeches()
    first = cache.load(path)
    assert cache.load(path) is first
    assert first == load_speech(path)


def test_an_edited_file_is_parsed_again(tmp_path):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    cache = ParsedSpeeches()
    before = cache.load(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("一碗水端平", "一碗水端得平", 1), encoding="utf-8")
    after = cache.load(path)
    assert after is not before
    assert "一碗水端得平" in "".join(p.text for p in after.paragraphs)
    assert after == load_speech(path)


def test_files_no_longer_in_the_folder_are_forgotten(tmp_path):
    kept, removed = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (kept, removed):
        shutil.copy(SEED, path)
    cache = ParsedSpeeches()
    first = cache.load(kept)
    gone = cache.load(removed)
    cache.keep_only([kept])
    assert cache.load(kept) is first
    assert cache.load(removed) is not gone  # parsed anew: nothing of it was kept
