"""Saved web pages read as speeches: the article, the site around it set aside with a reason, nothing lost."""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections import Counter

import pytest
from conftest import REPO
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from test_nothing_lost import lost_or_invented, squeeze

from speechkit.errors import SpeechError
from speechkit.library import load_speech
from speechkit.sources import clean, decode_source, read_source
from speechkit.sources.sniff import is_document, sniff
from speechkit.structure import parse

PAGES = REPO / "tests" / "html_pages"
FRAME = "网页框架（正文之外）"
HIDDEN = "网页隐藏文字"
# The synthetic pages: the title each gives, the first and last paragraph of its speech,
# and lines of the site around the article that must be set aside as the page's frame.
EXPECTED = {
    "gov.html": (
        "在全市经济工作会议上的讲话",
        "这次会议的主要任务是，全面贯彻落实中央和省委经济工作会议精神，总结今年经济工作，分析当前形势，部署明年工作。刚才，几位同志作了很好的发言，我都同意。",
        "同志们，做好明年经济工作任务艰巨、责任重大。让我们紧密团结在以习近平同志为核心的党中央周围，奋发有为，真抓实干，为建设现代化新青川作出新的更大贡献！",
        ["无障碍 适老版 English 登录", "当前位置：首页 > 新闻中心 > 领导活动", "分享到：微信 微博", "【打印本页】 【关闭窗口】",
         "相关链接", "市领导调研重点项目建设情况", "主办：青川市人民政府办公室　承办：青川市大数据中心", "网站标识码：5101000099　蜀ICP备12345678号"],
    ),
    "news.html": (
        "市长作政府工作报告：奋力开创高质量发展新局面",
        "1月19日上午，青川市第十七届人民代表大会第三次会议隆重开幕。市长王某某代表市人民政府向大会作政府工作报告。",
        "报告强调，要聚焦产业强市，加快建设现代化产业体系；聚焦改革开放，持续优化营商环境；聚焦民生福祉，办好二十件民生实事。",
        ["首页 | 要闻 | 本地 | 视频 | 图片", "首页 > 要闻 > 正文", "热点新闻", "青川机场航线再添新成员", "版权所有：青川日报社　未经授权禁止转载"],
    ),
    "table.html": (
        "2024年政府工作报告",
        "现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。",
        "各位代表，新的征程已经开启，让我们在县委的坚强领导下，凝心聚力，砥砺前行，为谱写青川发展新篇章而努力奋斗！",
        ["首页 | 县情概况 | 政务公开 | 便民服务", "政府文件", "您的位置：首页 » 政务公开 » 政府工作报告", "打印本页  关闭本页",
         "版权所有：青川县人民政府  技术支持：青川县信息中心", "蜀ICP备87654321号  网站标识码：5108000001"],
    ),
    "flat.html": (
        "在全区作风建设大会上的讲话",
        "今天，区委召开全区作风建设大会，主要任务是动员全区上下进一步转变作风、提升效能。",
        "三要在制度上健全机制。要完善考核评价体系，让干事创业者得到激励。",
        ["首页 区情 政务 服务", "您现在的位置：首页 > 领导讲话", "本站由青川区人民政府主办。建议使用1280×800分辨率浏览。", "地址：青川区政府大院　邮编：600000"],
    ),
    "policy.html": (
        "青川市人民政府关于印发2024年民生实事项目的通知",
        "现将《2024年民生实事项目》印发给你们，请认真组织实施，确保各项目按期完成。",
        "2024年2月18日",
        ["首页 > 政务公开 > 市政府文件", "索 引 号：", "青府发〔2024〕3号", "扫一扫在手机打开当前页", "打印 关闭",
         "上一篇：青川市人民政府关于做好春耕生产的通知", "网站标识码：5101000001 蜀ICP备05003300号 川公网安备 51010402000000号"],
    ),
    "comments.html": (
        "书记在全市干部大会上的讲话",
        "刚才，宣读了省委的决定，我完全拥护、坚决服从。",
        "同志们，让我们团结一心，开拓进取，奋力谱写青川高质量发展新篇章！",
        ["首页时政", "青川召开全市干部大会宣布省委决定", "1 2 下一页", "网友评论", "网友甲：讲得很好，很有针对性，期待青川越来越好！",
         "青川新闻网版权所有，未经书面授权不得复制或建立镜像。"],
    ),
    "gbk.html": (
        "在全县安全生产工作会议上的讲话",
        "今天召开全县安全生产工作会议，主要任务是分析当前安全生产形势，安排部署下一阶段工作。",
        "同志们，安全生产责任重于泰山，让我们以更加务实的作风，全力以赴抓好各项工作！",
        ["网站首页 工作动态 通知公告", "首页 > 工作动态 > 领导讲话", "机构职能", "主办单位：青川县应急管理局　地址：青川县城关镇"],
    ),
}
# What a browser does not show: the head, scripts, styles, comments, <noscript> (scripts run).
UNSHOWN = re.compile(r"(?is)<!--.*?-->|<(head|script|style|noscript)\b.*?</\1\s*>|<!doctype[^>]*>|<\?xml[^>]*>")
TAG = re.compile(r"<[^>]*>")


