"""A static, sharded search index for exact Chinese phrase search in the browser.

Why not a word index: Chinese has no spaces, and a query segmented one way rarely meets a
text segmented another way. Users type phrases they remember, so the index holds every
character pair (bigram) of every document; the browser fetches only the shards of the
query's bigrams, intersects them and checks the phrase against the documents' text,
which it fetches in small chunks. Documents are numbered most specific kind first
(topic, item, part, speech, paragraph of the full text), so id order is rank order.

Every file is a script that hands its data to ``studySearch.receive``, so the index loads
the same way over http:// and from disk (file://), where fetch() is refused.
"""

from __future__ import annotations

import math
import operator
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from ..escaping import script_json
from ..library import Library, numbered_paragraphs, urls

# Document kinds in rank order; the browser shows them in this order.
KINDS = ("topic", "item", "part", "speech", "paragraph")
# Small files keep what one query downloads small; a query loads at most three shards
# and the chunks of the candidates it checks.
SHARD_TARGET_BYTES = 32_000  # postings per shard file, before compression
CHUNK_TARGET_BYTES = 8_000  # document text per chunk file
FOLDER = "search"
RECEIVER = "studySearch.receive"
# Everything str.isalnum() rejects: \W is "not alphanumeric and not _" for str patterns.
NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class SearchDoc:
    """One search result candidate."""

    kind: str
    url: str  # relative to the site root
    title: str
    context: str  # where it stands: 意见六 · 六点意见
    speech: str  # the speech's title ('' for topics)
    speech_index: int  # -1 for topics
    tags: tuple[str, ...]
    text: str


def normalize(text: str) -> str:
    """What matching compares: NFKC, lower case, letters and digits only (no spaces or punctuation)."""
    if not unicodedata.is_normalized("NFKC", text):  # a quick check; most speech text already is
        text = unicodedata.normalize("NFKC", text)
    return NOT_ALNUM.sub("", text.lower())


def shard_of(bigram: str, shards: int) -> int:
    """FNV-1a over the bigram's code points; the browser computes the same."""
    value = 2166136261
    for char in bigram:
        value ^= ord(char)
        value = (value * 16777619) & 0xFFFFFFFF
    return value % shards


def search_documents(library: Library, page_url) -> list[SearchDoc]:
    """Every document, most specific kind first. ``page_url`` maps a page path to its URL."""
    docs: dict[str, list[SearchDoc]] = {kind: [] for kind in KINDS}
    for topic in library.taxonomy.topics:
        docs["topic"].append(
            SearchDoc("topic", page_url(urls.topic_page(topic.name)), topic.name, "主题",
                      "", -1, (), topic.name)
        )
    for placed_item in library.items:
        placed = library.speeches[placed_item.speech_index]
        part = placed.parts[placed_item.part_index].part
        docs["item"].append(
            SearchDoc("item", page_url(placed_item.page), placed_item.item.headline,
                      f"{placed_item.display_label} · {part.title}", placed.speech.title,
                      placed_item.speech_index, placed_item.tags, placed_item.item.text)
        )
    for index, placed in enumerate(library.speeches):
        speech = placed.speech
        for placed_part in placed.parts:
            part = placed_part.part
            # The part page's own text: its lead (the intro among it) and what follows the items.
            around = list(part.lead or ([part.intro] if part.intro else [])) + list(part.after)
            text = "\n".join([part.title] + [p.text for p in around])
            docs["part"].append(
                SearchDoc("part", page_url(urls.part_page(placed.slug, placed_part.slug)), part.title,
                          f"{len(part.items)} 条", speech.title, index, (), text)
            )
        heads = [speech.title] + [p.text for p in ([speech.salutation] if speech.salutation else [])]
        text = "\n".join(heads + [p.text for p in speech.opening + speech.closing])
        docs["speech"].append(
            SearchDoc("speech", page_url(urls.speech_home(placed.slug)), speech.title, "导读",
                      speech.title, index, (), text)
        )
        full_text = page_url(urls.full_text(placed.slug))
        for ordinal, paragraph in numbered_paragraphs(speech):
            docs["paragraph"].append(
                SearchDoc("paragraph", f"{full_text}#{urls.paragraph_anchor(ordinal)}", speech.title,
                          f"全文第 {ordinal} 段", speech.title, index, (), paragraph.text)
            )
    return [doc for kind in KINDS for doc in docs[kind]]


