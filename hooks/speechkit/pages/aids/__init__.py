"""Study aids built from the same model and terms file: glossary, 金句, mind map, self-test, handout.

Each aid can be switched off (``Aids``). Everything here is plain Python that returns
Markdown; rendering.py calls ``ready_aid_pages``, ``key_sentence_pages``,
``speech_home_lines`` and ``with_tooltips``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from ...library import Library, urls
from ...library.urls import GLOSSARY, HANDOUT, KEY_SENTENCES, SELF_TEST, speech_aid_page
from .diagram import outline_diagram
from .glossary import abbreviations, glossary_page
from .handout import handout_page
from .key_sentences import key_sentences_page
from .self_test import self_test_page
from .word_handout import handout_docx

__all__ = ["Aids", "aid_downloads", "aid_pages", "key_sentence_pages", "key_sentence_paths", "ready_aid_pages", "speech_home_lines", "with_tooltips"]


@dataclass(frozen=True)
class Aids:
    """Which study aids to build (extra.study_site.aids in mkdocs.yml)."""

    glossary: bool = True
    key_sentences: bool = True
    diagram: bool = True
    self_test: bool = True
    handout: bool = True


def aid_pages(library: Library, aids: Aids) -> list[tuple[str, str]]:
    """The aids' pages as (path, Markdown)."""
    return ready_aid_pages(library, aids) + key_sentence_pages(library, aids)


def ready_aid_pages(library: Library, aids: Aids) -> list[tuple[str, str]]:
    """The glossary, then each speech's self-test and handout."""
    pages = [glossary_page(library)] if aids.glossary else []
    for index, placed in enumerate(library.speeches):
        if aids.self_test and placed.parts:
            pages.append(self_test_page(library, index))
        if aids.handout:
            pages.append(handout_page(library, index))
    return pages


def aid_downloads(library: Library, aids: Aids) -> list[tuple[str, Callable[[], bytes]]]:
    """The aids' files to download, as (path, a function making its bytes): each speech's
    handout as a Word file. The paths come without the cost of the files."""
    if not aids.handout:
        return []
    return [(urls.handout_docx(placed.slug), partial(handout_docx, library, index))
            for index, placed in enumerate(library.speeches)]


def key_sentence_pages(library: Library, aids: Aids) -> list[tuple[str, str]]:
    """Each speech's 金句 page: the costly aid, which rendering.analysed_pages makes apart."""
    if not aids.key_sentences:
        return []
    return [key_sentences_page(library, index) for index in range(len(library.speeches))]


def key_sentence_paths(library: Library, aids: Aids) -> list[str]:
    """The paths of key_sentence_pages, in its order, without making the pages."""
    if not aids.key_sentences:
        return []
    return [speech_aid_page(placed.slug, KEY_SENTENCES) for placed in library.speeches]


def speech_home_lines(library: Library, index: int, aids: Aids, compare: str | None = None) -> list[str]:
    """What the aids add to a speech's home: links to its aid pages (and to ``compare``,
    the page comparing it with another speech, if given) and the mind map."""
    placed = library.speeches[index]
    home = urls.speech_home(placed.slug)
    links = [
        (name, speech_aid_page(placed.slug, page))
        for name, page, wanted in (
            ("金句", KEY_SENTENCES, aids.key_sentences),
            ("自测", SELF_TEST, aids.self_test and bool(placed.parts)),
            ("讲义", HANDOUT, aids.handout),
        )
        if wanted
    ]
    if aids.glossary:
        links.append(("术语表", GLOSSARY))
    if compare:
        links.append(("对比", compare))
    lines = []
    if links:
        buttons = " ".join(f"[{name}]({urls.relative(home, page)}){{ .md-button }}" for name, page in links)
        lines += [buttons, "{: .study-aids }", ""]
    if aids.diagram and placed.parts:
        lines += ["## 结构图", ""] + outline_diagram(library, index)
    return lines


def with_tooltips(path: str, markdown: str, library: Library, aids: Aids) -> str:
    """A page's Markdown with hover explanations for the terms it uses (not on the glossary)."""
    if not aids.glossary or path == GLOSSARY:
        return markdown
    return markdown + abbreviations(markdown, library.taxonomy.terms)