def page_paths():
    """The synthetic pages; fails rather than yielding nothing when they are missing."""
    paths = sorted(PAGES.glob("*.html"))
    assert len(paths) == len(EXPECTED), f"expected {len(EXPECTED)} pages in {PAGES}"
    return paths


def shown_text(markup: str) -> str:
    """Every character the page shows, found crudely (tags stripped), white space aside:
    an oracle apart from the reader's parser."""
    return squeeze(html.unescape(TAG.sub(" ", UNSHOWN.sub(" ", markup))))


def page(body: str, title: str = "页面") -> bytes:
    """A small UTF-8 page around ``body``."""
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>{body}</body></html>'.encode()


def spaced(text: str) -> str:
    """Text with each run of spaces (no-break and full-width ones too) as one space."""
    return " ".join(text.split())


def paragraph_texts(speech) -> list[str]:
    """The speech's kept paragraphs, padding trimmed."""
    return [p.text.strip("\u3000 ") for p in speech.paragraphs]


@pytest.mark.parametrize("path", page_paths(), ids=lambda p: p.name)
def test_each_page_gives_its_title_and_paragraphs(path):
    title, first, last, _ = EXPECTED[path.name]
    speech = load_speech(path)
    texts = paragraph_texts(speech)
    assert speech.title == title
    assert dict(read_source(path).metadata)["title"] == title
    assert first in texts and texts[-1] == last
    assert not speech.warnings or speech.warnings == (f"{path}:5: no parts or items found; the speech is shown as one page",)


@pytest.mark.parametrize("path", page_paths(), ids=lambda p: p.name)
def test_the_site_around_the_article_is_dropped_as_the_frame(path):
    *_, chrome = EXPECTED[path.name]
    speech = load_speech(path)
    framed = [spaced(d.text) for d in speech.dropped if d.reason == FRAME]
    assert [line for line in chrome if spaced(line) not in framed] == []
    kept = "".join(paragraph_texts(speech))
    assert not any(line in kept for line in chrome)


@pytest.mark.parametrize("path", page_paths(), ids=lambda p: p.name)
def test_nothing_is_lost_every_shown_character_is_kept_or_dropped(path):
    source = read_source(path)
    speech = parse(clean(source))
    assert lost_or_invented(source.text, speech) == []
    markup = path.read_bytes().decode(source.encoding)
    assert Counter(squeeze(source.text)) == Counter(shown_text(markup))


