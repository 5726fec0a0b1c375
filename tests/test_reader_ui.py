"""The reader's site is Chinese throughout and adapts to the reader: footer, permalink
titles, the 404 page, light / dark / 护眼 colour schemes and the font-size control."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import open_browser, serve_folder
from sitebuild import SEED_PAGES, build, page_url, write_config

EPOCH = "1700000000"  # 2023-11-14 UTC
SCHEMES = ("default", "slate", "sepia")
# WCAG AA for body text.
CONTRAST_MIN = 4.5
# What a reader reads: the page's heading and body text (a plain paragraph).
TEXT = ("article h1", "article p:not([class])")
# The colour of the first element a selector finds and of the page behind it, as rgb
# triples, alpha composited over the page (Material's text colours are translucent).
COLOURS_JS = """(selector) => {
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const body = parse(getComputedStyle(document.body).backgroundColor);
  const element = document.querySelector(selector) || document.querySelector("article");
  const fg = parse(getComputedStyle(element).color);
  const alpha = fg.length > 3 ? fg[3] : 1;
  return [fg.slice(0, 3).map((v, i) => v * alpha + body[i] * (1 - alpha)), body.slice(0, 3)];
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The seed site, built strict with a fixed build date."""
    folder = tmp_path_factory.mktemp("reader")
    result = build(write_config(folder), folder / "site", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site"


@pytest.fixture(scope="module")
def served(site):
    """The seed site served on 127.0.0.1; yields the base URL."""
    with serve_folder(site) as base:
        yield base


def test_every_page_has_a_footer_with_the_site_its_size_and_build_date(site):
    for src in SEED_PAGES.values():
        html = (site / page_url(src) / "index.html").read_text(encoding="utf-8")
        assert "data-study-footer>讲话学习 · 收录讲话 1 篇 · 构建于 2023-11-14<" in html, src


def test_no_english_leaks_into_permalinks_or_the_404_page(site):
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "Permanent link" not in html, path
    full_text = (site / page_url(SEED_PAGES["full-text"]) / "index.html").read_text(encoding="utf-8")
    assert 'title="本节链接"' in full_text
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>页面不存在</h1>" in not_found and "Not found" not in not_found
    assert 'href="/index.html">返回首页' in not_found


def test_the_404_page_offers_search_and_the_way_home(served):
    with open_browser() as (page, outside):
        response = page.goto(served + "没有这一页/", wait_until="networkidle")
        assert response.status == 404
        page.wait_for_timeout(500)
        page.fill("#study-not-found-query", "一碗水端平")
        page.click(".study-not-found__search button")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert "做到公私分明" in page.locator(".md-search-result__item").first.inner_text()
        page.keyboard.press("Escape")
        page.goto(served + "没有这一页/", wait_until="networkidle")
        page.click("text=返回首页")
        page.wait_for_load_state("networkidle")
        assert page.locator("article h1").first.inner_text().startswith("讲话学习库")
        assert outside == []


def _scheme(page) -> str:
    """The colour scheme the page shows now."""
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_the_colour_scheme_follows_the_system_then_the_reader_and_is_remembered(served):
    with open_browser() as (page, outside):
        page.emulate_media(color_scheme="dark")
        page.goto(served, wait_until="networkidle")
        assert _scheme(page) == "slate"  # a first visit follows the system's dark preference
        seen = []
        for _ in range(4):
            page.locator("[data-md-component=palette] label:not([hidden])").click()
            page.wait_for_timeout(100)
            seen.append(_scheme(page))
        assert seen[:3] == ["default", "slate", "sepia"], seen
        page.locator("[data-md-component=palette] label:not([hidden])").click()  # back to 浅色 … 护眼
        page.wait_for_timeout(100)
        while _scheme(page) != "sepia":
            page.locator("[data-md-component=palette] label:not([hidden])").click()
            page.wait_for_timeout(100)
        page.goto(served + page_url(SEED_PAGES["item"]), wait_until="networkidle")
        assert _scheme(page) == "sepia"  # remembered on the next page
        assert outside == []


def _contrast(colours) -> float:
    """The WCAG contrast ratio of two rgb triples."""
    def luminance(rgb):
        def channel(value):
            value /= 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        r, g, b = map(channel, rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted(map(luminance, colours), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_text_is_readable_on_every_page_type_in_every_scheme(served):
    with open_browser() as (page, outside):
        for kind, src in SEED_PAGES.items():
            page.goto(served + page_url(src), wait_until="networkidle")
            backgrounds = set()
            for scheme in SCHEMES:
                page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
                for selector in TEXT:
                    colours = page.evaluate(COLOURS_JS, selector)
                    assert _contrast(colours) >= CONTRAST_MIN, (kind, scheme, selector, colours)
                backgrounds.add(tuple(colours[1]))
            assert len(backgrounds) == len(SCHEMES), (kind, backgrounds)  # each scheme really differs
        assert outside == []


def test_the_font_size_control_enlarges_text_and_is_remembered(served):
    with open_browser() as (page, outside):
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(served + page_url(SEED_PAGES["item"]), wait_until="networkidle")
        size = "() => parseFloat(getComputedStyle(document.querySelector('article p:not([class])')).fontSize)"
        standard = page.evaluate(size)
        button = page.locator(".study-font-size")
        box = button.bounding_box()
        assert box and box["x"] + box["width"] <= 390  # on a phone the control fits the header
        assert button.get_attribute("title") == "字号：标准，点按改为大"
        button.click()
        assert page.evaluate(size) > standard
        page.goto(served + page_url(SEED_PAGES["full-text"]), wait_until="networkidle")
        assert page.evaluate(size) > standard  # remembered across pages
        assert page.locator(".study-font-size").get_attribute("title") == "字号：大，点按改为特大"
        assert outside == []


def test_links_to_items_preview_the_item_on_hover_and_still_open_on_touch(served):
    with open_browser() as (page, outside):
        page.goto(served + page_url(SEED_PAGES["speech-home"]), wait_until="networkidle")
        link = page.locator("article li a[title]", has_text="站位不高").first
        assert link.get_attribute("title").startswith("二是站位不高，主责主业意识不强。一些书记")
        link.hover()
        tooltip = page.locator(".md-tooltip2--active")
        tooltip.wait_for(timeout=5000)
        assert tooltip.inner_text().startswith("二是站位不高")
        assert outside == []
    with open_browser() as (page, outside):
        phone = page.context.browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
        left: list[str] = []
        # As open_browser does: nothing but the local server is reached.
        phone.route("**/*", lambda route: route.continue_() if "//127.0.0.1:" in route.request.url
                    else (left.append(route.request.url), route.abort()))
        touch = phone.new_page()
        touch.goto(served + page_url(SEED_PAGES["speech-home"]), wait_until="networkidle")
        touch.locator("article li a[title]", has_text="站位不高").first.tap()
        touch.wait_for_load_state("networkidle")
        assert touch.locator("article h1").first.inner_text().startswith("站位不高")
        phone.close()
        assert left == [] and outside == []


def test_every_stylesheet_of_ours_parses_whole_and_a_topics_chart_is_drawn(site, served):
    # An unclosed block would swallow every rule after it (the chart's bars among them).
    for sheet in sorted((site / "stylesheets").glob("*.css")):
        css = sheet.read_text(encoding="utf-8")
        assert css.count("{") == css.count("}"), sheet.name
    with open_browser() as (page, outside):
        page.goto(served + page_url(SEED_PAGES["topic"]), wait_until="networkidle")
        bar = page.locator(".study-years__bar").first
        assert bar.evaluate("b => b.getBoundingClientRect().width") > 20
        assert page.locator(".study-years__row").first.evaluate("r => getComputedStyle(r).display") == "grid"
        assert outside == []
