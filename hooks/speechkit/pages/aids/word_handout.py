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
import struct
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


class _Writer:
    """One Word document being written: A4, the fonts set, each style looked up once."""

    def __init__(self):
        self.document = docx.Document()
        _page_setup(self.document)
        _fonts(self.document)
        styles = self.document.styles
        self.styles = {name: styles[name] for name in ("Title", "Heading 1", "Heading 2", "Heading 3",
                                                        "List Bullet", "List Bullet 2", "Body Text")}
        self.style_ids = {name: style.style_id for name, style in self.styles.items()}
        body = self.styles["Body Text"].paragraph_format
        body.first_line_indent = BODY_SIZE * 2  # two characters, as Chinese text is indented
        body.line_spacing = 1.5

    def add(self, text: str, style: str | None = None):
        """A paragraph of text in a style (Normal when none)."""
        paragraph = self.document.add_paragraph(_text(text))
        if style:
            # The style's id set on the paragraph's XML directly: python-docx's style setter
            # searches the styles part for every paragraph (0.9 ms each, most of a handout's time).
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def body(self, text: str) -> None:
        """A paragraph of the speech itself."""
        self.add(text, "Body Text")

    def finish(self, title: str, subject: str, author: str = "") -> bytes:
        """The file: its properties set, every member's time fixed."""
        _properties(self.document, title, subject, author)
        out = io.BytesIO()
        self.document.save(out)
        return _with_fixed_times(out.getvalue())


def handout_docx(library: Library, index: int) -> bytes:
    """The Word handout of one speech."""
    placed = library.speeches[index]
    speech = placed.speech
    writer = _Writer()
    writer.add(speech.title, "Title")
    described = "　".join(v for v in (speech.date, speech.speaker, speech.meeting) if v)
    if described:
        writer.add(described)
    writer.add(f"引用出处：{citation(speech)}")
    if placed.parts:
        writer.add("提纲", "Heading 1")
        for part_index, placed_part in enumerate(placed.parts):
            writer.add(f"{placed_part.part.title}（{len(placed_part.part.items)} 条）", "List Bullet")
            for item in library.items_of(index, part_index):
                writer.add(_item_title(item), "List Bullet 2")
        for part_index, placed_part in enumerate(placed.parts):
            writer.add(placed_part.part.title, "Heading 1")
            if placed_part.part.intro:
                writer.body(placed_part.part.intro.text)
            for item in library.items_of(index, part_index):
                writer.add(_item_title(item), "Heading 2")
                for paragraph in item.item.paragraphs:
                    writer.body(paragraph.text)
    else:
        writer.add("全文", "Heading 1")
        for paragraph in speech.paragraphs[1:]:
            writer.body(paragraph.text)
    text = "\n".join(p.text for p in speech.paragraphs)
    used = [term for term in terms_in(text, library.taxonomy.terms) if term.explanation.strip()]
    if used:
        writer.add("术语", "Heading 1")
        for term in used:
            paragraph = writer.add("")
            paragraph.add_run(_text(term.term)).bold = True
            paragraph.add_run(_text(f"：{term.explanation}"))
    return writer.finish(speech.title, "学习讲义", speech.speaker or "")


def topic_docx(library: Library, topic: Topic, items: list[PlacedItem]) -> bytes:
    """A topic's 专题学习材料: every item on it, grouped by year and speech (``items`` in that order)."""
    writer = _Writer()
    writer.add(f"专题学习材料：{topic.name}", "Title")
    speeches = {item.speech_index for item in items}
    writer.add(f"共 {len(items)} 条，出自 {len(speeches)} 篇讲话")
    if topic.description.strip():
        writer.add(topic.description)
    year = speech_index = None
    for item in items:
        speech = library.speeches[item.speech_index].speech
        if (speech.date or "")[:4] != year:
            year = (speech.date or "")[:4]
            writer.add(f"{year}年" if year else "未注明日期", "Heading 1")
            speech_index = None
        if item.speech_index != speech_index:
            speech_index = item.speech_index
            writer.add(speech.title, "Heading 2")
            described = "　".join(v for v in (speech.date, speech.speaker, speech.meeting) if v)
            if described:
                writer.add(described)
        part = library.speeches[item.speech_index].parts[item.part_index].part
        writer.add(_item_title(item), "Heading 3")
        for paragraph in item.item.paragraphs:
            writer.body(paragraph.text)
        writer.add(f"出处：{citation(speech)} · {item.display_label} · {part.title}")
    return writer.finish(topic.name, "专题学习材料")


def _item_title(placed_item: PlacedItem) -> str:
    """An item as a reader names it: its label and headline."""
    return f"{placed_item.display_label}　{placed_item.item.headline}"


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
    """The same ZIP with every member's time fixed (python-docx stamps the clock's): the
    DOS time and date of each local header and central directory entry, set in place."""
    fixed = bytearray(data)
    year, month, day, hour, minute, second = FIXED_TIME
    dos_time = hour << 11 | minute << 5 | second // 2
    dos_date = (year - 1980) << 9 | month << 5 | day
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entry = archive.start_dir
        for info in archive.infolist():
            struct.pack_into("<HH", fixed, info.header_offset + 10, dos_time, dos_date)  # local header
            struct.pack_into("<HH", fixed, entry + 12, dos_time, dos_date)  # its central directory entry
            names, extra, comment = struct.unpack_from("<HHH", fixed, entry + 28)
            entry += 46 + names + extra + comment
    return bytes(fixed)
