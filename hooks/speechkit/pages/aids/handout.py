"""A one-speech handout for printing: outline, every item in full, the terms it uses."""

from __future__ import annotations

from ...escaping import escape_markdown as esc
from ...library import Library, urls
from ...library.urls import HANDOUT, speech_aid_page
from ..markdown import byline, page_markdown
from .glossary import terms_in
from .places import item_title

# aids.css prints pages holding this wrapper on A4 without the site's navigation.
OPEN = '<div class="study-handout" markdown>'
CLOSE = "</div>"


def handout_page(library: Library, index: int) -> tuple[str, str]:
    """The handout of one speech."""
    placed = library.speeches[index]
    speech = placed.speech
    path = speech_aid_page(placed.slug, HANDOUT)
    home = urls.relative(path, urls.speech_home(placed.slug))
    lines = [
        f"# {esc(speech.title)}",
        "",
        f"学习讲义 · 用浏览器的“打印”（Ctrl+P）即可打印在 A4 纸上，导航栏不会打印；"
        f"也可[下载 Word 版]({urls.relative(path, urls.handout_docx(placed.slug))})修改后分发。[返回导读]({home})",
        "{: .study-noprint .study-meta }",
        "",
        OPEN,
        "",
    ]
    described = byline(speech, "　")
    if described:
        lines += [described, "{: .study-meta }", ""]
    lines += _outline(library, index) + _items(library, index) + _terms(library, index)
    lines += [CLOSE, ""]
    return path, page_markdown(f"讲义 · {speech.title}", lines, search={"exclude": True})


def _outline(library: Library, index: int) -> list[str]:
    """The parts and the headlines of their items."""
    placed = library.speeches[index]
    if not placed.parts:
        return []
    lines = ["## 提纲", ""]
    for part_index, placed_part in enumerate(placed.parts):
        lines.append(f"- {esc(placed_part.part.title)}（{len(placed_part.part.items)} 条）")
        lines += [f"    - {item_title(item)}" for item in library.items_of(index, part_index)]
    return lines + [""]


def _items(library: Library, index: int) -> list[str]:
    """Each part's intro and its items in full; a speech without parts, its full text."""
    placed = library.speeches[index]
    if not placed.parts:
        return ["## 全文", ""] + [line for p in placed.speech.paragraphs[1:] for line in (esc(p.text), "")]
    lines = []
    for part_index, placed_part in enumerate(placed.parts):
        lines += [f"## {esc(placed_part.part.title)}", ""]
        if placed_part.part.intro:
            lines += [esc(placed_part.part.intro.text), "{: .study-meta }", ""]
        for item in library.items_of(index, part_index):
            lines += [f"### {item_title(item)}", ""]
            lines += [line for p in item.item.paragraphs for line in (esc(p.text), "")]
    return lines


def _terms(library: Library, index: int) -> list[str]:
    """The terms the speech uses, with their explanations."""
    text = "\n".join(p.text for p in library.speeches[index].speech.paragraphs)
    used = [term for term in terms_in(text, library.taxonomy.terms) if term.explanation.strip()]
    if not used:
        return []
    lines = ["## 术语", ""]
    for term in used:
        lines += [f"**{esc(term.term)}**：{esc(term.explanation)}", ""]
    return lines
