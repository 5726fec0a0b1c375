"""Ranked search in the browser, on the seed and corpus site: ordering, one result per
item, the total, and 只看本篇 on a speech's pages."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

import pytest

from browser import open_browser, search, serve_folder

SEED_SPEECH = "在区基层党建工作推进会议上的讲话/"
ERSHIDA = "高举中国特色社会主义伟大旗帜-为全面建设社会主义现代化国家而团结奋斗/"
TOTAL = re.compile(r"^共 (\d+) 条结果")


@pytest.fixture(scope="module")
def served(corpus_build):
    """The seed and corpus site, served on 127.0.0.1; yields the base URL."""
    with serve_folder(corpus_build[1]) as base:
        yield base


@pytest.fixture(scope="module")
def browser_page():
    """One Chromium page for the module, with every non-local request aborted."""
    with open_browser() as (page, outside):
        yield page, outside


def _results(page, base: str, query: str, start: str = "") -> list[str]:
    """Open ``start`` and type ``query``; the result links as paths under the site."""
    page.goto(base + start, wait_until="networkidle")
    links = search(page, query)
    paths = [urlsplit(link.removeprefix(unquote(base))) for link in links]
    return [parts.path + (f"#{parts.fragment}" if parts.fragment else "") for parts in paths]


def test_a_topic_with_a_place_finds_the_item_of_that_place_report(served, browser_page):
    page, outside = browser_page
    # 四川's report: the word 乡村振兴 in its items, 四川 only in its title and meeting.
    first = _results(page, served, "四川 乡村振兴")[0]
    assert first.startswith("2026年四川省人民政府工作报告/") and first.count("/") == 3, first
    assert outside == []


RANKS_JS = """async (query) => (await window.studySearch.query(query, {})).items
  .filter(d => d.rank && d.kind === "item").map(d => ({url: decodeURIComponent(d.url), held: d.rank.held, score: d.rank.score, own: d.rank.own}))"""


def test_the_place_a_report_is_named_for_does_not_rank_its_items(served, browser_page):
    page, _ = browser_page
    page.goto(served, wait_until="networkidle")
    # 内蒙古 says which report: its items holding both words stand by 能源 alone (二/5
    # names 中国（内蒙古）自由贸易试验区 in its headline but only mentions 能源).
    ranks = [r for r in page.evaluate(RANKS_JS, "内蒙古 能源") if "内蒙古" in r["url"] and r["held"] == 2]
    assert len(ranks) >= 3, ranks
    energy = [r["own"][1] for r in ranks]
    assert energy == sorted(energy, reverse=True), ranks
    assert "/二/3/" in ranks[0]["url"]  # 大力发展现代能源经济


def test_a_topic_with_the_congress_short_name_finds_that_report_item(served, browser_page):
    page, _ = browser_page
    # 二十大 is nowhere in the report's text: its meeting, 第二十次全国代表大会, is called so.
    assert _results(page, served, "二十大 教育")[0] == ERSHIDA + "五/1/"  # 办好人民满意的教育


def test_a_word_in_a_headline_ranks_above_the_same_word_in_a_long_body(served, browser_page):
    page, _ = browser_page
    # Deng's point 尊重教师的劳动 has 教师 in its headline; other items only mention teachers.
    assert _results(page, served, "教师的质量")[0] == "在全国教育工作会议上的讲话/意见/4/"


def test_a_topic_name_or_a_speech_title_puts_that_page_first(served, browser_page):
    page, _ = browser_page
    assert _results(page, served, "教育")[0] == "主题/教育/"  # the topic's page
    assert _results(page, served, "为人民服务")[0] == "为人民服务/"


def test_a_query_whose_words_no_item_holds_together_shows_partial_matches(served, browser_page):
    page, _ = browser_page
    # No text holds 一碗水端平 and 航天强国 together: the items holding either come back.
    results = _results(page, served, "一碗水端平 航天强国")
    assert SEED_SPEECH + "意见/6/" in results[:2] and any(r.startswith(ERSHIDA) for r in results[:2]), results


def test_each_item_comes_once_and_the_total_counts_what_matches(served, browser_page):
    page, _ = browser_page
    results = _results(page, served, "党建工作")
    assert len(results) == len(set(results))
    assert not any("/全文/" in r and r.split("#")[0].replace("全文/", "") in results for r in results)
    total = int(TOTAL.match(page.locator("[data-study-search-meta]").inner_text()).group(1))
    assert total >= len(results) > 1
    run = page.evaluate("async (q) => (await studySearch.query(q)).total", "党建工作")
    assert run == total


def test_only_this_speech_is_offered_on_a_speech_page_and_keeps_to_it(served, browser_page):
    page, _ = browser_page
    everywhere = _results(page, served, "党建", SEED_SPEECH + "意见/6/")
    assert any(not r.startswith(SEED_SPEECH) for r in everywhere), everywhere
    toggle = page.locator("[data-study-search-here]")
    assert toggle.is_visible()
    page.locator("[data-study-search-only]").check()
    page.wait_for_function(
        "prefix => Array.from(document.querySelectorAll('.md-search-result__item > a'))"
        ".every(a => decodeURI(a.href).includes(prefix))", arg="/" + SEED_SPEECH,
    )
    here = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => decodeURI(e.href))")
    assert here and all("/" + SEED_SPEECH in link for link in here)
    page.goto(served + "about/", wait_until="networkidle")
    page.locator("input.md-search__input").focus()
    page.wait_for_timeout(500)
    assert not page.locator("[data-study-search-here]").is_visible()


PROGRESS_JS = """async (query) => {
  const partial = [];
  const page = await window.studySearch.query(query, {}, items => partial.push(items.map(d => d.url)));
  return {partial, final: page.items.map(d => d.url)};
}"""


def test_results_already_certain_show_before_the_page_is_complete(served, browser_page):
    page, _ = browser_page
    page.goto(served, wait_until="networkidle")
    # A common phrase: its candidates' texts are checked a few chunks at a time.
    run = page.evaluate(PROGRESS_JS, "人民群众")
    assert run["partial"], "no result was shown before the whole first page was checked"
    # What shows early is final: later results only come after it, in the same order.
    assert all(run["final"][: len(shown)] == shown for shown in run["partial"])
    assert all(len(a) < len(b) for a, b in zip(run["partial"], run["partial"][1:] + [run["final"]]))


def test_a_long_word_is_found_as_its_halves_standing_close_together(served, browser_page):
    page, _ = browser_page
    # Mao's point reads 人民经济事业的恢复和发展: 恢复经济 as such is nowhere in it.
    assert _results(page, served, "1949 恢复经济")[0] == "在新政治协商会议筹备会上的讲话/任务/2/"
    marks = page.locator(".md-search-result__item").first.locator("mark").all_text_contents()
    assert {"经济", "恢复"} <= set(marks), marks


def test_a_question_is_read_without_its_question_words_and_a_phrase_holding_one_still_comes_first(served, browser_page):
    page, _ = browser_page
    # Deng's point on teaching quality weighs 考试; he never says 怎么看.
    assert _results(page, served, "邓小平 怎么看考试")[0] == "在全国教育工作会议上的讲话/意见/1/"
    # The seed's sentence holding 什么 is found as typed, first.
    assert _results(page, served, "什么是管护区经济")[0] == "在区基层党建工作推进会议上的讲话/强调/1/"


def test_a_long_word_is_found_cut_where_the_text_puts_words_between(served, browser_page):
    page, _ = browser_page
    # 李强's report reads 有效防范化解重点领域风险: the cut 防范化解|风险, not the halves
    # 防范化|解风险, finds it.
    assert "政府工作报告/三/6/" in _results(page, served, "李强 防范化解风险")[:5]


def test_words_no_text_holds_are_read_with_their_synonyms_and_found_where_their_bigrams_stand_together(served, browser_page):
    page, _ = browser_page
    # No text says 老师工资低; Deng's point says 研究教师…的工资制度 (老师 ↔ 教师). The long
    # news compilation holds every bigram somewhere, scattered, and comes after it.
    results = _results(page, served, "老师工资低")
    assert results[0] == "在全国教育工作会议上的讲话/意见/4/", results
