"""Reading: encodings, line ends, and clear errors for files that are not text."""

from __future__ import annotations

import pytest

from speechkit.errors import SpeechError
from speechkit.reading import decode_source, read_source

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
