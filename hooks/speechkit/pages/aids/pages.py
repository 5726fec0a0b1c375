"""Where the study aids' pages live and how their Markdown starts."""

from __future__ import annotations

import html

import yaml

GLOSSARY = "术语表.md"
KEY_SENTENCES = "金句"
SELF_TEST = "自测"
HANDOUT = "讲义"


def speech_aid_page(speech_slug: str, name: str) -> str:
    """The path of one of a speech's aid pages (金句, 自测, 讲义)."""
    return f"{speech_slug}/{name}.md"


def page_markdown(title: str, lines: list[str], **meta) -> str:
    """A page: front matter with the HTML-escaped title, then the lines."""
    # Material writes page.meta.title into <title> and the header without escaping it.
    front = yaml.safe_dump({"title": html.escape(title), **meta}, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n" + "\n".join(lines) + "\n"
