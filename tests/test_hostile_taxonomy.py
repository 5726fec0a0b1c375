"""A hostile taxonomy shows as the literal text in Chromium on every page that shows topics.

A topic's name, description and keywords reach the topic index, the topic's own page (its
title, heading and the marked keywords of every passage) and the chips of every item
carrying it, so a topic named with markup could run script on all of them. One topic here has markup,
Jinja and a Markdown link in its name and description and keywords that occur in the seed
speech, so its items carry the tag; one term has such a name, another (a word the seed
uses) such an explanation. The seed site is built strict with that taxonomy and checked in
Chromium: no dialog, no injected element, no request leaving the site, the name as written.
"""

from __future__ import annotations


from urllib.parse import unquote

import pytest
import yaml

from browser import open_browser, record_dialogs, search, serve_folder
from sitebuild import REPO, built, page_url, write_config

MARKUP = "<img src=x onerror=alert(1)><script>alert(2)</script>{{ config }}[x](javascript:alert(3))"
TOPIC = f"危险主题{MARKUP}"
DESCRIPTION = f"说明<img src=x onerror=alert(4)>{{{{ config }}}}[x](javascript:alert(5))"
TERM = "<b>术语</b>{{ config }}"
EXPLANATION = f"解释{MARKUP.replace('alert(', 'alert(1')}"
TAXONOMY = {
    "topics": [
        {"name": "组织生活", "description": "三会一课。", "keywords": ["三会一课", "组织生活"]},
        # 党员 and 支部 occur in the seed speech: the seed's items carry this topic.
        {"name": TOPIC, "description": DESCRIPTION, "keywords": ["党员", "支部"]},
    ],
    "terms": [
        {"term": TERM, "explanation": EXPLANATION},
        {"term": "流动党员", "explanation": EXPLANATION},  # in the seed: a tooltip
    ],
}
# Elements hostile text could make on any page; our pages have none of them.
INJECTED = """() => ({
  inlineAlertScripts: [...document.scripts].filter(s => /alert/.test(s.textContent)).length,
  handlers: document.querySelectorAll('[onerror],[onclick],[onload]').length,
  images: document.querySelectorAll('img').length,
  scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  bold: document.querySelectorAll('article b').length,
})"""
CLEAN = {"inlineAlertScripts": 0, "handlers": 0, "images": 0, "scriptLinks": 0, "bold": 0}


def one_line(text: str) -> str:
    """Whitespace collapsed, as the page shows it."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The seed site built strict with the hostile taxonomy, served on 127.0.0.1."""
    from speechkit.library import build_library, load_speech
    from speechkit.sources import list_speeches
    from speechkit.library import load_taxonomy

    folder = tmp_path_factory.mktemp("hostile-taxonomy")
    topics = folder / "topics.yml"
    topics.write_text(yaml.safe_dump(TAXONOMY, allow_unicode=True), encoding="utf-8")
    speeches = REPO / "speeches"
    config = write_config(folder, extra={"study_site": {"speeches": str(speeches), "topics": str(topics)}})
    site = built(config, folder / "site")
    taxonomy = load_taxonomy(topics)
    paths = list_speeches(speeches).paths
    library = build_library([load_speech(path) for path in paths], taxonomy)
    with serve_folder(site) as base:
        yield base, library, site


@pytest.fixture(scope="module")
def browser(hostile_site):
    """One Chromium page for the module; records dialogs and outside requests."""
    with open_browser() as (page, outside):
        yield page, outside, record_dialogs(page)


def visit(page, url: str) -> dict:
    """Open a page; return its article text, tag names, table of contents and what was injected."""
    page.goto(url, wait_until="load")
    seen = page.evaluate(
        """() => ({
          article: document.querySelector('article').innerText,
          tags: [...document.querySelectorAll('article .md-tag')].map(t => t.textContent),
          toc: (document.querySelector('nav.md-nav--secondary') || {textContent: ''}).textContent,
        })"""
    )
    seen["injected"] = page.evaluate(INJECTED)
    return seen


def landed_on(page) -> str:
    """The topic whose page the browser shows: its heading, as the reader sees it."""
    return page.locator("article h1").first.evaluate("h1 => h1.firstChild.textContent")


def tagged_items(library):
    """The seed's items that carry the hostile topic (several, in several parts)."""
    items = [item for item in library.items if TOPIC in item.tags]
    assert len({item.part_index for item in items}) > 1, "the hostile keywords tag too few items"
    return items


