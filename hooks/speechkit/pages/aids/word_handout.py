"""Handouts as Word files (.docx), made at build time: what organisers circulate.

A speech's: the content of its printable 讲义 page (handout.py): title, date, speaker and
meeting, the source to cite, the outline, every item in full under its label, the terms.
A topic's 专题学习材料: its description, then every item on it by year and speech, in full,
each with its place and source. A4 with Chinese fonts named as Word names them (宋体 for
text, 黑体 for headings), page numbers in the footer. The same input gives the same bytes:
no clock goes into a file.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ...library import Library, PlacedItem, Topic
from ..reader import citation
from .glossary import terms_in

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
BODY_SIZE = Pt(12)  # 小四
# Characters XML 1.0 cannot hold (control characters a pasted text may carry): left out.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Every member of the file gets this time, and the document's properties too: a build of
# the same speech gives the same bytes.
FIXED_TIME = (2000, 1, 1, 0, 0, 0)


def handout_docx(library: Library, index: int) -> bytes:
    """The Word handout of one speech."""
    placed = library.speeches[index]
    speech = placed.speech
    document = docx.Document()
    _page_setup(document)
    _fonts(document)
    document.add_heading(_text(speech.title), level=0)
    described = "　".join(v for v in (speech.date, speech.speaker, speech.meeting) if v)
    if described:
        document.add_paragraph(_text(described))
    document.add_paragraph(_text(f"引用出处：{citation(speech)}"))
    if placed.parts:
        document.add_heading("提纲", level=1)
        for part_index, placed_part in enumerate(placed.parts):
            document.add_paragraph(_text(f"{placed_part.part.title}（{len(placed_part.part.items)} 条）"), style="List Bullet")
            for item in library.items_of(index, part_index):
                document.add_paragraph(_text(_item_title(item)), style="List Bullet 2")
        for part_index, placed_part in enumerate(placed.parts):
            document.add_heading(_text(placed_part.part.title), level=1)
            if placed_part.part.intro:
                _body(document, placed_part.part.intro.text)
            for item in library.items_of(index, part_index):
                document.add_heading(_text(_item_title(item)), level=2)
                for paragraph in item.item.paragraphs:
                    _body(document, paragraph.text)
    else:
        document.add_heading("全文", level=1)
        for paragraph in speech.paragraphs[1:]:
            _body(document, paragraph.text)
    text = "\n".join(p.text for p in speech.paragraphs)
    used = [term for term in terms_in(text, library.taxonomy.terms) if term.explanation.strip()]
    if used:
        document.add_heading("术语", level=1)
        for term in used:
            paragraph = document.add_paragraph()
            paragraph.add_run(_text(term.term)).bold = True
            paragraph.add_run(_text(f"：{term.explanation}"))
    _properties(document, speech.title, "学习讲义", speech.speaker or "")
    out = io.BytesIO()
    document.save(out)
    return _with_fixed_times(out.getvalue())


def topic_docx(library: Library, topic: Topic, items: list[PlacedItem]) -> bytes:
    """A topic's 专题学习材料: every item on it, grouped by year and speech (``items`` in that order)."""
    document = docx.Document()
    _page_setup(document)
    _fonts(document)
    document.add_heading(_text(f"专题学习材料：{topic.name}"), level=0)
    speeches = {item.speech_index for item in items}
    document.add_paragraph(_text(f"共 {len(items)} 条，出自 {len(speeches)} 篇讲话"))
    if topic.description.strip():
        document.add_paragraph(_text(topic.description))
    year = speech_index = None
    for item in items:
        speech = library.speeches[item.speech_index].speech
        if (speech.date or "")[:4] != year:
            year = (speech.date or "")[:4]
            document.add_heading(f"{year}年" if year else "未注明日期", level=1)
            speech_index = None
        if item.speech_index != speech_index:
            speech_index = item.speech_index
            document.add_heading(_text(speech.title), level=2)
            described = "　".join(v for v in (speech.date, speech.speaker, speech.meeting) if v)
            if described:
                document.add_paragraph(_text(described))
        part = library.speeches[item.speech_index].parts[item.part_index].part
        heading = document.add_paragraph(style="Heading 3")
        heading.add_run(_text(_item_title(item)))
        for paragraph in item.item.paragraphs:
            _body(document, paragraph.text)
        document.add_paragraph(_text(f"出处：{citation(speech)} · {item.display_label} · {part.title}"))
    _properties(document, topic.name, "专题学习材料")
    out = io.BytesIO()
    document.save(out)
    return _with_fixed_times(out.getvalue())


def _item_title(placed_item: PlacedItem) -> str:
    """An item as a reader names it: its label and headline."""
    return f"{placed_item.display_label}　{placed_item.item.headline}"


def _body(document, text: str) -> None:
    """A paragraph of the speech, indented two characters as Chinese text is."""
    paragraph = document.add_paragraph(_text(text))
    paragraph.paragraph_format.first_line_indent = BODY_SIZE * 2
    paragraph.paragraph_format.line_spacing = 1.5


def _text(text: str) -> str:
    """Document text as Word can hold it."""
    return NOT_XML.sub("", text)


def _page_setup(document) -> None:
    """A4 portrait with the margins of Chinese official documents, page numbers below."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number(footer)


def _page_number(paragraph) -> None:
    """A PAGE field: Word fills in the page number."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _fonts(document) -> None:
    """宋体 for the text, 黑体 for the title and headings, set for East Asian text as Word reads it."""
    styles = document.styles
    for name, font in (("Normal", BODY_FONT), ("Title", HEADING_FONT), ("Heading 1", HEADING_FONT),
                       ("Heading 2", HEADING_FONT), ("Heading 3", HEADING_FONT)):
        style = styles[name]
        style.font.name = LATIN_FONT
        # python-docx sets the Latin font; Chinese text takes w:eastAsia.
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        if name != "Normal":
            style.font.color.rgb = None
    styles["Normal"].font.size = BODY_SIZE


def _properties(document, title: str, subject: str, author: str = "") -> None:
    """The file's title, subject and author as Word shows them, with a fixed time."""
    properties = document.core_properties
    properties.title = _text(title)
    properties.author = _text(author)
    properties.subject = subject
    properties.last_modified_by = ""
    properties.revision = 1
    properties.created = properties.modified = datetime.datetime(*FIXED_TIME)


def _with_fixed_times(data: bytes) -> bytes:
    """The same ZIP with every member's time fixed (python-docx stamps the clock's)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
