"""Where a keyword occurs decides an item's topics: headline first, then leads, then how often.

A topic named in the headline is what the item is about; one mentioned once in a long
body is a passing remark and no tag. Each item keeps its best few topics.
"""

from __future__ import annotations

from pathlib import Path


from speechkit.library import load_speech, load_taxonomy, topics_of
from speechkit.library.topics import SHORT_ITEM, TOPICS_MAX, Taxonomy, Topic

DEFAULT = Path(__file__).resolve().parent.parent / "hooks" / "speechkit" / "data" / "topics.yml"
LIBRARY = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "library"
# A sentence about nothing in the taxonomy, to make a body long.
FILLER = "各单位要结合实际抓好落实，确保各项任务按期完成。"

TAXONOMY = Taxonomy(
    (
        Topic("乡村", "", ("乡村振兴", "农村")),
        Topic("交通", "", ("地铁", "公交")),
        Topic("教育", "", ("学校", "教师")),
        Topic("医疗", "", ("医院", "医疗")),
        Topic("养老", "", ("养老", "老年人")),
        Topic("社保", "", ("养老保险", "低保")),
    ),
    (),
)


def test_a_headline_hit_beats_a_passing_body_mention():
    text = "（一）全面推进乡村振兴。\n" + FILLER * 3 + "新建一所学校。" + FILLER * 3
    assert topics_of(text, TAXONOMY, "全面推进乡村振兴") == ("乡村",)


def test_the_topic_the_headline_names_comes_first_even_when_the_body_says_more_of_another():
    body = "\n".join(["办好地铁。", "增开公交线路，优化地铁换乘，公交地铁一卡通。"] * 3)
    text = "（七）增进民生福祉，办好农村实事。\n" + body
    assert topics_of(text, TAXONOMY, "增进民生福祉，办好农村实事") == ("乡村", "交通")


def test_an_item_keeps_at_most_the_best_topics():
    headline = "办好乡村学校、医院、地铁和养老服务，落实低保"
    found = topics_of(headline + "。", TAXONOMY, headline)
    assert len(found) == TOPICS_MAX == 3
    assert set(found) < {"乡村", "交通", "教育", "医疗", "养老", "社保"}


def test_a_body_that_mentions_a_topic_twice_is_tagged_with_it():
    text = "（二）抓好重点任务。\n" + FILLER + "改善农村人居环境。" + FILLER + "发展农村电商。" + FILLER
    assert topics_of(text, TAXONOMY, "抓好重点任务") == ("乡村",)


def test_a_single_passing_mention_in_a_long_body_is_no_tag():
    text = "（三）抓好重点任务。\n" + FILLER * 10 + "其中包括农村道路养护。" + FILLER * 10
    assert topics_of(text, TAXONOMY, "抓好重点任务") == ()


def test_the_first_sentence_of_a_paragraph_weighs_more_than_the_rest_of_it():
    # 学校 once in a lead and twice in the body (2 + 1 + 1) reaches the threshold beside
    # 医院 mentioned four times further on; three mentions in the body alone do not.
    # (A long item, as a report's section: in a short one body mentions count double.)
    led = "（四）抓好重点任务。\n办好每一所学校。" + FILLER * 8 + "学校要安全，学校要干净。\n" + FILLER * 8 + "医院、医院、医院、医院。"
    unled = "（四）抓好重点任务。\n" + FILLER * 8 + "办好每一所学校。学校要安全，学校要干净。\n" + FILLER * 8 + "医院、医院、医院、医院。"
    assert topics_of(led, TAXONOMY, "抓好重点任务") == ("医疗", "教育")
    assert topics_of(unled, TAXONOMY, "抓好重点任务") == ("医疗",)


