"""Reading real document formats, recognised by their bytes: Word, legacy Word, PDF; and clear refusals."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile

import pytest
from conftest import CORPUS, REPO

from speechkit.errors import SpeechError
from speechkit.library import load_speech, speech_from_bytes
from speechkit.sources import decode_source, doc as doc_module, read_source
from speechkit.sources.pdf import Line, _paragraphs

LIBRARY = CORPUS / "library"
DOCX = LIBRARY / "guangzhou_gwr_2021.docx"
LEGACY = LIBRARY / "changsha_gwr_2021.docx"  # a Word 97–2003 file under a .docx name
PDF = LIBRARY / "xianyang_gwr_2025.pdf"
SAVE_AS = "save the speech as .docx, .pdf or UTF-8 .txt"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def lines_of(path):
    """The non-blank lines of a file's text, stripped."""
    return [line.strip() for line in read_source(path).text.split("\n") if line.strip()]


def zip_bytes(parts: dict[str, str]) -> bytes:
    """A ZIP archive holding the given parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def docx_bytes(body: str, title: str | None = None) -> bytes:
    """A minimal .docx whose body is the given WordprocessingML."""
    parts = {"word/document.xml": f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'}
    if title is not None:
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title></cp:coreProperties>'
        )
    return zip_bytes(parts)


def pdf_bytes(content: bytes) -> bytes:
    """A valid one-page PDF whose page draws ``content`` (with a correct cross-reference table)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_a_word_file_gives_its_paragraphs_in_order():
    source = read_source(DOCX)
    lines = lines_of(DOCX)
    assert source.format == "docx"
    assert lines[0] == "2021年广州市政府工作报告"
    assert "各位代表：" in lines
    assert "现在，我代表市人民政府，向大会报告政府工作，请予审议，并请政协委员和其他列席人员提出意见。" in lines
    assert 100 <= len(lines) <= 130


def test_word_line_breaks_tables_and_title_are_kept():
    body = (
        "<w:p><w:r><w:t>政府工作报告</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表中</w:t></w:r><w:r><w:t>文字</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><w:t>最后</w:t></w:r></w:p>"
    )
    source = decode_source(docx_bytes(body, title="2024年工作报告"), "r.docx")
    assert source.text == "政府工作报告\n第一行\n第二行\n表中文字\n最后"
    assert source.metadata == (("title", "2024年工作报告"),)


def paragraphs_xml(*texts: str) -> str:
    """WordprocessingML paragraphs, one per text."""
    return "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)


UNTITLED_BODY = paragraphs_xml("同志们：", "今天开会。下面我讲两点意见：", "一要抓好学习。", "二要狠抓落实。")


def test_a_word_file_with_no_title_line_gets_its_title_property():
    speech = speech_from_bytes(docx_bytes(UNTITLED_BODY, title="在全区工作会议上的讲话"), "speeches/讲话稿.docx")
    assert (speech.title, speech.title_source, speech.format) == ("在全区工作会议上的讲话", "metadata", "docx")
    assert speech.problems == () and len(speech.items) == 2


@pytest.mark.parametrize("junk", ["Microsoft Word - 讲话稿.doc", "文档1", "讲话稿.docx"])
def test_a_word_file_s_junk_title_property_is_ignored(junk):
    speech = speech_from_bytes(docx_bytes(UNTITLED_BODY, title=junk), "speeches/讲话稿.docx")
    assert (speech.title, speech.title_source) == ("讲话稿", "file name")
    assert [problem.path for problem in speech.problems] == ["speeches/讲话稿.docx"]
    assert f"the document's title property '{junk}' is not used" in speech.warnings[0]