def test_scripts_styles_and_comments_never_reach_the_text():
    source = read_source(PAGES / "gov.html")
    for leak in ("统计代码", "不是正文", "console", "float", "_hmt", "内容管理系统", "<p>"):
        assert leak not in source.text
    assert "6.3%>全省平均水平" in source.text  # &gt; decoded
    assert "来源：市政府办公室\u00a0\u00a0发布时间" in source.text  # &nbsp; decoded


def test_a_gbk_page_is_read_by_its_declared_charset():
    source = read_source(PAGES / "gbk.html")
    assert (source.format, source.encoding, source.problems) == ("html", "gb18030", ())
    assert "二要压实工作责任。各乡镇、各部门要严格落实“党政同责、一岗双责”，层层传导压力，确保责任落实到人。" in source.text


def test_a_page_declaring_the_wrong_charset_is_read_as_it_is_with_a_notice():
    data = page("<div class=content><p>同志们：</p><p>这是一段用UTF-8写成的讲话，页面却说自己是GB2312。</p></div>").replace(b"utf-8", b"gb2312")
    source = decode_source(data, "错标.html")
    assert source.encoding == "utf-8" and "这是一段用UTF-8写成的讲话，页面却说自己是GB2312。" in source.text
    assert [str(p) for p in source.problems] == ["错标.html: the page declares charset gb2312 but is not in it; read as UTF-8"]


def test_a_utf8_page_declaring_gbk_is_read_as_utf8_though_gbk_would_read_it_too():
    body = "<div><p>今天会议精神会议精神。x</p></div>"
    data = page(body).replace(b"utf-8", b"gbk")
    assert "浠婂ぉ" in data.decode("gb18030")  # GB18030 reads these UTF-8 bytes, as wrong characters
    source = decode_source(data, "错标.html")
    assert source.encoding == "utf-8" and "今天会议精神会议精神。x" in source.text
    assert [str(p) for p in source.problems] == ["错标.html: the page declares charset gbk but is not in it; read as UTF-8"]


def test_a_chinese_page_declaring_a_western_charset_is_read_as_what_it_is():
    data = page("<div><p>同志们：</p><p>这个页面自称西欧字符集，其实是国标码写成的讲话。</p></div>").replace(b"utf-8", b"iso-8859-1")
    source = decode_source(data.decode("utf-8").encode("gbk"), "西欧.html")
    assert source.encoding == "gb18030" and "这个页面自称西欧字符集，其实是国标码写成的讲话。" in source.text
    assert [str(p) for p in source.problems] == ["西欧.html: the page declares charset iso-8859-1 but is not in it; read as GBK"]


def test_an_xhtml_page_is_read_by_its_xml_declaration():
    markup = ('<?xml version="1.0" encoding="big5"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
              "<div><p>同志們：</p><p>這是一個以正體字寫成、用大五碼保存的講話頁面。<br/>第二行。</p></div></body></html>")
    source = decode_source(markup.encode("big5"), "頁面.xhtml")
    assert source.encoding == "big5" and source.text.split("\n") == ["同志們：", "這是一個以正體字寫成、用大五碼保存的講話頁面。", "第二行。"]


def test_a_gbk_page_without_a_declared_charset_is_detected_as_gbk():
    data = page("<div><p>同志们：</p><p>今天我们在这里召开会议，研究部署下一步的重点工作。</p></div>").replace(b'<meta charset="utf-8">', b"")
    source = decode_source(data.decode("utf-8").encode("gbk"), "无声明.htm")
    assert source.encoding == "gb18030" and "今天我们在这里召开会议，研究部署下一步的重点工作。" in source.text


def test_html_under_a_txt_name_is_read_as_html(tmp_path):
    path = tmp_path / "讲话.txt"
    path.write_bytes((PAGES / "news.html").read_bytes())
    source = read_source(path)
    assert source.format == "html" and "<" not in source.text
    assert load_speech(path).title == EXPECTED["news.html"][0]


