"""The floor of issue 13 on a library of reports (the seed, the corpus texts and the 31
city work reports): at least 10 topic pages each gather items of ≥ 3 speeches and ≥ 3 years."""

from __future__ import annotations

import sys

from speechkit.library import build_library, load_speech, load_taxonomy

from conftest import REPO, SEED, corpus_files, library_files

sys.path.insert(0, str(REPO / "scripts"))

from topic_floor import FLOOR_TOPICS, meets_floor, topic_rows  # noqa: E402


def test_ten_topics_gather_items_of_three_speeches_and_three_years():
    taxonomy = load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml")
    paths = [SEED, *corpus_files(), *library_files()]
    library = build_library([load_speech(path) for path in paths], taxonomy, related=False)
    met = [row for row in topic_rows(library) if meets_floor(row)]
    assert len(met) >= FLOOR_TOPICS, met
    # Not one city's reports alone: 乡村振兴's page draws on many speeches and years.
    [rural] = [row for row in topic_rows(library) if row[0] == "乡村振兴"]
    assert rural[2] >= 10 and rural[3] >= 5, rural
