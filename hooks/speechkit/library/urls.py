"""Stable, readable page paths derived from a speech's structure (never from hashes)."""

from __future__ import annotations

import re
import unicodedata

# Runs of anything but letters, digits and CJK characters become one hyphen.
NOT_WORD = re.compile(r"[^\w]+|_+")
SLUG_MAX = 60
# The site's own pages, at its top level.
HOME = "index.md"
TAGS_PAGE = "tags.md"  # the topic index: topics by group with counts (pages/topic_pages.py)
NOTICES_PAGE = "维护提示.md"  # what the build could not publish, and why: for the maintainer
GLOSSARY = "术语表.md"
COMPARE_PAGE = "对比.md"  # two speeches side by side (pages/compare.py)
COMPARE_DATA = "compare"  # the folder of its scripts: a list of speeches, one file per speech
YEARS = "年度"  # the folder of the home's year pages (pages/catalog.py)
TOPICS_FOLDER = "主题"  # a page per topic, and its year pages when it gathers many items
# The top-level names the site's own pages and folders use, which no speech may take:
# the pages above, the search index, and what MkDocs and Material write (assets/,
# 404.html, sitemap.xml). reserved_names adds the top-level entries of docs/.
SITE_NAMES = frozenset(
    {page.removesuffix(".md") for page in (HOME, TAGS_PAGE, NOTICES_PAGE, GLOSSARY, COMPARE_PAGE)}
    | {TOPICS_FOLDER, "search", COMPARE_DATA, YEARS, "assets", "404", "sitemap"}
)
# A speech's pages under its folder: the full text and the study aids.
FULL_TEXT = "全文"
KEY_SENTENCES = "金句"
SELF_TEST = "自测"
HANDOUT = "讲义"


def slugify(text: str, fallback: str = "speech") -> str:
    """A path segment made of the text's words: 在区…的讲话 stays readable Chinese."""
    normal = unicodedata.normalize("NFKC", text)
    slug = NOT_WORD.sub("-", normal).strip("-").lower()[:SLUG_MAX].strip("-")
    return slug or fallback


def speech_home(speech_slug: str) -> str:
    """The speech's home page."""
    return f"{speech_slug}/index.md"


def full_text(speech_slug: str) -> str:
    """The speech's full text page."""
    return f"{speech_slug}/{FULL_TEXT}.md"


def speech_aid_page(speech_slug: str, name: str) -> str:
    """The path of one of a speech's aid pages (KEY_SENTENCES, SELF_TEST, HANDOUT)."""
    return f"{speech_slug}/{name}.md"


def handout_docx(speech_slug: str) -> str:
    """The Word file of a speech's handout, beside its printable page."""
    return f"{speech_slug}/{HANDOUT}.docx"


def part_page(speech_slug: str, part_slug: str) -> str:
    """A part's page."""
    return f"{speech_slug}/{part_slug}/index.md"


def item_page(speech_slug: str, part_slug: str, number: int) -> str:
    """An item's page, numbered by its place in the part."""
    return f"{speech_slug}/{part_slug}/{number}.md"


def paragraph_anchor(ordinal: int) -> str:
    """The anchor of the n-th paragraph (1-based) on the full text page."""
    return f"p{ordinal}"


def relative(from_page: str, to_page: str) -> str:
    """A relative link between two page paths, as MkDocs resolves Markdown links."""
    source = from_page.split("/")[:-1]
    target = to_page.split("/")
    common = 0
    while common < min(len(source), len(target) - 1) and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


def topic_slug(name: str) -> str:
    """The folder of a topic's pages: its name's words (组织生活 stays 组织生活)."""
    return slugify(name, fallback="topic")


def topic_page(name: str) -> str:
    """A topic's page: everything the library says on it, or its head and its years."""
    return f"{TOPICS_FOLDER}/{topic_slug(name)}/index.md"


def topic_docx(name: str) -> str:
    """The Word file of a topic's 专题学习材料, beside its page."""
    return f"{TOPICS_FOLDER}/{topic_slug(name)}/专题学习材料.docx"


def topic_year_page(name: str, year: str, run: int = 1) -> str:
    """One year of a topic that gathers too many items for one page (2024, 2024-2 …)."""
    return f"{TOPICS_FOLDER}/{topic_slug(name)}/{slugify(year)}{'' if run == 1 else f'-{run}'}.md"
