"""The search index files: what the browser reads back from them."""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from itertools import accumulate

from speechkit.search.index import (
    KINDS, LEVELS, NOT_ALNUM, RECEIVER, SearchDoc, build_search_files, normalize, shard_of,
)

SCRIPT = re.compile(rf'^{re.escape(RECEIVER)}\("([^"]+)",(.*)\);\n$', re.S)
TEXTS = ["加强党建工作，推动发展。", "党建引领：Ａｂｃ 123", "“全面从严治党”", "ǅ ½ _ 党建"]


def _docs() -> list[SearchDoc]:
    """A few documents of one kind."""
    return [SearchDoc("item", f"p{n}/", f"标题{n}", "", "讲话", 0, (), text) for n, text in enumerate(TEXTS)]


def _payload(script: str, key: str):
    """The data a script hands to the search engine under ``key``."""
    match = SCRIPT.match(script)
    assert match and match.group(1) == key, script[:80]
    return json.loads(match.group(2))


def test_normalize_matches_its_definition_on_every_code_point():
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folded = unicodedata.normalize("NFKC", every).lower()
    assert normalize(every) == "".join(c for c in folded if c.isalnum())
    assert NOT_ALNUM.sub("", every) == "".join(c for c in every if c.isalnum())


def test_normalize_folds_width_and_case_and_drops_punctuation():
    assert normalize("党建引领：Ａｂｃ 123_") == "党建引领abc123"


def test_every_bigram_lists_its_documents_in_its_shard():
    files = build_search_files(_docs(), synonyms=[])
    shards = _payload(files["search/manifest.js"], "manifest")["shards"]
    postings: dict[str, list[int]] = {}
    for n in range(shards):
        for bigram, values in _payload(files[f"search/shards/{n}.js"], f"shards/{n}").items():
            assert shard_of(bigram, shards) == n
            assert all(0 < value % LEVELS < LEVELS for value in values)  # every posting has a weight level
            postings[bigram] = list(accumulate(value // LEVELS for value in values))
    for doc_id, text in enumerate(TEXTS):
        folded = normalize(text)
        for bigram in {folded[i:i + 2] for i in range(len(folded) - 1)}:
            assert doc_id in postings[bigram], (bigram, text)
    assert postings["党建"] == [0, 1, 3]
    # Each document's bigrams once, of its text and its title together.
    grams = [{f[i:i + 2] for f in (normalize(t), normalize(d.title)) for i in range(len(f) - 1)} for t, d in zip(TEXTS, _docs())]
    assert sum(map(len, postings.values())) == sum(map(len, grams))


def test_manifest_counts_documents_by_kind():
    manifest = _payload(build_search_files(_docs(), synonyms=[])["search/manifest.js"], "manifest")
    assert manifest["docs"] == len(TEXTS)
    assert dict(manifest["kinds"]) == {kind: len(TEXTS) if kind == "item" else 0 for kind in KINDS}
