"""The items of a speeches folder that get no topic, and the terms that set them apart.

    python scripts/untagged_terms.py FOLDER                 untagged items, then terms
    python scripts/untagged_terms.py FOLDER --topics FILE   with another taxonomy file
    python scripts/untagged_terms.py FOLDER --terms 50      how many terms to list

For a maintainer growing the taxonomy (hooks/speechkit/data/topics.yml): each untagged
item is listed with its speech, label and headline, then the words that are
much more frequent in the untagged items than in the whole library — candidates for
keywords (or for a new topic). Words are jieba's nouns (a speech's 我们, 必须, 如果 are
no topic); keywords already in the taxonomy are left out: the item missed the topic for
weight, not for want of a word.
Items are the top-level items the site tags, tagged as the site tags them.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

from jieba import posseg

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from speechkit.errors import SpeechError  # noqa: E402
from speechkit.library import load_speech, load_taxonomy, topics_of  # noqa: E402
from speechkit.sources import list_speeches  # noqa: E402

DEFAULT_TOPICS = Path(__file__).resolve().parent.parent / "hooks" / "speechkit" / "data" / "topics.yml"
TERMS_SHOWN = 30
# A word in fewer untagged items tells nothing yet.
MIN_COUNT = 2
# Added to a word's library-wide count, so that a word of untagged items only does
# not divide by zero and one seen twice does not outrank one seen ten times.
SMOOTHING = 1.0
HEADLINE_SHOWN = 40
# jieba's part-of-speech flags of the words a topic is named by: nouns, proper nouns,
# organisations and verbal nouns (治理, 改革), not verbs, pronouns or adverbs.
NOUN_FLAGS = ("n", "nz", "nt", "vn")
MIN_WORD = 2


def words(text: str) -> set[str]:
    """The distinct nouns of a text, as jieba segments it."""
    return {
        pair.word for pair in posseg.cut(text)
        if pair.flag in NOUN_FLAGS and len(pair.word) >= MIN_WORD
    }


def untagged_items(folder: str | Path, taxonomy) -> tuple[list[tuple[str, str, str, set[str]]], Counter[str], int]:
    """The untagged items (speech, label, headline, nouns), in how many items each noun is, how many items."""
    untagged: list[tuple[str, str, str, set[str]]] = []
    everywhere: Counter[str] = Counter()
    items = 0
    for path in list_speeches(folder).paths:
        try:
            speech = load_speech(path)
        except SpeechError as error:
            print(f"skipped: {error}", file=sys.stderr)
            continue
        for part in speech.parts:
            for item in part.items:
                items += 1
                nouns = words(item.text)
                everywhere.update(nouns)
                if not topics_of(item.text, taxonomy, item.headline):
                    untagged.append((Path(path).name, item.label, item.headline, nouns))
    return untagged, everywhere, items


def distinctive_terms(texts: list[set[str]], everywhere: Counter[str], total: int, known: set[str]) -> list[tuple[str, int, int, float]]:
    """Words ranked by how much more of the texts (their nouns) than of all items hold them, times how many texts do.

    Each row: the word, the texts holding it, the items holding it, the score.
    """
    here = Counter(word for nouns in texts for word in nouns)
    size = len(texts) or 1
    ranked = []
    for word, count in here.items():
        if count < MIN_COUNT or word in known:
            continue
        ratio = (count / size) / ((everywhere[word] + SMOOTHING) / (total + SMOOTHING))
        ranked.append((word, count, everywhere[word], count * math.log(ratio)))
    return sorted(ranked, key=lambda row: (-row[3], row[0]))


def known_words(taxonomy) -> set[str]:
    """The taxonomy's keywords."""
    return {keyword for topic in taxonomy.topics for keyword in topic.keywords}


def main(argv: list[str] | None = None) -> int:
    """Print the untagged items and the distinctive terms of a folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--topics", default=str(DEFAULT_TOPICS), help="the taxonomy file (default: the site's)")
    parser.add_argument("--terms", type=int, default=TERMS_SHOWN, help="how many terms to list")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy(args.topics)
    untagged, everywhere, total = untagged_items(args.folder, taxonomy)
    print(f"untagged items: {len(untagged)}")
    for speech, label, headline, _ in untagged:
        shown = headline if len(headline) <= HEADLINE_SHOWN else headline[:HEADLINE_SHOWN] + "…"
        print(f"  {speech}\t{label}\t{shown}")
    terms = distinctive_terms([nouns for *_, nouns in untagged], everywhere, total, known_words(taxonomy))
    print("\ndistinctive terms (word, untagged items with it, all items with it, score):")
    for word, count, overall, score in terms[: args.terms]:
        print(f"  {word}\t{count}\t{overall}\t{score:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
