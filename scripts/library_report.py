"""A row per file of a speeches folder: what the parser makes of it, and how long that takes.

    python scripts/library_report.py FOLDER              a table aligned for a terminal
    python scripts/library_report.py FOLDER --markdown   a Markdown table, to paste into an issue
    python scripts/library_report.py FOLDER --json       the rows and totals as JSON

The files are those the site would read (``list_speeches``); a file the listing or the
reader refuses gets a row with the message the build would log. Each row: the format the
bytes were read as, title, date, speaker, parts, top-level and nested items, dropped lines
by reason, warnings + problems, and the median over three runs of read + clean + parse in
milliseconds. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from speechkit.errors import SpeechError  # noqa: E402
from speechkit.model import Item, Speech  # noqa: E402
from speechkit.sources import Source, clean, list_speeches, read_source  # noqa: E402
from speechkit.structure import parse  # noqa: E402

RUNS = 3
STAGES = ("read", "clean", "parse")  # read_source, clean, parse: what load_speech does
# A dropped line's reason is "what (why)", e.g. 发布者水印（在全文中重复出现）: the table
# counts by what, JSON keeps the full reason.
REASON_DETAIL = "（"
NO_TEXT = "the file holds no text; the site skips it"
COLUMNS = ("file", "format", "title", "date", "speaker", "parts", "items", "nested", "notices", "ms", "dropped")
NUMERIC = {"parts", "items", "nested", "notices", "ms"}
SHOWN_WHITESPACE = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r"})
# What Markdown would read as markup in a cell (a title is the user's text, shown as written).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_<\[\]|])")
HEADINGS = {"notices": "warnings+problems", "ms": "read ms"}


@dataclass(frozen=True)
class Timed:
    """One file read, cleaned and parsed: the source, the speech, median seconds per stage and in all."""

    source: Source
    speech: Speech
    seconds: dict[str, float]
    total: float


@dataclass
class Row:
    """What the report says of one file."""

    file: str
    format: str = "-"
    title: str = ""
    date: str = ""
    speaker: str = ""
    parts: int = 0
    items: int = 0
    nested: int = 0
    dropped: dict[str, int] = field(default_factory=dict)  # full reason: count
    notices: int = 0
    ms: float = 0.0
    refused: str | None = None


def timed_read(path: str | Path, runs: int = RUNS) -> Timed:
    """Read, clean and parse ``path`` ``runs`` times; the medians. SpeechError as the reader raises it."""
    laps: dict[str, list[float]] = {stage: [] for stage in STAGES}
    totals = []
    for _ in range(runs):
        started = time.perf_counter()
        source = read_source(path)
        read = time.perf_counter()
        cleaned = clean(source)
        cleaned_at = time.perf_counter()
        speech = parse(cleaned)
        done = time.perf_counter()
        for stage, seconds in zip(STAGES, (read - started, cleaned_at - read, done - cleaned_at)):
            laps[stage].append(seconds)
        totals.append(done - started)
    return Timed(source, speech, {stage: statistics.median(laps[stage]) for stage in STAGES}, statistics.median(totals))


def report_rows(folder: str | Path, runs: int = RUNS) -> list[Row]:
    """A row per file of the folder that the listing takes or names, in the listing's order."""
    root = Path(folder)
    listing = list_speeches(root)
    rows = [_row(path, root, runs) for path in listing.paths]
    rows += [Row(_relative(notice.path, root), refused=notice.message) for notice in listing.notices]
    return sorted(rows, key=lambda row: Path(row.file).parts)


def _row(path: Path, root: Path, runs: int) -> Row:
    """The row of one speech file; a refusal's message as the build would word it."""
    name = _relative(path, root)
    try:
        timed = timed_read(path, runs)
    except SpeechError as error:
        return Row(name, refused=error.reason)
    except OSError as error:
        return Row(name, refused=f"cannot read the file: {error.strerror or error}")
    except Exception as error:  # a fault of ours on one file must not hide the others' rows
        return Row(name, refused=f"could not be read ({type(error).__name__}: {error})")
    speech = timed.speech
    return Row(
        name,
        format=timed.source.format,
        title=speech.title,
        date=speech.date or "",
        speaker=speech.speaker or "",
        parts=len(speech.parts),
        items=len(speech.items),
        nested=sum(_descendants(item) for item in speech.items),
        dropped=dict(Counter(d.reason for d in speech.dropped).most_common()),
        notices=len(speech.warnings) + len(speech.problems),
        ms=round(timed.total * 1000, 2),
        refused=None if speech.paragraphs else NO_TEXT,
    )


def _descendants(item: Item) -> int:
    """How many items stand below ``item``, at any depth."""
    return sum(1 + _descendants(child) for child in item.children)


def _relative(path: str | Path, root: Path) -> str:
    """The path as the folder's user knows it."""
    return Path(path).relative_to(root).as_posix()


