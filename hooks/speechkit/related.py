"""Link each item to the items of other parts that share its topics, closest text first."""

from __future__ import annotations

import heapq
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import filterfalse, groupby

from .model import Item

# How many related items an item page lists.
RELATED_MAX = 5
# Text closeness is the cosine of two items' bigram counts, computed for at most this many
# candidates per item. A library of many distinct speeches has thousands of items on a
# common topic; past this many, the candidates of a score level are told apart by their
# most distinctive bigrams instead (_SimilarText), which keeps the ranking near-linear.
COSINE_LIMIT = 30
# An item's signature: this many of its bigrams that the fewest other passages hold
# (but some other does: a bigram of one passage alone finds nothing).
SIGNATURE_SIZE = 16
# A signature bigram shared by more passages than this tells too little to be looked up.
POSTING_MAX = 50
# What str.isalnum() rejects (\W is "not alphanumeric and not _"): left out of bigrams.
NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Related:
    """A link from one item to another and the topics they share."""

    target: int  # index into the list of all items
    shared: tuple[str, ...]
    score: float


def related_items(
    items: list[Item], groups: list[object], tags: list[tuple[str, ...]], cosine_limit: int = COSINE_LIMIT
) -> list[tuple[Related, ...]]:
    """For each item, the items of other groups (parts) that share its topics.

    Ranked by the shared topics, rarer topics counting more, then by how much text the
    two items share (character bigrams), so that ties break toward the closer item.
    """
    rarity = _rarity(tags, len(items))
    profiles, profile_of = _profiles(items, tags)
    by_names = _by_names(profiles)
    similar = _SimilarText(profiles)
    part_sizes = Counter(groups)
    levels_of: dict[tuple[str, ...], list[_Level]] = {}
    rankings: dict[int, list[_Candidate]] = {}
    result = []
    for index, names in enumerate(tags):
        own = profile_of[index]
        if own not in rankings:
            if names not in levels_of:
                levels_of[names] = _levels(names, by_names, rarity)
            # Enough candidates that RELATED_MAX remain once any member's own part is left out.
            room = RELATED_MAX + max(part_sizes[groups[m]] for m in profiles[own].members)
            rankings[own] = _ranking(profiles, own, levels_of[names], similar, room, cosine_limit)
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
    grams: Counter  # in the order the bigrams first occur in the text
    keys: frozenset
    square: int  # sum of the squared bigram counts, the squared norm


@dataclass(frozen=True)
class _Candidate:
    """A profile ranked for another: its score plus text closeness, and its score alone."""

    total: float
    profile: int
    score: float


@dataclass
class _Level:
    """The profiles whose topics shared with one item add up to one score."""

    score: float
    lists: list[list[int]]  # ascending profile ids, one list per set of topics
    names: set[tuple[str, ...]] = field(default_factory=set)  # those sets of topics

    def __len__(self) -> int:
        """How many profiles the level holds."""
        return sum(map(len, self.lists))

    def members(self):
        """The level's profiles, ascending."""
        return heapq.merge(*self.lists)


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
            square = sum(map(operator.mul, grams.values(), grams.values()))
            profiles.append(_Profile(names, [], grams, frozenset(grams), square))
        profiles[index_of[key]].members.append(index)
        profile_of.append(index_of[key])
    return profiles, profile_of


def _by_names(profiles: list[_Profile]) -> dict[tuple[str, ...], list[int]]:
    """The profiles of each set of topics, ascending: far fewer sets than profiles."""
    found: dict[tuple[str, ...], list[int]] = {}
    for number, profile in enumerate(profiles):
        found.setdefault(profile.names, []).append(number)
    return found


def _levels(names: tuple[str, ...], by_names: dict, rarity: dict[str, float]) -> list[_Level]:
    """The profiles sharing a topic with ``names``, by score (rarity summed in ``names`` order), best first."""
    levels: dict[float, _Level] = {}
    for theirs, numbers in by_names.items():
        shared = [name for name in names if name in theirs]
        if shared:
            score = 0
            for name in shared:
                score += rarity[name]
            level = levels.setdefault(score, _Level(score, []))
            level.lists.append(numbers)
            level.names.add(theirs)
    return [levels[score] for score in sorted(levels, reverse=True)]


