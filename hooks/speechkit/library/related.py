"""Link each item to the items of other parts that share its topics (other speeches first,
closest text first), or, with none, to the items closest to its text; each link says why."""

from __future__ import annotations

import heapq
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, filterfalse, groupby

from ..model import Item

# How many related items an item page lists.
RELATED_MAX = 5
# Text closeness: how many bigrams two passages' signatures share. A signature is this
# many of a passage's bigrams that the fewest other passages hold (but some other does:
# a bigram of one passage alone finds nothing), so closeness rewards the distinctive
# phrases two items share (三会一课, 一碗水端平), not 工作 and 发展, and is found by looking
# up an item's signature instead of comparing it with every item of its topics, which
# keeps the ranking near-linear in the size of the library.
SIGNATURE_SIZE = 16
# A signature bigram in more signatures than this tells too little: it does not count.
POSTING_MAX = 50
# A text link needs this many signature bigrams in common: one (一要, 严重) is chance.
TEXT_HITS_MIN = 2
# The longest shared phrase a text link shows as its reason (内容相近：…).
PHRASE_MAX = 16
# What str.isalnum() rejects (\W is "not alphanumeric and not _"): left out of bigrams.
NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Related:
    """A link from one item to another and why: the topics they share, or else the
    distinctive phrase their texts share."""

    target: int  # index into the list of all items
    shared: tuple[str, ...]
    score: float
    phrase: str = ""  # when ``shared`` is empty: the longest phrase both texts hold


def related_items(
    items: list[Item], groups: list[object], tags: list[tuple[str, ...]], speeches: list[object] | None = None
) -> list[tuple[Related, ...]]:
    """For each item, the items of other groups (parts) that share its topics, those of
    other ``speeches`` first (each group its own speech if not given).

    Ranked by the shared topics, rarer topics counting more, plus the text closeness
    (below 1), so that among items on the same topics the closer ones come first;
    equal totals by item order. An item that shares no topic with any item of another
    group gets the items closest to its text instead (see _text_links).
    """
    speeches = groups if speeches is None else speeches
    rarity = _rarity(tags, len(items))
    profiles, profile_of = _profiles(items, tags)
    by_names = _by_names(profiles)
    similar = _SimilarText(profiles)
    speech_sizes = Counter(speeches)
    levels_of: dict[tuple[str, ...], list[_Level]] = {}
    rankings: dict[int, list[_Candidate]] = {}
    result = []
    for index, names in enumerate(tags):
        own = profile_of[index]
        if own not in rankings:
            if names not in levels_of:
                levels_of[names] = _levels(names, by_names, rarity)
            # Enough candidates that RELATED_MAX remain once any member's own speech is left out.
            room = RELATED_MAX + max(speech_sizes[speeches[m]] for m in profiles[own].members)
            rankings[own] = _ranking(profiles, own, levels_of[names], similar.hits(own), room)
        best = _best_elsewhere(rankings[own], profiles, groups, speeches, index)
        links = tuple(Related(other, tuple(n for n in names if n in tags[other]), round(score, 3)) for other, score in best)
        result.append(links or _text_links(items, profiles, profile_of, similar, groups, speeches, index))
    return result


@dataclass
class _Profile:
    """Items with one text and one set of topics: they rank every other item alike."""

    names: tuple[str, ...]
    members: list[int]  # item indexes, ascending
    grams: list[str]  # distinct bigrams, in the order they first occur in the text


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
            index_of[key] = len(profiles)
            profiles.append(_Profile(names, [], _bigrams(item.text)))
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


def _ranking(profiles: list[_Profile], own: int, levels: list[_Level], hits: Counter, room: int) -> list[_Candidate]:
    """The profiles that can rank in the top ``room`` items for profile ``own``, best first.

    Levels are taken highest score first; closeness is below 1, so once ``room`` items
    total more than a level's score + 1, no lower level can rank.
    """
    floor: list[float] = []  # the best ``room`` totals so far, one entry per item; least first
    ranked = []
    for level in levels:
        if len(floor) == room and level.score + 1 < floor[0]:
            break
        for other, close in _closest(profiles, level, hits, room):
            total = level.score + close
            ranked.append(_Candidate(total, other, level.score))
            for _ in range(min(room, len(profiles[other].members))):
                if len(floor) < room:
                    heapq.heappush(floor, total)
                elif total > floor[0]:
                    heapq.heapreplace(floor, total)
    ranked.sort(key=lambda candidate: -candidate.total)
    return ranked


