"""Listing the speeches folder: every file is a speech, a quiet leftover, or a notice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from speechkit.sources import list_speeches

ONLY_TEXT = "only .txt, .md, Word (.docx, .doc, .wps), .pdf and web page (.html, .htm) speeches are read; save it as .docx or UTF-8 .txt"
LEFTOVERS = [
    "._讲话.txt", "~$讲话.docx", ".DS_Store", "Thumbs.db", "thumbs.db", "desktop.ini", ".gitkeep",
    "讲话.txt~", ".讲话.txt.swp", ".讲话.txt.swx", ".#讲话.txt", "#讲话.txt#",
]


def touch(folder: Path, *names: str) -> Path:
    """Write a small file for each relative name; return the folder."""
    for name in names:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("标题\n正文。\n", encoding="utf-8")
    return folder


def relative(folder: Path, paths) -> list[str]:
    """The paths relative to the folder, as strings."""
    return [Path(path).relative_to(folder).as_posix() for path in paths]


def notices(folder: Path) -> list[tuple[str, str]]:
    """(relative path, message) of each notice."""
    listing = list_speeches(folder)
    return [(Path(n.path).relative_to(folder).as_posix(), n.message) for n in listing.notices]


def test_endings_are_read_in_any_case(tmp_path):
    touch(tmp_path, "a.txt", "UPPER.TXT", "x.MD", "y.Md")
    assert relative(tmp_path, list_speeches(tmp_path).paths) == ["UPPER.TXT", "a.txt", "x.MD", "y.Md"]
    assert list_speeches(tmp_path).notices == ()


def test_sub_folders_are_read_sorted_by_relative_path_and_hidden_ones_are_not(tmp_path):
    touch(tmp_path, "2024/b.txt", "2023/z.txt", "2023/春/a.txt", "top.txt", ".git/HEAD.txt", ".obsidian/x.md")
    listing = list_speeches(tmp_path)
    assert relative(tmp_path, listing.paths) == ["2023/z.txt", "2023/春/a.txt", "2024/b.txt", "top.txt"]
    assert listing.notices == ()


def test_a_speech_named_with_a_leading_dot_is_read_and_other_dot_files_are_quiet(tmp_path):
    touch(tmp_path, "..%2Fescape.txt", ".草稿.md", ".gitignore", ".editorconfig")
    listing = list_speeches(tmp_path)
    assert relative(tmp_path, listing.paths) == ["..%2Fescape.txt", ".草稿.md"]
    assert listing.notices == ()


def test_system_and_editor_leftovers_are_skipped_quietly(tmp_path):
    touch(tmp_path, "讲话.txt", *LEFTOVERS, "2024/._b.txt", "__MACOSX/._讲话.txt")
    assert relative(tmp_path, list_speeches(tmp_path).paths) == ["讲话.txt"]
    assert notices(tmp_path) == []


@pytest.mark.parametrize(
    "name, message",
    [
        ("讲话.docm", f"not read: a Word document (.docm); {ONLY_TEXT}"),
        ("报告.mht", f"not read: a saved web page (.mht); {ONLY_TEXT}"),
        ("截图.png", f"not read: an image (.png); {ONLY_TEXT}"),
        ("说明", f"not read: {ONLY_TEXT}"),
        ("2024/数据.csv", f"not read: {ONLY_TEXT}"),
    ],
)
def test_any_other_file_gets_a_notice_saying_what_to_do(tmp_path, name, message):
    touch(tmp_path, "讲话.txt", name)
    assert relative(tmp_path, list_speeches(tmp_path).paths) == ["讲话.txt"]
    assert notices(tmp_path) == [(name, message)]
    assert str(list_speeches(tmp_path).notices[0]) == f"{tmp_path / name}: {message}"


def test_word_pdf_and_web_page_files_are_speeches_read_by_their_bytes(tmp_path):
    touch(tmp_path, "讲话.docx", "讲话.DOC", "讲话.wps", "报告.pdf", "网页.html", "网页.HTM", "网页.xhtml")
    assert relative(tmp_path, list_speeches(tmp_path).paths) == [
        "报告.pdf", "网页.HTM", "网页.html", "网页.xhtml", "讲话.DOC", "讲话.docx", "讲话.wps"]
    assert notices(tmp_path) == []


def test_the_folder_a_browser_saves_beside_a_web_page_is_skipped_quietly(tmp_path):
    touch(tmp_path, "讲话.HTML", "讲话_files/style.css", "讲话_files/logo.png", "讲话_files/frame.htm", "其他_files/说明.png")
    assert relative(tmp_path, list_speeches(tmp_path).paths) == ["讲话.HTML"]
    assert notices(tmp_path) == [("其他_files/说明.png", f"not read: an image (.png); {ONLY_TEXT}")]


def test_a_link_outside_the_folder_is_refused(tmp_path):
    speeches = touch(tmp_path / "speeches", "a.txt")
    (speeches / "p.txt").symlink_to("/etc/passwd")
    (speeches / "elsewhere").symlink_to(tmp_path)
    assert relative(speeches, list_speeches(speeches).paths) == ["a.txt"]
    assert notices(speeches) == [
        ("elsewhere", f"not read: a link to {tmp_path.resolve()}, outside the speeches folder; copy the file in instead"),
        ("p.txt", "not read: a link to /etc/passwd, outside the speeches folder; copy the file in instead"),
    ]


def test_a_link_inside_the_folder_is_read_and_a_broken_one_gets_a_notice(tmp_path):
    speeches = touch(tmp_path / "speeches", "2024/a.txt")
    (speeches / "最新.txt").symlink_to(speeches / "2024" / "a.txt")
    (speeches / "年份").symlink_to(speeches / "2024")
    (speeches / "gone.txt").symlink_to(speeches / "missing.txt")
    assert relative(speeches, list_speeches(speeches).paths) == ["2024/a.txt", "最新.txt"]
    assert notices(speeches) == [("gone.txt", f"not read: a broken link (to {speeches / 'missing.txt'})")]


def test_a_sub_folder_that_cannot_be_listed_gets_a_notice(tmp_path, monkeypatch):
    touch(tmp_path, "a.txt", "locked/b.txt")
    scandir = os.scandir

    def refusing(path):
        # As for a folder without read permission (root, as in CI, may read any folder).
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    assert relative(tmp_path, list_speeches(tmp_path).paths) == ["a.txt"]
    assert notices(tmp_path) == [("locked", "not read: the folder cannot be listed (Permission denied)")]


def test_a_fifo_gets_a_notice(tmp_path):
    touch(tmp_path, "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    assert notices(tmp_path) == [("pipe.txt", "not read: not a regular file")]


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        list_speeches(tmp_path / "nowhere")


def test_the_folders_own_notes_are_not_speeches_and_are_listed_apart(tmp_path):
    touch(tmp_path, "讲话.txt", "SOURCES.md", "README.txt", "LICENSE", "2024/readme.md", "关于规划的说明.txt")
    listing = list_speeches(tmp_path)
    assert relative(tmp_path, listing.paths) == ["关于规划的说明.txt", "讲话.txt"]
    assert relative(tmp_path, listing.notes) == ["2024/readme.md", "LICENSE", "README.txt", "SOURCES.md"]
    assert listing.notices == ()
