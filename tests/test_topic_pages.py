"""Topic pages and the topic index, built from literal speeches: grouping by year and speech,
passages with keywords marked (hostile text and keywords literal), the chart, related
topics, year pages for a crowded topic, and the index's groups and counts."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from speechkit.library import Taxonomy, Topic, TopicGroup, build_library, speech_from_bytes
from speechkit.pages import topic_pages as tp

from test_escaping import markdown_extensions

TAXONOMY = Taxonomy(
    (
        Topic("乡村振兴", "农业农村现代化。", ("乡村振兴", "三农")),
        Topic("教育", "学校和教师。", ("教育", "学校")),
        Topic("落实", "", ("狠抓落实",)),
    ),
    (),
    (TopicGroup("民生", ("教育",)), TopicGroup("城乡", ("乡村振兴",))),
)


def speech(name: str, title: str, date: str | None, points: list[str], speaker: str = "张三"):
    """A speech of numbered points (一是…) with a date and speaker in its front matter; one
    point is followed by a second on no topic (a single point makes no part)."""
    points = points if len(points) > 1 else points + ["加强学习。认真读书。"]
    front = f"---\n{f'date: {date}' + chr(10) if date else ''}speaker: {speaker}\n---\n"
    numerals = "一二三四五六七八九十"
    body = "".join(f"{numerals[n]}是{point}\n" for n, point in enumerate(points))
    text = f"{front}{title}\n同志们：\n今天开会。下面我讲{numerals[len(points) - 1]}点意见：\n{body}"
    return speech_from_bytes(text.encode(), f"speeches/{name}.txt")


def library(*speeches):
    """The library of these speeches under TAXONOMY."""
    return build_library(list(speeches), TAXONOMY, related=False)


def pages_of(lib) -> dict[str, str]:
    """The topic pages by path."""
    return dict(tp.topic_pages(lib))


def html_of(page: str) -> str:
    """A generated page rendered with the site's Markdown extensions (front matter left out)."""
    return markdown.markdown(page.split("---\n", 2)[2], extensions=markdown_extensions())


YEARS = library(
    speech("a", "在2022年会议上的讲话", "2022-05-01", ["推进乡村振兴。乡村振兴要扎实。", "狠抓落实。抓紧。"]),
    speech("b", "在2024年春季会议上的讲话", "2024-03-01", ["办好教育，推进乡村振兴。天气很好。建好学校，发展乡村振兴产业。"]),
    speech("c", "在2024年秋季会议上的讲话", "2024-10-01", ["抓好乡村振兴。三农工作是重中之重。"]),
    speech("d", "一篇未注明日期的讲话", None, ["谈乡村振兴。乡村振兴靠人才。"]),
)


def test_items_are_grouped_by_year_newest_first_then_by_speech_newest_first():
    gathered = tp.gather(YEARS)["乡村振兴"]
    years = tp.by_year(YEARS, gathered)
    assert [year for year, _ in years] == ["2024", "2022", tp.UNDATED]
    speeches = [[YEARS.speeches[item.speech_index].speech.title for item in items] for _, items in years]
    assert speeches == [["在2024年秋季会议上的讲话", "在2024年春季会议上的讲话"], ["在2022年会议上的讲话"], ["一篇未注明日期的讲话"]]
    page = pages_of(YEARS)["主题/乡村振兴/index.md"]
    order = [page.index(heading) for heading in ("## 2024年（2 条）", "## 2022年（1 条）", "## 未注明日期（1 条）")]
    assert order == sorted(order)
    assert page.index("在2024年秋季会议上的讲话") < page.index("在2024年春季会议上的讲话")


def test_an_entry_names_its_place_linked_to_the_item_and_its_speech_with_date_and_speaker():
    page = pages_of(YEARS)["主题/乡村振兴/index.md"]
    assert "### [在2022年会议上的讲话](../../在2022年会议上的讲话/index.md)" in page
    assert "2022\\-05\\-01 · 张三" in page
    assert "[意见一 · 二点意见](../../在2024年秋季会议上的讲话/意见/1.md)  " in page
    assert "专题学习材料 · 共 4 条，出自 4 篇讲话，2022–2024年" in page


def test_the_passage_holds_the_sentences_with_the_keywords_marked():
    page = pages_of(YEARS)["主题/乡村振兴/index.md"]
    assert "一是抓好<mark>乡村振兴</mark>。<mark>三农</mark>工作是重中之重。" in page
    # The passage of 教育's item: the sentence without 教育 or 学校 is left out, and the gap shown.
    education = pages_of(YEARS)["主题/教育/index.md"]
    assert "一是办好<mark>教育</mark>，推进乡村振兴。……建好<mark>学校</mark>，发展乡村振兴产业。" in education


def test_at_most_two_sentences_are_quoted_and_a_gap_between_them_is_shown():
    pattern = tp.keyword_pattern(TAXONOMY.topics[0])
    text = "乡村振兴一。无关的话。乡村振兴二，乡村振兴。又一句无关的话。乡村振兴三。"
    assert tp.passage(text, pattern) == "<mark>乡村振兴</mark>一。……<mark>乡村振兴</mark>二，<mark>乡村振兴</mark>。"


