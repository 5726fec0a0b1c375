"""A Word file's heading styles and bold lines as hints, heeded only where the text cannot tell."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

import pytest

from speechkit.library import speech_from_bytes
from speechkit.sources import decode_source
from speechkit.structure.report import outline_dict

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Localised ids, as Chinese Word writes them: only the names say what the styles are.
STYLES = f"""<w:styles xmlns:w="{W_NS}">
  <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>
  <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
    <w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/><w:basedOn w:val="a"/></w:style>
  <w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题"/><w:basedOn w:val="a"/></w:style>
  <w:style w:type="paragraph" w:styleId="20"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>
  <w:style w:type="paragraph" w:styleId="a7"><w:name w:val="My Outline"/><w:basedOn w:val="a"/>
    <w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="a9"><w:name w:val="Lead"/><w:basedOn w:val="a"/>
    <w:rPr><w:b/></w:rPr></w:style>
  <w:style w:type="character" w:styleId="aa"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""


def para(*runs: str, style: str | None = None, outline: int | None = None) -> str:
    """A paragraph of the given runs (from ``run``), with a style id or outline level."""
    properties = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
    )
    return f"<w:p>{f'<w:pPr>{properties}</w:pPr>' if properties else ''}{''.join(runs)}</w:p>"


def run(text: str, bold: str | None = None, char_style: str | None = None) -> str:
    """A run; ``bold`` is the w:b element's w:val ("" for a bare <w:b/>)."""
    properties = (f'<w:rStyle w:val="{char_style}"/>' if char_style else "") + (
        "" if bold is None else (f'<w:b w:val="{bold}"/>' if bold else "<w:b/>")
    )
    rpr = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def plain(text: str) -> str:
    """A paragraph of one plain run."""
    return para(run(text))


def docx(paragraphs: list[str], styles: str | None = STYLES, numbering: str | None = None) -> bytes:
    """A minimal .docx: document.xml with the paragraphs, styles.xml unless None, numbering.xml if given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(paragraphs)}</w:body></w:document>',
        )
        if styles is not None:
            archive.writestr("word/styles.xml", styles)
        if numbering is not None:
            archive.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


HEADINGS = ["过去一年的工作", "今年的主要任务"]


def report(heading) -> list[str]:
    """A report whose two sections are unnumbered headings (no （一） lists under them),
    each written by ``heading`` (text → paragraph XML)."""
    return [
        plain("某某区2025年政府工作报告"),
        plain("各位代表："),
        plain("现在，我代表区人民政府向大会报告工作，请予审议。"),
        heading(HEADINGS[0]),
        plain("一年来，我们坚持稳中求进工作总基调，经济运行稳中有进。"),
        plain("我们着力扩大有效投资，全年完成固定资产投资一百亿元。"),
        heading(HEADINGS[1]),
        plain("我们将持续优化营商环境，推动民营经济发展壮大。"),
        plain("我们将加快推进城市更新，改善群众居住条件。"),
        plain("各位代表！让我们团结一心，奋力谱写高质量发展新篇章！"),
    ]


def headings_of(data: bytes) -> list[str]:
    """The part headings a .docx's bytes are parsed into."""
    return [part.heading for part in speech_from_bytes(data, "speeches/报告.docx").parts]


def test_without_hints_the_unnumbered_headings_make_no_parts():
    assert headings_of(docx(report(plain))) == []


@pytest.mark.parametrize(
    "heading",
    [
        lambda text: para(run(text), style="1"),  # heading 1 under the id "1"
        lambda text: para(run(text), style="20"),  # WPS's 标题 2
        lambda text: para(run(text), style="a7"),  # an outline level from the style
        lambda text: para(run(text), outline=2),  # an outline level on the paragraph
    ],
    ids=["heading-1", "biaoti-2", "style-outline", "paragraph-outline"],
)
def test_heading_styled_unnumbered_headings_become_parts(heading):
    speech = speech_from_bytes(docx(report(heading)), "speeches/报告.docx")
    assert [part.heading for part in speech.parts] == HEADINGS
    assert [part.heading_line for part in speech.parts] == [4, 7]
    assert speech.closing[0].text.startswith("各位代表！")


