"""The study aids on a real strict build of the seed, a corpus speech and a hostile one."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest

from conftest import CORPUS, SEED
from sitebuild import built, library_of, page_url, write_config, write_speeches

DENG = CORPUS / "08_deng_jiaoyu_gongzuo_huiyi_1978_gbk.txt"
# Headlines that Markdown or HTML would swallow if the aids did not escape them.
HOSTILE = """关于加强学习的讲话
同志们：
今天讲讲学习。下面，我讲三点意见：
一要学习*理论*和[文件](http://example.com)。只有真学，才能真懂。
二要落实<script>alert(1)</script>制度。公生明，廉生威。
三要抓好`代码` & {: .x }检查。要常抓不懈。
同志们，学习是一种责任，更是一种追求。
"""
TAG = re.compile(r"<[^>]+>")
LINK = re.compile(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>')
CHROME = ("主题索引", "关于本站", "搜索讲话内容")  # navigation text that must not print


@pytest.fixture(scope="module")
def speeches(tmp_path_factory) -> Path:
    """A speeches folder: the seed, Deng's 1978 speech (GBK) and a hostile speech."""
    folder = tmp_path_factory.mktemp("aids") / "speeches"
    return write_speeches(folder, {
        SEED.name: SEED.read_bytes(), DENG.name: DENG.read_bytes(), "hostile.txt": HOSTILE,
    })


@pytest.fixture(scope="module")
def library(speeches):
    """The core's view of the same folder."""
    return library_of(speeches)


@pytest.fixture(scope="module")
def site(speeches) -> Path:
    """The site, built strict once for this module."""
    folder = speeches.parent
    return built(write_config(folder, speeches), folder / "site")


def _html(site: Path, url: str) -> str:
    """A built page by its URL."""
    path = site / unquote(url)
    return (path / "index.html" if url.endswith("/") or not url else path).read_text(encoding="utf-8")


def _text(fragment: str) -> str:
    """The visible text of an HTML fragment."""
    return html.unescape(TAG.sub("", fragment))


def _aid_url(placed, name: str) -> str:
    """The URL of one of a speech's aid pages."""
    return f"{placed.slug}/{name}/"


def _assert_link_lands(site: Path, from_url: str, href: str) -> None:
    """The link points to a built page and, with an anchor, to an element with that id."""
    target, _, anchor = urljoin("/" + from_url, href).partition("#")
    page = _html(site, target.lstrip("/"))
    if anchor:
        assert f'id="{unquote(anchor)}"' in page, href


def _plain(text: str) -> str:
    """Text without any whitespace, to compare text that was wrapped into lines."""
    return re.sub(r"\s+", "", text)


# -- glossary -------------------------------------------------------------------------------------


def test_terms_show_their_explanation_on_hover(site, library):
    explanation = {term.term: term.explanation for term in library.taxonomy.terms}
    item = next(p for p in library.items if p.display_label == "意见二" and p.speech_index == 0)
    page = _html(site, page_url(item.page))
    for term in ("主责主业", "一岗双责"):
        assert f'<abbr title="{html.escape(explanation[term])}">{term}</abbr>' in page
    deng = _html(site, page_url(f"{library.speeches[1].slug}/全文.md"))
    assert f'<abbr title="{html.escape(explanation["又红又专"])}">又红又专</abbr>' in deng


def test_glossary_page_lists_every_term_with_links_to_its_places(site, library):
    page = _html(site, "术语表/")
    text = _text(page)
    for term in library.taxonomy.terms:
        assert term.term in text and _plain(term.explanation) in _plain(text)
    start = page.index("</h2>", page.index('id="三会一课"'))
    section = page[start:page.index('id="组织生活会"')]
    links = LINK.findall(section)
    assert [label for _, label in links[:2]] == ["问题四", "全文第 8 段"]
    for href, _ in links:
        _assert_link_lands(site, "术语表/", href)


# -- key sentences ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("index", "expected"), [(0, "公生明，廉生威。"), (1, "学非所用，用非所学")])
def test_key_sentences_page_links_each_to_its_place(site, library, index, expected):
    url = _aid_url(library.speeches[index], "金句")
    page = _html(site, url)
    keys = [_text(k) for k in re.findall(r'<p class="study-key">(.*?)</p>', page)]
    assert expected in keys
    sources = re.findall(r'<p class="study-source">(.*?)</p>', page)
    assert len(sources) == len(keys) >= 3
    for source in sources:
        for href, _ in LINK.findall(source):
            _assert_link_lands(site, url, href)


# -- mind map ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 1, 2])
def test_mind_map_on_each_speech_home_is_its_outline(site, library, index):
    placed = library.speeches[index]
    home = page_url(f"{placed.slug}/index.md")
    page = _html(site, home)
    diagram = page[page.index('<div class="study-map">'):]
    diagram = diagram[:diagram.index("</div>")]
    nodes = [(unquote(urljoin("/" + home, href)), _text(label)) for href, label in LINK.findall(diagram)]
    expected = [(f"/{home}", placed.speech.title)]
    for part_index, placed_part in enumerate(placed.parts):
        part = placed_part.part
        expected.append((f"/{page_url(f'{placed.slug}/{placed_part.slug}/index.md')}", f"{part.title}（{len(part.items)} 条）"))
        expected += [(f"/{page_url(item.page)}", f"{item.display_label}　{item.item.headline}")
                     for item in library.items_of(index, part_index)]
    assert nodes == expected


# -- self-test --------------------------------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 1, 2])
def test_self_test_answers_fill_the_blanks_to_the_headlines(site, library, index):
    placed = library.speeches[index]
    page = _html(site, _aid_url(placed, "自测"))
    pairs = re.findall(
        r'<p class="study-question">(.*?)</p>\s*<details class="study-answer">\s*<summary>看答案</summary>\s*<p>(.*?)</p>',
        page, re.DOTALL,
    )
    items = [item for item in library.items if item.speech_index == index]
    assert len(pairs) == len(items) > 0
    for (question, answer), item in zip(pairs, items):
        words = [_text(word) for word in re.findall(r"<strong>(.*?)</strong>", answer)]
        asked = _text(question)
        assert asked.startswith(item.display_label + "　") and words
        filled = asked.removeprefix(item.display_label + "　")
        for word in words:
            assert "＿" * len(word) in filled
            filled = filled.replace("＿" * len(word), word, 1)
        assert filled == item.item.headline


# -- handout, printed ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def printed(site, library, tmp_path_factory):
    """Each speech's handout printed to A4 PDF by headless Chromium; (pages, text) per speech."""
    from browser import open_browser, serve_folder

    out = tmp_path_factory.mktemp("pdf")
    result = []
    with serve_folder(site) as base, open_browser() as (page, outside):
        for index, placed in enumerate(library.speeches):
            page.goto(base + _aid_url(placed, "讲义"), wait_until="networkidle")
            pdf = out / f"{index}.pdf"
            page.pdf(path=str(pdf), format="A4")
            info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
            result.append((int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1)), text))
        assert outside == []
    return result


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing: bash scripts/test.sh installs it")
@pytest.mark.parametrize(("index", "pages"), [(0, range(3, 7)), (1, range(3, 8)), (2, range(1, 2))])
def test_handout_prints_whole_on_a4_without_navigation(printed, library, index, pages):
    count, text = printed[index]
    assert count in pages
    plain = _plain(text)
    items = [item for item in library.items if item.speech_index == index]
    for item in items:
        assert _plain(f"{item.display_label}{item.item.headline}") in plain
        for paragraph in item.item.paragraphs:
            assert _plain(paragraph.text) in plain
    speech_text = "".join(p.text for p in library.speeches[index].speech.paragraphs)
    for term in library.taxonomy.terms:
        if term.term in speech_text:
            assert _plain(f"{term.term}：{term.explanation}") in plain
    assert not any(chrome in text for chrome in CHROME)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing: bash scripts/test.sh installs it")
