"""Reading: encodings, line ends, and clear errors for files that are not text."""

from __future__ import annotations

import pytest
from conftest import CORPUS, corpus_files

from speechkit.errors import SpeechError
from speechkit.sources import decode_source, read_source

TEXT = "在区基层党建工作推进会议上的讲话\n同志们：\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.replace("\n", "\r\n").encode("gbk"), "gb18030"),
        (TEXT.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gbk-crlf", "utf8-cr"],
)
def test_decodes_to_the_same_text(data, encoding):
    source = decode_source(data, "a.txt")
    assert source.text == TEXT
    assert source.encoding == encoding


def test_reads_a_file_from_disk(tmp_path):
    path = tmp_path / "讲话.txt"
    path.write_bytes(TEXT.encode("gbk"))
    assert read_source(path).text == TEXT


def test_undecodable_bytes_name_the_file_and_line():
    data = "第一行\n第二行\n".encode("utf-8") + b"\xff\xfe\xff\n"
    with pytest.raises(SpeechError) as caught:
        decode_source(data, "speeches/bad.txt")
    assert str(caught.value) == (
        "speeches/bad.txt:3: cannot decode byte 0xFF: "
        "the file is neither UTF-8 nor GBK/GB18030 text"
    )


def test_binary_file_is_refused_with_its_line():
    with pytest.raises(SpeechError) as caught:
        decode_source(b"title\nbody\x00\x01", "x.txt")
    assert str(caught.value).startswith("x.txt:2: not a text file: control character U+0000")


# -- UTF-16 and UTF-32 (Notepad's "Unicode") -----------------------------------------------


@pytest.mark.parametrize(
    "data, encoding",
    [
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16"),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf-32"),
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "utf-32"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.replace("\n", "\r\n").encode("utf-16"), "utf-16"),
    ],
    ids=["utf16le-bom", "utf16be-bom", "utf32le-bom", "utf32be-bom", "utf16le", "utf16be", "utf16-crlf"],
)
def test_wide_encodings_are_decoded(data, encoding):
    source = decode_source(data, "a.txt")
    assert (source.text, source.encoding, source.problems) == (TEXT, encoding, ())


def test_a_broken_utf16_file_names_its_line():
    data = b"\xff\xfe" + "第一行\n第二行\n".encode("utf-16-le") + b"\x00\xd8" + "尾".encode("utf-16-le")
    with pytest.raises(SpeechError) as caught:
        decode_source(data, "u.txt")
    assert str(caught.value) == (
        "u.txt:3: cannot decode byte 18: the file starts as UTF-16 text "
        "but is not valid UTF-16/UTF-32 (save it again as UTF-8)"
    )


def test_every_corpus_file_saved_as_utf16_without_bom_reads_the_same():
    for path in corpus_files():
        text = read_source(path).text
        for encoding in ("utf-16-le", "utf-16-be"):
            assert decode_source(text.encode(encoding), path).text == text, (path, encoding)


# -- files in two encodings ----------------------------------------------------------------

GBK_LINES = ["在区工作会议上的讲话", "同志们：", "今天我们召开会议，研究部署工作。"]
PASTED = "这是一段从网页上复制粘贴过来的文字内容。"
MIXED_NOTICE = "line {n} is {other} while the rest of the file is {main}; read each as its own encoding — save the file in one encoding"


def test_a_utf8_line_in_a_gbk_file_is_read_as_utf8_with_a_notice():
    data = ("\n".join(GBK_LINES) + "\n").encode("gbk") + (PASTED + "\n").encode("utf-8") + "结束。\n".encode("gbk")
    source = decode_source(data, "speeches/m.txt")
    assert source.text == "\n".join([*GBK_LINES, PASTED, "结束。"]) + "\n"
    assert source.encoding == "gb18030"
    assert [str(p) for p in source.problems] == [
        "speeches/m.txt:4: " + MIXED_NOTICE.format(n=4, other="UTF-8", main="GBK")
    ]


def test_a_run_of_gbk_lines_in_a_utf8_file_is_one_notice():
    data = (
        ("\n".join(GBK_LINES) + "\n").encode("utf-8")
        + "第一行GBK文字。\n\n第二行GBK文字。\n".encode("gbk")
        + "又是UTF-8的文字。\n".encode("utf-8")
    )
    source = decode_source(data, "m.txt")
    assert source.text.splitlines()[3:] == ["第一行GBK文字。", "", "第二行GBK文字。", "又是UTF-8的文字。"]
    assert source.encoding == "utf-8"
    assert [(p.line, p.message) for p in source.problems] == [
        (4, "lines 4–6 are GBK while the rest of the file is UTF-8; "
            "read each as its own encoding — save the file in one encoding")
    ]


def test_gbk_that_happens_to_be_valid_utf8_stays_gbk_without_a_notice():
    accidental = "卢鲁路陆露鹿芦炉"  # its GBK bytes are valid UTF-8 (Latin-1 letters)
    accidental.encode("gbk").decode("utf-8")
    data = ("\n".join([*GBK_LINES, accidental, "一二"]) + "\n").encode("gbk")
    source = decode_source(data, "g.txt")
    assert source.text.splitlines()[3:] == [accidental, "一二"]
    assert source.problems == ()


def test_no_corpus_file_gets_a_mixed_encoding_notice():
    files = [*corpus_files(), *sorted((CORPUS / "library").glob("*.txt"))]
    assert len(files) >= 30
    assert [str(p) for path in files for p in read_source(path).problems] == []


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_a_line_pasted_in_the_other_encoding_is_found_in_every_corpus_file(path):
    source = read_source(path)
    lines = source.text.split("\n")
    at = len(lines) // 2
    other = "utf-8" if source.encoding == "gb18030" else "gb18030"
    data = b"\n".join(
        [*(line.encode(source.encoding) for line in lines[:at]), PASTED.encode(other),
         *(line.encode(source.encoding) for line in lines[at:])]
    )
    mixed = decode_source(data, path)
    assert mixed.text.split("\n") == [*lines[:at], PASTED, *lines[at:]]
    names = {"utf-8": "UTF-8", "gb18030": "GBK"}
    assert [(p.line, p.message) for p in mixed.problems] == [
        (at + 1, MIXED_NOTICE.format(n=at + 1, other=names[other], main=names[source.encoding]))
    ]


def test_the_reading_problems_reach_the_speech():
    from speechkit.library import speech_from_bytes

    data = (
        "在区工作会议上的讲话\n同志们：\n".encode("gbk")
        + (PASTED + "\n").encode("utf-8")
        + "今天我们召开会议，研究部署下一阶段的各项工作。\n".encode("gbk")
    )
    speech = speech_from_bytes(data, "speeches/m.txt")
    assert speech.paragraphs[2].text == PASTED
    assert [str(p) for p in speech.problems] == [
        "speeches/m.txt:3: " + MIXED_NOTICE.format(n=3, other="UTF-8", main="GBK")
    ]


def test_radicals_a_pdf_font_stands_in_for_characters_and_its_em_spaces_are_read_as_the_text_means():
    source = decode_source("党与抗⽇⺠主政权\n⼀\u2003三三制政权的实质是⺠主\n⻓期\u2002坚持。\n".encode(), "a.txt")
    assert source.text == "党与抗日民主政权\n一\u3000三三制政权的实质是民主\n长期 坚持。\n"