@pytest.mark.parametrize(
    "heading",
    [
        lambda text: para(run(text, bold="")),
        lambda text: para(run(text[:3], bold="1"), run(text[3:], bold="true"), run("\u3000")),  # a plain space after
        lambda text: para(run(text), style="a9"),  # bold by the paragraph's style
        lambda text: para(run(text, char_style="aa")),  # bold by the run's character style
    ],
    ids=["direct", "split-runs", "paragraph-style", "character-style"],
)
def test_bold_short_paragraphs_become_parts(heading):
    assert headings_of(docx(report(heading))) == HEADINGS


@pytest.mark.parametrize(
    "heading",
    [
        lambda text: para(run(text[:3], bold=""), run(text[3:])),  # only partly bold
        lambda text: para(run(text, bold="0"), style="a9"),  # bold style switched off on the run
    ],
    ids=["partly-bold", "bold-off"],
)
def test_a_paragraph_not_wholly_bold_is_no_hint(heading):
    assert headings_of(docx(report(heading))) == []


def test_one_bold_line_alone_is_emphasis_not_a_section():
    paragraphs = report(plain)
    paragraphs[3] = para(run(HEADINGS[0], bold=""))
    assert headings_of(docx(paragraphs)) == []


def test_a_bold_sentence_is_no_heading():
    paragraphs = report(lambda text: para(run(text, bold="")))
    paragraphs[4] = para(run("一年来，我们坚持稳中求进工作总基调。", bold=""))  # a sentence, bold for emphasis
    paragraphs[7] = para(run("今年要抓好以下工作：", bold=""))  # an intro, not a heading
    assert headings_of(docx(paragraphs)) == HEADINGS


NUMBERED = [
    plain("某某区2025年政府工作报告"),
    plain("各位代表："),
    plain("现在，我代表区人民政府向大会报告工作，请予审议。"),
    "{h}一、2024年工作回顾",
    plain("一年来，我们坚持稳中求进工作总基调，经济运行稳中有进。"),
    "{b}重点项目建设，稳步推进",  # a comma: no heading to the text alone, shaped like one to a hint
    plain("全年实施重点项目二百个，完成投资一百亿元。"),
    "{h}二、2025年工作安排",
    plain("（一）持续优化营商环境。推动民营经济发展壮大。"),
    plain("（二）加快推进城市更新。改善群众居住条件。"),
    "{b}专栏：民生实事",
    plain("新建幼儿园十所，改造老旧小区五十个。"),
    plain("各位代表！让我们团结一心，奋力谱写高质量发展新篇章！"),
]


def numbered(hinted: bool) -> bytes:
    """A report with 一、 sections; ``hinted``: the section headings styled, two unnumbered lines styled and bold."""
    paragraphs = []
    for item in NUMBERED:
        if item.startswith("{h}"):
            paragraphs.append(para(run(item[3:]), style="1") if hinted else plain(item[3:]))
        elif item.startswith("{b}"):
            paragraphs.append(para(run(item[3:], bold=""), style="20") if hinted else plain(item[3:]))
        else:
            paragraphs.append(item)
    return docx(paragraphs)


def test_a_document_with_numbered_sections_is_unchanged_by_hints():
    hinted = speech_from_bytes(numbered(True), "speeches/报告.docx")
    assert decode_source(numbered(True), "r.docx").hints  # the formatting was read…
    assert [part.title for part in hinted.parts] == ["一、2024年工作回顾", "二、2025年工作安排"]
    # …and changes nothing: the 一、 structure stands, the styled lines stay in their sections.
    assert outline_dict(hinted) == outline_dict(speech_from_bytes(numbered(False), "speeches/报告.docx"))


# Ends with ！, so the text alone does not make it a title line.
SLOGAN_TITLE = "奋力开创高质量发展新局面！"
TITLED = [
    plain("同志们："),
    plain("今天召开全区工作会议，主要任务是总结去年工作，部署今年任务。"),
    plain("去年以来，全区上下攻坚克难，各项工作取得新成效。"),
]


@pytest.mark.parametrize("style", ["a3", "a5", "Title"], ids=["Title", "biaoti", "id-only"])
def test_a_title_styled_first_paragraph_becomes_the_title(style):
    speech = speech_from_bytes(docx([para(run(SLOGAN_TITLE), style=style), *TITLED]), "speeches/讲话.docx")
    assert (speech.title, speech.title_source, speech.title_line) == (SLOGAN_TITLE, "text", 1)
    assert speech.salutation.text == "同志们："


def test_without_the_title_style_that_line_is_not_taken_for_the_title():
    speech = speech_from_bytes(docx([plain(SLOGAN_TITLE), *TITLED]), "speeches/讲话.docx")
    assert speech.title_source == "file name"


