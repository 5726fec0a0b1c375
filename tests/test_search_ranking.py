"""The ranked index: weights per posting (title above body, length folded in), the speech's
facets searchable with its items, one document per passage, documents mapped to speeches."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from itertools import accumulate

import pytest

from speechkit.library import build_library, load_taxonomy
from speechkit.search.index import (
    LEVELS, RECEIVER, SearchDoc, build_search_files, load_synonyms, search_documents, shard_of, speech_meta,
)

from conftest import REPO, parse_text

SCRIPT = re.compile(rf'^{re.escape(RECEIVER)}\("([^"]+)",(.*)\);\n$', re.S)
TAXONOMY = REPO / "hooks" / "speechkit" / "data" / "topics.yml"
FILLER = "我们要认真落实各项部署。" * 20


def _payload(files: dict[str, str], key: str):
    """The data of one index file."""
    match = SCRIPT.match(files[f"search/{key}.js"])
    assert match and match.group(1) == key
    return json.loads(match.group(2))


def _levels(docs: list[SearchDoc], bigram: str) -> dict[int, int]:
    """Document id → weight level of one bigram, read back from its shard."""
    files = build_search_files(docs, synonyms=[])
    shards = _payload(files, "manifest")["shards"]
    values = _payload(files, f"shards/{shard_of(bigram, shards)}")[bigram]
    ids = accumulate(value // LEVELS for value in values)
    return {doc_id: value % LEVELS for doc_id, value in zip(ids, values)}


def _item(title: str, text: str, speech: int = 0) -> SearchDoc:
    """An item document."""
    return SearchDoc("item", f"{title}/", title, "", "讲话", speech, (), text)


def test_a_word_in_the_title_weighs_more_than_the_same_word_in_the_body():
    levels = _levels([_item("乡村振兴", "乡村振兴。" + FILLER), _item("落实部署", "乡村振兴。" + FILLER)], "振兴")
    assert levels[0] > levels[1]


def test_a_word_weighs_less_in_a_longer_text_and_more_when_repeated():
    short, long, repeated = "教育优先。" + FILLER, "教育优先。" + FILLER * 4, "教育优先。教育优先。" + FILLER
    levels = _levels([_item("甲", short), _item("乙", long), _item("丙", repeated)], "教育")
    assert levels[1] < levels[0] < levels[2]


def test_a_speech_is_searchable_by_speaker_meeting_year_subtitle_and_the_congress_short_name():
    speech = parse_text("报告标题\n——在中国共产党第二十次全国代表大会上的报告\n\n同志们：\n\n一、工作\n\n（一）第一项。内容。\n")
    speech = replace(speech, speaker="习近平", date="2022-10-16", meeting="中国共产党第二十次全国代表大会")
    meta = speech_meta(speech)
    for word in ("习近平", "2022年", "中国共产党第二十次全国代表大会", "二十大", "二十大报告"):
        assert word in meta, (word, meta)
    assert "十九大" not in meta


def test_facets_carry_each_speech_searchable_text_label_and_home():
    docs = [
        _item("甲", "内容"),
        SearchDoc("speech", "讲话/", "讲话", "导读", "讲话", 0, (), "讲话", "李强 2024年", "2024 李强"),
    ]
    facets = _payload(build_search_files(docs, synonyms=[]), "facets")
    assert facets["meta"] == ["李强2024年"] and facets["labels"] == ["2024 李强"] and facets["homes"] == ["讲话/"]


@pytest.fixture(scope="module")
def library():
    """Two parsed speeches placed in one library."""
    first = parse_text("第一篇讲话\n\n同志们：\n\n开头一段话。\n\n我讲三点意见。\n\n一要甲事做好。甲事内容。\n\n二要乙事做好。乙事内容。\n\n谢谢大家。\n", "a.txt")
    second = parse_text("第二篇讲话\n\n同志们：\n\n我讲两点意见。\n\n一要丙事做好。丙事内容。\n\n二要丁事做好。丁事内容。\n", "b.txt")
    return build_library([first, second], load_taxonomy(TAXONOMY))


def test_a_paragraph_an_item_or_speech_page_shows_is_not_indexed_again(library):
    docs = search_documents(library, lambda path: path)
    paragraphs = [d.text for d in docs if d.kind == "paragraph"]
    items = [d.text for d in docs if d.kind == "item"]
    assert len(items) == 4
    assert not any(text in item for text in paragraphs for item in items)
    assert "开头一段话。" not in paragraphs  # the speech's page shows its opening


def test_the_manifest_says_which_speech_each_document_belongs_to(library):
    docs = search_documents(library, lambda path: path)
    manifest = _payload(build_search_files(docs, synonyms=[]), "manifest")
    for kind, gaps in manifest["speechStarts"].items():
        starts = list(accumulate(gaps))
        for doc_id, doc in enumerate(docs):
            if doc.kind == kind:
                speech = max(n for n, start in enumerate(starts) if start <= doc_id)
                assert speech == doc.speech_index, (kind, doc_id)


def test_the_synonym_groups_are_normalized_and_reach_the_manifest():
    groups = load_synonyms()
    assert ["老师", "教师"] in groups
    docs = [_item("甲", "内容")]
    assert _payload(build_search_files(docs, synonyms=[["老师", "教师"]]), "manifest")["synonyms"] == [["老师", "教师"]]
