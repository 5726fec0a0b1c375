"""related_items: the fast ranking gives exactly what the plain definition gives."""

from __future__ import annotations

import math
from collections import Counter
from types import SimpleNamespace
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit.library import related
from speechkit.library.related import POSTING_MAX, RELATED_MAX, SIGNATURE_SIZE, TEXT_HITS_MIN, related_items

TOPICS = ("党建", "作风", "民生", "安全")
# Few characters, so that texts repeat, share bigrams and tie on score and cosine.
TEXTS = st.text(alphabet="党建作风民生安全工作。", max_size=12)


def reference(items, groups, tags, posting_max=POSTING_MAX, speeches=None):
    """The definition, pair by pair: shared topics by rarity, plus signature closeness, other
    speeches first; ties by index. With no shared topic: by closeness alone, other speeches first."""
    speeches = groups if speeches is None else speeches
    count = Counter(name for names in tags for name in names)
    rarity = {name: math.log(1 + len(items) / found) for name, found in count.items()}
    passages = list(dict.fromkeys((item.text, names) for item, names in zip(items, tags)))
    grams = {p: _bigrams(p[0]) for p in passages}
    spread = Counter(gram for p in passages for gram in grams[p])
    signature = {
        p: sorted((g for g in grams[p] if spread[g] > 1), key=lambda g: spread[g])[:SIGNATURE_SIZE] for p in passages
    }
    holding = Counter(gram for p in passages for gram in signature[p])

    def closeness(a, b):
        shared = [g for g in signature[a] if g in signature[b] and holding[g] <= posting_max]
        return len(shared) / (SIGNATURE_SIZE + 1)

    result = []
    for index, names in enumerate(tags):
        scores: Counter = Counter()
        for name in names:
            for other, theirs in enumerate(tags):
                if name in theirs and groups[other] != groups[index]:
                    scores[other] += rarity[name]
        own = (items[index].text, names)
        ranked = sorted(scores, key=lambda o: (speeches[o] == speeches[index], -(scores[o] + closeness(own, (items[o].text, tags[o]))), o))
        links = [(o, tuple(n for n in names if n in tags[o]), round(scores[o], 3)) for o in ranked[:RELATED_MAX]]
        if not links:
            close = {o: closeness(own, (items[o].text, tags[o])) for o in range(len(items)) if groups[o] != groups[index]}
            near = sorted((o for o in close if round(close[o] * (SIGNATURE_SIZE + 1)) >= TEXT_HITS_MIN), key=lambda o: (speeches[o] == speeches[index], -close[o], o))
            links = [(o, (), round(close[o], 3)) for o in near[:RELATED_MAX]]
        result.append(links)
    return result


def _bigrams(text):
    """The distinct letter pairs of a text, in the order they first occur."""
    chars = [c for c in text if c.isalnum()]
    return list(dict.fromkeys(a + b for a, b in zip(chars, chars[1:])))


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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TEXTS, st.integers(0, 5), st.sets(st.sampled_from(TOPICS))), max_size=40))
def test_ranking_prefers_other_speeches_as_defined(rows):
    items = [SimpleNamespace(text=text) for text, _, _ in rows]
    groups = [group for _, group, _ in rows]  # parts 0–5 of speeches 0–2
    speeches = [group // 2 for group in groups]
    tags = [tuple(sorted(names)) for _, _, names in rows]
    expected = reference(items, groups, tags, speeches=speeches)
    assert _plain(related_items(items, groups, tags, speeches)) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(TEXTS, st.integers(0, 4), st.sets(st.sampled_from(TOPICS))), max_size=40))
def test_bigrams_in_too_many_signatures_do_not_count(rows):
    items = [SimpleNamespace(text=text) for text, _, _ in rows]
    groups = [group for _, group, _ in rows]
    tags = [tuple(sorted(names)) for _, _, names in rows]
    with patch.object(related, "POSTING_MAX", 3):
        assert _plain(related_items(items, groups, tags)) == reference(items, groups, tags, posting_max=3)


def test_a_repeated_passage_elsewhere_ranks_first_and_its_own_part_never_does():
    texts = ["加强党建工作", "加强党建工作", "党建引领发展", "加强党建工作"]
    items = [SimpleNamespace(text=t) for t in texts]
    groups = [0, 1, 2, 0]
    tags = [("党建",)] * 4
    first = related_items(items, groups, tags)[0]
    assert [r.target for r in first] == [1, 2]


def test_a_shared_distinctive_phrase_outranks_shared_common_words():
    texts = ["坚持一碗水端平，做好工作", "做好工作，推动发展", "干部要一碗水端平", "做好工作"]
    items = [SimpleNamespace(text=t) for t in texts]
    first = related_items(items, [0, 1, 2, 3], [("作风",)] * 4)[0]
    assert [r.target for r in first] == [2, 1, 3]


def test_an_item_with_no_topic_links_to_the_closest_texts_and_names_the_phrase_they_share():
    texts = ["坚持一碗水端平，公道正派", "干部要一碗水端平", "一碗水端平才能服众", "推动经济发展"]
    items = [SimpleNamespace(text=t) for t in texts]
    groups = [(0, 0), (0, 1), (1, 0), (2, 0)]
    links = related_items(items, groups, [()] * 4, [g[0] for g in groups])[0]
    # The other speech's item first, then the own speech's other part; 经济发展 shares nothing.
    assert [(r.target, r.shared, r.phrase) for r in links] == [(2, (), "一碗水端平"), (1, (), "一碗水端平")]


def test_items_on_one_topic_prefer_other_speeches_over_their_own():
    texts = ["党建工作甲", "党建工作乙", "党建工作丙"]
    items = [SimpleNamespace(text=t) for t in texts]
    groups = [(0, 0), (0, 1), (1, 0)]
    links = related_items(items, groups, [("党建",)] * 3, [g[0] for g in groups])[0]
    assert [(r.target, r.shared) for r in links] == [(2, ("党建",)), (1, ("党建",))]


def test_every_item_of_the_seed_has_related_items_and_each_link_says_why(seed_speech):
    from speechkit.library import build_library, load_taxonomy

    from conftest import REPO

    library = build_library([seed_speech], load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml"))
    assert len(library.items) == 13
    for placed_item, links in zip(library.items, library.related):
        assert links, placed_item.page
        for link in links:
            target = library.items[link.target]
            assert target.part_index != placed_item.part_index
            if link.shared:
                assert set(link.shared) <= set(placed_item.tags) & set(target.tags)
            else:
                # No topic in common with any other part: the phrase is in both texts.
                assert len(link.phrase) >= 2 and all(link.phrase in i.item.text for i in (placed_item, target))
