"""A static, sharded, ranked search index for Chinese text in the browser.

Why not a word index: Chinese has no spaces, and a query segmented one way rarely meets a
text segmented another way, so the index holds every character pair (bigram) of every
document. Each posting carries the bigram's BM25 weight in that document (title counted
above body, the document's length folded in), quantised to a few bits; the browser
fetches only the shards of the query's bigrams, adds up the weights, and checks phrases
against the documents' text, which it fetches in small chunks. The speech's title,
speaker, meeting and year (facets.js) count for every item of that speech, so
"四川 乡村振兴" finds an item of the 四川 report. Documents are numbered kind by kind
(topic, item, part, speech, paragraph of the full text), each kind in library order, so
the manifest can say which speech a document belongs to without loading it.

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

from ..data import DATA_DIR, parse_yaml
from ..escaping import script_json
from ..library import Library, numbered_paragraphs, urls
from ..library.related import NOT_ALNUM

# Document kinds in id order (the browser's tie-break: the more specific page first).
KINDS = ("topic", "item", "part", "speech", "paragraph")
# The kinds whose documents belong to one speech, and are numbered speech by speech.
SPEECH_KINDS = ("item", "part", "speech", "paragraph")
# BM25F: a bigram in the title counts this many times one in the body; k1 and b as usual.
TITLE_WEIGHT = 3.0
BM25_K1 = 1.2
BM25_B = 0.75
# A posting is gap * LEVELS + level: the bigram's BM25 part in the document (0 < part
# < k1 + 1) in LEVELS - 1 steps, so a shard grows by a digit, not by a second number.
LEVELS = 16
# 第二十次全国代表大会 is called 二十大: the short name is searchable with that speech
# (and its report 二十大报告).
CONGRESS = re.compile(r"第([一二三四五六七八九十]+)次全国代表大会(上的报告)?")
SYNONYMS = DATA_DIR / "synonyms.yml"
# Small files keep what one query downloads small; a query loads at most three shards
# and the chunks of the candidates it checks.
SHARD_TARGET_BYTES = 32_000  # postings per shard file, before compression
CHUNK_TARGET_BYTES = 8_000  # document text per chunk file
FOLDER = "search"
RECEIVER = "studySearch.receive"


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
    meta: str = ""  # a speech's speaker, meeting, year: searchable with every item of it
    label: str = ""  # a speech's year and speaker, to tell reports of one title apart


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
                      speech.title, index, (), text, speech_meta(speech),
                      " ".join(filter(None, [(speech.date or "")[:4], speech.speaker])))
        )
        full_text = page_url(urls.full_text(placed.slug))
        shown = _paragraphs_on_pages(speech)
        for ordinal, paragraph in numbered_paragraphs(speech):
            if paragraph in shown:  # found as its item, part or speech page: one result, not two
                continue
            docs["paragraph"].append(
                SearchDoc("paragraph", f"{full_text}#{urls.paragraph_anchor(ordinal)}", speech.title,
                          f"全文第 {ordinal} 段", speech.title, index, (), paragraph.text)
            )
    return [doc for kind in KINDS for doc in docs[kind]]


def speech_meta(speech) -> str:
    """What is searchable with every item of a speech besides its title: speaker, meeting
    (it names the place: 北京市第十五届人民代表大会), year, the lines under the title
    (——在…上的报告, 北京市市长陈吉宁), and the congress's short name."""
    year = f"{speech.date[:4]}年" if speech.date else ""
    front = [p.text for p in speech.front if not p.note]
    congress = []
    for match in CONGRESS.finditer(" ".join([speech.title, speech.meeting or "", *front])):
        congress += [f"{match.group(1)}大"] + ([f"{match.group(1)}大报告"] if match.group(2) else [])
    return " ".join(filter(None, [speech.speaker, speech.meeting, year, *front, *congress]))


def _paragraphs_on_pages(speech) -> set:
    """The paragraphs an item, part or speech page shows (the rest only the full text does)."""
    shown = set(speech.title_paragraphs) | set(speech.opening) | set(speech.closing)
    if speech.salutation:
        shown.add(speech.salutation)
    items = []
    for part in speech.parts:
        shown.update(part.lead, part.after, [part.intro] if part.intro else [])
        items += part.items
    while items:
        item = items.pop()
        shown.update(item.paragraphs)
        items += item.children
    return shown


def load_synonyms(path=SYNONYMS) -> list[list[str]]:
    """The groups of words a query may be widened with (老师 → 教师), normalized."""
    return _synonym_groups(_query_words(path))


def _query_words(path=SYNONYMS) -> dict:
    """synonyms.yml as read: its groups and its question words; {} when there is none."""
    return parse_yaml(path.read_text(encoding="utf-8")) if path.exists() else {}


def _synonym_groups(data: dict) -> list[list[str]]:
    """The synonym groups of synonyms.yml's data, normalized."""
    return [[normalize(word) for word in group] for group in (data["groups"] if data else [])]


