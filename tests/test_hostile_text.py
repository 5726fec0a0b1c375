"""Hostile speech text shows as the literal text in Chromium: in titles, headlines and body.

Each hostile string gets its own speech file, where it stands at the start of the title
line, at the start of an item's headline, inside another headline, and as a paragraph of
its own. The site is built strict and every page is checked in Chromium: the text is
visible as written, no dialog opened, no element was injected, no request left the site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import open_browser, record_dialogs, search, serve_folder
from sitebuild import build, library_of, page_url, write_config, write_speeches

# Each string in its own speech. Multi-line ones are Markdown blocks that need lines.
HOSTILE = {
    "script": "<script>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(2)>",
    "iframe": '<iframe src="http://127.0.0.1:9/frame"></iframe>',
    "html-block": "<div markdown=\"1\">**粗**</div>\n<details open><summary>摘要</summary>内容</details>",
    "javascript-link": "[点此](javascript:alert(3))",
    "image": "![图](http://127.0.0.1:9/x.png)",
    "autolink": "<http://127.0.0.1:9/a> https://example.com/b www.example.com",
    "heading": "# 不是标题\n## 也不是",
    "table": "|a|b|\n|---|---|\n|1|2|",
    "emphasis": "*强调* _下划_ **粗体** ***",
    "hr": "***",
    "lists-quote": "1. 不是列表\n- 也不是\n> 不是引用",
    "code": "`代码` ```\n    缩进代码",
    "jinja": "{{ config }} {% if true %}真{% endif %} {# 注释 #}",
    "front-matter": "---\nlabels: [x]\nnote: 假标题\n---",
    "pymdownx": "==高亮== ^^插入^^ ~~删除~~ ++ctrl+alt++ :smile: !!! note \"注意\" ::: 块 :::",
    "attr-list": "文字 {: #injected .x onclick=alert(4) }",
    "entities": "&lt;b&gt; &amp; &#x41; &nbsp;",
}
# The front-matter look-alike also opens a file, where a real front matter would be.
AT_FILE_START = {"front-matter"}
# A speech titled "# 不是标题的讲话" opens with a Markdown heading: a Markdown export.
MARKDOWN_EXPORTS = {"heading"}
MARKDOWN_HEADING_MARK = re.compile(r"^#{1,6}\s*")
# Elements the hostile text would have made; none of them belongs on a study page.
INJECTED = """() => ({
  // Scripts that run (the page's JSON data for the reader's tools is not one; it must parse).
  inlineAlertScripts: [...document.scripts].filter(s => (!s.type || /javascript/.test(s.type)) && /alert/.test(s.textContent)).length,
  brokenData: [...document.querySelectorAll('script[type="application/json"]')].filter(s => { try { JSON.parse(s.textContent); return false; } catch (e) { return true; } }).length,
  handlers: document.querySelectorAll('[onerror],[onclick],[onload]').length,
  frames: document.querySelectorAll('iframe, frame, object, embed').length,
  images: document.querySelectorAll('img').length,
  scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  injectedIds: document.querySelectorAll('#injected').length,
  articleMarkup: document.querySelectorAll(
    'article :is(table, mark, ins, del, em, hr, blockquote, ol, details, pre, code, kbd, .admonition, div[markdown])'
  ).length,
  articleH1: document.querySelectorAll('article h1').length,
})"""
CLEAN = {
    "inlineAlertScripts": 0, "brokenData": 0, "handlers": 0, "frames": 0, "images": 0, "scriptLinks": 0,
    "injectedIds": 0, "articleMarkup": 0, "articleH1": 1,
}


def first_line(text: str) -> str:
    """The first line of a hostile string (what fits in a title or a headline)."""
    return text.split("\n")[0]


def speech_text(hostile: str, at_start: bool) -> str:
    """A speech with the hostile text in its title, two headlines and its own paragraphs."""
    head = first_line(hostile)
    lines = [f"{head}的讲话", "同志们：", hostile, f"今天开会，请大家注意{head}这段文字。"]
    lines += ["下面我讲两点意见：", f"一是{head}要当作文字学习。这是第一条。"]
    lines += [f"二是照原样显示{head}。这是第二条。", ""]
    text = "\n".join(lines)
    return f"{hostile}\n{text}" if at_start else text


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """One strict build with one speech per hostile string, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("hostile")
    files = {f"{name}.txt": speech_text(text, name in AT_FILE_START) for name, text in HOSTILE.items()}
    speeches = write_speeches(folder / "speeches", files)
    site = folder / "site"
    # The front-matter look-alike (no key of ours) is kept as text, with a warning (a strict publish stops on it).
    # "1. 不是列表的讲话" starts like a numbered point, so it is not read as a title line:
    # that speech is titled by its file name, with the warning that says to give it a title.
    result = build(write_config(folder, speeches), site, strict=False)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 2, warnings
    assert "front-matter.txt:2: unknown front matter key 'labels'" in warnings[0], warnings
    assert "lists-quote.txt:1: no title line found" in warnings[1], warnings
    library = library_of(speeches)
    with serve_folder(site) as base:
        yield base, library