def test_a_long_sentence_is_cut_around_its_first_keyword():
    pattern = tp.keyword_pattern(TAXONOMY.topics[0])
    sentence = "甲" * 300 + "乡村振兴" + "乙" * 300 + "。"
    quoted = tp.passage(sentence, pattern)
    assert quoted.startswith("…" + "甲" * tp.BEFORE_KEYWORD + "<mark>乡村振兴</mark>") and quoted.endswith("乙…")
    assert len(quoted.replace("<mark>", "").replace("</mark>", "")) == tp.SENTENCE_CHARS + 2


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", "**x**", "[x](javascript:alert(1))", "{: onclick=alert(1) }"])
def test_hostile_text_around_a_keyword_renders_literally_and_the_keyword_is_marked(hostile):
    lib = library(speech("h", "在会议上的讲话", "2024-01-01", [f"推进乡村振兴。{hostile}乡村振兴{hostile}。"]))
    rendered = html_of(pages_of(lib)["主题/乡村振兴/index.md"])
    assert "<script" not in rendered and "<strong" not in rendered and "javascript:" not in rendered.replace("javascript:alert", "")
    assert "onclick" not in rendered.replace("onclick=alert", "")
    text = re.sub(r"<[^>]+>", "", rendered.split('class="study-topic-item"')[1].split("</p>")[0].split(">", 1)[1])
    assert html.unescape(text).endswith(f"{hostile}乡村振兴{hostile}。")


def test_a_hostile_keyword_is_marked_as_text():
    hostile = Topic("危险", "", ("**党**", "[党](javascript:x)"))
    taxonomy = Taxonomy((hostile,), ())
    lib = build_library([speech("k", "在会议上的讲话", "2024-01-01", ["抓**党**建。抓[党](javascript:x)。"])], taxonomy, related=False)
    rendered = html_of(dict(tp.topic_pages(lib))["主题/危险/index.md"])
    assert "<mark>**党**</mark>" in rendered and "<mark>[党](javascript:x)</mark>" in rendered
    assert "<strong>" not in rendered and "<a href=\"javascript" not in rendered


def test_the_chart_draws_each_year_against_the_busiest():
    rows = tp.year_chart([("2024", 4), ("2023", 2), ("2021", 1), (tp.UNDATED, 3)])
    widths = re.findall(r'study-years__year">([^<]+)<.*?width: (\d+)%.*?study-years__count">(\d+)<', "".join(rows))
    assert widths == [("2024年", "100", "4"), ("2023年", "50", "2"), ("2021年", "25", "1"), ("未注明日期", "75", "3")]
    assert 'aria-label="各年条目数：2024年 4 条；2023年 2 条；2021年 1 条；未注明日期 3 条"' in rows[0]


def test_the_chart_on_a_page_counts_the_items_of_each_year():
    page = pages_of(YEARS)["主题/乡村振兴/index.md"]
    counts = re.findall(r'study-years__year">([^<]+)<.*?study-years__count">(\d+)<', page)
    assert counts == [("2024年", "2"), ("2022年", "1"), ("未注明日期", "1")]


def test_related_topics_are_those_most_often_on_the_same_items():
    lib = library(
        speech("r", "在会议上的讲话", "2024-01-01", ["发展教育和乡村振兴。学校。", "办好学校教育，推进乡村振兴。", "狠抓落实，推进教育。学校。"]),
    )
    assert tp.related_topics(lib, tp.gather(lib)["教育"], "教育") == [("乡村振兴", 2), ("落实", 1)]
    page = pages_of(lib)["主题/教育/index.md"]
    assert "相关主题：[乡村振兴](../乡村振兴/index.md)（2）　[落实](../落实/index.md)（1）" in page


def test_a_crowded_topic_keeps_its_head_and_gets_a_page_per_year_cut_into_runs(monkeypatch):
    monkeypatch.setattr(tp, "PAGE_ITEMS", 2)
    pages = pages_of(YEARS)
    head = pages["主题/乡村振兴/index.md"]
    assert "## 各年内容" in head and "<mark>" not in head
    assert "- [2024年](2024.md)：2 条，出自 2 篇讲话" in head
    assert "- [2022年](2022.md)：1 条，出自 1 篇讲话" in head
    assert "- [未注明日期](未注明日期.md)：1 条，出自 1 篇讲话" in head
    year = pages["主题/乡村振兴/2024.md"]
    assert year.count("### [") == 2 and "[乡村振兴](index.md)全部 4 条中的 2 条" in year
    monkeypatch.setattr(tp, "PAGE_ITEMS", 1)
    pages = pages_of(YEARS)
    assert "主题/乡村振兴/2024-2.md" in pages
    assert "- [2024年 第2–2条](2024-2.md)：1 条，出自 1 篇讲话" in pages["主题/乡村振兴/index.md"]


def test_the_index_lists_topics_by_group_with_description_and_counts():
    index = pages_of(YEARS)[tp.TAGS_PAGE]
    groups = [index.index(f"## {name}") for name in ("民生", "城乡", tp.OTHER_GROUP)]
    assert groups == sorted(groups)
    assert "- **[乡村振兴](主题/乡村振兴/index.md)**（4 条，4 篇讲话）：农业农村现代化。" in index
    assert "- **[教育](主题/教育/index.md)**（1 条，1 篇讲话）：学校和教师。" in index
    assert index.index("[落实]") > index.index(f"## {tp.OTHER_GROUP}")


def test_a_topic_no_item_carries_has_a_page_that_says_so():
    lib = library(speech("e", "在会议上的讲话", "2024-01-01", ["办好教育。"]))
    pages = pages_of(lib)
    assert "库中暂无论及这一主题的条目。" in pages["主题/落实/index.md"]
    assert "- **[落实](主题/落实/index.md)**（暂无条目）" in pages[tp.TAGS_PAGE]


def test_an_items_topic_chips_link_to_the_topic_pages():
    assert tp.topic_chips("讲话/意见/1.md", ("乡村振兴", "教育")) == [
        "[乡村振兴](../../主题/乡村振兴/index.md){ .md-tag } [教育](../../主题/教育/index.md){ .md-tag }", "{: .md-tags }", ""]
    assert tp.topic_chips("讲话/意见/1.md", ()) == []
