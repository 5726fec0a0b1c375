"""Front matter: every value that cannot be used is a problem naming file and line; the
speech still builds, without that value."""

from __future__ import annotations

import time

import pytest
from conftest import parse_text

from speechkit.library import speech_from_bytes
from speechkit.sources.frontmatter import split_front_matter

BODY = "同志们：\n今天开会。\n"
DATE_FORMS = "2024-03-05, 2024-03, 2024 or 2024年3月5日"


def parsed(front: str, body: str = BODY):
    """A speech whose file starts with the front matter lines ``front``."""
    return parse_text(f"---\n{front}\n---\n{body}", "speeches/a.txt")


def problems(speech) -> list[str]:
    """The speech's problems as the build log shows them."""
    return [str(problem) for problem in speech.problems]


@pytest.mark.parametrize(
    "written, date",
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-3-5", "2024-03-05"),
        ("'2024-03-05'", "2024-03-05"),
        ("2024-03", "2024-03"),
        ("2024", "2024"),
        ("2024年3月5日", "2024-03-05"),
        ("2024年3月", "2024-03"),
    ],
)
def test_dates_in_every_accepted_form(written, date):
    speech = parsed(f"title: 标题\ndate: {written}")
    assert (speech.date, speech.problems) == (date, ())


@pytest.mark.parametrize("written", ["2026-02-30", "2026-13-45", "2024/03/05", "去年春天", "0000", "'2023-02-29'"])
def test_a_bad_date_is_a_problem_on_its_line_and_the_speech_builds_without_it(written):
    speech = parsed(f"title: 标题\nspeaker: 某某\ndate: {written}")
    assert (speech.title, speech.speaker, speech.date) == ("标题", "某某", None)
    shown = written.strip("'")
    assert problems(speech) == [
        f"speeches/a.txt:4: front matter date '{shown}' is not a date (write {DATE_FORMS}); it is not used"
    ]


def test_a_bad_date_gives_way_to_the_date_in_the_text():
    speech = parsed("title: 标题\ndate: 2026-02-30", "（2026年2月3日）\n" + BODY)
    assert speech.date == "2026-02-03"
    assert len(speech.problems) == 1


def test_a_bad_date_does_not_stop_the_file_from_loading():
    speech = speech_from_bytes("---\ntitle: 标题\ndate: 2026-13-45\n---\n同志们：\n今天开会。\n".encode(), "b.txt")
    assert speech.title == "标题"
    assert problems(speech) == [f"b.txt:3: front matter date '2026-13-45' is not a date (write {DATE_FORMS}); it is not used"]


# 9**8 copies of "lol" once its value is turned into text: minutes and gigabytes.
BILLION_LAUGHS = "title: [" + ", ".join(
    ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"&{b} [{', '.join([f'*{a}'] * 9)}]" for a, b in zip("abcdefg", "bcdefgh")]
) + "]\nspeaker: 某某"


def test_anchors_and_aliases_are_refused_at_once_and_the_block_is_text():
    started = time.perf_counter()
    split_front_matter(["---", *BILLION_LAUGHS.split("\n"), "---"], "a.txt")
    assert time.perf_counter() - started < 0.5
    speech = parsed(BILLION_LAUGHS)
    assert problems(speech) == [
        "speeches/a.txt:2: front matter may not use YAML anchors or aliases (& and *) "
        "(use title, date, speaker, meeting); the block is kept as text"
    ]


def test_a_web_clippers_header_gives_its_title_and_the_keys_it_adds_are_passed_over():
    speech = parsed("title: 在全市组织工作会议上的讲话\nsource: https://www.example.gov.cn/a.html\ncaptured_at: 2025-03-01T10:00:00\nfolder: 讲话")
    assert (speech.title, speech.title_source, speech.problems) == ("在全市组织工作会议上的讲话", "front matter", ())


def test_a_plain_ampersand_or_star_in_a_value_is_fine():
    speech = parsed("title: 学习 & 实践 * 二")
    assert (speech.title, speech.problems) == ("学习 & 实践 * 二", ())


def test_a_list_for_a_value_is_a_problem_and_the_other_values_stay():
    speech = parsed("title: [甲, 乙]\nspeaker: 某某")
    assert speech.speaker == "某某"
    assert speech.title != "['甲', '乙']"
    assert problems(speech)[0] == "speeches/a.txt:2: front matter title must be one value, not a list or mapping; it is not used"
    assert "titled by the file name" in problems(speech)[1]  # the text has no title line either


def test_values_are_kept_as_written():
    speech = parsed("title: 1.50\nspeaker: yes\nmeeting: ~")
    assert (speech.title, speech.speaker, speech.meeting) == ("1.50", "yes", None)


def test_invalid_yaml_is_a_problem_on_its_line():
    speech = parsed("title: 标题\ndate: [2024")
    assert problems(speech)[0].startswith("speeches/a.txt:")
    assert problems(speech)[0].endswith("; the block is kept as text")


def test_deep_nesting_is_refused_at_once():
    deep = "speaker: " + "[" * 5000 + "]" * 5000
    started = time.perf_counter()
    split_front_matter(["---", deep, "---"], "a.txt")
    assert time.perf_counter() - started < 0.5
    speech = parsed("title: 标题\n" + deep)
    assert problems(speech) == [
        "speeches/a.txt:3: front matter values must be plain text, not nested lists or mappings "
        "(use title, date, speaker, meeting); the block is kept as text"
    ]


def test_a_python_tag_is_never_constructed():
    speech = parsed("title: !!python/object/apply:os.system ['echo hacked']")
    assert problems(speech)[0] == "speeches/a.txt:2: front matter title must be one value, not a list or mapping; it is not used"
    assert speech.title == "a"


def test_a_blog_posts_own_keys_are_passed_over_and_its_title_used():
    speech = parsed("layout: post\ntitle: 新年贺词\ntags: [讲话, 2024]\ndate: 2024-01-01")
    assert (speech.title, speech.date) == ("新年贺词", "2024-01-01")
    assert problems(speech) == []
