"""Search finds the right passage: precision@1 and MRR on the query set, seed + corpus."""

from __future__ import annotations

import pytest

from browser import open_browser, serve_folder
from search_eval import load_queries, resolve, run_queries, site_pages

# Floors from the search issue; the benchmark prints the measured figures.
PRECISION_AT_1 = 0.95
MRR = 0.97


@pytest.fixture(scope="module")
def corpus_site(corpus_build):
    """The seed and the whole corpus, built strict into one site."""
    return corpus_build[1]


@pytest.fixture(scope="module")
def queries(corpus_site):
    """The query set, each query resolved to the one most specific page that holds it."""
    resolved = resolve(load_queries(), site_pages(corpus_site))
    ambiguous = [f"{q.text}: {sorted(q.expected)}" for q in resolved if len(q.expected) != 1]
    assert ambiguous == [], "each query must have exactly one most specific page"
    return resolved


def test_precision_and_mrr_meet_the_floors(corpus_site, queries):
    with serve_folder(corpus_site) as base, open_browser() as (page, outside):
        page.goto(base, wait_until="networkidle")
        scores, _ = run_queries(page, base, queries)
    assert outside == []
    assert scores.precision_at_1 >= PRECISION_AT_1, scores.misses
    assert scores.mrr >= MRR, scores.misses