def test_in_a_short_point_two_mentions_are_no_passing_remark():
    # A point of a speech (under SHORT_ITEM characters) names its subjects briefly.
    point = "三要把工作做实。要从落实三会一课入手，让学校有活力，让学校有秩序，" + "地铁、地铁、公交、公交、地铁。"
    assert len(point) < SHORT_ITEM
    assert topics_of(point, TAXONOMY, "把工作做实") == ("交通", "教育")
    section = point + FILLER * 16
    assert len(section) >= SHORT_ITEM
    assert topics_of(section, TAXONOMY, "把工作做实") == ("交通",)


def test_a_side_remark_far_below_the_best_topic_is_left_out():
    heavy = "\n".join(["新建一所学校。" + "学校、教师、学校、教师。"] * 5)
    text = "（五）办好教育。\n" + heavy + "\n" + FILLER + "医院、医院、医院、医院。"
    assert topics_of(text, TAXONOMY, "办好教育") == ("教育",)


def test_the_longest_keyword_at_a_place_wins():
    text = "（六）完善社会保障。\n" + FILLER + "扩大养老保险覆盖面，提高养老保险待遇，做好养老保险转移接续。"
    assert topics_of(text, TAXONOMY, "完善社会保障") == ("社保",)


def test_without_a_headline_the_first_sentence_is_the_headline():
    text = "加快地铁建设。" + FILLER * 5
    assert topics_of(text, TAXONOMY) == ("交通",)
    assert topics_of("（一）" + text, TAXONOMY, "加快地铁建设") == ("交通",)


def test_the_default_taxonomy_has_short_names_one_sentence_descriptions_and_keywords_of_one_topic():
    taxonomy = load_taxonomy(DEFAULT)
    owners: dict[str, str] = {}
    for topic in taxonomy.topics:
        assert 2 <= len(topic.name) <= 6, topic.name
        assert topic.description.endswith("。") and topic.description.count("。") == 1, topic.name
        for keyword in topic.keywords:
            assert keyword not in owners, f"{keyword} is a keyword of {owners.get(keyword)} and {topic.name}"
            owners[keyword] = topic.name
    names = {topic.name for topic in taxonomy.topics}
    assert {"组织生活", "全面从严治党", "乡村振兴", "民族团结", "国防双拥", "港澳台", "外交", "人口", "交通"} <= names


def test_almost_every_item_of_a_library_of_work_reports_carries_a_topic():
    taxonomy = load_taxonomy(DEFAULT)
    paths = sorted(LIBRARY.glob("*_gwr_*"))
    assert len(paths) >= 30, "the real library is missing"
    tags = [
        topics_of(item.text, taxonomy, item.headline)
        for path in paths for part in load_speech(path).parts for item in part.items
    ]
    assert len(tags) > 500
    assert sum(1 for found in tags if found) / len(tags) >= 0.95
    assert max(map(len, tags)) <= TOPICS_MAX


def test_a_long_items_headline_word_its_text_never_takes_up_is_a_slogan_not_a_topic():
    body = "增开公交线路，优化地铁换乘。" * 4 + FILLER * 16
    assert len(body) > SHORT_ITEM
    slogan = "（一）坚持乡村振兴引领，办好民生实事。" + body
    assert topics_of(slogan, TAXONOMY, "坚持乡村振兴引领，办好民生实事") == ("交通",)
    taken_up = slogan + "农村公交通达率提高。"
    assert topics_of(taken_up, TAXONOMY, "坚持乡村振兴引领，办好民生实事") == ("乡村", "交通")


def test_a_third_topic_must_be_a_main_subject_not_a_side_one():
    def item(each: int) -> str:
        return "（二）抓好重点任务。" + "办好地铁。" * 10 + ("新建学校。" + "新建医院。") * each + FILLER * 16

    # 地铁 ×10, then 学校 and 医院 ×4: the third scores under half the best; ×5 it does not.
    assert topics_of(item(4), TAXONOMY, "抓好重点任务") == ("交通", "教育")
    assert topics_of(item(5), TAXONOMY, "抓好重点任务") == ("交通", "教育", "医疗")
