"""The parsed-speech cache that lets a `mkdocs serve` rebuild parse only what changed."""

from __future__ import annotations

import shutil

from conftest import SEED
from speechkit.library import ParsedSpeeches, load_speech
from speechkit.rulebook import load_rulebook

RULES = load_rulebook()


def test_an_unchanged_file_is_not_parsed_again(tmp_path):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    cache = ParsedSpeeches()
    first = cache.load(path, RULES)
    assert cache.load(path, RULES) is first
    assert first == load_speech(path)


def test_an_edited_file_is_parsed_again(tmp_path):
    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    cache = ParsedSpeeches()
    before = cache.load(path, RULES)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("一碗水端平", "一碗水端得平", 1), encoding="utf-8")
    after = cache.load(path, RULES)
    assert after is not before
    assert "一碗水端得平" in "".join(p.text for p in after.paragraphs)
    assert after == load_speech(path)


def test_files_no_longer_in_the_folder_are_forgotten(tmp_path):
    kept, removed = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (kept, removed):
        shutil.copy(SEED, path)
    cache = ParsedSpeeches()
    first = cache.load(kept, RULES)
    gone = cache.load(removed, RULES)
    cache.keep_only([kept])
    assert cache.load(kept, RULES) is first
    assert cache.load(removed, RULES) is not gone  # parsed anew: nothing of it was kept


def test_a_file_is_parsed_again_under_changed_rules(tmp_path):
    import shutil as sh

    from speechkit.data import DATA_DIR

    path = tmp_path / SEED.name
    shutil.copy(SEED, path)
    rules_dir = tmp_path / "data"
    sh.copytree(DATA_DIR, rules_dir, ignore=sh.ignore_patterns("*.py", "__pycache__"))
    cache = ParsedSpeeches()
    before = cache.load(path, load_rulebook(rules_dir))
    noise = rules_dir / "noise.yml"
    noise.write_text(noise.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = load_rulebook(rules_dir)
    assert edited.digest != RULES.digest
    assert cache.load(path, edited) is not before
    assert cache.load(path, edited) is cache.load(path, edited)


def test_a_document_is_titled_again_when_the_title_rules_change(tmp_path):
    import shutil as sh

    from speechkit.data import DATA_DIR
    from test_formats import UNTITLED_BODY, docx_bytes

    path = tmp_path / "讲话稿.docx"
    path.write_bytes(docx_bytes(UNTITLED_BODY, title="在全区工作会议上的讲话"))
    rules_dir = tmp_path / "data"
    sh.copytree(DATA_DIR, rules_dir, ignore=sh.ignore_patterns("*.py", "__pycache__"))
    cache = ParsedSpeeches()
    before = cache.load(path, load_rulebook(rules_dir))
    assert (before.title, before.title_source, before.format) == ("在全区工作会议上的讲话", "metadata", "docx")
    structure = rules_dir / "structure.yml"
    structure.write_text(structure.read_text(encoding="utf-8").replace("max_length: 120", "max_length: 5"), encoding="utf-8")
    after = cache.load(path, load_rulebook(rules_dir))
    assert (after.title, after.title_source) == ("讲话稿", "file name")
    assert [problem.path for problem in after.problems] == [str(path)]
