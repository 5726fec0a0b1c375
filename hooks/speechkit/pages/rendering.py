"""Write the study pages of a library as Markdown with front matter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from ..errors import Notice
from ..escaping import escape_html, escape_markdown as esc
from ..library import Library, PlacedItem, numbered_paragraphs, urls
from ..library.urls import COMPARE_PAGE, HOME, NOTICES_PAGE, TAGS_PAGE
from ..structure.markers import footnote_entries
from . import catalog, reader
from .compare import compare_link, compare_page, compared
from .aids import Aids, key_sentence_pages, key_sentence_paths, ready_aid_pages, speech_home_lines, with_tooltips
from .markdown import byline, front_matter, page_markdown
from .topic_pages import topic_chips, topic_pages

# How much of an item a link's hover preview shows.
PREVIEW_CHARS = 90
# Search ranks the most specific page first: an item before its part, speech and full text.
BOOST = {"item": 3, "part": 1.5, "speech": 1, "full_text": 0.3}


@dataclass(frozen=True)
class Page:
    """One generated page: its path under docs/ and its Markdown source."""

    path: str
    markdown: str


@dataclass(frozen=True)
class NavEntry:
    """A navigation entry: a page, or a section of entries."""

    title: str
    page: str | None = None
    children: tuple["NavEntry", ...] = ()


def render_library(library: Library, home: bool = True, aids: Aids = Aids()) -> list[Page]:
    """Every generated page of the library, the home page first when asked for, then the study aids."""
    return ready_pages(library, home, aids) + analysed_pages(library, aids)


def ready_pages(library: Library, home: bool = True, aids: Aids = Aids(), notices: Sequence[Notice] = ()) -> list[Page]:
    """The pages that need neither related items nor key sentences: the home page, each
    speech's home, full text and parts, the topic index and topic pages, the glossary,
    self-tests and handouts; and, if the build has ``notices`` about its input files, a
    page that lists them."""
    pages = [_home_page(library, notices)] if home else []
    pages += [Page(path, page_markdown(title, lines, search={"exclude": True})) for path, title, lines in catalog.group_pages(library)]
    if notices:
        pages.append(_notices_page(notices))
    for index, placed in enumerate(library.speeches):
        pages.append(_speech_page(library, index, aids))
        pages.append(_full_text_page(library, index))
        pages.extend(_part_page(library, index, part_index) for part_index in range(len(placed.parts)))
    if compared(library):
        pages.append(Page(*compare_page()))
    pages.extend(Page(path, markdown) for path, markdown in topic_pages(library))
    pages.extend(Page(path, markdown) for path, markdown in ready_aid_pages(library, aids))
    return [Page(p.path, with_tooltips(p.path, p.markdown, library, aids)) for p in pages]


def analysed_pages(library: Library, aids: Aids = Aids()) -> list[Page]:
    """The pages that need the library's costly analyses: every item page (its related
    items) and every 金句 page. The library must have its related items ranked."""
    pages = [_item_page(library, item_index) for item_index in range(len(library.items))]
    pages.extend(Page(path, markdown) for path, markdown in key_sentence_pages(library, aids))
    return [Page(p.path, with_tooltips(p.path, p.markdown, library, aids)) for p in pages]


def analysed_paths(library: Library, aids: Aids = Aids()) -> list[str]:
    """The paths analysed_pages makes, in its order, without the analyses."""
    return [item.page for item in library.items] + key_sentence_paths(library, aids)


def navigation(library: Library) -> tuple[NavEntry, ...]:
    """Speeches grouped by year, each with its home, parts and full text (items are reached
    from those pages), so a page's sidebar stays small as the library grows.

    Titles are HTML-escaped: Material writes nav titles into the page as HTML.
    """
    return catalog.nav_tree(library, lambda title, page=None, children=(): NavEntry(title, page, children))


# -- pages -------------------------------------------------------------------------------


def _home_page(library: Library, notices: Sequence[Notice]) -> Page:
    """The library home: every speech by year, with its date, speaker and counts."""
    lines = catalog.home_lines(library, TAGS_PAGE, COMPARE_PAGE if compared(library) else None)
    if notices:
        files = len({notice.path for notice in notices})
        lines[4:4] = [f"有 {files} 个文件未能发布或需要修改，见[维护提示]({NOTICES_PAGE})。", "{: .study-notice }", ""]
    return Page(HOME, front_matter({"title": "讲话学习库", "study": reader.home_data()}) + "\n".join(lines))


def _notices_page(notices: Sequence[Notice]) -> Page:
    """Every problem the build found in its input files, by file: for the site's maintainer."""
    lines = ["# 维护提示", "",
             "以下文件未能发布，或发布时有内容未能读取。请按提示修改文件后重新生成站点；"
             "正式发布（严格模式）在这些问题解决之前不会进行。", ""]
    for path, group in groupby(sorted(notices, key=lambda n: (n.path, n.line or 0)), key=lambda n: n.path):
        lines += [f"## {esc(path)}", ""]
        lines += [f"- {f'第 {n.line} 行：' if n.line else ''}{esc(n.message)}" for n in group]
        lines.append("")
    return Page(NOTICES_PAGE, front_matter({"title": "维护提示", "search": {"exclude": True}}) + "\n".join(lines))


