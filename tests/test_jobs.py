"""Work done in a second process: the same pages as in this one, and failures reported."""

from __future__ import annotations

import pytest

from conftest import CORPUS, REPO, SEED
from speechkit.build.jobs import Job
from speechkit.errors import SpeechError
from speechkit.library import build_library, load_speech, load_taxonomy
from speechkit.pages import Aids, analysed_pages, analysed_paths, render_library
from speechkit.rulebook import load_rulebook

RULES = load_rulebook()
TAXONOMY = load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml")
DENG = CORPUS / "08_deng_jiaoyu_gongzuo_huiyi_1978_gbk.txt"


def test_the_second_process_makes_the_analysed_pages_this_one_would():
    paths = [SEED, DENG]
    speeches = [load_speech(path) for path in paths]
    made = Job("speechkit.build.analysed:render_analysed", speeches, TAXONOMY, Aids(), RULES, what="test").result()
    library = build_library([load_speech(path) for path in paths], TAXONOMY)
    expected = {page.path: page.markdown for page in analysed_pages(library)}
    assert made == expected
    unranked = build_library([load_speech(path) for path in paths], TAXONOMY, related=False)
    assert list(made) == analysed_paths(unranked, Aids())
    every = {page.path for page in render_library(library)}
    assert set(made) <= every and any(path.endswith("金句.md") for path in made)


def test_a_failing_job_names_what_failed_and_why():
    job = Job("speechkit.build.analysed:render_analysed", None, TAXONOMY, Aids(), RULES, what="the item and 金句 pages")
    with pytest.raises(SpeechError, match=r"the item and 金句 pages: failed in a second process: TypeError"):
        job.result()


def test_a_cancelled_job_returns_nothing():
    job = Job("speechkit.build.analysed:render_analysed", [load_speech(SEED)], TAXONOMY, Aids(), RULES, what="test")
    job.cancel()
    assert job.result() is None


def test_a_job_that_cannot_start_says_so(monkeypatch):
    monkeypatch.setattr("sys.executable", "/nonexistent/python")
    with pytest.raises(SpeechError, match="the index: cannot start a second process"):
        Job("speechkit.build.search_job:write_index", [], "/tmp", what="the index")
