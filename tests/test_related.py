"""related_items: the fast ranking gives exactly what the plain definition gives; past its
cosine limit, a ranking that still keeps every promise a reader relies on."""

from __future__ import annotations

import math
from collections import Counter
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit.related import COSINE_LIMIT, RELATED_MAX, related_items

TOPICS = ("党建", "作风", "民生", "安全")
# Few characters, so that texts repeat, share bigrams and tie on score and cosine.
TEXTS = st.text(alphabet="党建作风民生安全工作。", max_size=12)


def reference(items, groups, tags):
    """The definition, pair by pair: shared topics by rarity, plus bigram cosine; ties by index."""
    count = Counter(name for names in tags for name in names)
    rarity = {name: math.log(1 + len(items) / found) for name, found in count.items()}
    grams = [_bigrams(item.text) for item in items]
    result = []
    for index, names in enumerate(tags):
        scores: Counter = Counter()
        for name in names:
            for other, theirs in enumerate(tags):
                if name in theirs and groups[other] != groups[index]:
                    scores[other] += rarity[name]
        ranked = sorted(scores, key=lambda o: (-(scores[o] + _cosine(grams[index], grams[o])), o))
        result.append([(o, tuple(n for n in names if n in tags[o]), round(scores[o], 3)) for o in ranked[:RELATED_MAX]])
    return result


def _bigrams(text):
    """Counts of the letter pairs of a text."""
    chars = [c for c in text if c.isalnum()]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


def _cosine(first, second):
    """Cosine similarity of two counts."""
    if not first or not second:
        return 0.0
    dot = sum(count * second[gram] for gram, count in first.items() if gram in second)
    return dot / math.sqrt(sum(v * v for v in first.values()) * sum(v * v for v in second.values()))


def _plain(related):
    """Related links as comparable tuples."""
    return [[(r.target, r.shared, r.score) for r in links] for links in related]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(TEXTS, st.integers(0, 4), st.sets(st.sampled_from(TOPICS))),
        max_size=40,
    )
)
def test_ranking_matches_the_definition(rows):
    items = [SimpleNamespace(text=text) for text, _, _ in rows]
    groups = [group for _, group, _ in rows]
    tags = [tuple(sorted(names)) for _, _, names in rows]
    assert _plain(related_items(items, groups, tags)) == reference(items, groups, tags)


@pytest.mark.parametrize("cosine_limit", [COSINE_LIMIT, 0])
def test_a_repeated_passage_elsewhere_ranks_first_and_its_own_part_never_does(cosine_limit):
    texts = ["加强党建工作", "加强党建工作", "党建引领发展", "加强党建工作"]
    items = [SimpleNamespace(text=t) for t in texts]
    groups = [0, 1, 2, 0]
    tags = [("党建",)] * 4
    first = related_items(items, groups, tags, cosine_limit)[0]
    assert [r.target for r in first] == [1, 2]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(TEXTS, st.integers(0, 6), st.sets(st.sampled_from(TOPICS))),
        max_size=60,
    ),
    st.integers(0, 8),
)
def test_past_the_cosine_limit_links_still_share_a_topic_leave_the_part_and_fill_the_list(rows, cosine_limit):
    items = [SimpleNamespace(text=text) for text, _, _ in rows]
    groups = [group for _, group, _ in rows]
    tags = [tuple(sorted(names)) for _, _, names in rows]
    exact = reference(items, groups, tags)
    for index, links in enumerate(related_items(items, groups, tags, cosine_limit)):
        targets = [link.target for link in links]
        assert len(set(targets)) == len(targets)
        assert all(groups[t] != groups[index] and set(tags[t]) & set(tags[index]) for t in targets)
        assert len(links) == len(exact[index])  # as many as there are to link, up to RELATED_MAX
        if links:
            # Text closeness is below 1, so no link can lose more than 1 of topic score to the best.
            assert links[0].score >= exact[index][0][2] - 1