def _speech_page(library: Library, index: int, aids: Aids) -> Page:
    """A speech's home: salutation and opening, then the outline of parts and items."""
    placed = library.speeches[index]
    speech = placed.speech
    path = urls.speech_home(placed.slug)
    lines = [f"# {esc(speech.title)}", ""]
    lines += _described(speech)
    if speech.salutation:
        lines += [esc(speech.salutation.text), ""]
    lines += _paragraphs(speech.opening)
    lines += speech_home_lines(library, index, aids, compare_link(library, index))
    if placed.parts:
        lines += ["## 内容提要", ""]
        for part_index, placed_part in enumerate(placed.parts):
            part = placed_part.part
            part_link = urls.relative(path, urls.part_page(placed.slug, placed_part.slug))
            lines += [f"### [{esc(part.title)}]({part_link})（{len(part.items)} 条）", ""]
            for item in library.items_of(index, part_index):
                lines.append(_item_link(path, item))
            lines.append("")
    if speech.closing:
        lines += ["## 结束语", ""] + _paragraphs(speech.closing)
    lines.append(f"[阅读全文]({urls.relative(path, urls.full_text(placed.slug))}){{ .md-button }}")
    meta = {"title": escape_html(speech.title), "search": {"boost": BOOST["speech"]},
            "study": reader.speech_data(library, index, reader.SPEECH)}
    return Page(path, front_matter(meta) + "\n".join(lines) + "\n")


def _part_page(library: Library, index: int, part_index: int) -> Page:
    """A part: its intro sentence, its items, the text that follows them."""
    placed = library.speeches[index]
    placed_part = placed.parts[part_index]
    part = placed_part.part
    path = urls.part_page(placed.slug, placed_part.slug)
    home = urls.relative(path, urls.speech_home(placed.slug))
    lines = [f"# {esc(part.title)}", ""]
    lines += [f"[{esc(placed.speech.title)}]({home}) · 第{part_index + 1}部分 · {len(part.items)} 条", "{: .study-meta }", ""]
    lines += _paragraphs(part.lead or ([part.intro] if part.intro else []))
    lines += [_item_link(path, item) for item in library.items_of(index, part_index)]
    lines.append("")
    lines += _paragraphs(part.after)
    meta = {"title": escape_html(f"{part.title} · {placed.speech.title}"), "search": {"boost": BOOST["part"]},
            "study": reader.speech_data(library, index, reader.PART)}
    return Page(path, front_matter(meta) + "\n".join(lines))