def test_the_raw_markup_is_nowhere_in_the_built_site(hostile_site):
    base, library, site = hostile_site
    pages = list(site.rglob("*.html"))
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        for raw in ("<img src=x", "<script>alert", "<b>术语"):
            assert raw not in html, (path, raw)


def test_topic_index_and_topic_page_show_the_topic_by_its_literal_name(hostile_site, browser):
    from speechkit.library.urls import topic_page

    base, library, site = hostile_site
    page, outside, dialogs = browser
    index = visit(page, base + page_url("tags.md"))
    assert f"{TOPIC}（" in one_line(index["article"]) and one_line(DESCRIPTION) in one_line(index["article"])
    assert index["injected"] == CLEAN
    page.locator("article a", has_text="危险主题").first.click()
    page.wait_for_load_state("load")
    assert unquote(page.url).endswith("/" + page_url(topic_page(TOPIC)))
    assert landed_on(page) == TOPIC and TOPIC in page.title()
    topic = {"article": page.locator("article").inner_text(), "injected": page.evaluate(INJECTED)}
    for item in tagged_items(library):
        assert one_line(item.display_label) in one_line(topic["article"])
    assert page.locator("article mark", has_text="党员").count() > 0
    assert topic["injected"] == CLEAN
    assert dialogs == [] and outside == []


def test_item_pages_show_the_tag_and_shared_topics_literally(hostile_site, browser):
    base, library, site = hostile_site
    page, outside, dialogs = browser
    shared = 0
    for placed_item in tagged_items(library):
        item_page = visit(page, base + page_url(placed_item.page))
        assert TOPIC in item_page["tags"], placed_item.page
        assert item_page["injected"] == CLEAN, placed_item.page
        shared += f"共同主题：{TOPIC}" in item_page["article"]
        # The chip opens the topic's page.
        link = page.locator("article a.md-tag", has_text="危险主题").first
        link.click()
        page.wait_for_load_state("load")
        assert landed_on(page) == TOPIC
    assert shared, "no item page lists the hostile topic among its shared topics"
    assert dialogs == [] and outside == []


def test_glossary_tooltips_and_aids_show_terms_literally(hostile_site, browser):
    base, library, site = hostile_site
    page, outside, dialogs = browser
    [placed] = library.speeches
    glossary = visit(page, base + page_url("术语表.md"))
    assert f"{TERM}：{EXPLANATION}" in one_line(glossary["article"])
    assert "流动党员" in glossary["toc"] and EXPLANATION in glossary["article"]
    assert glossary["injected"] == CLEAN
    for aid in ("自测", "讲义"):
        assert visit(page, base + page_url(f"{placed.slug}/{aid}.md"))["injected"] == CLEAN, aid
    # The term's tooltip holds the explanation as text.
    full = visit(page, base + page_url(f"{placed.slug}/全文.md"))
    assert full["injected"] == CLEAN
    page.locator("article abbr", has_text="流动党员").first.hover()
    page.wait_for_timeout(500)
    tooltip = page.locator(".md-tooltip2__inner, .md-tooltip__inner").filter(has_text="解释").first
    assert one_line(tooltip.text_content()) == EXPLANATION
    assert page.evaluate(INJECTED) == CLEAN
    assert dialogs == [] and outside == []


def test_search_offers_the_topic_by_its_literal_name_and_lands_on_it(hostile_site, browser):
    base, library, site = hostile_site
    page, outside, dialogs = browser
    page.goto(base, wait_until="networkidle")
    links = search(page, "危险主题")
    first = page.locator(".md-search-result__item").first
    assert one_line(first.locator("h1").text_content()) == f"主题{TOPIC}"
    options = page.locator("[data-study-search-topic] option").evaluate_all("els => els.map(e => e.textContent)")
    assert TOPIC in options
    assert page.evaluate(INJECTED) == CLEAN
    page.goto(links[0], wait_until="load")
    assert "/主题/" in unquote(page.url)
    assert landed_on(page) == TOPIC
    assert dialogs == [] and outside == []


def test_the_search_script_never_writes_html():
    # Topic names, titles and text reach the results and the topic filter as text nodes only.
    script = (REPO / "docs" / "assets" / "javascripts" / "study-search.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment"):
        assert sink not in script, sink