def _question_words(data: dict) -> list[str]:
    """The words of a question a query may be read without (为什么要变革 → 变革), longest
    first, in the same order every build."""
    return sorted({normalize(word) for word in data.get("question_words") or []}, key=lambda word: (-len(word), word))


def build_search_files(docs: list[SearchDoc], synonyms: list[list[str]] | None = None) -> dict[str, str]:
    """The index files, path under the site → script text (``synonyms``: load_synonyms())."""
    query_words = _query_words()  # synonyms.yml, read once for its groups and question words
    encoded = {bigram: _postings_json(entries) for bigram, entries in _postings(docs).items()}
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
        "speechStarts": _speech_starts(docs, len(speeches)),
        "levels": LEVELS,  # how the browser reads a posting back, and scores its level
        "k1": BM25_K1,
        "synonyms": _synonym_groups(query_words) if synonyms is None else synonyms,
        "questionWords": _question_words(query_words),
    }
    files["manifest.js"] = _script("manifest", manifest)
    meta = {d.speech_index: d.meta for d in docs if d.kind == "speech"}
    homes = {d.speech_index: d.url for d in docs if d.kind == "speech"}
    labels = {d.speech_index: d.label for d in docs if d.kind == "speech"}
    facets = {
        "speeches": [title for _, title in speeches],
        "meta": [normalize(meta.get(index, "")) for index, _ in speeches],
        "labels": [labels.get(index, "") for index, _ in speeches],
        "homes": [homes.get(index, "") for index, _ in speeches],
        "topics": [d.title for d in docs if d.kind == "topic"],
    }
    files["facets.js"] = _script("facets", facets)
    return {f"{FOLDER}/{path}": text for path, text in files.items()}


def _speech_starts(docs: list[SearchDoc], speeches: int) -> dict[str, list[int]]:
    """Per kind, the first document id of each speech, as gaps (a speech with none of
    that kind starts where the next one does)."""
    starts = {}
    for kind in SPEECH_KINDS:
        ids = [doc_id for doc_id, doc in enumerate(docs) if doc.kind == kind]
        end = ids[-1] + 1 if ids else 0
        first = [end] * (speeches + 1)
        for doc_id in reversed(ids):
            first[docs[doc_id].speech_index] = doc_id
        for index in range(speeches - 1, -1, -1):  # a speech with none starts at the next one's
            first[index] = min(first[index], first[index + 1])
        starts[kind] = _gaps(first[:speeches])
    return starts


def bigram_counts(text: str) -> dict[str, int]:
    """How often each bigram occurs in the normalized text."""
    text = normalize(text)
    counts: defaultdict[str, int] = defaultdict(int)
    for bigram in map(operator.add, text, text[1:]):
        counts[bigram] += 1
    return counts


def _postings(docs: list[SearchDoc]) -> dict[str, list[tuple[int, int]]]:
    """For every bigram, (document id, weight level) of the documents holding it, ascending."""
    lengths = [len(normalize(doc.text)) for doc in docs]
    average = {
        kind: max(1.0, sum(n for n, d in zip(lengths, docs) if d.kind == kind) / max(1, sum(d.kind == kind for d in docs)))
        for kind in KINDS
    }
    postings: defaultdict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, doc in enumerate(docs):
        # A topic's text is its name: count it once, as title.
        body = bigram_counts(doc.text) if doc.kind != "topic" else {}
        title = bigram_counts(doc.title)
        norm = 1 - BM25_B + BM25_B * lengths[doc_id] / average[doc.kind]
        for bigram in body.keys() | title.keys():
            frequency = body.get(bigram, 0) + TITLE_WEIGHT * title.get(bigram, 0)
            postings[bigram].append((doc_id, weight_level(frequency, norm)))
    return postings


def weight_level(frequency: float, norm: float) -> int:
    """BM25's term-frequency part, (k1 + 1)·f / (f + k1·norm), as a level 1 … LEVELS - 1."""
    part = frequency / (frequency + BM25_K1 * norm)  # 0 … 1: the part over its ceiling k1 + 1
    return max(1, min(LEVELS - 1, round(part * (LEVELS - 1))))


def _gaps(ids: list[int]) -> list[int]:
    """Sorted ids as gaps: small numbers that compress well."""
    return list(map(operator.sub, ids, [0, *ids[:-1]]))


def _postings_json(entries: list[tuple[int, int]]) -> str:
    """Sorted (id, level) postings as gap * LEVELS + level, written as JSON array items."""
    ids = [doc_id for doc_id, _ in entries]
    return ",".join(str(gap * LEVELS + level) for gap, (_, level) in zip(_gaps(ids), entries))


def _shard_script(key: str, pairs: list[str]) -> str:
    """A shard's script from its ready-written "bigram":[gaps] members, as _script would write it."""
    # Bigrams are letters and digits only, so nothing in them needs JSON or script escaping.
    return f'{RECEIVER}("{key}",{{{",".join(pairs)}}});\n'


def _script(key: str, data) -> str:
    """A script that hands ``data`` to the search engine under ``key``."""
    return f'{RECEIVER}("{key}",{script_json(data)});\n'