def totals(rows: list[Row]) -> Row:
    """The sums of every count, and the file count with refusals in the file cell."""
    dropped: Counter = Counter()
    for row in rows:
        dropped.update(row.dropped)
    refused = sum(row.refused is not None for row in rows)
    return Row(
        f"{len(rows)} file{'s' if len(rows) != 1 else ''}" + (f", {refused} refused" if refused else ""),
        format="",
        title=", ".join(f"{kind} {count}" for kind, count in format_counts(rows).items()),
        parts=sum(row.parts for row in rows),
        items=sum(row.items for row in rows),
        nested=sum(row.nested for row in rows),
        dropped=dict(dropped.most_common()),
        notices=sum(row.notices for row in rows),
        ms=sum(row.ms for row in rows),
    )


def format_counts(rows: list[Row]) -> dict[str, int]:
    """How many files were read as each format, most first."""
    return dict(Counter(row.format for row in rows if not row.refused).most_common())


def compact_dropped(dropped: dict[str, int]) -> str:
    """水印 40, 页眉页脚 12 …: counts by the reason's head, largest first."""
    heads: Counter = Counter()
    for reason, count in dropped.items():
        heads[reason.split(REASON_DETAIL)[0]] += count
    return ", ".join(f"{head} {count}" for head, count in heads.most_common())


def _cells(row: Row) -> dict[str, str]:
    """The row's cells as text; a refused file's message stands in its title cell."""
    cells = {name: _visible(str(getattr(row, name))) for name in COLUMNS if name not in ("dropped", "ms")}
    cells["ms"] = f"{row.ms:.1f}"
    cells["dropped"] = compact_dropped(row.dropped)
    if row.refused:
        cells["title"] = f"refused: {row.refused}" if row.format == "-" else f"{row.title} — {row.refused}"
        if row.format == "-":
            cells.update({name: "" for name in ("parts", "items", "nested", "notices", "ms")})
    return cells


def _visible(text: str) -> str:
    """The text on one line, a tab or line end in it shown as such (a title holding one is worth seeing)."""
    return text.translate(SHOWN_WHITESPACE)


def markdown_table(rows: list[Row]) -> str:
    """A GitHub Markdown table with a totals row at the bottom."""
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    def escaped(cells: dict[str, str]) -> list[str]:
        return [MARKDOWN_SPECIAL.sub(r"\\\1", cells[name]) for name in COLUMNS]

    out = [line([HEADINGS.get(name, name) for name in COLUMNS])]
    out.append("|" + "|".join("---:" if name in NUMERIC else "---" for name in COLUMNS) + "|")
    out += [line(escaped(_cells(row))) for row in rows]
    out.append(line([f"**{cell}**" if cell else "" for cell in escaped(_cells(totals(rows)))]))
    return "\n".join(out)


def plain_table(rows: list[Row]) -> str:
    """Columns aligned for a terminal (Chinese characters counted two wide), totals last."""
    table = [{name: HEADINGS.get(name, name) for name in COLUMNS}, *map(_cells, rows), _cells(totals(rows))]
    # A refusal's message runs on past the columns rather than widening the titles'.
    widths = {name: max(_width(cells[name]) for cells in table if cells["format"] != "-") for name in COLUMNS}

    def line(cells: dict[str, str]) -> str:
        shown = COLUMNS if cells["format"] != "-" else COLUMNS[:COLUMNS.index("title") + 1]
        return "  ".join(_pad(cells[name], widths[name], name in NUMERIC) for name in shown).rstrip()

    rule = "  ".join("-" * widths[name] for name in COLUMNS)
    return "\n".join([line(table[0]), rule, *map(line, table[1:-1]), rule, line(table[-1])])


def _width(text: str) -> int:
    """Terminal columns the text takes: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, right: bool) -> str:
    """The text padded to ``width`` terminal columns, numbers to the right."""
    space = " " * (width - _width(text))
    return space + text if right else text + space


def as_json(rows: list[Row]) -> str:
    """The rows and totals as JSON, dropped lines by their full reason."""
    total = totals(rows)
    summed = {name: getattr(total, name) for name in ("parts", "items", "nested", "dropped", "notices", "ms")}
    counts = {"files": len(rows), "refused": sum(row.refused is not None for row in rows), "formats": format_counts(rows)}
    return json.dumps({"rows": [asdict(row) for row in rows], "totals": {**counts, **summed}}, ensure_ascii=False, indent=1)


def main(argv: list[str] | None = None) -> int:
    """Print the report of a folder; status 1 if the folder cannot be listed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--markdown", action="store_true", help="a Markdown table")
    shape.add_argument("--json", action="store_true", help="JSON")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"runs to take the median of (default {RUNS})")
    args = parser.parse_args(argv)
    try:
        rows = report_rows(args.folder, args.runs)
    except OSError as error:
        print(f"error: {args.folder}: cannot list the folder: {error.strerror or error}", file=sys.stderr)
        return 1
    print(as_json(rows) if args.json else markdown_table(rows) if args.markdown else plain_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
