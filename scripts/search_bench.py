"""Search benchmark: build sites, drive the real search UI in Chromium, print the figures.

Usage: python scripts/search_bench.py [--library N] [--engines study,material] [--keep DIR]

Datasets: the seed speech; the seed and the whole corpus; a generated library of N
speeches (scripts/make_library.py). For each dataset and engine it builds the site,
serves it on 127.0.0.1, types every query of tests/search_queries.yml into the search
box and prints precision@1, MRR, mean result count, time to the first result (the first
query on a fresh page, then median and 95th percentile) and the bytes downloaded from a
fresh load of the small about page to the first result (Material loads its whole index
with the page; ours loads index files as the query needs them). In the library, every copy of the
expected item counts as a right answer.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "scripts"))

from browser import open_browser, serve_folder  # noqa: E402
from make_library import CORPUS, SEED, make_library  # noqa: E402
from search_eval import RUN_QUERY_JS, load_queries, resolve, run_queries, site_pages  # noqa: E402
from sitebuild import build, write_config  # noqa: E402


START_PAGE = "about/"


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


def bytes_to_first_result(base: str, query: str) -> tuple[int, int, float]:
    """Bytes of a fresh page load, bytes from then to the first result, and that query's ms.

    The page is the small about page, so the page's own weight (a library home page
    grows with the library) does not hide what search itself downloads.
    """
    with open_browser() as (page, outside):
        sizes: list[int] = []
        page.on("requestfinished", lambda request: sizes.append(_size(request)))
        page.goto(base + START_PAGE, wait_until="networkidle")
        page.wait_for_timeout(300)
        page_bytes = sum(sizes)
        outcome = page.evaluate(RUN_QUERY_JS, query)
        page.wait_for_timeout(200)
        if outside:
            raise SystemExit(f"requests left the site: {outside}")
        return page_bytes, sum(sizes) - page_bytes, outcome["ms"] or float("nan")


def _size(request) -> int:
    """Response body plus headers of a finished request."""
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def site_bytes(site: Path, folder: str) -> int:
    """Total size of one folder of the built site (the search index)."""
    return sum(p.stat().st_size for p in (site / folder).rglob("*") if p.is_file())


def measure(site: Path, queries) -> tuple:
    """Serve a built site and run the queries: scores, cold first-query ms, bytes to first result."""
    with serve_folder(site) as base:
        page_bytes, search_bytes, cold_ms = bytes_to_first_result(base, queries[0].text)
        with open_browser() as (page, outside):
            page.goto(base, wait_until="networkidle")
            page.wait_for_timeout(300)
            scores, _ = run_queries(page, base, queries)
    return scores, cold_ms, (page_bytes, search_bytes)


def print_table(rows) -> None:
    """One Markdown table of every dataset and engine measured."""
    header = (
        "| dataset | engine | queries | P@1 | MRR | mean results | first query ms | median ms | p95 ms "
        "| KB to first result | of which the page | index MB | build s |"
    )
    print(header)
    print("|" + "|".join("---" for _ in range(header.count("|") - 1)) + "|")
    for name, engine, count, s, cold, first_bytes, index_bytes, seconds in rows:
        print(
            f"| {name} | {engine} | {count} | {s.precision_at_1:.2f} | {s.mrr:.2f} | {s.mean_results:.1f} | "
            f"{cold:.0f} | {s.median_ms:.0f} | {s.p95_ms:.0f} | {sum(first_bytes) / 1024:.0f} | "
            f"{first_bytes[0] / 1024:.0f} | "
            f"{index_bytes / 2**20:.2f} | {seconds:.1f} |"
        )


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
    args = parser.parse_args(argv)
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
