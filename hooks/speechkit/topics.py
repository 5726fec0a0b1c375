"""Tag items with topics from a curated taxonomy and link related items."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

import yaml

from .errors import SpeechError
from .model import Item

# How many related items an item page lists.
RELATED_MAX = 5


@dataclass(frozen=True)
class Topic:
    """One tag of the taxonomy and the keywords that put an item under it."""

    name: str
    description: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """A domain term: one word for search, explained in the glossary."""

    term: str
    explanation: str


@dataclass(frozen=True)
class Taxonomy:
    """The topics and terms of one taxonomy file."""

    topics: tuple[Topic, ...]
    terms: tuple[Term, ...]


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read and check a taxonomy file; errors name the file and the entry."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SpeechError(path, f"invalid YAML: {error}", mark.line + 1 if mark else None) from None
    topics = tuple(_topic(path, entry) for entry in data.get("topics") or [])
    terms = tuple(_term(path, entry) for entry in data.get("terms") or [])
    _check_unique(path, [t.name for t in topics], "topic")
    _check_unique(path, [t.term for t in terms], "term")
    if not topics:
        raise SpeechError(path, "the taxonomy has no topics")
    return Taxonomy(topics, terms)


def _topic(path, entry) -> Topic:
    """One topic entry, checked."""
    if not isinstance(entry, dict) or not entry.get("name") or not entry.get("keywords"):
        raise SpeechError(path, f"a topic needs a name and keywords: {entry!r}")
    return Topic(str(entry["name"]), str(entry.get("description", "")), tuple(map(str, entry["keywords"])))


def _term(path, entry) -> Term:
    """One term entry, checked."""
    if not isinstance(entry, dict) or not entry.get("term"):
        raise SpeechError(path, f"a term needs a 'term': {entry!r}")
    return Term(str(entry["term"]), str(entry.get("explanation", "")))


def _check_unique(path, names: list[str], what: str) -> None:
    """Raise if a name occurs twice."""
    repeated = [name for name, count in Counter(names).items() if count > 1]
    if repeated:
        raise SpeechError(path, f"{what} listed twice: {', '.join(repeated)}")


def topics_of(text: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    """The topics whose keywords occur in the text, most mentioned first."""
    hits = {
        topic.name: sum(text.count(keyword) for keyword in topic.keywords)
        for topic in taxonomy.topics
    }
    order = {topic.name: index for index, topic in enumerate(taxonomy.topics)}
    found = [name for name, count in hits.items() if count]
    return tuple(sorted(found, key=lambda name: (-hits[name], order[name])))


@dataclass(frozen=True)
class Related:
    """A link from one item to another and the topics they share."""

    target: int  # index into the list of all items
    shared: tuple[str, ...]
    score: float


def related_items(
    items: list[Item], groups: list[object], tags: list[tuple[str, ...]]
) -> list[tuple[Related, ...]]:
    """For each item, the items of other groups (parts) that share its topics.

    Ranked by the shared topics, rarer topics counting more, then by how much text the
    two items share (character bigrams), so that ties break toward the closer item.
    """
    rarity = _rarity(tags, len(items))
    profiles, profile_of = _profiles(items, tags)
    holders = _holders(profiles)
    part_sizes = Counter(groups)
    rankings: dict[int, list[_Candidate]] = {}
    result = []
    for index, names in enumerate(tags):
        own = profile_of[index]
        if own not in rankings:
            # Enough candidates that RELATED_MAX remain once any member's own part is left out.
            room = RELATED_MAX + max(part_sizes[groups[m]] for m in profiles[own].members)
            rankings[own] = _ranking(profiles, own, holders, rarity, room)
        best = _best_elsewhere(rankings[own], profiles, groups, index)
        result.append(
            tuple(Related(other, tuple(n for n in names if n in tags[other]), round(score, 3)) for other, score in best)
        )
    return result


@dataclass
class _Profile:
    """Items with one text and one set of topics: they rank every other item alike."""

    names: tuple[str, ...]
    members: list[int]  # item indexes, ascending
    grams: Counter
    keys: frozenset
    square: int  # sum of the squared bigram counts, the squared norm


@dataclass(frozen=True)
class _Candidate:
    """A profile ranked for another: its score plus cosine, and its score alone."""

    total: float
    profile: int
    score: float


def _rarity(tags: list[tuple[str, ...]], count: int) -> dict[str, float]:
    """How much sharing each topic counts: more the fewer items hold it."""
    holders = Counter(name for names in tags for name in names)
    return {name: math.log(1 + count / found) for name, found in holders.items()}


def _profiles(items: list[Item], tags: list[tuple[str, ...]]) -> tuple[list[_Profile], list[int]]:
    """Items grouped by (text, topics), and each item's group: a repeated passage is scored once."""
    index_of: dict[tuple, int] = {}
    profiles: list[_Profile] = []
    profile_of = []
    for index, (item, names) in enumerate(zip(items, tags)):
        key = (item.text, names)
        if key not in index_of:
            grams = _bigrams(item.text)
            index_of[key] = len(profiles)
            profiles.append(_Profile(names, [], grams, frozenset(grams), sum(v * v for v in grams.values())))
        profiles[index_of[key]].members.append(index)
        profile_of.append(index_of[key])
    return profiles, profile_of