@pytest.mark.parametrize(
    "start",
    [b"<!DOCTYPE html>", b"\xef\xbb\xbf\n  <!-- saved --><HTML>", b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', b"<head>", b"<body>"],
    ids=["doctype", "bom-comment-upper", "xhtml", "head", "body"],
)
def test_a_web_page_is_known_by_its_start_whatever_its_name(start):
    assert sniff(start + b"<p>x</p>", "a.doc") == "html"


def test_a_web_page_may_be_as_large_as_a_document_its_markup_is_not_its_text():
    assert is_document((PAGES / "gov.html").read_bytes()[:1024])
    assert not is_document("同志们：<html>".encode())


@pytest.mark.parametrize("text", ["<p>粘贴的段落</p>", "同志们：\n<html>是一个词", "讲话 <body>"])
def test_text_that_merely_holds_tags_stays_text(text):
    assert sniff(text.encode(), "a.txt") == "text"


def test_a_utf16_page_with_a_bom_is_read():
    source = decode_source("\ufeff".encode("utf-16-le") + page("<p>同志们：</p><p>这是一篇以记事本的Unicode保存的讲话网页。</p>").decode().encode("utf-16-le"), "u.html")
    assert source.format == "html" and "这是一篇以记事本的Unicode保存的讲话网页。" in source.text


def test_hidden_text_is_set_aside_as_hidden_and_line_breaks_are_kept():
    speech = load_speech(PAGES / "news.html")
    assert [(d.text, d.reason) for d in speech.dropped if d.reason == HIDDEN] == [("隐藏的统计文字", HIDDEN)]
    texts = paragraph_texts(speech)
    assert "报告指出，过去一年，面对复杂多变的外部环境，全市上下迎难而上、苦干实干，" in texts  # a <br> ends a line
    assert "经济社会发展取得新的成效。" in texts


def test_a_line_end_inside_chinese_text_is_no_space():
    source = read_source(PAGES / "table.html")
    assert "建成高标准农田三万亩，新型农业经营主体发展到一千二百家。" in source.text


def test_without_a_heading_the_title_comes_from_the_page_title_without_the_site_name():
    body = "<div class=nav><a href=/>首页</a></div><div id=zoom><p>同志们：</p><p>今天召开全市工作会议，主要是总结去年工作，部署今年任务。</p><p>希望大家认真抓好落实。</p></div>"
    speech = parse(clean(decode_source(page(body, "在全市工作会议上的讲话 - 青川市人民政府"), "无标题.html")))
    assert speech.title == "在全市工作会议上的讲话"
    assert speech.warnings[0] == "无标题.html:2: no title line found; titled by the document's title property"
    assert speech.title_source == "metadata"
    assert paragraph_texts(speech)[0] == "同志们："


@pytest.mark.parametrize(
    "body",
    ["", "<ul><li><a href=/1>新闻一</a></li><li><a href=/2>新闻二</a></li></ul>", "<div>首页</div><div>联系我们</div>",
     "<script>document.write('这是脚本写出的很长的一段文字，不是正文。')</script>"],
    ids=["empty", "links", "menu", "script-only"],
)
def test_a_page_without_article_text_is_refused_saying_what_to_do(body):
    with pytest.raises(SpeechError) as caught:
        decode_source(page(body), "列表.html")
    assert str(caught.value) == (
        "列表.html: a web page with no article text (a list of links, a frame or an empty page?); "
        "save the article's text as .txt or .docx"
    )


def test_an_article_split_by_a_picture_is_read_whole():
    body = (
        "<div class=menu><a href=/>首页</a> <a href=/a>要闻</a></div><div class=wrap><h1>在座谈会上的讲话</h1>"
        "<div class=part><p>同志们：</p><p>今天我们召开座谈会，听取大家对今年工作的意见和建议。</p><p>大家讲得很好，很有针对性。</p></div>"
        "<div class=pic><img src=a.jpg></div>"
        "<div class=part><p>下面，我讲两点意见。一是要提高认识，二是要狠抓落实。</p><p>希望大家把会议精神带回去，抓好贯彻落实。</p></div></div>"
        "<div class=foot>主办：青川市人民政府</div>"
    )
    speech = parse(clean(decode_source(page(body), "分开.html")))
    assert speech.title == "在座谈会上的讲话"
    assert paragraph_texts(speech)[-1] == "希望大家把会议精神带回去，抓好贯彻落实。"
    assert [(d.text, d.reason) for d in speech.dropped] == [("首页 要闻", FRAME), ("主办：青川市人民政府", FRAME)]


def test_the_outline_command_reads_a_web_page():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "outline.py"), str(PAGES / "gov.html")], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("在全市经济工作会议上的讲话")
    assert f"舍弃 9: 当前位置：首页 > 新闻中心 > 领导活动（{FRAME}）" in result.stdout