def test_a_topic_page_prints_as_study_material_without_navigation_and_its_button_prints(site, library, tmp_path):
    from browser import open_browser, serve_folder
    from speechkit.library.urls import topic_page
    from speechkit.pages.topic_pages import gather

    name, items = max(gather(library).items(), key=lambda pair: len(pair[1]))
    assert len(items) > 1, name
    with serve_folder(site) as base, open_browser() as (page, outside):
        page.goto(base + page_url(topic_page(name)), wait_until="networkidle")
        page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
        page.locator("a.study-print").click()
        assert page.evaluate("() => window.printed") == 1
        page.pdf(path=str(tmp_path / "topic.pdf"), format="A4")
        assert outside == []
    text = subprocess.run(["pdftotext", str(tmp_path / "topic.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    plain = _plain(text)
    assert _plain(name) in plain and "专题学习材料" in plain
    for item in items:
        assert _plain(item.display_label) in plain
    assert not any(chrome in text for chrome in CHROME) and "打印专题学习材料" not in text


def test_self_test_answer_opens_on_click_without_a_server_script(site, library):
    from browser import open_browser, serve_folder

    with serve_folder(site) as base, open_browser() as (page, outside):
        page.goto(base + _aid_url(library.speeches[0], "自测"), wait_until="networkidle")
        answer = page.locator("details.study-answer").nth(4)
        assert not answer.locator("strong").is_visible()
        answer.locator("summary").click()
        assert answer.locator("strong").inner_text() == "绝对忠诚"
    assert outside == []


ANSWERS_JS = "[...document.querySelectorAll('.study-answer p')].map(p => [...p.querySelectorAll('strong')].map(s => s.textContent))"


@pytest.mark.parametrize("index", [0, 2])  # the seed; the hostile speech (markup in its headlines)
def test_self_test_scores_the_answers_and_reviews_what_was_missed(site, library, index):
    from browser import open_browser, record_dialogs, serve_folder

    with serve_folder(site) as base, open_browser() as (page, outside):
        dialogs = record_dialogs(page)
        page.goto(base + _aid_url(library.speeches[index], "自测"), wait_until="networkidle")
        answers = page.evaluate(ANSWERS_JS)
        blanks = page.locator("input.study-blank")
        assert blanks.count() == sum(map(len, answers)) > 0
        wrong_question = len(answers) - 1  # the last question gets a wrong answer, in its first blank
        at = 0
        for question, words in enumerate(answers):
            for position, word in enumerate(words):
                # Spaces and full-width letters do not make an answer wrong.
                typed = "错" if (question, position) == (wrong_question, 0) else f" {word} "
                blanks.nth(at).fill(typed)
                at += 1
        page.click(".study-score button >> text=交卷")
        result = page.locator(".study-score__result").inner_text()
        assert f"得分：{len(answers) - 1} / {len(answers)} 题全对" in result
        missed = page.locator(".study-score__result li")
        assert missed.count() == 1
        assert missed.inner_text().endswith("正确答案：" + "、".join(answers[wrong_question]))
        assert page.locator(".study-question--wrong").count() == 1
        assert page.locator("details.study-answer[open]").count() == 1  # the missed answer is shown
        page.click(".study-score button >> text=重做")
        assert page.locator(".study-question--wrong").count() == 0
        assert all(value == "" for value in blanks.evaluate_all("els => els.map(e => e.value)"))
        assert dialogs == []
    assert outside == []


# -- switches -----------------------------------------------------------------------------------------


def test_every_aid_switched_off_leaves_the_plain_site(speeches, library):
    folder = speeches.parent / "off"
    folder.mkdir()
    off = {name: False for name in ("glossary", "key_sentences", "diagram", "self_test", "handout")}
    config = write_config(folder, speeches, extra={"study_site": {"speeches": str(speeches), "aids": off}})
    site = built(config, folder / "site")
    placed = library.speeches[0]
    home = _html(site, page_url(f"{placed.slug}/index.md"))
    assert "study-map" not in home and "<abbr" not in home
    assert not (site / "术语表").exists()
    for name in ("金句", "自测", "讲义"):
        assert not (site / placed.slug / name).exists()
