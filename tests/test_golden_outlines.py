"""Golden outlines: what a careful reader sees in corpus files, checked line by line.

Each tests/golden/<file>.outline holds the tree scripts/outline.py prints (title, date,
speaker, parts, items and children with their source lines, dropped pieces, warnings),
read and corrected by hand. After a deliberate change, rewrite them with
``UPDATE_GOLDEN=1 python -m pytest tests/test_golden_outlines.py`` and review the diff.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from speechkit.library import load_speech
from speechkit.structure.report import outline_text

from speechkit.sources import read_source

from conftest import CORPUS, LIBRARY, corpus_files, library_files

GOLDEN = Path(__file__).parent / "golden"
FILES = [
    "01_ershida_baogao_2022.txt",
    "02_zhengfu_gongzuo_baogao_2024.txt",
    "04_hailaer_gwr_2017_gbk.txt",
    "05_neimenggu_gwr_2026.txt",
    "07_sichuan_gwr_2026.txt",
    "08_deng_jiaoyu_gongzuo_huiyi_1978_gbk.txt",
    "10_mao_xinzhengxie_choubeihui_1949.txt",
    "11_mao_wei_renmin_fuwu_1944.txt",
    "12_ren_ipd_dongyuan_1999.txt",
    "14_ccb_daxue_jianghua.txt",
]
# From library/: every format (text, fixed-width and PDF-copied text, Word, a legacy
# .doc under a .docx name, a web-print PDF), each outline read against its text.
LIBRARY_FILES = [
    "beijing_gwr_2023.txt",
    "beijing_gwr_2024.txt",
    "hangzhou_gwr_2022.txt",
    "shenzhen_gwr_2022.txt",
    "shanghai_gwr_2022.txt",
    "shenzhen_gwr_2021.txt",
    "guangzhou_gwr_2022.docx",
    "guangzhou_gwr_2025.docx",
    "jinan_gwr_2022.docx",
    "jinan_gwr_2024.docx",
    "changsha_gwr_2021.docx",
    "xianyang_gwr_2025.pdf",
]


def outline_of(name: str) -> str:
    """The outline of a corpus or library file, with its folder left out of paths."""
    folder = LIBRARY if name in LIBRARY_FILES else CORPUS
    return outline_text(load_speech(folder / name)).replace(f"{folder}/", "") + "\n"


def test_every_golden_file_is_a_corpus_or_library_file_and_every_format_is_covered():
    assert len(FILES) >= 8 and set(FILES) <= {p.name for p in corpus_files()}
    assert len(LIBRARY_FILES) >= 12 and set(LIBRARY_FILES) <= {p.name for p in library_files()}
    assert {read_source(LIBRARY / name).format for name in LIBRARY_FILES} == {"text", "docx", "doc", "pdf"}
    assert sorted(p.name for p in GOLDEN.glob("*.outline")) == sorted(f"{n}.outline" for n in FILES + LIBRARY_FILES)


@pytest.mark.parametrize("name", FILES + LIBRARY_FILES)
def test_outline_matches_the_golden_file(name):
    path = GOLDEN / f"{name}.outline"
    actual = outline_of(name)
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "golden", "now"))
    assert not diff, f"{name}: the outline changed (UPDATE_GOLDEN=1 rewrites it):\n{diff}"
