"""Broken and odd speech files: each builds correctly or gets one warning naming it.

A file that cannot be a speech (empty, blank, binary, undecodable, far too big) is skipped
with one warning that names it, so ``--strict`` fails while the other speeches still
build; odd names and repeated titles build correctly.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from sitebuild import build, built, library_of, page_url, write_config, write_speeches

GOOD_BODY = "同志们：\n今天开会。下面我讲两点意见：\n一是{a}。第一条正文。\n二是{b}。第二条正文。\n"


def speech(title: str, first: str = "抓好学习", second: str = "狠抓落实") -> str:
    """A small well-formed speech."""
    return f"{title}\n" + GOOD_BODY.format(a=first, b=second)


# File name → (content, what its one warning says after the path).
BROKEN = {
    "empty.txt": (b"", "the file holds no text; skipped"),
    "whitespace.txt": (" \n\t\u3000\n\r\n".encode(), "the file holds no text; skipped"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "skipped"),
    "invalid.txt": (speech("无法解码的讲话").encode() + b"\xff\xfe\x80 tail", "cannot decode byte 0xFF"),
}
HUGE = "huge.txt"
HUGE_BYTES = 20 * 2**20
WARNING = re.compile(r"^WARNING\s+-\s+(.*)$", re.MULTILINE)


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory):
    """A strict build of one good speech among broken files: (result, site, speeches folder)."""
    folder = tmp_path_factory.mktemp("broken")
    files = {name: content for name, (content, _) in BROKEN.items()}
    files["good.txt"] = speech("完好的讲话")
    speeches = write_speeches(folder / "speeches", files)
    line = "一是抓好学习，这是一行占位的正文。\n".encode()
    (speeches / HUGE).write_bytes(speech("超大的讲话").encode() + line * (HUGE_BYTES // len(line) + 1))
    result = build(write_config(folder, speeches), folder / "site")
    return result, folder / "site", speeches


def warnings_of(result) -> list[str]:
    """The build's WARNING messages."""
    return WARNING.findall(result.stderr)


def test_strict_build_fails_on_broken_files_without_a_traceback(broken_build):
    result, _, _ = broken_build
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    output = result.stdout + result.stderr
    assert f"Aborted with {len(BROKEN) + 1} warnings in strict mode" in output, output


@pytest.mark.parametrize("name", [*BROKEN, HUGE])
def test_each_broken_file_gets_one_warning_naming_it(broken_build, name):
    result, _, speeches = broken_build
    about = [w for w in warnings_of(result) if str(speeches / name) in w]
    assert len(about) == 1, result.stderr
    expected = BROKEN[name][1] if name in BROKEN else "20.0 MB is more than the 2 MB a speech can be; skipped"
    assert about[0].endswith(expected) or expected in about[0], about[0]
    assert about[0].endswith("; skipped")


def test_the_good_speech_still_builds_beside_broken_ones(broken_build):
    result, site, speeches = broken_build
    assert len(warnings_of(result)) == len(BROKEN) + 1, result.stderr
    home = (site / "完好的讲话" / "index.html").read_text(encoding="utf-8")
    assert "抓好学习" in home and "狠抓落实" in home
    assert (site / "完好的讲话" / "意见" / "2" / "index.html").is_file()
    built_speeches = {p.name for p in site.iterdir() if (p / "全文" / "index.html").is_file()}
    assert built_speeches == {"完好的讲话"}


# Odd names: spaces, Chinese, names that look like paths or options; two same titles.
ODD = {
    "会议 讲话 2024.txt": speech("带空格文件名的讲话", "空格文件"),
    "区委书记讲话.txt": speech("中文文件名的讲话", "中文文件"),
    "..%2F..%2Fescape.txt": speech("像路径的文件名的讲话", "像路径"),
    "..\\..\\escape.txt": speech("反斜杠文件名的讲话", "反斜杠"),
    "-- --help.txt": speech("像命令选项的文件名的讲话", "像选项"),
    "同名 甲.txt": speech("在全区工作会议上的讲话", "甲篇独有内容"),
    "同名 乙.txt": speech("在全区工作会议上的讲话", "乙篇独有内容"),
}