def _holders(profiles: list[_Profile]) -> dict[str, list[int]]:
    """For each topic, the profiles tagged with it."""
    holders: dict[str, list[int]] = {}
    for number, profile in enumerate(profiles):
        for name in profile.names:
            holders.setdefault(name, []).append(number)
    return holders


def _scores(names: tuple[str, ...], holders: dict[str, list[int]], rarity: dict[str, float]) -> dict[int, float]:
    """The rarity of the topics each profile shares with ``names``, summed in ``names`` order."""
    scores: dict[int, float] = {}
    for name in names:
        for other in holders[name]:
            scores[other] = scores.get(other, 0) + rarity[name]
    return scores


def _ranking(
    profiles: list[_Profile], own: int, holders: dict[str, list[int]], rarity: dict[str, float], room: int
) -> list[_Candidate]:
    """The profiles that can rank in the top ``room`` items for profile ``own``, best first.

    Candidates are scored level by level, highest score first; a cosine is at most 1, so
    once ``room`` items total more than a level's score + 1, no lower level can rank.
    """
    scores = _scores(profiles[own].names, holders, rarity)
    floor: list[float] = []  # the best ``room`` totals so far, one entry per item; least first
    ranked = []
    for score, level in groupby(sorted(scores, key=lambda q: -scores[q]), key=lambda q: scores[q]):
        if len(floor) == room and score + 1 < floor[0]:
            break
        for other in level:
            total = score + _cosine(profiles[own], profiles[other])
            ranked.append(_Candidate(total, other, score))
            for _ in range(min(room, len(profiles[other].members))):
                if len(floor) < room:
                    heapq.heappush(floor, total)
                elif total > floor[0]:
                    heapq.heapreplace(floor, total)
    ranked.sort(key=lambda candidate: -candidate.total)
    return ranked


def _best_elsewhere(
    ranking: list[_Candidate], profiles: list[_Profile], groups: list[object], index: int
) -> list[tuple[int, float]]:
    """The first RELATED_MAX items of the ranking outside item ``index``'s group; equal totals by item order."""
    found: list[tuple[int, float]] = []
    for _, level in groupby(ranking, key=lambda candidate: candidate.total):
        members = [[(m, c.score) for m in profiles[c.profile].members] for c in level]
        for other, score in heapq.merge(*members):
            if groups[other] != groups[index]:
                found.append((other, score))
                if len(found) == RELATED_MAX:
                    return found
    return found


def _bigrams(text: str) -> Counter:
    """Counts of the character pairs of a text, punctuation and spaces left out."""
    chars = [c for c in text if c.isalnum()]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


def _cosine(first: _Profile, second: _Profile) -> float:
    """Cosine similarity of two profiles' bigram counts."""
    if not first.square or not second.square:
        return 0.0
    # Integer sums, so the result is the same whatever order the shared bigrams come in.
    dot = sum(first.grams[gram] * second.grams[gram] for gram in first.keys & second.keys)
    return dot / math.sqrt(first.square * second.square)
