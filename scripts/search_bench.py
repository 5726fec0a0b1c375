"""Search benchmark: build sites, drive the real search UI in Chromium, print the figures.

Usage: python scripts/search_bench.py [--library N] [--engines study,material] [--keep DIR]
       python scripts/search_bench.py --natural [--existing study=SITE] [--keep DIR]

Datasets: the seed speech; the seed and the whole corpus; a generated library of N
speeches (scripts/make_library.py). For each dataset and engine it builds the site,
serves it on 127.0.0.1, types every query of tests/search_queries.yml into the search
box and prints precision@1, MRR, mean result count, time to the first result (the first
query on a fresh page, then median and 95th percentile) and the bytes downloaded from a
fresh load of the small about page to the first result (Material loads its whole index
with the page; ours loads index files as the query needs them). In the library, every copy of the
expected item counts as a right answer.

--natural: the corpus site (seed, corpus/*.txt and corpus/library/*) and the natural query
set (tests/search_natural.yml), P@1 and MRR per kind of query and for its held-out part,
for our search with and without query expansion and for Pagefind-extended run over the
same pages' HTML (item, part, speech and topic pages; each page's article, not the
site's navigation), side by side; then the exact-phrase set on the same site.
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "scripts"))

from browser import open_browser, serve_folder  # noqa: E402
from make_library import CORPUS, SEED, make_library  # noqa: E402
from conftest import corpus_files, library_files, titled_copy  # noqa: E402
from search_eval import RUN_QUERY_JS, load_natural, load_queries, resolve, run_queries, site_pages  # noqa: E402
from sitebuild import build, write_config  # noqa: E402


START_PAGE = "about/"
# Pagefind reads what a page marks as its body: our pages' article, not the header and sidebar.
ARTICLE = re.compile(r'<article class="md-content__inner')
# Types nothing: asks Pagefind's own API (the page loads /pagefind/pagefind.js) for a
# query's results, in its order; a result's first sub-result keeps its #anchor (a topic).
PAGEFIND_JS = """
async (query) => {
  const pagefind = window.__pagefind || (window.__pagefind = await import("/pagefind/pagefind.js"));
  const start = performance.now();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  const ms = performance.now() - start;
  return {ms: data.length ? ms : null, links: data.map(d => new URL((d.sub_results[0] || d).url, location.href).href)};
}
"""
KIND_ORDER = ("broad", "title", "paraphrase", "place", "speaker", "year")


def dataset(name: str, folder: Path, library_size: int) -> Path:
    """Write a dataset's speeches into ``folder``; return it."""
    if name == "library":
        make_library(library_size, folder)
        return folder
    folder.mkdir(parents=True)
    sources = [SEED] if name == "seed" else [SEED, *sorted(CORPUS.glob("*.txt"))]
    for path in sources:
        shutil.copy(path, folder / path.name)
    return folder


def build_site(speeches: Path, work: Path, engine: str) -> tuple[Path, float]:
    """Build one site with the given engine; return its folder and the build seconds."""
    work.mkdir(parents=True, exist_ok=True)
    extra = {"study_site": {"speeches": str(speeches), "search": engine}}
    config = write_config(work, speeches, strict=False, extra=extra)
    started = time.perf_counter()
    # Not strict: a benchmark measures what builds, warnings about a text's shape included.
    result = build(config, work / "site", strict=False)
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    return work / "site", seconds


def bytes_to_first_result(base: str, query: str) -> tuple[int, int, float, int]:
    """Bytes of a fresh page load, bytes from then to the first result, and that query's
    ms; and the search's bytes as nginx would send them gzipped.

    The page is the small about page, so the page's own weight (a library home page
    grows with the library) does not hide what search itself downloads.
    """
    with open_browser() as (page, outside):
        sizes: list[tuple[int, int]] = []
        page.on("requestfinished", lambda request: sizes.append(_size(request)))
        page.goto(base + START_PAGE, wait_until="networkidle")
        page.wait_for_timeout(300)
        loaded = len(sizes)
        outcome = page.evaluate(RUN_QUERY_JS, query)
        page.wait_for_timeout(200)
        if outside:
            raise SystemExit(f"requests left the site: {outside}")
        page_bytes = sum(plain for plain, _ in sizes[:loaded])
        search = sizes[loaded:]
        return page_bytes, sum(plain for plain, _ in search), outcome["ms"] or float("nan"), sum(z for _, z in search)


