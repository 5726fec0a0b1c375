"""The reader's own tools in Chromium: 已学 and progress, 继续学习, paragraph links and
quotations with their source, highlights and notes, 我的学习 with Word and Markdown export,
backup and restore — all kept in the browser, over http and from disk (file://)."""

from __future__ import annotations

import io
import json
from pathlib import Path
from urllib.parse import unquote

import docx
import pytest

from browser import open_browser, record_dialogs, serve_folder
from sitebuild import SEED_PAGES, SEED_TITLE, build, page_url, write_config

SOURCE = f"《{SEED_TITLE}》"
ITEM = page_url(SEED_PAGES["item"])  # 意见六：做到公私分明
FULL = page_url(SEED_PAGES["full-text"])
HOME = page_url(SEED_PAGES["speech-home"])
MY = "我的学习/"
HOSTILE_NOTE = "<img src=x onerror=alert(1)>**粗体**{{ x }}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The seed site, built strict."""
    folder = tmp_path_factory.mktemp("tools")
    result = build(write_config(folder), folder / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


@pytest.fixture()
def browser(site):
    """A fresh browser (empty storage) on the served site: (page, base URL, outside requests)."""
    with serve_folder(site) as base, open_browser() as (page, outside):
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        yield page, base, outside
        assert outside == []


def _select(page, paragraph_id: str, length: int) -> str:
    """Select the first ``length`` characters of a paragraph as a reader drags over them."""
    text = page.evaluate(
        """([id, length]) => { const p = document.getElementById(id); const t = p.firstChild;
        const r = document.createRange(); r.setStart(t, 0); r.setEnd(t, length);
        const s = getSelection(); s.removeAllRanges(); s.addRange(r); return s.toString(); }""",
        [paragraph_id, length],
    )
    page.dispatch_event("article", "mouseup")
    page.wait_for_selector(".study-selection-bar")
    return text


def test_marking_items_studied_shows_progress_and_continue(browser):
    page, base, _ = browser
    page.goto(base + ITEM, wait_until="networkidle")
    page.click(".study-tools >> text=标记为已学")
    assert page.locator(".study-learned").inner_text() == "✓ 已学"
    page.goto(base + HOME, wait_until="networkidle")
    assert page.locator(".study-progress").inner_text().startswith("已学 1 / 13 条")
    ticked = page.locator("article a.study-link--learned")
    assert ticked.count() >= 1 and "做到公私分明" in ticked.first.inner_text()
    page.goto(base + "主题/廉洁自律/", wait_until="networkidle")  # the item's topic shows it too
    assert page.locator(".study-progress").inner_text().startswith("已学 1 / ")
    page.goto(base, wait_until="networkidle")
    box = page.locator(".study-continue")
    assert box.inner_text().startswith(f"继续学习：{SEED_TITLE}")  # the speech home, the last of its pages visited
    box.locator("a").click()
    page.wait_for_load_state("networkidle")
    assert unquote(page.url) == base + HOME
    page.goto(base + ITEM, wait_until="networkidle")
    page.click(".study-tools >> text=✓ 已学")  # and undone
    page.goto(base + HOME, wait_until="networkidle")
    assert page.locator(".study-progress").inner_text().startswith("已学 0 / 13 条")


def test_every_paragraph_has_a_link_and_quotes_with_its_source(browser):
    page, base, _ = browser
    page.goto(base + FULL + "#p5", wait_until="networkidle")
    paragraphs = page.locator("article p[id^='p']").count()
    assert page.locator("a.study-anchor").count() == paragraphs > 10
    assert page.locator("#p5 a.study-anchor").inner_text() == "第5段"
    assert page.locator("#p5").evaluate("p => p.classList.contains('study-arrived')")  # arriving highlights it
    page.click("#p5 .study-para-tools >> text=引用")
    page.wait_for_timeout(200)
    text = page.locator("#p5").evaluate("p => p.firstChild.textContent")
    assert page.evaluate("navigator.clipboard.readText()") == f"“{text}”（{SOURCE}）"
    quoted = _select(page, "p12", 9)
    page.click(".study-selection-bar >> text=复制引文")
    page.wait_for_timeout(200)
    assert page.evaluate("navigator.clipboard.readText()") == f"“{quoted}”（{SOURCE}）"


def test_highlights_and_notes_are_kept_and_listed_with_their_sources(browser):
    page, base, _ = browser
    dialogs = record_dialogs(page)
    page.goto(base + FULL, wait_until="networkidle")
    marked = _select(page, "p12", 9)
    page.click(".study-selection-bar >> text=高亮")
    page.goto(base + ITEM, wait_until="networkidle")
    page.click(".study-tools >> text=记笔记")
    page.fill(".study-note-editor textarea", HOSTILE_NOTE)
    page.click("text=保存笔记")
    assert page.locator(".study-page-notes .study-note__text").inner_text() == HOSTILE_NOTE
    page.goto(base + FULL, wait_until="networkidle")
    assert page.locator("#p12 mark.study-highlight").inner_text() == marked  # still there after reload
    page.goto(base + MY, wait_until="networkidle")
    notes = page.locator("#study-my .study-note")
    assert notes.count() == 2
    assert HOSTILE_NOTE in page.locator("#study-my").inner_text()  # literal, not markup
    assert page.locator("#study-my img").count() == 0 and dialogs == []
    sources = sorted(unquote(h).removeprefix(base) for h in page.locator("#study-my .study-note a").evaluate_all("els => els.map(e => e.href)"))
    assert sources == [FULL + "#p12", ITEM]  # each note links back to where it was made

    with page.expect_download() as arrived:
        page.click("#study-my button >> text=导出笔记（Word）")
    document = docx.Document(io.BytesIO(Path(arrived.value.path()).read_bytes()))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "学习笔记" and f"《{SEED_TITLE}》" in texts
    assert HOSTILE_NOTE in texts and f"“{marked}”（{SOURCE}）" in texts
    with page.expect_download() as arrived:
        page.click("#study-my button >> text=导出笔记（Markdown）")
    markdown = Path(arrived.value.path()).read_text(encoding="utf-8")
    assert f"> “{marked}”（{SOURCE}）" in markdown and HOSTILE_NOTE in markdown


def test_the_record_is_backed_up_and_restored_as_a_file(browser, tmp_path):
    page, base, _ = browser
    page.goto(base + ITEM, wait_until="networkidle")
    page.click(".study-tools >> text=标记为已学")
    page.goto(base + MY, wait_until="networkidle")
    with page.expect_download() as arrived:
        page.click("#study-my button >> text=备份学习记录")
    backup = tmp_path / "学习记录.json"
    backup.write_bytes(Path(arrived.value.path()).read_bytes())
    assert len(json.loads(backup.read_text(encoding="utf-8"))["learned"]) == 1
    page.evaluate("localStorage.clear()")
    page.reload(wait_until="networkidle")
    assert page.locator("#study-my h2").first.inner_text() == "已学条目（0）"
    page.set_input_files("#study-my input[type=file]", str(backup))
    page.wait_for_function("document.querySelector('#study-my h2').textContent === '已学条目（1）'")
    not_a_record = tmp_path / "x.json"
    not_a_record.write_text("[1, 2]", encoding="utf-8")
    page.set_input_files("#study-my input[type=file]", str(not_a_record))
    page.wait_for_function("document.querySelector('.study-toast').textContent.includes('不是学习记录')")


def test_the_tools_fit_a_phone(browser):
    page, base, _ = browser
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base + ITEM, wait_until="networkidle")
    for box in page.locator(".study-tools .study-tool").evaluate_all("els => els.map(e => e.getBoundingClientRect().right)"):
        assert box <= 390


def test_progress_works_from_disk(offline_seed_site):
    offline_site = offline_seed_site
    with open_browser() as (page, outside):
        page.goto((offline_site / page_url(SEED_PAGES["item"], directory_urls=False)).as_uri(), wait_until="load")
        page.click(".study-tools >> text=标记为已学")
        page.goto((offline_site / page_url(SEED_PAGES["speech-home"], directory_urls=False)).as_uri(), wait_until="load")
        assert page.locator(".study-progress").inner_text().startswith("已学 1 / 13 条")
        assert outside == []
