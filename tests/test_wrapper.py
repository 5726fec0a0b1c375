"""What wraps a document is set aside with reasons: a red-head dispatch around a report,
Markdown links, images and rules in a .md clipping; nothing of it is lost."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from speechkit.library import speech_from_bytes
from speechkit.sources import Source, clean, decode_source, read_source
from speechkit.structure import parse

from test_formats import docx_bytes
from test_nothing_lost import lost_or_invented

FIXTURES = Path(__file__).parent / "fixtures"
WRAPPED = FIXTURES / "dispatch_wrapped_report.txt"
CLIPPING = FIXTURES / "clipping.md"
HEAD = "公文版头（发文机关标志/文号）"
NOTICE = "印发通知"
RECORD = "版记（抄送、印发）"
WRAPPER_DROPPED = [
    (1, "某市人民政府文件", HEAD),
    (3, "某政发〔2025〕3号", HEAD),
    (5, "某市人民政府", NOTICE),
    (6, "关于印发《2025年政府工作报告》的通知", NOTICE),
    (8, "各区县人民政府，市政府各部门，各直属机构：", NOTICE),
    (9, "《2025年政府工作报告》已经市第十六届人民代表大会第三次会议审议通过，现印发给你们，请结合实际认真贯彻落实。", NOTICE),
    (11, "某市人民政府", NOTICE),
    (12, "2025年1月20日", NOTICE),
    (13, "（此件公开发布）", NOTICE),
    (25, "抄送：市委各部门，市人大常委会办公室，市政协办公室，", RECORD),
    (26, "市法院，市检察院。", RECORD),
    (27, "某市人民政府办公室", RECORD),
    (27, "2025年1月21日印发", RECORD),
]
# The report inside the wrapper: its title, subtitle and speaker lines, and a body sentence that mentions 印发.
REPORT_TITLE = "政府工作报告"
REPORT_FRONT = "政府工作报告\n——2025年1月15日在某市第十六届人民代表大会第三次会议上\n某市市长　张某某\n"
BODY_WITH_YINFA = "过去一年，全市经济运行稳中有进，市政府印发了一批惠企政策文件，营商环境持续改善。"


def wrapped_text() -> str:
    """The fixture: a report inside its dispatch wrapper."""
    return WRAPPED.read_text(encoding="utf-8")


def dropped_of(speech) -> list[tuple[int, str, str]]:
    """The dropped pieces as (line, text, reason)."""
    return [(d.line, d.text, d.reason) for d in speech.dropped]


def parse_as(text: str, path: str = "t.txt"):
    """Clean and parse a literal text as the file ``path``."""
    return parse(clean(Source(path, text, "utf-8")))


def word_file(text: str) -> bytes:
    """A .docx holding each line of ``text`` as a paragraph."""
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in text.split("\n")
    )
    return docx_bytes(paragraphs)


# -- the dispatch wrapper --------------------------------------------------------------------


def test_a_dispatch_wrapper_is_set_aside_and_the_report_keeps_its_own_title():
    speech = parse(clean(read_source(WRAPPED)))
    assert speech.title == REPORT_TITLE
    assert (speech.date, speech.speaker, speech.salutation.text) == ("2025-01-15", "张某某", "各位代表：")
    assert [part.title for part in speech.parts] == ["一、2024年工作回顾", "二、2025年重点工作"]
    assert dropped_of(speech) == WRAPPER_DROPPED
    assert BODY_WITH_YINFA in [p.text for p in speech.paragraphs]


def test_the_same_wrapper_in_a_word_file_is_set_aside_too():
    source = decode_source(word_file(wrapped_text()), "wrapped.docx")
    speech = parse(clean(source))
    assert source.format == "docx"
    assert speech.title == REPORT_TITLE
    assert [(text, reason) for _, text, reason in dropped_of(speech)] == [(t, r) for _, t, r in WRAPPER_DROPPED]
    assert lost_or_invented(source.text, speech) == []


def test_a_report_without_a_title_of_its_own_takes_the_name_the_notice_gives_it():
    text = wrapped_text().replace(REPORT_FRONT, "")
    speech = parse_as(text)
    assert speech.title == "2025年政府工作报告"
    assert speech.paragraphs[0].line == 6
    assert [(d.text, d.reason) for d in speech.dropped if d.line == 6] == [("关于印发《", NOTICE), ("》的通知", NOTICE)]
    assert lost_or_invented(text, speech) == []


def test_a_notice_that_names_another_document_ends_at_its_own_lines():
    # The report's title is not the name in the notice: the notice's own lines are known by their form.
    text = wrapped_text().replace("关于印发《2025年政府工作报告》的通知", "关于印发《某某文件》的通知")
    speech = parse_as(text)
    assert speech.title == REPORT_TITLE
    assert [d.line for d in speech.dropped if d.reason in (HEAD, NOTICE)] == [1, 3, 5, 6, 8, 9, 11, 12, 13]


def test_the_report_is_looked_for_below_the_notices_date_not_in_its_list_of_attachments():
    cover = "《2025年政府工作报告》已经市第十六届人民代表大会第三次会议审议通过，现印发给你们，请结合实际认真贯彻落实。"
    text = wrapped_text().replace(cover, "经市政府同意，现予印发，请认真组织实施。\n附件：\n1．2025年政府工作报告\n2．重点工作分工")
    speech = parse_as(text)
    assert speech.title == REPORT_TITLE
    assert [d.text for d in speech.dropped if d.reason == NOTICE][3:7] == ["经市政府同意，现予印发，请认真组织实施。", "附件：", "1．2025年政府工作报告", "2．重点工作分工"]
    assert lost_or_invented(text, speech) == []


@pytest.mark.parametrize("name", ["《2025年政府工作报告》", "《某某文件》"])
def test_a_date_under_the_reports_title_is_the_reports_when_the_notice_is_undated(name):
    text = wrapped_text().replace("某市人民政府\n2025年1月20日\n（此件公开发布）\n", "")
    text = text.replace("《2025年政府工作报告》的通知", f"{name}的通知").replace(REPORT_FRONT, "政府工作报告\n2025年1月15日\n")
    speech = parse_as(text)
    assert (speech.title, speech.date) == (REPORT_TITLE, "2025-01-15")
    assert [d.line for d in speech.dropped if d.reason == NOTICE] == [5, 6, 8, 9]


def test_a_hard_wrapped_cover_sentence_is_the_notices_down_to_its_date():
    cover = "《2025年政府工作报告》已经市第十六届人民代表大会第三次会议审议通过，现印发给你们，请结合实际认真贯彻落实。"
    wrapped = "经市第十六届人民代表大会第三次会议审议通过的报告，现予\n分发各单位，望结合实际学习\n讨论并抓好落实。"
    text = wrapped_text().replace(cover, wrapped).replace("《2025年政府工作报告》的通知", "《某某文件》的通知")
    speech = parse_as(text)
    assert speech.title == REPORT_TITLE
    assert [d.line for d in speech.dropped if d.reason == NOTICE] == [5, 6, 8, 9, 10, 11, 13, 14, 15]
    assert lost_or_invented(text, speech) == []


def test_a_head_with_both_its_issuer_and_its_number_is_set_aside_without_a_notice():
    lines = wrapped_text().split("\n")
    text = "\n".join(lines[:4] + lines[13:-5])  # 版头, then the report; no notice, no 版记
    speech = parse_as(text)
    assert speech.title == REPORT_TITLE
    assert dropped_of(speech) == WRAPPER_DROPPED[:2]
    # One of them alone over a report is not enough: it stays, as the text has it.
    assert parse_as("\n".join(lines[2:4] + lines[13:-5])).dropped == ()


def test_a_version_record_alone_at_the_end_is_set_aside():
    report = wrapped_text().split("\n")[13:]
    speech = parse_as("\n".join(report))
    assert speech.title == REPORT_TITLE
    assert dropped_of(speech) == [(line - 13, text, reason) for line, text, reason in WRAPPER_DROPPED if reason == RECORD]


def test_the_rule_and_page_number_under_a_version_record_keep_their_own_reasons():
    text = wrapped_text().rstrip("\n") + "\n━━━━━━━━━━━━\n— 3 —\n"
    speech = parse_as(text)
    assert dropped_of(speech)[-4:] == [*WRAPPER_DROPPED[-2:], (28, "━━━━━━━━━━━━", RECORD), (29, "— 3 —", "页码")]


def test_a_notice_under_no_head_is_set_aside_when_a_version_record_ends_the_file():
    text = "\n".join(wrapped_text().split("\n")[4:])
    speech = parse_as(text)
    assert speech.title == REPORT_TITLE
    assert {d.reason for d in speech.dropped} == {NOTICE, RECORD}


UNWRAPPED = [
    # A notice title with neither a 版头 above it nor a 版记 at the end: a document of its own.
    "关于印发《2025年政府工作报告》的通知\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议，并提出意见。\n",
    # A 文件 line over a report with no 印发 notice: the report's own title line.
    "学习贯彻中央一号文件\n同志们：\n今天我们开会，研究如何学习贯彻好今年的中央一号文件精神。\n",
    # 印发 in the body, 抄送 inside a sentence: the speaker's words.
    f"政府工作报告\n各位代表：\n{BODY_WITH_YINFA}\n会议纪要要抄送：各区县和市直各部门，请认真贯彻落实。\n",
]


@pytest.mark.parametrize("text", UNWRAPPED, ids=["notice-alone", "wenjian-title", "mentions"])
def test_a_report_that_only_looks_like_a_dispatch_keeps_every_line(text):
    speech = parse_as(text)
    assert speech.dropped == ()
    assert len(speech.paragraphs) == len(text.strip().split("\n"))


# -- Markdown clippings ----------------------------------------------------------------------


def test_a_markdown_clipping_keeps_link_words_and_sets_the_markup_aside():
    speech = parse(clean(read_source(CLIPPING)))
    assert speech.title == "某区2025年政府工作报告"
    assert [part.title for part in speech.parts] == ["一、2024年工作回顾", "二、2025年重点工作"]
    texts = [p.text for p in speech.paragraphs]
    assert "过去一年，我们认真落实《某市优化营商环境条例》[1]，营商环境持续改善，全区经济保持平稳增长态势。" in texts
    assert "现在，我代表区人民政府，向大会报告政府工作，请予审议，并请区政协委员和其他列席人员提出意见。" in texts
    reasons = {d.text: d.reason for d in speech.dropped}
    assert reasons['![政府工作报告会场](http://www.example.gov.cn/images/huichang.jpg "会场")'] == "图片"
    assert reasons['](http://www.example.gov.cn/tiaoli "条例全文")'] == "Markdown 链接（符号与网址）"
    assert reasons['[1]: http://www.example.gov.cn/tiaoli "条例"'] == "Markdown 链接定义（网址）"
    assert [d.line for d in speech.dropped if d.reason == "Markdown 分隔线"] == [9, 15, 21]
    assert [d.text for d in speech.dropped if d.reason == "Markdown 粗体符号"] == ["**", "**", "__", "__"]


def test_a_mark_is_recorded_where_it_stands_in_the_source_line():
    source = read_source(CLIPPING)
    lines = source.text.split("\n")
    for piece in clean(source).dropped:
        assert lines[piece.line - 1][piece.column:].startswith(piece.text), piece


def test_markdown_rules_apply_to_a_file_named_md_that_opens_without_a_heading():
    text = "在某会议上的讲话\n同志们：\n请大家读[这份材料](http://example.cn/a)，把**要点**记牢，这是很长很长很长的一句话。\n* * *\n"
    assert [p.text for p in parse_as(text, "t.md").paragraphs] == [
        "在某会议上的讲话", "同志们：", "请大家读这份材料，把要点记牢，这是很长很长很长的一句话。",
    ]
    # The same text in a .txt file is the speaker's, marks and all.
    assert parse_as(text, "t.txt").dropped == ()


def test_a_bracketed_note_that_is_no_link_stays():
    text = "# 讲话\n同志们：\n[1]：毛泽东选集第一卷。\n这是[注]里说的，[一](二)不是网址却也是链接的写法。\n"
    speech = parse_as(text, "t.md")
    assert "[1]：毛泽东选集第一卷。" in [p.text for p in speech.paragraphs]
    assert "这是[注]里说的，一不是网址却也是链接的写法。" in [p.text for p in speech.paragraphs]


@pytest.mark.parametrize("path", [WRAPPED, CLIPPING], ids=lambda p: p.name)
def test_nothing_of_a_fixture_is_lost(path):
    source = read_source(path)
    speech = speech_from_bytes(path.read_bytes(), path)
    assert lost_or_invented(source.text, speech) == []
