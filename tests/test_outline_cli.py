"""scripts/outline.py: the JSON a user checks before building, and its errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import CORPUS, REPO, SEED

SCRIPT = REPO / "scripts" / "outline.py"


def run(*args: str) -> subprocess.CompletedProcess:
    """Run the outline command."""
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_json_has_the_promised_fields_and_loses_nothing():
    result = run(CORPUS / "05_neimenggu_gwr_2026.txt", "--json")
    assert result.returncode == 0, result.stderr
    outline = json.loads(result.stdout)
    assert outline["title"] == "2026年内蒙古自治区政府工作报告"
    assert (outline["title_source"], outline["format"]) == ("text", "text")
    assert outline["salutation"] == "各位代表："
    section = outline["parts"][3]
    assert (section["kind"], section["label"], section["heading"]) == ("部分", "二、", "深化落实习近平总书记和党中央赋予的五大战略定位和使命任务")
    assert [c["label"] for c in section["items"][0]["children"]] == ["一要", "二要", "三要", "四要"]
    source = (CORPUS / "05_neimenggu_gwr_2026.txt").read_text(encoding="utf-8")
    kept = "".join(outline["paragraphs"]) + "".join(d["text"] for d in outline["dropped"])
    assert sorted(re.sub(r"\s", "", kept)) == sorted(re.sub(r"\s", "", source))
    assert {"line", "text", "reason"} <= set(outline["dropped"][0])


def test_tree_shows_parts_items_and_counts():
    result = run(SEED)
    assert result.returncode == 0
    assert "  六点意见（意见，6 条）  [26]\n    一要 保持对党绝对忠诚  [27]" in result.stdout
    assert "段落 22，舍弃 8，警告 0" in result.stdout
    assert result.stdout.split("\n")[1] == "  格式 text，标题来源 text  [16]"


def test_a_file_nothing_titles_shows_where_its_title_came_from_and_the_problem(tmp_path):
    path = tmp_path / "无题.txt"
    path.write_text("同志们：\n今天开会。\n", encoding="gbk")
    outline = json.loads(run(path, "--json").stdout)
    assert (outline["title"], outline["title_source"], outline["format"]) == ("无题", "file name", "text")
    assert outline["problems"] == [f"{path}:1: no title line found and nothing else names the speech; titled by the "
                                   "file name: add a title line, front matter `title:` or set the document's title property"]
    tree = run(path).stdout.split("\n")
    assert tree[:2] == ["无题", "  格式 text，标题来源 file name"]


def test_unreadable_input_exits_non_zero_with_one_line_naming_the_file(tmp_path):
    binary = tmp_path / "坏文件.txt"
    binary.write_bytes(b"\xff\xfe\x00\x01\x02")
    result = run(binary)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and str(binary) in result.stderr
    missing = run(tmp_path / "没有.txt")
    assert missing.returncode == 1 and str(tmp_path / "没有.txt") in missing.stderr
    assert missing.stderr.count("\n") == 1
