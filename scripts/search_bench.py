"""Search benchmark: build sites, drive the real search UI in Chromium, print the figures.

Usage: python scripts/search_bench.py [--library N] [--engines study,material] [--keep DIR]

Datasets: the seed speech; the seed and the whole corpus; a generated library of N
speeches (scripts/make_library.py). For each dataset and engine it builds the site,
serves it on 127.0.0.1, types every query of tests/search_queries.yml into the search
box and prints precision@1, MRR, mean result count, time to the first result (the first
query on a fresh page, then median and 95th percentile) and the bytes the browser
downloaded from page load to the first result. In the library, every copy of the
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


def bytes_to_first_result(base: str, query: str) -> tuple[int, float]:
    """Bytes downloaded from a fresh page load to the first result, and that query's ms."""
    with open_browser() as (page, outside):
        sizes: list[int] = []
        page.on("requestfinished", lambda request: sizes.append(_size(request)))
        page.goto(base, wait_until="networkidle")
        page.wait_for_timeout(300)
        outcome = page.evaluate(RUN_QUERY_JS, query)
        if outside:
            raise SystemExit(f"requests left the site: {outside}")
        return sum(sizes), outcome["ms"] or float("nan")


def _size(request) -> int:
    """Response body plus headers of a finished request."""
    sizes = request.sizes()
    return sizes["responseBodySize"] + sizes["responseHeadersSize"]


def site_bytes(site: Path, folder: str) -> int:
    """Total size of one folder of the built site (the search index)."""
    return sum(p.stat().st_size for p in (site / folder).rglob("*") if p.is_file())


def main(argv: list[str]) -> int:
    """Run the benchmark and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=int, default=1000, help="speeches in the generated library (0: skip)")
    parser.add_argument("--engines", default="material,study")
    parser.add_argument("--keep", type=Path, help="build here and keep the sites")
    args = parser.parse_args(argv)
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
            with serve_folder(site) as base:
                first_bytes, cold_ms = bytes_to_first_result(base, queries[0].text)
                with open_browser() as (page, outside):
                    page.goto(base, wait_until="networkidle")
                    page.wait_for_timeout(300)
                    scores, _ = run_queries(page, base, queries)
            index_bytes = site_bytes(site, "search")
            rows.append((name, engine, len(queries), scores, cold_ms, first_bytes, index_bytes, seconds))
            print(f"done: {name} {engine} ({seconds:.0f} s build)", file=sys.stderr, flush=True)
    header = "| dataset | engine | queries | P@1 | MRR | mean results | first query ms | median ms | p95 ms | KB to first result | index MB | build s |"
    print(header)
    print("|" + "|".join("---" for _ in range(header.count("|") - 1)) + "|")
    for name, engine, count, s, cold, first_bytes, index_bytes, seconds in rows:
        print(
            f"| {name} | {engine} | {count} | {s.precision_at_1:.2f} | {s.mrr:.2f} | {s.mean_results:.1f} | "
            f"{cold:.0f} | {s.median_ms:.0f} | {s.p95_ms:.0f} | {first_bytes / 1024:.0f} | "
            f"{index_bytes / 2**20:.2f} | {seconds:.1f} |"
        )
    if not args.keep:
        shutil.rmtree(root)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
