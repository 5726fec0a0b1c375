"""Read benchmark: each format of a speeches folder read, cleaned and parsed, stage by stage.

Usage: python scripts/read_bench.py [FOLDER] [--runs N] [--profile FORMAT]

FOLDER defaults to the real library (../shared/corpus/library: text, Word, a legacy Word
file read by antiword, a PDF printed from a web page). Every speech file the listing takes
is read N times (default 5) in this one process; a file's figure for a stage is its median
over the runs (read_source, clean, parse), its "1st run" the first run's total, which for
the first file of a format includes importing that format's reader (the table shows the
largest). Per format the table gives the median and the largest of the files' figures,
against the issue's targets: an 8-page PDF in 3 s, a .docx (or a legacy Word file) in 0.5 s. PDFs are also given per page and for 8 pages (scaled
from the file's own page count, which the table shows). A format over its target, or the
one named by --profile, has its slowest file profiled with cProfile: the functions where
the time goes. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "hooks"))

from library_report import STAGES, Timed, timed_read  # noqa: E402
from speechkit.errors import SpeechError  # noqa: E402
from speechkit.sources import list_speeches  # noqa: E402

LIBRARY = REPO.parent / "shared" / "corpus" / "library"
RUNS = 5
FORMATS = ("pdf", "docx", "doc", "text")  # the table's order
PDF_PAGES = 8  # the PDF target is for a document of this many pages
# The targets, in seconds: a whole read (read_source + clean + parse) of one file;
# for PDF, of an 8-page document. A legacy Word file is held to the .docx target: users
# save it under a .docx name (as the library's one is) and cannot tell the two apart.
TARGETS = {"pdf": 3.0, "docx": 0.5, "doc": 0.5}
PROFILE_LINES = 15


@dataclass
class Measured:
    """One file's figures: its timings and, for a PDF, its page count."""

    path: Path
    timed: Timed
    first: float  # seconds of the first run alone
    pages: int | None


def measure(path: Path, runs: int) -> Measured:
    """Time one file: a first run on its own (imports and first-use compiling included), then the medians of ``runs``."""
    first = timed_read(path, runs=1).total
    timed = timed_read(path, runs)
    pages = pdf_pages(path) if timed.source.format == "pdf" else None
    return Measured(path, timed, first, pages)


def pdf_pages(path: Path) -> int:
    """How many pages the PDF has."""
    from pdfminer.pdfpage import PDFPage

    with open(path, "rb") as handle:
        return sum(1 for _ in PDFPage.get_pages(handle))


def scaled(measured: Measured) -> float:
    """The seconds the file's whole read stands for against its target: a PDF's scaled to 8 pages."""
    if measured.pages:
        return measured.timed.total / measured.pages * PDF_PAGES
    return measured.timed.total


def print_table(by_format: dict[str, list[Measured]]) -> None:
    """A row per format: files, pages, each stage's median and largest, 1st run, target and verdict."""
    print(f"{'format':<6} {'files':>5} {'pages':>5} " + " ".join(f"{stage + ' ms':>15}" for stage in STAGES)
          + f" {'total ms':>15} {'1st run ms':>10} {'per page ms':>11} {'8 pages ms':>10} {'target ms':>9}")
    print(f"{'':<6} {'':>5} {'':>5} " + " ".join(f"{'median / max':>15}" for _ in (*STAGES, "total")))
    for kind in FORMATS:
        files = by_format.get(kind)
        if not files:
            continue
        cells = [_median_max([m.timed.seconds[stage] for m in files]) for stage in STAGES]
        cells.append(_median_max([m.timed.total for m in files]))
        pages = sum(m.pages for m in files) if kind == "pdf" else None
        per_page = _ms(sum(m.timed.total / m.pages for m in files) / len(files)) if pages else "-"
        eight = _ms(max(scaled(m) for m in files)) if pages else "-"
        target = TARGETS.get(kind)
        verdict = "-" if target is None else ("ok" if max(map(scaled, files)) <= target else "OVER")
        print(f"{kind:<6} {len(files):>5} {pages or '-':>5} " + " ".join(f"{cell:>15}" for cell in cells)
              + f" {_ms(max(m.first for m in files)):>10} {per_page:>11} {eight:>10}"
              + f" {_ms(target) if target else '-':>9} {verdict:>4}")


def _median_max(seconds: list[float]) -> str:
    """'median / max' in milliseconds."""
    return f"{_ms(statistics.median(seconds))} / {_ms(max(seconds))}"


def _ms(seconds: float) -> str:
    """Seconds as milliseconds for the table."""
    return f"{seconds * 1000:.1f}"


def print_notes(by_format: dict[str, list[Measured]]) -> None:
    """What the table leaves out: each PDF's pages (measured or scaled), the slowest file of each format."""
    print()
    for measured in by_format.get("pdf", []):
        how = "measured as it is" if measured.pages == PDF_PAGES else f"scaled from its {measured.pages} pages"
        print(f"{measured.path.name}: {measured.pages} pages; the 8-page figure is {how}")
    for kind in FORMATS:
        if by_format.get(kind):
            slowest = max(by_format[kind], key=lambda m: m.timed.total)
            print(f"slowest {kind}: {slowest.path.name} ({_ms(slowest.timed.total)} ms)")


def profile(measured: Measured) -> None:
    """Where one read, clean and parse of the file spends its time: cProfile's top functions, cumulative."""
    profiler = cProfile.Profile()
    profiler.runcall(timed_read, measured.path, 1)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(PROFILE_LINES)
    print(f"\nprofile of {measured.path.name} ({measured.timed.source.format}):")
    print("\n".join(line for line in out.getvalue().splitlines() if line.strip()))


def main(argv: list[str]) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=LIBRARY)
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs per file to take the median of (default {RUNS})")
    parser.add_argument("--profile", choices=FORMATS, action="append", default=[],
                        help="profile the slowest file of this format even if it meets its target")
    args = parser.parse_args(argv)
    by_format: dict[str, list[Measured]] = defaultdict(list)
    for path in list_speeches(args.folder).paths:
        try:
            measured = measure(path, args.runs)
        except SpeechError as error:
            print(f"skipped: {error}", file=sys.stderr)
            continue
        by_format[measured.timed.source.format].append(measured)
    print_table(by_format)
    print_notes(by_format)
    for kind in FORMATS:
        files = by_format.get(kind, [])
        over = kind in TARGETS and any(scaled(m) > TARGETS[kind] for m in files)
        if files and (over or kind in args.profile):
            profile(max(files, key=lambda m: m.timed.total))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