@pytest.fixture(scope="module")
def odd_build(tmp_path_factory):
    """A strict build of speeches with odd file names and a repeated title."""
    folder = tmp_path_factory.mktemp("odd")
    speeches = write_speeches(folder / "speeches", ODD)
    site = built(write_config(folder, speeches), folder / "site")
    return folder, site, library_of(speeches)


def test_odd_file_names_build_each_speech_inside_the_site(odd_build):
    folder, site, library = odd_build
    assert len(library.speeches) == len(ODD)
    for placed in library.speeches:
        text = ODD[Path(placed.speech.path).name]
        page = site / page_url(f"{placed.slug}/index.md") / "index.html"
        assert page.resolve().is_relative_to(site.resolve()), page
        assert text.split("\n")[3].split("。")[0].removeprefix("一是") in page.read_text(encoding="utf-8")
    assert sorted(p.name for p in folder.iterdir()) == ["mkdocs.yml", "site", "speeches"]


def test_same_titles_get_two_pages_each_with_its_own_text(odd_build):
    _, site, library = odd_build
    same = [p for p in library.speeches if p.speech.title == "在全区工作会议上的讲话"]
    assert len({p.slug for p in same}) == 2
    own = {"同名 甲.txt": "甲篇独有内容", "同名 乙.txt": "乙篇独有内容"}
    for placed in same:
        html = (site / page_url(f"{placed.slug}/全文.md") / "index.html").read_text(encoding="utf-8")
        mine = own[Path(placed.speech.path).name]
        assert [text for text in own.values() if text in html] == [mine]
    home = unquote((site / "index.html").read_text(encoding="utf-8"))
    for placed in same:
        assert f'href="{page_url(placed.slug + "/index.md")}"' in home


def test_a_report_with_more_than_ninety_nine_parts_parses(tmp_path):
    from speechkit.library import load_speech

    parts = "".join(f"第{n}次，下面我讲两点意见：\n一是抓好学习。\n二是狠抓落实。\n" for n in range(120))
    path = write_speeches(tmp_path, {"long.txt": "很长的报告\n同志们：\n" + parts}) / "long.txt"
    parsed = load_speech(path)
    assert len(parsed.parts) == 120
    assert len({part.title for part in parsed.parts}) >= 1


def test_a_large_word_or_pdf_file_is_read_where_a_text_that_size_is_refused(tmp_path):
    from speechkit.build import Build, Session, Settings

    speeches = tmp_path / "speeches"
    speeches.mkdir()
    padding = b"\0" * (3 * 2**20)  # images and fonts make Word and PDF files large
    (speeches / "report.docx").write_bytes(b"PK\x03\x04" + padding)
    (speeches / "report.txt").write_bytes("标题\n".encode() + padding)
    session = Session()
    try:
        build = Build(session, Settings(speeches=speeches), str(tmp_path / "site"))
        build.speeches()
    finally:
        session.close()
    messages = {Path(n.path).name: n.message for n in build.notices}
    assert messages["report.txt"] == "3.0 MB is more than the 2 MB a speech can be; skipped"
    assert "MB" not in messages["report.docx"] and messages["report.docx"].endswith("; skipped")


def test_a_speech_nothing_titles_fails_a_strict_build_with_a_warning_naming_it(tmp_path):
    untitled = "同志们：\n今天开会。下面我讲两点意见：\n一是抓好学习。第一条正文。\n二是狠抓落实。第二条正文。\n"
    speeches = write_speeches(tmp_path / "speeches", {"无题讲话.txt": untitled, "good.txt": speech("完好的讲话")})
    result = build(write_config(tmp_path, speeches), tmp_path / "site")
    assert result.returncode != 0
    assert warnings_of(result) == [
        f"{speeches / '无题讲话.txt'}:1: no title line found and nothing else names the speech; titled by the file name: "
        "add a title line, front matter `title:` or set the document's title property"
    ], result.stderr
