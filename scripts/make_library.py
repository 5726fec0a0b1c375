"""Make a library of N distinct speeches from the corpus, for benchmarks.

Usage: python scripts/make_library.py N OUT_DIR [--corpus DIR]

Copy k of a corpus file gets its title line marked with the copy number (（第k辑）), so
every speech has its own title and URL, and about one Chinese character in thirty of its
body text swapped for another character of the same text (the first few of each line,
where item markers stand, the title, date and speaker lines and the noise lines the
cleaner drops are left alone), so that no two copies share a passage word
for word: a real library repeats little, and the related-item ranking and the search
index cost what distinct passages cost. The structure stays the one real texts have.
The stress file of many articles (15_…) is left out: it is a test of robustness, not a
speech a library holds a thousand times.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))

from speechkit.library import load_speech  # noqa: E402
from speechkit.sources import read_source  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
SEED = REPO / "speeches" / "000_59878e9e95d0a7b5.txt"
LEFT_OUT = ("15_",)
# The share of characters a copy changes, and how many characters of a line keep their
# place (一是、（一） and the like stay markers).
CHANGED_SHARE = 1 / 30
LINE_START_KEPT = 6


def sources(corpus: Path = CORPUS) -> list[Path]:
    """The texts copies are made from: the seed and the corpus files."""
    files = [SEED] + sorted(p for p in corpus.glob("*.txt") if not p.name.startswith(LEFT_OUT))
    if len(files) < 2:
        raise SystemExit(f"no corpus files in {corpus}")
    return files


def make_library(count: int, out: Path, corpus: Path = CORPUS) -> list[Path]:
    """Write ``count`` speeches into ``out`` (emptied first); return their paths."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    files = sources(corpus)
    parsed = {path: load_speech(path) for path in files}
    title_lines = {path: speech.title_line for path, speech in parsed.items()}
    # The lines a copy may change: those of kept paragraphs, not the title, date or speaker.
    body_lines = {path: _body_lines(speech) for path, speech in parsed.items()}
    written = []
    for k in range(count):
        source = files[k % len(files)]
        copy = k // len(files) + 1
        decoded = read_source(source)
        text = decoded.text
        if copy > 1:
            text = _vary(text, body_lines[source], random.Random(k))
            if title_lines[source]:
                text = _mark_line(text, title_lines[source], f"（第{copy}辑）")
        target = out / f"{k:04d}_{source.stem}.txt"
        target.write_bytes(text.encode(decoded.encoding))
        written.append(target)
    return written


def _body_lines(speech) -> set[int]:
    """The source lines of a speech's paragraphs, but not those of its title and front
    lines (subtitle, date, speaker): a copy keeps its date and so its place in the library."""
    return {p.line for p in speech.paragraphs} - {p.line for p in (*speech.title_paragraphs, *speech.front)}


def _vary(text: str, body: set[int], rng: random.Random) -> str:
    """The text with CHANGED_SHARE of the Chinese characters of its ``body`` lines (not a
    line's first LINE_START_KEPT) replaced by other characters of the same text."""
    pool = [char for char in text if _is_han(char)]
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        if number not in body or len(line) <= LINE_START_KEPT:
            continue
        chars = list(line)
        for index in range(LINE_START_KEPT, len(chars)):
            if _is_han(chars[index]) and rng.random() < CHANGED_SHARE:
                chars[index] = rng.choice(pool)
        lines[number - 1] = "".join(chars)
    return "\n".join(lines)


def _is_han(char: str) -> bool:
    """A CJK unified ideograph of the basic block."""
    return "\u4e00" <= char <= "\u9fff"


def _mark_line(text: str, number: int, mark: str) -> str:
    """Append ``mark`` to line ``number`` (1-based) of the text."""
    lines = text.split("\n")
    lines[number - 1] = lines[number - 1].rstrip(" \u3000") + mark
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    written = make_library(args.count, args.out, args.corpus)
    size = sum(p.stat().st_size for p in written)
    print(f"{len(written)} speeches, {size / 2**20:.1f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