def test_a_strict_build_publishes_a_web_page_beside_a_text_speech(tmp_path):
    from sitebuild import built, write_config, write_speeches
    from test_hostile_files import speech

    speeches = write_speeches(tmp_path / "speeches", {"讲话.txt": speech("完好的讲话"), "网页.html": (PAGES / "gov.html").read_bytes()})
    site = built(write_config(tmp_path, speeches), tmp_path / "site")
    full_text = (site / EXPECTED["gov.html"][0] / "全文" / "index.html").read_text(encoding="utf-8")
    assert EXPECTED["gov.html"][2] in full_text
    assert "蜀ICP备" not in full_text and "统计代码" not in full_text and "市领导调研重点项目建设情况" not in full_text
    assert (site / "完好的讲话" / "index.html").is_file()


def test_menus_without_class_names_are_known_by_their_links():
    body = (
        "<div><div><a href=/>首页</a> <a href=/1>要闻</a> <a href=/2>通知</a></div>"
        "<div><p>同志们：</p><p>今天召开全市工作会议，主要是总结去年工作，部署今年任务。</p><p>附件：<a href=/f.doc>重点任务分工表</a></p>"
        "<ul><li><a href=/3>上一篇：全市春耕工作会议召开</a></li><li><a href=/4>下一篇：市领导调研</a></li></ul></div></div>"
    )
    source = decode_source(page(body), "无类名.html")
    assert [line for number, line in enumerate(source.text.split("\n"), start=1) if (number, FRAME) in source.set_aside] == [
        "首页 要闻 通知", "上一篇：全市春耕工作会议召开", "下一篇：市领导调研"]


def test_a_publishing_system_s_article_title_meta_names_the_title():
    body = "<div id=zoom><p>同志们：</p><p>今天召开全市工作会议，主要是总结去年工作，部署今年任务。</p></div>"
    markup = page(body, "内容页").replace(b"<title>", '<meta name="ArticleTitle" content="在全市工作会议上的讲话"><title>'.encode())
    assert decode_source(markup, "元数据.html").metadata == (("title", "在全市工作会议上的讲话"),)


def test_a_heading_broken_over_lines_is_kept_whole():
    body = ("<div class=nav><a href=/>首页</a></div><h1>在全市工作会议上的讲话<br>——在全市工作会议上<br>2024年1月5日</h1>"
            "<div id=zoom><p>同志们：</p><p>今天召开全市工作会议，主要是总结去年工作，部署今年任务。</p></div>")
    source = decode_source(page(body, "内容页 - 青川市人民政府"), "两行.html")
    assert source.set_aside == ((1, FRAME),)
    assert source.metadata == (("title", "在全市工作会议上的讲话"),)


