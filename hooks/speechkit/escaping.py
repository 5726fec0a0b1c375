"""Make untrusted speech text render literally in Markdown and HTML."""

from __future__ import annotations

import html
import json
import re

# Every ASCII punctuation character. With pymdownx.escapeall a backslash before any
# character makes it literal, so escaping all of them defeats Markdown, HTML, pymdownx
# and attr_list syntax alike; Python-Markdown then writes < > & as entities.
ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


def escape_markdown(text: str) -> str:
    """Text that Markdown (with pymdownx.escapeall) renders exactly as written."""
    return _escape_piece(" ".join(text.split()))


def escape_html(text: str) -> str:
    """Text that HTML shows exactly as written, for page and nav titles."""
    # MkDocs' Jinja has no autoescape: Material writes page.meta.title and nav titles
    # into <title>, the header, the nav and tag listings as HTML.
    return html.escape(" ".join(text.split()), quote=True)


def script_json(data) -> str:
    """``data`` as JSON that can stand inside a script: no < (so neither </script> nor <!--
    can end or confuse it) and no raw U+2028/9 (which would break it)."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return payload.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def escape_markdown_marked(text: str, pattern: re.Pattern[str]) -> str:
    """Text rendered literally as escape_markdown does, each match of ``pattern`` in <mark>.

    The matches are found in the text as written and every piece is escaped on its own,
    so a keyword holding markup (the taxonomy is untrusted too) is marked as text.
    """
    text = " ".join(text.split())
    pieces, at = [], 0
    for match in pattern.finditer(text):
        if match.end() == match.start():
            continue
        pieces.append(_escape_piece(text[at:match.start()]))
        pieces.append(f"<mark>{_escape_piece(match.group())}</mark>")
        at = match.end()
    pieces.append(_escape_piece(text[at:]))
    return "".join(pieces)


def _escape_piece(text: str) -> str:
    """A piece of already collapsed text, escaped as escape_markdown escapes it."""
    return ASCII_PUNCTUATION.sub(lambda match: "\\" + match.group(), text)