def _size(request) -> tuple[int, int]:
    """Response body plus headers of a finished request, and the same with the body gzipped (level 6, nginx's usual)."""
    sizes = request.sizes()
    response = request.response()
    body = response.body() if response else b""
    return sizes["responseBodySize"] + sizes["responseHeadersSize"], len(gzip.compress(body, 6)) + sizes["responseHeadersSize"]


def site_bytes(site: Path, folder: str) -> int:
    """Total size of one folder of the built site (the search index)."""
    return sum(p.stat().st_size for p in (site / folder).rglob("*") if p.is_file())


def measure(site: Path, queries) -> tuple:
    """Serve a built site and run the queries: scores, cold first-query ms, bytes to first result."""
    with serve_folder(site) as base:
        page_bytes, search_bytes, cold_ms, search_gzip = bytes_to_first_result(base, queries[0].text)
        with open_browser() as (page, outside):
            page.goto(base, wait_until="networkidle")
            page.wait_for_timeout(300)
            scores, _ = run_queries(page, base, queries)
    return scores, cold_ms, (page_bytes, search_bytes, search_gzip)


def print_table(rows) -> None:
    """One Markdown table of every dataset and engine measured."""
    header = (
        "| dataset | engine | queries | P@1 | MRR | mean results | first query ms | median ms | p95 ms "
        "| KB to first result | of which the page | search KB gzip | index MB | build s |"
    )
    print(header)
    print("|" + "|".join("---" for _ in range(header.count("|") - 1)) + "|")
    for name, engine, count, s, cold, first_bytes, index_bytes, seconds in rows:
        print(
            f"| {name} | {engine} | {count} | {s.precision_at_1:.2f} | {s.mrr:.2f} | {s.mean_results:.1f} | "
            f"{cold:.0f} | {s.median_ms:.0f} | {s.p95_ms:.0f} | {sum(first_bytes[:2]) / 1024:.0f} | "
            f"{first_bytes[0] / 1024:.0f} | {first_bytes[2] / 1024:.0f} | "
            f"{index_bytes / 2**20:.2f} | {seconds:.1f} |"
        )


def corpus_speeches(folder: Path) -> Path:
    """The seed, the corpus texts and the library of city reports in one folder (titled as the tests title them)."""
    folder.mkdir(parents=True)
    for path in [SEED, *corpus_files(), *library_files()]:
        titled_copy(path, folder)
    return folder