def test_a_logo_heading_with_the_site_name_is_not_the_title():
    body = (
        "<h1><a href=/>青川市人民政府</a></h1><h1 class=logo>青川市人民政府</h1><div class=nav><a href=/>首页</a></div>"
        "<div class=detail-title>在全市文明创建工作会议上的讲话</div>"
        "<div id=zoom><p>同志们：</p><p>今天召开全市文明创建工作会议，主要是总结去年工作，部署今年任务。</p></div>"
    )
    source = decode_source(page(body, "详情页 - 青川市人民政府"), "标志.html")
    assert source.metadata == (("title", "在全市文明创建工作会议上的讲话"),)
    assert source.set_aside == ((1, FRAME), (2, FRAME), (3, FRAME))
    assert parse(clean(source)).title == "在全市文明创建工作会议上的讲话"


# Random pages: blocks, inline elements, links, hidden text, scripts, comments and
# entities, nested; the reader must keep or drop every shown character and no other.
WORDS = st.text(alphabet="同志们会议工作发展，。：；、！ \n\u3000", min_size=1, max_size=30) | st.sampled_from(
    ["&gt;", "&amp;", "&nbsp;", "&#12288;", "今天召开全市工作会议，研究部署今年的重点任务。"]
)
LEAVES = WORDS | st.sampled_from(
    ["<br>", "<script>var a = '<p>不是正文</p>';</script>", "<style>p { color: red }</style>", "<!-- 注释 -->", "<img src=a.png>"]
)


def wrapped(children):
    """An element around some children."""
    tags = st.sampled_from(["p", "div", "span", "a href=/x", "li", "h1", "td", "strong", "nav", "div class=footer",
                            "div class=content", "span style='display:none'"])
    return st.tuples(tags, st.lists(children, max_size=4)).map(
        lambda pair: f"<{pair[0]}>{''.join(pair[1])}</{pair[0].split()[0]}>")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.recursive(LEAVES, wrapped, max_leaves=12), min_size=1, max_size=6))
def test_any_page_keeps_or_drops_every_shown_character(parts):
    markup = page("".join(parts)).decode()
    try:
        source = decode_source(markup.encode(), "随机.html")
    except SpeechError as error:
        assert "no article text" in str(error)
        event("refused: no article text")
        return
    event("read")
    assert Counter(squeeze(source.text)) == Counter(shown_text(markup))
    assert "不是正文" not in source.text and "color" not in source.text
    assert lost_or_invented(source.text, parse(clean(source))) == []


SENTENCES = st.lists(st.text(alphabet="改革发展稳定民生就业教育医疗", min_size=12, max_size=40).map(lambda s: s + "。"), min_size=2, max_size=8)
MENUS = st.lists(st.sampled_from(["首页", "要闻", "政务公开", "政务服务", "互动交流", "专题专栏", "数据发布"]), min_size=2, max_size=7)


@settings(max_examples=60, deadline=None)
@given(SENTENCES, MENUS, MENUS, st.sampled_from(["div class=content", "div id=zoom", "div", "td", "article"]), st.booleans())
def test_an_article_among_menus_keeps_its_sentences_and_drops_the_menus(sentences, top, side, holder, in_table):
    links = lambda names: "".join(f"<li><a href=/{i}>{name}</a></li>" for i, name in enumerate(names))
    article = f"<h1>在全市大会上的讲话</h1><{holder}>" + "".join(f"<p>{s}</p>" for s in sentences) + f"</{holder.split()[0]}>"
    if in_table:
        article = f"<table><tr><td><ul>{links(side)}</ul></td><td>{article}</td></tr></table>"
    else:
        article = f"<div class=left><ul>{links(side)}</ul></div><div class=right>{article}</div>"
    body = f"<div class=nav><ul>{links(top)}</ul></div>{article}<div>主办：青川市人民政府　网站标识码：5101000099</div>"
    speech = parse(clean(decode_source(page(body), "随机.html")))
    assert speech.title == "在全市大会上的讲话"
    assert [p.text for p in speech.paragraphs[1:]] == sentences
    assert sorted(d.text for d in speech.dropped) == sorted([*top, *side, "主办：青川市人民政府　网站标识码：5101000099"])