def build_search_files(docs: list[SearchDoc]) -> dict[str, str]:
    """The index files, path under the site → script text."""
    encoded = {bigram: _gaps_json(ids) for bigram, ids in _postings(docs).items()}
    # The bytes a bigram adds to its shard: "ab":[…] and a comma.
    total = sum(len(b) + 6 + len(gaps) for b, gaps in encoded.items())
    shards = max(1, math.ceil(total / SHARD_TARGET_BYTES))
    shard_maps: list[list[str]] = [[] for _ in range(shards)]
    for bigram in sorted(encoded):
        shard_maps[shard_of(bigram, shards)].append(f'"{bigram}":[{encoded[bigram]}]')
    files = {f"shards/{n}.js": _shard_script(f"shards/{n}", pairs) for n, pairs in enumerate(shard_maps)}
    chunk_starts = []
    chunk: list[list] = []
    size = 0
    for doc_id, doc in enumerate(docs):
        if not chunk or size >= CHUNK_TARGET_BYTES:
            if chunk:
                files[f"chunks/{len(chunk_starts) - 1}.js"] = _script(f"chunks/{len(chunk_starts) - 1}", chunk)
            chunk_starts.append(doc_id)
            chunk, size = [], 0
        record = [KINDS.index(doc.kind), doc.url, doc.title, doc.context, doc.speech_index, list(doc.tags), doc.text]
        chunk.append(record)
        size += len(doc.text.encode()) + len(doc.title.encode()) + 64
    if chunk:
        files[f"chunks/{len(chunk_starts) - 1}.js"] = _script(f"chunks/{len(chunk_starts) - 1}", chunk)
    speeches = sorted({(d.speech_index, d.speech) for d in docs if d.speech_index >= 0})
    manifest = {
        "shards": shards,
        "chunks": _gaps(chunk_starts),  # each chunk's first document id, as gaps
        "docs": len(docs),
        "kinds": [[kind, sum(1 for d in docs if d.kind == kind)] for kind in KINDS],
    }
    files["manifest.js"] = _script("manifest", manifest)
    facets = {
        "speeches": [title for _, title in speeches],
        "topics": [d.title for d in docs if d.kind == "topic"],
    }
    files["facets.js"] = _script("facets", facets)
    return {f"{FOLDER}/{path}": text for path, text in files.items()}


def _postings(docs: list[SearchDoc]) -> dict[str, list[int]]:
    """For every bigram, the ids of the documents holding it, ascending."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for doc_id, doc in enumerate(docs):
        text = normalize(doc.text)
        for bigram in set(map(operator.add, text, text[1:])):
            postings[bigram].append(doc_id)
    return postings


def _gaps(ids: list[int]) -> list[int]:
    """Sorted ids as gaps: small numbers that compress well."""
    return list(map(operator.sub, ids, [0, *ids[:-1]]))


def _gaps_json(ids: list[int]) -> str:
    """Sorted ids as gaps, written as JSON array items."""
    return ",".join(map(str, _gaps(ids)))


def _shard_script(key: str, pairs: list[str]) -> str:
    """A shard's script from its ready-written "bigram":[gaps] members, as _script would write it."""
    # Bigrams are letters and digits only, so nothing in them needs JSON or script escaping.
    return f'{RECEIVER}("{key}",{{{",".join(pairs)}}});\n'


def _script(key: str, data) -> str:
    """A script that hands ``data`` to the search engine under ``key``."""
    return f'{RECEIVER}("{key}",{script_json(data)});\n'