def test_a_title_styled_line_below_a_date_is_still_the_title():
    paragraphs = [plain("2025年2月10日"), para(run(SLOGAN_TITLE), style="a3"), *TITLED]
    speech = speech_from_bytes(docx(paragraphs), "speeches/讲话.docx")
    assert (speech.title, speech.date) == (SLOGAN_TITLE, "2025-02-10")


def test_hints_name_the_line_their_paragraph_starts_on():
    paragraphs = [
        para(run("标题"), style="a3"),
        '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>',  # one paragraph, two lines
        plain("正文。"),
        para(run("小标题"), style="1"),
        para(run("加粗", bold="")),
    ]
    source = decode_source(docx(paragraphs), "r.docx")
    lines = source.text.split("\n")
    assert source.hints == ((1, "title"), (5, "heading"), (6, "bold"))
    assert [lines[line - 1] for line, _ in source.hints] == ["标题", "小标题", "加粗"]


def test_hint_reading_survives_a_document_without_styles_xml():
    # Style ids alone: English ids still say what they are; a localised id ("1") says nothing.
    paragraphs = report(lambda text: para(run(text), style="Heading1"))
    assert headings_of(docx(paragraphs, styles=None)) == HEADINGS
    localised = report(lambda text: para(run(text), style="1"))
    assert decode_source(docx(localised, styles=None), "r.docx").hints == ()
    bold = report(lambda text: para(run(text, bold="")))
    assert headings_of(docx(bold, styles=None)) == HEADINGS


def test_a_damaged_styles_xml_costs_the_hints_not_the_text():
    data = docx(report(lambda text: para(run(text), style="1")), styles="<w:styles")
    source = decode_source(data, "r.docx")
    assert source.hints == ()
    assert HEADINGS[0] in source.text.split("\n")


# Word's own numbering, as a Chinese template writes it: 一、 over （一） over 1., and bullets.
NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf06c"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""
LISTED_STYLES = STYLES.replace("</w:styles>", """  <w:style w:type="paragraph" w:styleId="b1"><w:name w:val="Section"/><w:basedOn w:val="a"/>
    <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>""")


def listed(text: str, num: int | None = 1, level: int = 0, style: str | None = None) -> str:
    """A paragraph Word numbers itself: by list ``num`` at ``level``, or by its ``style``'s list."""
    number = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>' if num else ""
    style_tag = f'<w:pStyle w:val="{style}"/>' if style else ""
    return f"<w:p><w:pPr>{style_tag}{number}</w:pPr>{run(text)}</w:p>"


def test_the_numbers_word_writes_itself_are_read_as_the_reader_sees_them():
    data = docx([
        plain("某某区2025年政府工作报告"), plain("各位代表："), plain("现在，我代表区人民政府报告工作。"),
        listed("过去一年工作回顾", num=None, style="b1"),
        listed("经济稳中有进。全年增长百分之五。", level=1), listed("民生持续改善。", level=1),
        listed("新增就业一万人。", level=2), listed("新建学校三所。", level=2),
        listed("", level=1),  # an empty numbered paragraph is not counted: the next is （三）
        listed("生态更加优美。", level=1),
        listed("今年工作安排"), listed("抓好项目建设。", level=1),
        listed("要把项目抓实。", num=2), listed("要把服务做优。", num=2), listed("抓好民生实事。", level=1),
    ], styles=LISTED_STYLES, numbering=NUMBERING)
    speech = speech_from_bytes(data, "speeches/报告.docx")
    assert [(p.label, p.heading) for p in speech.parts] == [("一、", "过去一年工作回顾"), ("二、", "今年工作安排")]
    first, second = speech.parts
    assert [i.label for i in first.items] == ["（一）", "（二）", "（三）"]
    assert [c.label for c in first.items[1].children] == ["1.", "2."]
    assert [i.label for i in second.items] == ["（一）", "（二）"]  # a new section starts its points again
    assert [c.headline for c in second.items[0].children] == ["要把项目抓实", "要把服务做优"]


def test_a_damaged_numbering_part_costs_the_numbers_not_the_text():
    data = docx([plain("讲话"), plain("同志们："), listed("要学习。")], numbering="<w:numbering")
    assert "要学习。" in [p.text for p in speech_from_bytes(data, "speeches/讲话.docx").paragraphs]