@pytest.fixture(scope="module")
def browser(hostile_site):
    """One Chromium page for the module; records dialogs, outside requests and every request."""
    with open_browser() as (page, outside):
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        yield page, outside, record_dialogs(page), requests


def placed_speech(library, name: str):
    """The library's speech parsed from ``<name>.txt``."""
    [placed] = [p for p in library.speeches if Path(p.speech.path).stem == name]
    return placed


def one_line(text: str) -> str:
    """Whitespace collapsed, as the page shows it."""
    return " ".join(text.split())


def visit(page, url: str) -> dict:
    """Open a page; return what a reader sees and what the hostile text may have injected."""
    page.goto(url, wait_until="load")
    seen = page.evaluate(
        """() => ({
          title: document.title,
          h1: document.querySelector('article h1').firstChild.textContent,
          article: document.querySelector('article').innerText,
          header: document.querySelector('.md-header__topic:last-child').textContent,
          nav: document.querySelector('nav.md-nav--primary').textContent,
        })"""
    )
    seen["injected"] = page.evaluate(INJECTED)
    return {key: one_line(value) if isinstance(value, str) else value for key, value in seen.items()}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_text_shows_literally_on_every_page(hostile_site, browser, name):
    base, library = hostile_site
    page, outside, dialogs, requests = browser
    placed = placed_speech(library, name)
    speech = placed.speech
    head = one_line(first_line(HOSTILE[name]))
    items = [i for i in library.items if library.speeches[i.speech_index] is placed]
    shown_whole = [one_line(speech.title)] + [one_line(item.headline) for item in speech.items]
    assert any(head in text for text in shown_whole), "no title or headline holds the hostile text"

    home = visit(page, base + page_url(f"{placed.slug}/index.md"))
    assert home["h1"] == one_line(speech.title)
    assert home["title"].startswith(one_line(speech.title) + " - ")
    assert home["header"] == one_line(speech.title)
    assert one_line(speech.title) in home["nav"]
    for item in speech.items:
        assert one_line(item.headline) in home["article"]

    for placed_item in items:
        item_page = visit(page, base + page_url(placed_item.page))
        assert item_page["h1"] == one_line(placed_item.item.headline)
        assert item_page["title"].startswith(f"{placed_item.display_label}：{one_line(placed_item.item.headline)}")
        for paragraph in placed_item.item.paragraphs:
            assert one_line(paragraph.text) in item_page["article"]
        assert item_page["injected"] == CLEAN, placed_item.page

    full = visit(page, base + page_url(f"{placed.slug}/全文.md"))
    for line in HOSTILE[name].split("\n"):
        if name in MARKDOWN_EXPORTS:
            # The file opens with "# …的讲话": a Markdown export, whose heading marks are set aside.
            assert ("Markdown 标题符号", "##") in [(d.reason, d.text) for d in speech.dropped]
            line = MARKDOWN_HEADING_MARK.sub("", line)
        assert one_line(line) in full["article"], line
    for paragraph in speech.paragraphs[1:]:
        assert one_line(paragraph.text) in full["article"]

    for seen in (home, full):
        assert seen["injected"] == CLEAN
    # The hostile image and iframe point at 127.0.0.1:9: a request there means one was made.
    assert [r for r in requests if ":9/" in r] == []
    assert dialogs == []
    assert outside == []


def test_library_home_lists_every_hostile_title_literally(hostile_site, browser):
    base, library = hostile_site
    page, outside, dialogs, requests = browser
    home = visit(page, base)
    for placed in library.speeches:
        assert one_line(placed.speech.title) in home["article"]
        assert one_line(placed.speech.title) in home["nav"]
    assert len(library.speeches) == len(HOSTILE)
    assert home["injected"] == CLEAN
    assert dialogs == [] and outside == []


def test_search_results_show_hostile_titles_and_headlines_literally(hostile_site, browser):
    base, library = hostile_site
    page, outside, dialogs, requests = browser
    page.goto(base, wait_until="networkidle")
    search(page, "要当作文字学习")
    more = page.locator("[data-study-search-more]")
    while more.is_visible():  # results come ten at a time, ranked: show them all
        count = page.locator(".md-search-result__item").count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.md-search-result__item').length > n", arg=count)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    shown = one_line(page.locator(".md-search-result").inner_text())
    first_items = [i for i in library.items if i.item.number == 1]
    assert len(links) >= len(first_items)
    for placed_item in first_items:
        assert one_line(placed_item.item.headline) in shown
    # Results are <article>s whose <mark>s highlight the query: check the page-wide counts
    # and, inside the results, every element hostile text could have made but <mark>.
    injected = page.evaluate(INJECTED)
    page_wide = {k: v for k, v in injected.items() if not k.startswith("article")}
    assert page_wide == {k: v for k, v in CLEAN.items() if not k.startswith("article")}
    markup = ".md-search-result :is(img, iframe, script, table, em, strong, ins, del, hr, details, code, a[href^='javascript:'])"
    assert page.locator(markup).count() == 0
    assert dialogs == [] and outside == []
