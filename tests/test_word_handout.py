"""Each speech's handout as a Word file: the content of the 讲义 page, A4, Chinese fonts,
the same bytes every build; offered for download from the handout page."""

from __future__ import annotations

import io
from urllib.parse import unquote

import docx
import pytest
from docx.oxml.ns import qn

from conftest import SEED
from sitebuild import built, library_of, write_config, write_speeches
from speechkit.library import urls
from speechkit.pages.aids.word_handout import handout_docx

HOSTILE = """关于加强学习的讲话
2024年3月1日
同志们：
今天讲讲学习。下面，我讲两点意见：
一要学习*理论*和<script>alert(1)</script>文件。只有真学，才能真懂。
二要落实{{ config }}制度。公生明，廉生威。
同志们，学习是一种责任。
"""


@pytest.fixture(scope="module")
def speeches(tmp_path_factory):
    """The seed and a speech with markup, template syntax and a control character in it."""
    folder = tmp_path_factory.mktemp("word") / "speeches"
    return write_speeches(folder, {SEED.name: SEED.read_bytes(), "hostile.txt": HOSTILE})


@pytest.fixture(scope="module")
def library(speeches):
    """The core's view of the folder."""
    return library_of(speeches)


def _document(data: bytes):
    """A Word file read back."""
    return docx.Document(io.BytesIO(data))


def _index(library, title: str) -> int:
    """The index of the speech with this title."""
    return next(i for i, p in enumerate(library.speeches) if p.speech.title == title)


def test_the_handout_holds_every_item_under_its_label_in_order(library):
    index = _index(library, "在区基层党建工作推进会议上的讲话")
    document = _document(handout_docx(library, index))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", "在区基层党建工作推进会议上的讲话")
    assert ("Normal", "引用出处：《在区基层党建工作推进会议上的讲话》") in paragraphs
    expected = [f"{i.display_label}　{i.item.headline}" for i in library.items if i.speech_index == index]
    assert [text for style, text in paragraphs if style == "Heading 2"] == expected
    assert len(expected) == 13
    texts = [text for _, text in paragraphs]
    for placed_item in (i for i in library.items if i.speech_index == index):
        for paragraph in placed_item.item.paragraphs:
            assert paragraph.text in texts
    assert [text for style, text in paragraphs if style == "Heading 1"][:4] == ["提纲", "存在的问题", "六点意见", "三点强调"]


def test_the_handout_is_a4_with_chinese_fonts_as_word_names_them(library):
    document = _document(handout_docx(library, 0))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    fonts = {name: document.styles[name].element.rPr.rFonts.get(qn("w:eastAsia")) for name in ("Normal", "Heading 1", "Title")}
    assert fonts == {"Normal": "宋体", "Heading 1": "黑体", "Title": "黑体"}
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "fldChar" in footer


def test_document_text_stays_literal(library):
    index = _index(library, "关于加强学习的讲话")
    document = _document(handout_docx(library, index))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "意见一　学习*理论*和<script>alert(1)</script>文件" in text
    assert "{{ config }}" in text
    assert document.core_properties.title == "关于加强学习的讲话"
    assert "引用出处：《关于加强学习的讲话》，2024-03-01" in text


def test_a_control_character_that_reached_the_text_is_left_out_not_a_crash():
    # Reading refuses them in text files; a text that carries one anyway must not stop the build.
    from conftest import parse_text
    from speechkit.library import build_library, load_taxonomy
    from speechkit.data import DATA_DIR

    speech = parse_text(HOSTILE.replace("文件。", "文件\x0c。"))
    library = build_library([speech], load_taxonomy(DATA_DIR / "topics.yml"))
    text = "\n".join(p.text for p in _document(handout_docx(library, 0)).paragraphs)
    assert "学习*理论*和<script>alert(1)</script>文件。" in text


def test_the_same_speech_gives_the_same_bytes(library):
    assert handout_docx(library, 0) == handout_docx(library, 0)


def test_the_handout_page_offers_the_word_file_for_download(speeches, library):
    from browser import open_browser, serve_folder

    folder = speeches.parent
    site = built(write_config(folder, speeches), folder / "site")
    placed = library.speeches[_index(library, "在区基层党建工作推进会议上的讲话")]
    handout = urls.speech_aid_page(placed.slug, urls.HANDOUT).removesuffix(".md") + "/"
    with serve_folder(site) as base, open_browser() as (page, outside):
        page.goto(base + handout, wait_until="networkidle")
        with page.expect_download() as arrived:
            page.click("text=下载 Word 版")
        download = arrived.value
        assert unquote(download.url).endswith(urls.handout_docx(placed.slug))
        data = open(download.path(), "rb").read()
    assert outside == []
    assert _document(data).paragraphs[0].text == placed.speech.title
    assert data == (site / urls.handout_docx(placed.slug)).read_bytes()


def test_a_topics_study_material_holds_every_item_on_it_in_full_with_its_source(library):
    from speechkit.pages.aids.word_handout import topic_docx
    from speechkit.pages.topic_pages import gather

    gathered = gather(library)
    name, items = max(gathered.items(), key=lambda entry: len(entry[1]))
    topic = next(t for t in library.taxonomy.topics if t.name == name)
    document = _document(topic_docx(library, topic, items))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", f"专题学习材料：{name}")
    headed = [text for style, text in paragraphs if style == "Heading 3"]
    assert headed == [f"{i.display_label}　{i.item.headline}" for i in items] and len(items) >= 2
    texts = [text for _, text in paragraphs]
    for item in items:
        assert all(p.text in texts for p in item.item.paragraphs)
    assert sum(text.startswith("出处：《") for text in texts) == len(items)
    assert topic_docx(library, topic, items) == topic_docx(library, topic, items)


def test_a_large_librarys_word_files_are_made_in_a_second_process_and_written_whole(corpus_build):
    # The corpus is past ANALYSE_APART_BYTES: its Word files come from the second process
    # and replace the empty placeholders MkDocs copied.
    from speechkit.build import ANALYSE_APART_BYTES

    speeches, site = corpus_build
    assert sum(p.stat().st_size for p in speeches.iterdir()) >= ANALYSE_APART_BYTES
    files = sorted(site.rglob("*.docx"))
    assert len(files) > len(list(speeches.iterdir()))  # every speech's, and the topics'
    assert all(path.stat().st_size > 5000 for path in files)
    library = library_of(speeches)
    index = next(i for i, p in enumerate(library.speeches) if p.speech.title == "在区基层党建工作推进会议上的讲话")
    assert (site / urls.handout_docx(library.speeches[index].slug)).read_bytes() == handout_docx(library, index)