def _ranking(
    profiles: list[_Profile], own: int, levels: list[_Level], similar: _SimilarText, room: int, cosine_limit: int
) -> list[_Candidate]:
    """The profiles that can rank in the top ``room`` items for profile ``own``, best first.

    Levels are taken highest score first; closeness is at most 1, so once ``room`` items
    total more than a level's score + 1, no lower level can rank.
    """
    floor: list[float] = []  # the best ``room`` totals so far, one entry per item; least first
    ranked = []
    budget = cosine_limit
    for level in levels:
        if len(floor) == room and level.score + 1 < floor[0]:
            break
        if len(level) <= budget:
            budget -= len(level)
            closeness = ((other, similar.cosine(own, other)) for other in level.members())
        else:
            budget = 0
            closeness = _by_signature(profiles, own, level, similar, room)
        for other, close in closeness:
            total = level.score + close
            ranked.append(_Candidate(total, other, level.score))
            for _ in range(min(room, len(profiles[other].members))):
                if len(floor) < room:
                    heapq.heappush(floor, total)
                elif total > floor[0]:
                    heapq.heapreplace(floor, total)
    ranked.sort(key=lambda candidate: -candidate.total)
    return ranked


def _by_signature(profiles: list[_Profile], own: int, level: _Level, similar: _SimilarText, room: int):
    """A level too large to compare in full: (profile, closeness) for the profiles whose
    signatures share bigrams with ``own``'s, closeness below 1 by bigrams shared; then
    the first others, at closeness 0, until they hold ``room`` items."""
    hits = similar.hits(own)
    near = sorted((p for p in hits if profiles[p].names in level.names), key=lambda p: (-hits[p], p))
    for number in near:
        yield number, hits[number] / (SIGNATURE_SIZE + 1)
    taken, skip = 0, set(near)
    for number in level.members():
        if taken >= room:
            return
        if number not in skip:
            yield number, 0.0
            taken += len(profiles[number].members)


class _SimilarText:
    """How close two passages' texts are: the cosine of their bigram counts, or where
    comparing an item with every candidate would cost too much, which passages share
    its most distinctive bigrams (built on first use: a small library never pays for it).
    """

    def __init__(self, profiles: list[_Profile]):
        """Remember the profiles; the signatures are made when first needed."""
        self._profiles = profiles
        self._cosines: dict[tuple[int, int], float] = {}
        self._signatures: list[list[str]] = []
        self._index: dict[str, list[int]] = {}
        self._hits: dict[int, Counter] = {}

    def cosine(self, first: int, second: int) -> float:
        """The cosine of two profiles' bigram counts, computed once for both rankings."""
        key = (first, second) if first < second else (second, first)
        value = self._cosines.get(key)
        if value is None:
            value = self._cosines[key] = _cosine(self._profiles[first], self._profiles[second])
        return value

    def hits(self, own: int) -> Counter:
        """For each profile, how many of ``own``'s signature bigrams its signature holds too."""
        if own not in self._hits:
            if not self._signatures:
                self._build()
            found: Counter = Counter()
            for gram in self._signatures[own]:
                posting = self._index[gram]
                if len(posting) <= POSTING_MAX:
                    found.update(posting)
            self._hits[own] = found
        return self._hits[own]

    def _build(self) -> None:
        """Each profile's signature (its rarest shared bigrams, first occurrence breaking ties),
        and for each signature bigram the profiles that have it in theirs, ascending."""
        spread: Counter = Counter()
        for profile in self._profiles:
            spread.update(profile.keys)
        alone = {gram for gram, count in spread.items() if count == 1}
        for number, profile in enumerate(self._profiles):
            # Iterating the Counter follows the text, so equal spreads break the same way every build.
            shared = filterfalse(alone.__contains__, profile.grams)
            # sorted() is stable and, with a C key, faster than heapq.nsmallest for a few hundred.
            signature = sorted(shared, key=spread.__getitem__)[:SIGNATURE_SIZE]
            self._signatures.append(signature)
            for gram in signature:
                self._index.setdefault(gram, []).append(number)


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
    chars = NOT_ALNUM.sub("", text)
    return Counter(map(operator.add, chars, chars[1:]))


def _cosine(first: _Profile, second: _Profile) -> float:
    """Cosine similarity of two profiles' bigram counts."""
    if not first.square or not second.square:
        return 0.0
    shared = first.keys & second.keys
    # Integer sums, so the result is the same whatever order the shared bigrams come in;
    # map() keeps the loop in C, the cost of the ranking of a large library.
    dot = sum(map(operator.mul, map(first.grams.__getitem__, shared), map(second.grams.__getitem__, shared)))
    return dot / math.sqrt(first.square * second.square)
