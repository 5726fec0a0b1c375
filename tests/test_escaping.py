"""Speech text renders literally: never as HTML, Markdown, pymdownx or attr_list syntax."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from speechkit.escaping import escape_markdown

from conftest import REPO

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src=//127.0.0.1:9></iframe>",
    "[点此](javascript:alert(1))",
    "![](http://127.0.0.1:9/x.png)",
    "# 不是标题",
    "|a|b|",
    "***",
    "{{ config }} {% include 'x' %}",
    "---",
    "==高亮== ^^插入^^ ~~删除~~ !!! note :::",
    "*强调* _下划线_ **粗体** `代码`",
    "1. 不是列表",
    "- 不是列表",
    "> 不是引用",
    "文字 {: #injected .x onclick=alert(1) }",
    "&lt; &amp; &#x41; &nbsp;",
    "http://127.0.0.1:9/ www.example.com",
    "行末反斜杠\\",
    "“三会一课”、组织生活会",
]


def markdown_extensions() -> list:
    """The site's Markdown extensions, as mkdocs.yml lists them (toc's slugify aside)."""
    with open(REPO / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=yaml.UnsafeLoader)  # our own file: !!python tags
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    return names


class _Collector(HTMLParser):
    """Collect the tags and the text of an HTML fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_the_site_escapes_with_escapeall():
    assert "pymdownx.escapeall" in markdown_extensions()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_literally(text):
    rendered = markdown.markdown(escape_markdown(text), extensions=markdown_extensions())
    collector = _Collector()
    collector.feed(rendered)
    assert collector.tags == ["p"], rendered
    assert "".join(collector.text) == text, rendered


def test_plain_chinese_is_unchanged():
    assert escape_markdown("同志们，抓好党建是最大的政绩。") == "同志们，抓好党建是最大的政绩。"


def test_html_is_entity_escaped_in_output():
    rendered = markdown.markdown(escape_markdown("<b>&"), extensions=markdown_extensions())
    assert rendered == f"<p>{html.escape('<b>&', quote=False)}</p>"


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_with_a_keyword_marked_renders_literally(text):
    import re

    from speechkit.escaping import escape_markdown_marked

    keyword = text[len(text) // 3: len(text) // 3 + 3].strip() or text
    rendered = markdown.markdown(escape_markdown_marked(text, re.compile(re.escape(keyword))), extensions=markdown_extensions())
    collector = _Collector()
    collector.feed(rendered)
    assert collector.tags[0] == "p" and set(collector.tags[1:]) == {"mark"}, rendered
    assert "".join(collector.text) == text, rendered
    assert f"<mark>{html.escape(keyword, quote=False)}</mark>" in rendered
