"""The compare view's data: places in titles, default partners, each speech's items by topic."""

from __future__ import annotations

import json
import re

import pytest

from speechkit.library import build_library, load_taxonomy
from speechkit.pages.compare import NO_TOPIC, compare_files, compare_link, default_partners, place_of, topic_summary

from conftest import REPO, parse_text

TAXONOMY = load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml")


NUMBERS = "一二三四五"


def report(title: str, date: str | None, items: tuple[str, ...], meeting: str | None = None) -> str:
    """A short work report with front matter and one section of ``items``, numbered （一）（二）…"""
    front = [f"title: {title}"] + ([f"date: {date}"] if date else []) + ([f"meeting: {meeting}"] if meeting else [])
    points = "".join(f"（{NUMBERS[n]}）{item}\n\n" for n, item in enumerate(items))
    return "---\n" + "\n".join(front) + "\n---\n各位代表：\n\n现在，我代表市人民政府作报告。\n\n一、今年工作安排\n\n" + points


ORGANISATION = ("严格党内组织生活。坚持三会一课制度，开展主题党日活动。",)
CITY = ("推进城市更新。完成老旧小区改造一百个。",)
PLAIN = ("办好一件小事。把这件事做好做实。",)


def library_of(*texts: str):
    """A library of the literal speeches, in order (files a.txt, b.txt, …)."""
    speeches = [parse_text(text, f"{chr(97 + n)}.txt") for n, text in enumerate(texts)]
    return build_library(speeches, TAXONOMY, related=False)


@pytest.mark.parametrize("title, meeting, place", [
    ("2024年广州市政府工作报告", None, "广州市"),
    ("杭州市2022年政府工作报告", None, "杭州市"),
    ("2026年内蒙古自治区政府工作报告", None, "内蒙古自治区"),
    ("2026年四川省人民政府工作报告（第3辑）", None, "四川省"),
    ("政府工作报告", "北京市第十五届人民代表大会第四次会议", "北京市"),
    ("政府工作报告", "姚高员）（2023年2月19日在杭州市第十四届人民代表大会第三次会议", "杭州市"),
    ("政府工作报告", "海拉尔区第十四届人民代表大会第六次会议", "海拉尔区"),
    ("在区基层党建工作推进会议上的讲话", None, None),
    ("在北京市第十五届人民代表大会上的讲话", None, "北京市"),
    ("在全市经济工作会议上的讲话", None, None),
    ("政府工作报告", "第十四届全国人民代表大会第二次会议", None),
    ("政府工作报告", "区第六届人民代表大会第一次会议", None),
])
def test_the_place_comes_from_the_title_else_the_meeting(title, meeting, place):
    assert place_of(title, meeting) == place


def test_the_default_partner_is_the_same_place_nearest_in_date_else_any_nearest():
    library = library_of(
        report("2023年北京市政府工作报告", "2023-01-15", ORGANISATION),
        report("2023年广州市政府工作报告", "2023-01-16", ORGANISATION),
        report("2021年北京市政府工作报告", "2021-01-20", ORGANISATION),
        report("2024年北京市政府工作报告", "2024-01-21", ORGANISATION),
        report("2024年杭州市政府工作报告", "2024-02-01", ORGANISATION),
        report("在一次会议上的讲话", None, ORGANISATION),
        report("在北京市2023年某会议上的讲话", "2023-01-10", ORGANISATION),
    )
    # 广州 and 杭州 have no other year: the nearest date of any place (北京 2023, 北京 2024);
    # the speech of 北京 2023 is beside 北京 2024 and 2021, not 北京 2023 of the day before.
    assert default_partners(library) == [3, 0, 6, 0, 3, 4, 3]


def test_a_library_of_one_has_no_partner_and_no_compare_link():
    library = library_of(report("2023年北京市政府工作报告", "2023-01-15", ORGANISATION))
    assert default_partners(library) == [-1]
    assert compare_link(library, 0) is None


def test_a_speech_summary_lists_its_items_under_each_topic_and_untagged_ones_last():
    library = library_of(report("2023年北京市政府工作报告", "2023-01-15", ORGANISATION + CITY + PLAIN, "北京市第十六届人民代表大会"))
    summary = topic_summary(library, 0, lambda path: f"/{path}")
    assert summary["title"] == "2023年北京市政府工作报告"
    assert summary["byline"] == "2023-01-15 · 北京市第十六届人民代表大会"
    assert summary["url"] == "/2023年北京市政府工作报告/index.md"
    assert summary["items"] == 3
    assert summary["topics"] == [
        ["组织生活", [["一、（一）", "严格党内组织生活", "/2023年北京市政府工作报告/一/1.md", "一、今年工作安排"]]],
        ["城市建设", [["一、（二）", "推进城市更新", "/2023年北京市政府工作报告/一/2.md", "一、今年工作安排"]]],
        [NO_TOPIC, [["一、（三）", "办好一件小事", "/2023年北京市政府工作报告/一/3.md", "一、今年工作安排"]]],
    ]


def test_every_speech_has_its_own_small_file_and_the_list_names_every_speech():
    library = library_of(
        report("2023年北京市政府工作报告", "2023-01-15", ORGANISATION),
        report("2024年北京市政府工作报告", "2024-01-21", CITY + PLAIN),
    )
    files = compare_files(library, lambda path: path)
    assert sorted(files) == ["compare/0.js", "compare/1.js", "compare/list.js"]
    listing = received(files["compare/list.js"], "list")
    assert listing["speeches"] == [
        ["2023年北京市政府工作报告", "2023年北京市政府工作报告", "2023-01-15", "北京市", 1],
        ["2024年北京市政府工作报告", "2024年北京市政府工作报告", "2024-01-21", "北京市", 0],
    ]
    assert listing["topics"][0] == ["组织生活", "主题/组织生活/index.md"]
    assert listing["topics"][-1] == [NO_TOPIC, ""]
    assert [name for name, _ in received(files["compare/1.js"], "1")["topics"]] == ["城市建设", NO_TOPIC]


def test_document_text_cannot_end_the_script_it_stands_in():
    hostile = ("推进城市更新</script><script>alert(1)</script>。完成老旧小区改造。",)
    library = library_of(report("2023年北京市政府工作报告", "2023-01-15", hostile + PLAIN), report("乙", "2023-01-16", CITY + PLAIN))
    script = compare_files(library, lambda path: path)["compare/0.js"]
    assert "</script" not in script
    headline = received(script, "0")["topics"][0][1][0][1]
    assert headline == "推进城市更新</script><script>alert(1)</script>"


def received(script: str, key: str):
    """The data a compare script hands to studyCompare.receive under ``key``."""
    found = re.fullmatch(r'studyCompare\.receive\("([^"]+)",(.*)\);\n', script, re.S)
    assert found and found.group(1) == key, script[:80]
    return json.loads(found.group(2))
