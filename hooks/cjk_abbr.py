"""Python-Markdown's abbr, matching terms inside Chinese text.

abbr finds a term only between word boundaries (``\\b``), and Chinese has none between
characters: 主责主业 in 主责主业意识不强 is never found. This extension keeps abbr's
``*[term]: explanation`` definitions and its <abbr title> output and changes one thing,
the pattern: a boundary is required only on a side where the term has a Latin letter or
digit (so GDP still does not match inside GDPR).
"""

from __future__ import annotations

import re

from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor

ASCII_WORD = re.compile(r"[A-Za-z0-9_]")


class CjkAbbrTreeprocessor(AbbrTreeprocessor):
    """abbr's tree processor with boundaries only where a term has Latin letters or digits."""

    def run(self, root):
        """Wrap every defined term in <abbr>, longest terms first."""
        if not self.abbrs:
            return
        keys = sorted(self.abbrs, key=len, reverse=True)
        self.RE = re.compile("|".join(_pattern(key) for key in keys))
        self.iter_element(root)


class CjkAbbrExtension(AbbrExtension):
    """The abbr extension with the CJK-aware tree processor in place of abbr's own."""

    def extendMarkdown(self, md):
        """Register abbr, then replace its tree processor (same name and priority)."""
        super().extendMarkdown(md)
        md.treeprocessors.register(CjkAbbrTreeprocessor(md, self.abbrs), "abbr", 7)


def _pattern(term: str) -> str:
    """A term's pattern: a word boundary only on a side that is a Latin letter or digit."""
    before = r"\b" if ASCII_WORD.match(term[0]) else ""
    after = r"\b" if ASCII_WORD.match(term[-1]) else ""
    return f"{before}{re.escape(term)}{after}"


def makeExtension(**kwargs):
    """Entry point for markdown_extensions: cjk_abbr."""
    return CjkAbbrExtension(**kwargs)
