"""The study aids' core, on the seed and a corpus speech: no MkDocs, no browser."""

from __future__ import annotations

import dataclasses
import re

import markdown
import pytest

from conftest import CORPUS, SEED

from cjk_abbr import CjkAbbrExtension
from speechkit.errors import SpeechError
from speechkit.library import Term, build_library, load_speech, load_taxonomy
from speechkit.pages.aids import Aids, aid_pages, speech_home_lines
from speechkit.pages.aids.diagram import outline_diagram
from speechkit.pages.aids.glossary import abbreviations, occurrences
from speechkit.pages.aids.key_sentences import Rule, key_sentences, load_rules, split_sentences
from speechkit.pages.aids.places import places
from speechkit.pages.aids.self_test import cloze

DENG = CORPUS / "08_deng_jiaoyu_gongzuo_huiyi_1978_gbk.txt"
TOPICS = SEED.parent.parent / "hooks" / "speechkit" / "data" / "topics.yml"


@pytest.fixture(scope="module")
def library():
    """The seed speech and Deng Xiaoping's 1978 education speech, in one library."""
    return build_library([load_speech(SEED), load_speech(DENG)], load_taxonomy(TOPICS))


def _texts(library, index):
    """The key sentences of one speech, as text."""
    return [key.text for key in key_sentences(places(library, index), load_rules())]


# -- key sentences --------------------------------------------------------------------------


def test_seed_key_sentences_hold_its_aphorisms_and_slogans(library):
    texts = _texts(library, 0)
    assert "公生明，廉生威。" in texts
    assert "同志们，抓好党建是最大的政绩，更是我们最大的责任。" in texts
    assert "“社区吹响集结号，网格党旗处处飘”" in texts  # a quoted slogan, shown alone
    assert any("只有实做方能有效" in text for text in texts)


def test_corpus_speech_key_sentences(library):
    texts = _texts(library, 1)
    assert "学非所用，用非所学" in texts
    assert 3 <= len(texts) <= 12


def test_key_sentences_are_few_and_quoted_exactly(library):
    for index in range(len(library.speeches)):
        found = key_sentences(places(library, index), load_rules())
        sentences = [s for p in places(library, index) for s in split_sentences(p.paragraph.text, "。！？")]
        assert len(found) <= len(sentences) / 4, "a 金句 page must not list most of the speech"
        for key in found:
            assert key.text in key.place.paragraph.text


def test_key_sentence_rules_are_data(library):
    rules = load_rules()
    only = Rule("自定义", "pattern", 5, pattern=re.compile("一碗水端平"))
    custom = dataclasses.replace(rules, rules=(only,), min_per_speech=1, min_score=1)
    found = key_sentences(places(library, 0), custom)
    assert [key.rules for key in found] == [("自定义",)]
    assert "一碗水端平" in found[0].text and found[0].place.item.display_label == "意见六"


def test_an_unknown_rule_kind_names_the_rule():
    from speechkit.pages.aids.key_sentences import _rule

    with pytest.raises(SpeechError, match="rule '押韵': kind must be one of couplet, series, pattern, quoted"):
        _rule({"name": "押韵", "kind": "rhyme"})


def test_sentences_end_outside_quotes():
    text = "他说：“知识越多越反动。”这是谬论！对吗？"
    assert split_sentences(text, "。！？") == ["他说：“知识越多越反动。”这是谬论！", "对吗？"]


# -- self-test --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headline", "answers"),
    [
        ("做到公私分明", ("公私分明",)),
        ("把党建工作做“实”", ("实",)),
        ("站位不高，主责主业意识不强", ("主责主业",)),
        ("作用发挥不充分，引领行业发展能力不强", ("作用发挥", "发展能力")),
    ],
)
def test_cloze_blanks_the_key_words(headline, answers, library):
    question = cloze(headline, library.taxonomy)
    assert question.answers == answers
    assert question.text == headline


def test_every_headline_gets_a_fair_question(library):
    for placed_item in library.items:
        question = cloze(placed_item.item.headline, library.taxonomy)
        assert question.text == placed_item.item.headline
        assert question.answers, placed_item.item.headline
        blanked = sum(len(answer) for answer in question.answers)
        assert blanked < len(placed_item.item.headline), "a question must leave a clue"


# -- glossary ---------------------------------------------------------------------------------


def test_glossary_finds_terms_where_they_occur(library):
    found = occurrences(library)
    assert [p.item.display_label for p in found["三会一课"] if p.item] == ["问题四"]
    assert {p.item.display_label for p in found["一岗双责"] if p.item} == {"意见二"}
    assert all(place.speech_index == 0 for place in found["流动党员"])


def test_abbreviations_define_only_the_terms_a_page_uses():
    terms = (Term("三会一课", "支部党员大会等的合称。"), Term("四风", "形式主义等。"))
    assert abbreviations("落实“三会一课”制度", terms) == "\n\n*[三会一课]: 支部党员大会等的合称。\n"
    assert abbreviations("没有术语", terms) == ""


def test_abbr_finds_terms_inside_chinese_text():
    html = markdown.Markdown(extensions=[CjkAbbrExtension()]).convert(
        "站位不高，主责主业意识不强。GDPR 不是 GDP。\n\n*[主责主业]: 最主要的职责\n*[GDP]: 国内生产总值"
    )
    assert '站位不高，<abbr title="最主要的职责">主责主业</abbr>意识不强' in html
    assert 'GDPR 不是 <abbr title="国内生产总值">GDP</abbr>' in html


# -- mind map and switches ----------------------------------------------------------------------


def test_mind_map_nodes_are_the_outline(library):
    for index, placed in enumerate(library.speeches):
        links = re.findall(r"^( *)- \[.*\]\((.*)\)$", "\n".join(outline_diagram(library, index)), re.MULTILINE)
        expected = [("", "index.md")]
        for part_index, placed_part in enumerate(placed.parts):
            expected.append(("    ", f"{placed_part.slug}/index.md"))
            expected += [("        ", item.page.split("/", 1)[1]) for item in library.items_of(index, part_index)]
        assert links == expected


def test_each_aid_can_be_switched_off(library):
    everything = {path for path, _ in aid_pages(library, Aids())}
    assert "术语表.md" in everything and len(everything) == 1 + 3 * len(library.speeches)
    nothing = Aids(**{field.name: False for field in dataclasses.fields(Aids)})
    assert aid_pages(library, nothing) == []
    assert speech_home_lines(library, 0, nothing) == []
    no_map = speech_home_lines(library, 0, Aids(diagram=False))
    assert no_map and not any("study-map" in line for line in no_map)
