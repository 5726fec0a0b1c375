"""Evaluate a site's search through its real UI: queries, expected pages, metrics."""

from __future__ import annotations

import json
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

# The same comparison the index is built with (the benchmark imports this module too).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from speechkit.search import normalize  # noqa: E402

QUERIES = Path(__file__).with_name("search_queries.yml")
NATURAL = Path(__file__).with_name("search_natural.yml")
# Indexes of "item", "part" and "speech" in search_index.KINDS, as the chunk rows store them.
PAGE_KINDS = (1, 2, 3)
TOPIC_KIND = 0

# Types a query into the search box and resolves when results have settled: the time to
# the first result (ms) and the result links in order. Works for Material's dialog and
# ours, which share the input and result classes.
RUN_QUERY_JS = """
async (query) => {
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const links = () => Array.from(list.querySelectorAll(".md-search-result__item > a")).map(a => a.href);
  input.focus();
  input.value = "";
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise(r => setTimeout(r, 60));
  const before = list.innerHTML;
  return await new Promise(resolve => {
    let first = null, quiet = null;
    const start = performance.now();
    const finish = () => { observer.disconnect(); resolve({ms: first, links: links()}); };
    const observer = new MutationObserver(() => {
      if (first === null && list.querySelector(".md-search-result__item")) first = performance.now() - start;
      clearTimeout(quiet);
      quiet = setTimeout(finish, first === null ? 3000 : 150);
    });
    observer.observe(list, {childList: true, subtree: true});
    quiet = setTimeout(finish, 5000);
    input.value = query;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: "End"}));
  });
}
"""


@dataclass(frozen=True)
class Query:
    """A query and the pages that count as its right answer."""

    text: str
    file: str
    expected: frozenset[str]  # page paths, e.g. 讲话/意见/6/; several copies in a library


def load_queries(path: Path = QUERIES) -> list[dict]:
    """The query set as written."""
    with open(path, encoding="utf-8") as handle:
        queries = yaml.safe_load(handle)["queries"]
    assert len(queries) >= 40, f"{path} holds {len(queries)} queries; the set needs at least 40"
    return queries


def site_pages(site: Path) -> list[tuple[int, str, str]]:
    """(kind, page path, text) of every item, part and speech page of a built site.

    Read from the site's own search index, which holds each page's text; kinds are
    numbered most specific first (item 1, part 2, speech 3).
    """
    pages = [(row[0], unquote(row[1]), row[6]) for row in _index_rows(site) if row[0] in PAGE_KINDS]
    assert pages, f"no pages in the search index of {site}"
    return pages


def resolve(queries: list[dict], pages: list[tuple[int, str, str]]) -> list[Query]:
    """Each query with the most specific pages whose text holds every one of its words.

    An item when an item holds the phrase, else the part (its intro or closing text),
    else the speech page.
    """
    resolved = []
    for entry in queries:
        words = [normalize(w) for w in entry["query"].split()]
        holders = [(kind, path) for kind, path, text in pages if all(w in normalize(text) for w in words)]
        best = min((kind for kind, _ in holders), default=None)
        expected = frozenset(path for kind, path in holders if kind == best)
        resolved.append(Query(entry["query"], entry["file"], expected))
    return resolved


@dataclass(frozen=True)
class NaturalQuery(Query):
    """A natural query: its kind (broad, paraphrase, place…) and whether it is held out."""

    kind: str = ""
    holdout: bool = False


def load_natural(site: Path, path: Path = NATURAL) -> list[NaturalQuery]:
    """The natural query set with its expected pages; a topic's page is its URL in the index.

    Every expected page must be a page of the site, so a typo fails instead of scoring zero.
    """
    with open(path, encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)["queries"]
    assert len(entries) >= 40, f"{path} holds {len(entries)} queries; the set needs at least 40"
    rows = _index_rows(site)
    pages = {unquote(row[1]) for row in rows if row[0] in PAGE_KINDS}
    topics = {row[2]: unquote(row[1]) for row in rows if row[0] == TOPIC_KIND}
    queries = []
    for entry in entries:
        expected = [topics[entry["topic"]]] if "topic" in entry else entry["expect"]
        unknown = [page for page in expected if page not in pages and page not in topics.values()]
        assert not unknown, f"{entry['query']}: not pages of the site: {unknown}"
        queries.append(NaturalQuery(entry["query"], "", frozenset(expected), entry["kind"], bool(entry.get("holdout"))))
    return queries


def _index_rows(site: Path) -> list[list]:
    """Every document row of a built site's search index."""
    rows = []
    for chunk in sorted((site / "search" / "chunks").glob("*.js")):
        script = chunk.read_text(encoding="utf-8")
        rows += json.loads(script[script.index(",") + 1 : script.rindex(")")])
    return rows


def rank_of(links: list[str], expected: frozenset[str], base: str) -> int | None:
    """1-based rank of the first result that is an expected page, None if absent (an
    expected page with a #fragment, a topic on the topic index, must match it too)."""
    for rank, link in enumerate(links, start=1):
        parts = urlsplit(link.removeprefix(base))
        path = unquote(parts.path)
        if path in expected or f"{path}#{unquote(parts.fragment)}" in expected:
            return rank
    return None


@dataclass(frozen=True)
class Scores:
    """The figures the benchmark prints and the quality test asserts."""

    precision_at_1: float
    mrr: float
    mean_results: float
    first_ms: float
    median_ms: float
    p95_ms: float
    misses: tuple[str, ...]


def run_queries(page, base: str, queries: list[Query], run=None) -> tuple[Scores, list[tuple[Query, int | None, list[str]]]]:
    """Type every query into the search box of ``page`` (or ``run`` it: query → {ms, links}); score the results."""
    details = []
    timings = []
    counts = []
    for query in queries:
        outcome = run(query.text) if run else page.evaluate(RUN_QUERY_JS, query.text)
        if outcome["ms"] is not None:
            timings.append(outcome["ms"])
        counts.append(len(outcome["links"]))
        details.append((query, rank_of(outcome["links"], query.expected, base), outcome["links"]))
    return score_details(details, timings, counts), details


def score_details(details, timings: list[float], counts: list[int]) -> Scores:
    """The figures of a run: (query, rank, links) per query, the timings and result counts."""
    ranks = [rank for _, rank, _ in details]
    timings_sorted = sorted(timings) or [float("nan")]
    scores = Scores(
        precision_at_1=sum(1 for r in ranks if r == 1) / len(ranks),
        mrr=sum(1 / r for r in ranks if r) / len(ranks),
        mean_results=statistics.mean(counts),
        first_ms=timings[0] if timings else float("nan"),
        median_ms=statistics.median(timings_sorted),
        p95_ms=timings_sorted[min(len(timings_sorted) - 1, int(0.95 * len(timings_sorted)))],
        misses=tuple(f"{q.text} → rank {r}" for q, r, _ in details if r != 1),
    )
    return scores
