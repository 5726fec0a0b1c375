"""The compare view in a browser, from disk (file://): a speech's 对比 link, both columns, picking a partner."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from sitebuild import built, write_config, write_speeches

from test_compare import CITY, ORGANISATION, PLAIN, report

HOSTILE = ("推进城市更新&amp示范&lt区。完成老旧小区改造一百个。",)
SPEECHES = {
    "a.txt": report("2023年北京市政府工作报告", "2023-01-15", ORGANISATION + PLAIN),
    "b.txt": report("2024年北京市政府工作报告", "2024-01-21", HOSTILE + PLAIN),
    "c.txt": report("2023年广州市政府工作报告", "2023-01-16", ORGANISATION + CITY),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Three short reports built strict with mkdocs-offline.yml."""
    folder = tmp_path_factory.mktemp("compare")
    speeches = write_speeches(folder / "speeches", SPEECHES)
    return built(write_config(folder, speeches, base="mkdocs-offline.yml"), folder / "site")


@pytest.fixture(scope="module")
def browser(recording_browser):
    """One Chromium page; yields (page, outside requests, failed requests)."""
    return recording_browser


def columns(page) -> dict[str, list[str]]:
    """Each shown topic → its items' text in column 甲 and 乙 (一、（一）　… or 未论及), joined by |."""
    page.wait_for_selector(".study-compare__view")
    return page.locator(".study-compare__topic").evaluate_all(
        """sections => Object.fromEntries(sections.map(s => [
            s.querySelector('h2 a, h2').firstChild.textContent,
            [...s.querySelectorAll('.study-compare__column')].map(c =>
                [...c.querySelectorAll('li > a')].map(a => a.textContent).join('|') || c.textContent)]))"""
    )


def test_a_speech_home_leads_to_its_comparison_with_the_same_city_of_another_year(site, browser):
    page, outside, failed = browser
    page.goto((site / "2023年北京市政府工作报告" / "index.html").as_uri(), wait_until="load")
    page.locator("article a.md-button", has_text="对比").click()
    page.wait_for_load_state("load")
    assert Path(unquote(urlsplit(page.url).path)) == site / "对比.html"
    shown = columns(page)
    heads = page.locator(".study-compare__head > a").all_text_contents()
    assert heads == ["2023年北京市政府工作报告", "2024年北京市政府工作报告"]
    assert shown["组织生活"] == ["一、（一）　严格党内组织生活", "未论及"]
    # The headline is text: entities stay as written, (innerHTML would show &amp as &).
    assert shown["城市建设"] == ["未论及", "一、（一）　推进城市更新&amp示范&lt区"]
    marks = page.locator(".study-compare__topic h2 .study-compare__mark").all_text_contents()
    assert "仅甲篇论及" in marks and "仅乙篇论及" in marks
    assert failed == [] and outside == []


def test_the_reader_picks_another_partner_and_both_columns_follow(site, browser):
    page, outside, failed = browser
    page.goto((site / "对比.html").as_uri() + "#a=2023年北京市政府工作报告", wait_until="load")
    columns(page)
    page.select_option("select[name=b]", "2023年广州市政府工作报告")
    page.wait_for_function("() => document.querySelector('.study-compare__head:last-child a')?.textContent.includes('广州')")
    shown = columns(page)
    assert shown["组织生活"] == ["一、（一）　严格党内组织生活", "一、（一）　严格党内组织生活"]
    assert "两篇均论及" in page.locator(".study-compare__topic--both .study-compare__mark").first.text_content()
    assert "b=2023" in unquote(page.url)  # the choice is in the address: it can be bookmarked
    link = page.locator(".study-compare__column--b li > a").first.get_attribute("href")
    assert Path(unquote(urlsplit(link).path)) == site / "2023年广州市政府工作报告" / "一" / "1.html"
    assert failed == [] and outside == []