def test_a_text_box_written_twice_for_old_and_new_word_is_read_once():
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = "<w:p><w:r><w:t>框中</w:t></w:r></w:p>"
    body = (
        f'<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="{mc}">'
        f"<mc:Choice><w:txbxContent>{box}</w:txbxContent></mc:Choice>"
        f"<mc:Fallback><w:txbxContent>{box}</w:txbxContent></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    assert decode_source(docx_bytes(body), "r.docx").text == "正文\n框中"


def test_a_legacy_word_file_under_a_docx_name_is_read_by_its_bytes():
    source = read_source(LEGACY)
    lines = lines_of(LEGACY)
    assert source.format == "doc"
    assert lines[0] == "政府工作报告"
    assert "各位代表：" in lines
    assert any(line.startswith("现在，我代表市人民政府向大会报告工作，请连同《长沙市国民经济") for line in lines)
    assert 80 <= len(lines) <= 120


def test_without_antiword_a_legacy_word_file_gets_what_to_do(monkeypatch):
    monkeypatch.setattr(doc_module.shutil, "which", lambda name: None)
    with pytest.raises(SpeechError) as caught:
        read_source(LEGACY)
    assert str(caught.value) == (
        f"{LEGACY}: a legacy Word 97–2003 document (.doc, perhaps under a .docx name) and antiword is not "
        "installed to read it; save it as .docx in Word or WPS, or install antiword (apt-get install antiword)"
    )


def test_a_pdf_gives_its_wrapped_lines_as_paragraphs():
    source = read_source(PDF)
    lines = lines_of(PDF)
    assert source.format == "pdf"
    assert "政府工作报告" in lines and "各位代表：" in lines
    opening = next(line for line in lines if line.startswith("过去一年，是实现“十四五”规划目标任务的关键一年。"))
    assert opening.endswith("解放思想、真抓实干，高质量发展和现代化建设取得新突破。")  # four printed lines
    assert any(line.startswith("一是强化系统施策") and "市级重点项目完成投资1136.8亿元" in line for line in lines)
    assert "1/8" in lines and "8/8" in lines  # page furniture is kept for cleaning to set aside
    assert 100 <= len(lines) <= 160
    assert source.metadata == (("title", "咸阳市人民政府_ 2025年政府工作报告"),)


def line(text, x0, x1, y, page=1):
    """A printed line of 10-point text."""
    return Line(text, page, x0, x1, y, 10.0)


def test_pdf_lines_join_until_a_short_line_an_indent_or_an_item_marker():
    lines = [
        line("标题", 200, 240, 800),
        line("现在，我代表市人民政府向大会报告", 70, 500, 780),  # indented first line, full
        line("工作，请予审议。", 50, 130, 765),  # continues, short: ends the paragraph
        line("过去一年成绩显著，经济总量迈上新台阶", 70, 498, 750),
        line("增速居全省第一", 50, 500, 735),  # full, no full stop
        line("一是强化系统施策。", 50, 140, 720),  # an item starts a paragraph at the margin
        line("二是强化主体作用，一体化进程全面提", 70, 500, 705),
        line("速。", 50, 70, 690),
    ]
    assert _paragraphs(lines) == [
        "标题",
        "现在，我代表市人民政府向大会报告工作，请予审议。",
        "过去一年成绩显著，经济总量迈上新台阶增速居全省第一",
        "一是强化系统施策。",
        "二是强化主体作用，一体化进程全面提速。",
    ]


def test_a_paragraph_over_a_page_break_is_joined_and_the_furniture_follows_it():
    lines = [
        line("报告 第1页", 250, 300, 820, page=1),
        line("现在，我代表市人民政府向大会报告", 70, 500, 780, page=1),
        line("工作，请予审议，并请委员提出", 50, 500, 765, page=1),
        line("1/2", 500, 510, 20, page=1),
        line("报告 第2页", 250, 300, 820, page=2),
        line("意见。", 50, 80, 780, page=2),
        line("过去一年成绩显著。", 70, 160, 765, page=2),
        line("2/2", 500, 510, 20, page=2),
    ]
    assert _paragraphs(lines) == [
        "报告 第1页",
        "现在，我代表市人民政府向大会报告工作，请予审议，并请委员提出意见。",
        "1/2",
        "报告 第2页",
        "过去一年成绩显著。",
        "2/2",
    ]


def test_a_pdf_without_text_is_named_as_a_scan():
    with pytest.raises(SpeechError) as caught:
        decode_source(pdf_bytes(b"0 0 1 rg 0 0 100 100 re f"), "speeches/扫描件.pdf")
    assert str(caught.value) == (
        "speeches/扫描件.pdf: the PDF has no text layer (a scan?); run OCR on it, or save the speech as .docx or UTF-8 .txt"
    )


@pytest.mark.parametrize(
    "data, kind",
    [
        (zip_bytes({"[Content_Types].xml": "<x/>", "xl/workbook.xml": "<x/>"}), "a spreadsheet (Excel .xlsx)"),
        (zip_bytes({"ppt/presentation.xml": "<x/>"}), "a presentation (PowerPoint .pptx)"),
        (zip_bytes({"讲话.txt": "同志们："}), "a ZIP archive, not a Word document"),
        (b"PK\x03\x04" + b"\x00" * 40, "a damaged ZIP archive (a broken Word file?)"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "a PNG image, not text (a scan or screenshot?)"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "a JPEG image, not text (a scan or screenshot?)"),
        (b"GIF89a" + b"\x00" * 20, "a GIF image, not text (a scan or screenshot?)"),
    ],
    ids=["xlsx", "pptx", "zip", "broken-zip", "png", "jpeg", "gif"],
)
def test_files_we_do_not_read_get_one_message_naming_them(data, kind):
    with pytest.raises(SpeechError) as caught:
        decode_source(data, "speeches/讲话.docx")
    assert str(caught.value) == f"speeches/讲话.docx: not read: {kind}; {SAVE_AS}"


def test_plain_text_under_a_word_name_is_read_as_text():
    source = decode_source("讲话\n同志们：\n".encode("gbk"), "speeches/讲话.docx")
    assert (source.format, source.encoding, source.text) == ("text", "gb18030", "讲话\n同志们：\n")


@pytest.mark.parametrize("path, kind", [(DOCX, "docx"), (LEGACY, "doc"), (PDF, "pdf")], ids=["docx", "doc", "pdf"])
def test_each_format_becomes_a_speech_and_an_outline(path, kind):
    speech = load_speech(path)
    assert "政府工作报告" in speech.title
    assert (speech.format, speech.title_source) == (kind, "text")
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "outline.py"), str(path), "--json"],
        capture_output=True, text=True, check=True,
    )
    outline = json.loads(done.stdout)
    assert (outline["title"], outline["format"], outline["title_source"]) == (speech.title, kind, "text")


def test_the_next_point_of_a_run_the_wrap_put_at_a_line_start_stays_in_its_paragraph():
    lines = [
        line("把准工作方向和着力重点：一是稳增长，二是", 70, 500, 780),
        line("促改革，三是惠民生，四是防风险。", 50, 500, 765),  # full, ends a sentence
        line("五是强作风，六是抓落实。", 50, 170, 750),  # the run's next point, at the margin
        line("其他工作也要统筹推进，做到心中有数。", 70, 300, 735),
        line("一是强化系统施策。", 50, 140, 720),  # a run's first point starts a paragraph
    ]
    assert _paragraphs(lines) == [
        "把准工作方向和着力重点：一是稳增长，二是促改革，三是惠民生，四是防风险。五是强作风，六是抓落实。",
        "其他工作也要统筹推进，做到心中有数。",
        "一是强化系统施策。",
    ]