def _closest(profiles: list[_Profile], level: _Level, hits: Counter, room: int):
    """(profile, closeness) of a level's profiles that can rank: those whose signatures
    share bigrams with the item's (``hits``), closest first; then, at closeness 0, the
    others that hold one of the first ``room`` items among them (the rest tie and come later)."""
    near = sorted((p for p in hits if profiles[p].names in level.names), key=lambda p: (-hits[p], p))
    for number in near:
        yield number, hits[number] / (SIGNATURE_SIZE + 1)
    skip = set(near)
    first: list[int] = []  # the ``room`` smallest item indexes met so far, negated: a max-heap
    # Profiles come in the order of their first item, and each one's items ascend.
    for number in level.members():
        if number in skip:
            continue
        members = profiles[number].members
        if len(first) == room and members[0] > -first[0]:
            return
        yield number, 0.0
        for member in members:
            if len(first) < room:
                heapq.heappush(first, -member)
            elif member < -first[0]:
                heapq.heapreplace(first, -member)
            else:
                break


class _SimilarText:
    """Each passage's signature, and which passages' signatures hold each bigram."""

    def __init__(self, profiles: list[_Profile]):
        """Make every profile's signature: its rarest shared bigrams, first occurrence breaking ties."""
        spread: Counter = Counter()
        for profile in profiles:
            spread.update(profile.grams)
        alone = {gram for gram, count in spread.items() if count == 1}
        self._signatures: list[list[str]] = []
        self._index: dict[str, list[int]] = {}  # bigram → profiles, ascending
        for number, profile in enumerate(profiles):
            shared = filterfalse(alone.__contains__, profile.grams)
            # sorted() is stable (the text's order breaks ties) and, with a C key, fast.
            signature = sorted(shared, key=spread.__getitem__)[:SIGNATURE_SIZE]
            self._signatures.append(signature)
            for gram in signature:
                self._index.setdefault(gram, []).append(number)

    def phrase(self, own: int, other: int, text: str, other_text: str) -> str:
        """The longest phrase of the two texts around a signature bigram they share (each
        bigram where it first occurs), at most PHRASE_MAX characters: why they are close."""
        theirs_signature = set(self._signatures[other])
        mine, theirs = NOT_ALNUM.sub("", text), NOT_ALNUM.sub("", other_text)
        best = ""
        for gram in self._signatures[own]:
            if gram not in theirs_signature or len(self._index[gram]) > POSTING_MAX:
                continue
            start, their_start = mine.find(gram), theirs.find(gram)
            while start > 0 and their_start > 0 and mine[start - 1] == theirs[their_start - 1]:
                start, their_start = start - 1, their_start - 1
            length = 0
            while start + length < len(mine) and their_start + length < len(theirs) \
                    and mine[start + length] == theirs[their_start + length]:
                length += 1
            if length > len(best):
                best = mine[start:start + length]
        return best if len(best) <= PHRASE_MAX else best[:PHRASE_MAX] + "…"

    def hits(self, own: int) -> Counter:
        """For each profile, how many of ``own``'s signature bigrams its signature holds too."""
        postings = (self._index[gram] for gram in self._signatures[own])
        return Counter(chain.from_iterable(p for p in postings if len(p) <= POSTING_MAX))


def _best_elsewhere(
    ranking: list[_Candidate], profiles: list[_Profile], groups: list[object], speeches: list[object], index: int
) -> list[tuple[int, float]]:
    """The first RELATED_MAX items of the ranking outside item ``index``'s group, those of
    other speeches before those of its own; equal totals by item order."""
    elsewhere: list[tuple[int, float]] = []
    at_home: list[tuple[int, float]] = []
    for _, level in groupby(ranking, key=lambda candidate: candidate.total):
        members = [[(m, c.score) for m in profiles[c.profile].members] for c in level]
        for other, score in heapq.merge(*members):
            if groups[other] == groups[index]:
                continue
            found = elsewhere if speeches[other] != speeches[index] else at_home
            if len(found) < RELATED_MAX:
                found.append((other, score))
            if len(elsewhere) == RELATED_MAX:
                return elsewhere
    return (elsewhere + at_home)[:RELATED_MAX]


def _text_links(
    items: list[Item], profiles: list[_Profile], profile_of: list[int], similar: _SimilarText,
    groups: list[object], speeches: list[object], index: int,
) -> tuple[Related, ...]:
    """Item ``index``'s links by text alone: the items of other groups whose signatures
    share most of its own, TEXT_HITS_MIN at least (other speeches first, then by item
    order), each with the phrase."""
    hits = similar.hits(profile_of[index])
    candidates = [
        (speeches[other] == speeches[index], -count, other)
        for number, count in hits.items() if count >= TEXT_HITS_MIN
        for other in profiles[number].members
        if groups[other] != groups[index]
    ]
    own, text = profile_of[index], items[index].text
    return tuple(
        Related(other, (), round(-negated / (SIGNATURE_SIZE + 1), 3),
                similar.phrase(own, profile_of[other], text, items[other].text))
        for _, negated, other in sorted(candidates)[:RELATED_MAX]
    )


def _bigrams(text: str) -> list[str]:
    """The distinct character pairs of a text in the order they first occur, punctuation and spaces left out."""
    chars = NOT_ALNUM.sub("", text)
    return list(dict.fromkeys(map(operator.add, chars, chars[1:])))
