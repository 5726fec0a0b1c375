"""scripts/library_report.py: a row per file of a folder, refusals with their message."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO

SCRIPT = REPO / "scripts" / "library_report.py"
# A tiny synthetic speech: two sections, five items, two of them nested under the first.
SPEECH = """在全区基层治理工作会议上的讲话
（2024年3月5日）
王小明
同志们：
今天我们召开会议，研究部署基层治理工作。下面，我讲两点意见。
一、充分认识基层治理的重要意义
（一）基层是治理的基础。基层强则国家强。
一是要打牢基础。把工作做到群众心里。
二是要补齐短板。把资源向基层倾斜。
（二）治理要靠群众。群众是力量的源泉。
二、扎实推进重点任务
（一）抓好网格管理。把网格划细划实。
（二）抓好矛盾调解。把矛盾化解在基层。
（三）抓好服务保障。让群众少跑腿。
同志们，让我们共同努力，把基层治理工作做得更好！
"""


def run(*args) -> subprocess.CompletedProcess:
    """Run the report script."""
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True)


def test_rows_carry_format_title_counts_and_the_refusal(tmp_path):
    (tmp_path / "讲话.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "坏文件.docx").write_bytes(b"PK\x03\x04 not a zip")  # a Word name, broken bytes
    result = run(tmp_path, "--json", "--runs", "1")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    rows = {row["file"]: row for row in report["rows"]}
    assert set(rows) == {"讲话.txt", "坏文件.docx"}

    speech = rows["讲话.txt"]
    assert speech["refused"] is None
    assert (speech["format"], speech["title"], speech["date"], speech["speaker"]) == (
        "text", "在全区基层治理工作会议上的讲话", "2024-03-05", "王小明")
    assert (speech["parts"], speech["items"], speech["nested"]) == (2, 5, 2)
    assert speech["ms"] > 0

    broken = rows["坏文件.docx"]
    assert broken["refused"].startswith("not read: a damaged ZIP archive")
    assert (broken["format"], broken["parts"], broken["items"]) == ("-", 0, 0)
    assert (report["totals"]["files"], report["totals"]["refused"], report["totals"]["items"]) == (2, 1, 5)


def test_markdown_has_a_row_per_file_and_totals_last(tmp_path):
    (tmp_path / "讲话.txt").write_text(SPEECH, encoding="utf-8")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")  # refused by the listing
    result = run(tmp_path, "--markdown", "--runs", "1")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2 + 2 + 1  # heading, rule, two files, totals
    assert lines[2].startswith("| notes.xlsx | - | refused: not read: a spreadsheet (.xlsx);"), lines[2]
    assert lines[3].startswith("| 讲话.txt | text | 在全区基层治理工作会议上的讲话 | 2024-03-05 | 王小明 | 2 | 5 | 2 | 0 |")
    assert lines[4].startswith("| **2 files, 1 refused** |")