def pagefind_site(site: Path, out: Path) -> Path:
    """A copy of the site's item, part, speech and topic pages, each article marked as
    Pagefind's body, indexed by Pagefind-extended; return the copy's folder."""
    pages = {path for _, path, _ in site_pages(site)} | {"tags/"}
    for page in pages:
        source = site / page / "index.html"
        target = out / page / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(ARTICLE.sub('<article data-pagefind-body class="md-content__inner', source.read_text(encoding="utf-8"), 1), encoding="utf-8")
    binary = Path(__import__("pagefind_bin_extended").__file__).with_name("pagefind_extended")
    result = subprocess.run([str(binary), "--site", str(out)], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return out


def natural_table(site: Path, work: Path) -> None:
    """Print P@1 and MRR per kind of natural query: ours, ours without synonyms, Pagefind."""
    natural = load_natural(site)
    exact = [q for q in resolve(load_queries(), site_pages(site)) if q.expected]
    pagefind = pagefind_site(site, work / "pagefind-site")
    runs = {}
    for name, folder, setup, runner in (
        ("ours", site, None, None),
        ("ours, no synonyms", site, "window.studySearchOptions = {synonyms: false};", None),
        ("Pagefind-extended", pagefind, None, PAGEFIND_JS),
    ):
        with serve_folder(folder) as base, open_browser() as (page, outside):
            if setup:
                page.add_init_script(setup)
            page.goto(base + ("tags/" if runner else ""), wait_until="networkidle")
            page.wait_for_timeout(300)
            run = (lambda text: page.evaluate(runner, text)) if runner else None
            runs[name] = (run_queries(page, base, natural, run)[1], run_queries(page, base, exact, run)[0])
            if outside:
                raise SystemExit(f"requests left the site: {outside}")
    groups = [(kind, lambda q, k=kind: q.kind == k) for kind in KIND_ORDER] + [
        ("held out", lambda q: q.holdout), ("tuned on", lambda q: not q.holdout), ("all natural", lambda q: True)
    ]
    names = list(runs)
    print("| queries | n | " + " | ".join(f"{n} P@1 | {n} MRR" for n in names) + " |")
    print("|---|---|" + "---|---|" * len(names))
    for label, chosen in groups:
        cells = []
        for name in names:
            ranks = [rank for query, rank, _ in runs[name][0] if chosen(query)]
            cells.append(f"{sum(r == 1 for r in ranks) / len(ranks):.2f} | {sum(1 / r for r in ranks if r) / len(ranks):.2f}")
        count = sum(1 for q in natural if chosen(q))
        print(f"| {label} | {count} | " + " | ".join(cells) + " |")
    cells = [f"{runs[n][1].precision_at_1:.2f} | {runs[n][1].mrr:.2f}" for n in names]
    print(f"| exact phrases | {len(exact)} | " + " | ".join(cells) + " |")
    for name in names:
        misses = [f"{q.text} → {r}" for q, r, _ in runs[name][0] if r != 1]
        print(f"\n{name} misses: {', '.join(misses) or 'none'}")


def main(argv: list[str]) -> int:
    """Run the benchmark and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=int, default=1000, help="speeches in the generated library (0: skip)")
    parser.add_argument("--engines", default="material,study")
    parser.add_argument("--keep", type=Path, help="build here and keep the sites")
    parser.add_argument(
        "--existing", nargs="+", metavar="ENGINE=SITE",
        help="measure sites built already (e.g. by scripts/bench.py) instead of building; "
        "the study site gives the expected pages",
    )
    parser.add_argument("--natural", action="store_true", help="the natural query set on the corpus site, ours beside Pagefind")
    args = parser.parse_args(argv)
    if args.natural:
        root = args.keep or Path(tempfile.mkdtemp(prefix="search-natural-"))
        sites = dict(entry.split("=", 1) for entry in args.existing or [])
        if "study" in sites:
            site = Path(sites["study"])
        else:
            site, seconds = build_site(corpus_speeches(root / "speeches"), root / "study", "study")
        natural_table(site, root)
        if not args.keep:
            shutil.rmtree(root)
        return 0
    if args.existing:
        sites = dict(entry.split("=", 1) for entry in args.existing)
        queries = [q for q in resolve(load_queries(), site_pages(Path(sites["study"]))) if q.expected]
        rows = []
        for engine, site in sites.items():
            scores, cold, first_bytes = measure(Path(site), queries)
            rows.append(("existing", engine, len(queries), scores, cold, first_bytes, site_bytes(Path(site), "search"), float("nan")))
        print_table(rows)
        return 0
    root = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    names = ["seed", "corpus"] + (["library"] if args.library else [])
    rows = []
    for name in names:
        speeches = dataset(name, root / name / "speeches", args.library)
        study_site, study_seconds = build_site(speeches, root / name / "study", "study")
        queries = [q for q in resolve(load_queries(), site_pages(study_site)) if q.expected]
        for engine in args.engines.split(","):
            if engine == "study":
                site, seconds = study_site, study_seconds
            else:
                site, seconds = build_site(speeches, root / name / engine, engine)
            scores, cold_ms, first_bytes = measure(site, queries)
            rows.append((name, engine, len(queries), scores, cold_ms, first_bytes, site_bytes(site, "search"), seconds))
            print(f"done: {name} {engine} ({seconds:.0f} s build)", file=sys.stderr, flush=True)
    print_table(rows)
    if not args.keep:
        shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