def _item_page(library: Library, item_index: int) -> Page:
    """An item: headline, label, full text, topics, neighbours and related items."""
    placed_item = library.items[item_index]
    item = placed_item.item
    placed = library.speeches[placed_item.speech_index]
    placed_part = placed.parts[placed_item.part_index]
    path = placed_item.page
    part_link = urls.relative(path, urls.part_page(placed.slug, placed_part.slug))
    home_link = urls.relative(path, urls.speech_home(placed.slug))
    full_link = urls.relative(path, urls.full_text(placed.slug))
    anchor = urls.paragraph_anchor(placed_item.paragraph_ordinal)
    lines = [
        f"# {esc(item.headline)}",
        "",
        f"**{placed_item.display_label}** · [{esc(placed_part.part.title)}]({part_link}) · "
        f"[{esc(placed.speech.title)}]({home_link})",
        "{: .study-meta }",
        "",
    ]
    lines += topic_chips(path, placed_item.tags)
    lines += _paragraphs(item.paragraphs)
    lines += _children(item.children)
    lines += [f"[在全文中查看]({full_link}#{anchor})", "{: .study-source }", ""]
    related = library.related[item_index]
    if related:
        lines += ["## 相关内容", ""]
        for link in related:
            target = library.items[link.target]
            elsewhere = target.speech_index != placed_item.speech_index
            source = f"《{esc(library.speeches[target.speech_index].speech.title)}》" if elsewhere else ""
            why = f"共同主题：{'、'.join(link.shared)}" if link.shared else f"内容相近：“{link.phrase}”"
            lines.append(f"{_item_link(path, target)}{source}（{esc(why)}）")
        lines.append("")
    lines += _neighbours(library, placed_item)
    meta = {
        "title": escape_html(f"{placed_item.display_label}：{item.headline}"),
        "search": {"boost": BOOST["item"]},
        "study": reader.item_data(library, placed_item),
    }
    return Page(path, front_matter(meta) + "\n".join(lines))


def _full_text_page(library: Library, index: int) -> Page:
    """The whole kept text, every paragraph with a stable anchor."""
    placed = library.speeches[index]
    speech = placed.speech
    path = urls.full_text(placed.slug)
    lines = [f"# {esc(speech.title)}", ""]
    notes = set(footnote_entries(speech.footnotes))
    for ordinal, paragraph in numbered_paragraphs(speech):
        if speech.footnotes and paragraph == speech.footnotes[0]:
            lines += ["---", ""]  # the notes follow the speech, set off as in print
        style = " .study-footnote" if paragraph in notes else ""
        lines += [f"{esc(paragraph.text)}", f"{{: #{urls.paragraph_anchor(ordinal)}{style} }}", ""]
    meta = {"title": escape_html(f"全文 · {speech.title}"), "search": {"boost": BOOST["full_text"]},
            "study": reader.speech_data(library, index, reader.FULL_TEXT)}
    return Page(path, front_matter(meta) + "\n".join(lines))


# -- pieces --------------------------------------------------------------------------------


def _neighbours(library: Library, placed_item: PlacedItem) -> list[str]:
    """Links to the previous and next item of the same part."""
    siblings = library.items_of(placed_item.speech_index, placed_item.part_index)
    position = siblings.index(placed_item)
    links = []
    if position > 0:
        links.append("← " + _item_link(placed_item.page, siblings[position - 1], bullet=False))
    if position + 1 < len(siblings):
        links.append(_item_link(placed_item.page, siblings[position + 1], bullet=False) + " →")
    return [" ｜ ".join(links), "{: .study-neighbours }", ""] if links else []


def _item_link(from_page: str, target: PlacedItem, bullet: bool = True) -> str:
    """A link to an item that shows its label and headline, and its first words as the
    link's title: Material shows it as a preview on hover (content.tooltips)."""
    text = f"{target.display_label}　{esc(target.item.headline)}"
    link = f'[{text}]({urls.relative(from_page, target.page)} "{esc(_preview(target))}")'
    return f"- {link}" if bullet else link


def _preview(target: PlacedItem) -> str:
    """The opening words of an item, as a hover preview shows them."""
    text = " ".join(target.item.paragraphs[0].text.split())
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"


def _described(speech) -> list[str]:
    """The speech's date, speaker and meeting, and the subtitle lines it came with."""
    described = byline(speech)
    lines = [described, "{: .study-meta }", ""] if described else []
    return lines + _paragraphs(p for p in speech.front if p.note)


def _children(children, depth: int = 0) -> list[str]:
    """The points inside an item as a nested list: label and headline."""
    lines: list[str] = []
    for child in children:
        lines.append(f"{'    ' * depth}- **{esc(child.label)}** {esc(child.headline)}")
        lines += _children(child.children, depth + 1)
    return lines + [""] if lines and depth == 0 else lines


def _paragraphs(paragraphs) -> list[str]:
    """Escaped paragraphs, a blank line after each."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [esc(paragraph.text), ""]
    return lines

