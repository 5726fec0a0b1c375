"""Property tests: random speeches of markers, noise and hostile strings.

Whatever mix of item markers, watermark and web-page lines, hostile Markdown/HTML/Jinja
and arbitrary characters a file holds, read → clean → parse → render never crashes (a
file that is not text is refused with SpeechError naming it), no character is lost or
invented (kept + dropped = source, whitespace aside), and escaped text renders literally.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from speechkit.errors import SpeechError
from speechkit.escaping import escape_markdown
from speechkit.library import build_library, load_taxonomy
from speechkit.pages import render_library
from speechkit.sources import clean, decode_source
from speechkit.structure import parse

from conftest import REPO
from test_escaping import markdown_extensions
from test_hostile_text import HOSTILE

# A 2-core CI machine: enough examples to find edge cases, few enough to stay quick.
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WHITESPACE = re.compile(r"[\s\u200b\ufeff]+")
NUMERALS = "一二三四五六七八九十两"
MARKER_FORMS = ["{n}是", "{n}要", "第{n}点，", "第{n}点：", "第{n}，", "{n}、", "（{n}）", "({n})"]
NOISE = [
    "仅供学习 禁止外传", "酷乐文行", "自建平台、实时分享", "会员群：      免费QQ群：",
    "现在订阅立享前3年的所有权益和资料", "【打击倒卖活动】", "举报倒卖会员资料的人，举报成功免费赠送一年会员材料！",
    "分享到：微信 微博 QQ空间", "返回顶部", "点击查看原文", "责任编辑：张三", "来源：人民网", "【字号 大 中 小】",
    "打印本页 关闭窗口", "扫码关注公众号",
]
STRUCTURE = [
    "同志们：", "各位代表！", "下面，我讲三点意见：", "主要表现在：", "我再强调两点。",
    "存在的问题和不足主要有以下几个方面：", "这些问题和不足，需要认真解决。", "最后，我再讲一点要求。", "谢谢大家！",
]
CHINESE = "党建工作的基层组织落实责任要求干部群众发展加强推进学习会议讲话同志问题意见"
PUNCTUATION = "，。；：！？“”《》（）、…—"
sentence = st.text(alphabet=CHINESE + PUNCTUATION + "X ", max_size=40)
marker = st.builds(lambda form, n: form.format(n=n), st.sampled_from(MARKER_FORMS), st.sampled_from(list(NUMERALS)))
line = st.one_of(
    st.builds(lambda m, s: m + s, marker, sentence),
    st.sampled_from(NOISE),
    st.sampled_from(STRUCTURE),
    st.sampled_from([v for v in HOSTILE.values()]),
    st.builds(lambda h, s: s + h + s, st.sampled_from(list(HOSTILE.values())), sentence),
    sentence,
    st.text(max_size=30),  # anything at all, control characters included
)
padding = st.sampled_from(["", " ", "\u3000\u3000", "\t", "\u00a0", "\u200b"])
padded_line = st.builds(lambda before, text, after: before + text + after, padding, line, padding)
speech_text = st.builds(
    lambda title, lines, newline: newline.join([title, *lines]),
    st.one_of(sentence, st.sampled_from(list(HOSTILE.values()))),
    st.lists(padded_line, max_size=30),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
encoding = st.sampled_from(["utf-8", "utf-8-sig", "gb18030"])
# What a speech can hold after reading: no control characters (the reader refuses them;
# Python-Markdown also uses \x02 and \x03 as its own placeholders).
TEXT_CHARACTERS = st.characters(exclude_categories=("Cs", "Cc"))
TAXONOMY = load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml")


def non_space(text: str) -> Counter:
    """The characters of a text, whitespace aside, with their counts."""
    return Counter(WHITESPACE.sub("", text))


def kept_and_dropped(speech) -> Counter:
    """Every character the speech kept or set aside, whitespace aside."""
    return non_space("".join(p.text for p in speech.paragraphs) + "".join(d.text for d in speech.dropped))


class _Text(HTMLParser):
    """The text content of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def shown(html: str) -> str:
    """What a browser shows of an HTML fragment, whitespace collapsed."""
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


@SETTINGS
@given(text=speech_text, encoding=encoding)
def test_any_mix_never_crashes_and_loses_nothing(text, encoding):
    try:
        source = decode_source(text.encode(encoding), "random.txt")
    except SpeechError as error:  # not a text file: refused with the file named, no crash
        assert str(error).startswith("random.txt")
        return
    speech = parse(clean(source))
    assert kept_and_dropped(speech) == non_space(source.text)
    lines = [p.line for p in speech.paragraphs]
    assert lines == sorted(lines)
    pages = render_library(build_library([speech], TAXONOMY))
    assert pages and all(page.markdown.startswith("---\n") for page in pages)


@SETTINGS
@given(text=speech_text)
def test_the_full_text_page_shows_every_kept_paragraph_literally(text):
    try:
        source = decode_source(text.encode("utf-8"), "random.txt")
    except SpeechError:
        return
    speech = parse(clean(source))
    library = build_library([speech], TAXONOMY)
    [full] = [p for p in render_library(library) if p.path.endswith("全文.md")]
    body = full.markdown.split("---\n", 2)[2]
    page = shown(markdown.markdown(body, extensions=markdown_extensions()))
    for paragraph in speech.paragraphs[1:] if speech.title_line else speech.paragraphs:
        assert " ".join(paragraph.text.split()) in page


@SETTINGS
@given(text=st.one_of(st.text(TEXT_CHARACTERS, max_size=60), st.lists(st.sampled_from(list(HOSTILE.values())), max_size=4).map(" ".join)))
def test_escaped_text_renders_exactly_as_written(text):
    html = markdown.markdown(escape_markdown(text), extensions=markdown_extensions())
    assert shown(html) == " ".join(text.split())
