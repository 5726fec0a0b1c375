"""The glossary: which terms occur where, hover definitions, and the glossary page."""

from __future__ import annotations

import html

from ...escaping import escape_markdown as esc
from ...library import Library, Term
from ...library.urls import GLOSSARY
from ..markdown import page_markdown
from .places import Place, place_link, places


def terms_in(text: str, terms: tuple[Term, ...]) -> list[Term]:
    """The terms that occur in a text, in the terms file's order."""
    return [term for term in terms if term.term in text]


def abbreviations(markdown: str, terms: tuple[Term, ...]) -> str:
    """``*[term]: explanation`` lines for the terms a page's Markdown holds (abbr tooltips)."""
    lines = [
        f"*[{term.term}]: {_tooltip(term.explanation)}"
        for term in terms_in(markdown, terms)
        if term.explanation.strip() and "]" not in term.term
    ]
    # A blank line first: the definitions must start a block of their own.
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""


def _tooltip(explanation: str) -> str:
    """An explanation as abbr's title that Material's tooltip shows as written.

    Material (content.tooltips) sets a title as the tooltip's innerHTML, and
    Python-Markdown writes entities in an attribute as they are (only a bare & becomes
    &amp;): escaped twice, the attribute holds the escaped text, which the tooltip shows.
    """
    return html.escape(html.escape(" ".join(explanation.split()), quote=False), quote=False)


def occurrences(library: Library) -> dict[str, list[Place]]:
    """For every term, the paragraphs of every speech that use it, in order."""
    found: dict[str, list[Place]] = {term.term: [] for term in library.taxonomy.terms}
    for index in range(len(library.speeches)):
        for place in places(library, index):
            for term in terms_in(place.paragraph.text, library.taxonomy.terms):
                found[term.term].append(place)
    return found


def glossary_page(library: Library) -> tuple[str, str]:
    """The glossary: every term with its explanation and links to where it is used."""
    found = occurrences(library)
    terms = library.taxonomy.terms
    used = [term for term in terms if found[term.term]]
    lines = ["# 术语表", "", f"共 {len(terms)} 个术语，{len(used)} 个见于本站讲话。正文中带下划虚线的术语，悬停即可看到解释。", ""]
    for term in used:
        lines += [f"## {esc(term.term)}", "", esc(term.explanation), ""]
        lines += _where(library, found[term.term]) + [""]
    unused = [term for term in terms if not found[term.term]]
    if unused:
        lines += ["## 其他术语", "", "以下术语未见于本站讲话。", ""]
        for term in unused:
            lines += [f"**{esc(term.term)}**：{esc(term.explanation)}", ""]
    return GLOSSARY, page_markdown("术语表", lines)


def _where(library: Library, found: list[Place]) -> list[str]:
    """One bullet per speech listing the places a term occurs."""
    by_speech: dict[int, list[str]] = {}
    for place in found:  # already in speech order
        by_speech.setdefault(place.speech_index, []).append(place_link(library, GLOSSARY, place))
    return [
        f"- 《{esc(library.speeches[index].speech.title)}》：" + "；".join(links)
        for index, links in by_speech.items()
    ]
