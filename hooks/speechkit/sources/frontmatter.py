"""Optional YAML front matter at the top of a speech file (title, date, speaker, meeting)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import yaml

from ..errors import Notice

FENCE = re.compile(r"^---[ \t]*$")
# How far down the closing fence may be; further than this, the "---" is a rule.
MAX_LINES = 30
KEYS = ("title", "date", "speaker", "meeting")
# Keys a blog or site generator writes into its posts (Jekyll, Hugo) and a web clipper
# into the page it saves (Obsidian Web Clipper, MarkDownload): not ours, but they say the
# block is front matter; they are passed over, whatever their values.
SITE_KEYS = (
    "layout", "categories", "category", "tags", "author", "permalink", "excerpt", "description",
    "comments", "published", "lang", "toc", "keywords", "cover", "image", "summary", "draft",
    "slug", "weight", "aliases", "series", "subtitle", "header", "mathjax", "sticky", "top",
    "share", "type", "thumbnail", "featured", "hidden", "sidebar", "math", "pin", "banner",
    "excerpt_separator", "modified", "updated", "lastmod", "redirect_from",
    "source", "url", "link", "site", "origin", "created", "clipped", "captured", "captured_at",
    "saved", "saved_at", "folder", "domain",
)
# The YAML text starts on the file's second line; marks count lines from 0.
FIRST_LINE = 2
NULL_TAG = "tag:yaml.org,2002:null"
# The block is a mapping; a value that is a list is reported; anything deeper is refused.
MAX_DEPTH = 2
# libyaml's parser when PyYAML has it: quick even on a hostile block, and as safe.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Dates a front matter may give: 2024-03-05, 2024-03, 2024 (as YAML reads them, or quoted)…
ISO_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")
# …and 2024年3月5日, 2024年3月, 2024年.
CHINESE_DATE = re.compile(r"^(?P<y>\d{4})\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?)?$")
DATE_FORMS = "2024-03-05, 2024-03, 2024 or 2024年3月5日"


@dataclass(frozen=True)
class FrontMatter:
    """The values read, how many lines they took, and what was wrong with the block."""

    values: dict
    lines: int
    problems: tuple[Notice, ...] = ()  # a block kept as text, a value left out


def split_front_matter(lines: list[str], path: str = "") -> FrontMatter:
    """Read a front matter block; a block that is not one stays text, with the reason why."""
    if not lines or not FENCE.match(lines[0].lstrip("\ufeff")):
        return FrontMatter({}, 0)
    end = next((i for i in range(1, min(len(lines), MAX_LINES)) if FENCE.match(lines[i])), None)
    if end is None:
        return FrontMatter({}, 0)
    text = "\n".join(lines[1:end])
    try:
        shape = _shape_problem(text)
        if shape is not None:
            return _not_read(path, *shape)
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + FIRST_LINE if mark else 1
        return _not_read(path, f"front matter is not valid YAML ({getattr(error, 'problem', error)})", line)
    if not isinstance(node, yaml.MappingNode):
        return _not_read(path, "front matter must be key: value lines", FIRST_LINE)
    return _read_values(node, end + 1, path)


def _shape_problem(text: str) -> tuple[str, int] | None:
    """Why the block cannot be front matter before it is built, read from YAML's events:
    an anchor or alias (how a "billion laughs" block grows), or values nested deeper than
    a list; with the file line. The events stop at the first such one, so this is quick."""
    depth = 0
    for event in yaml.parse(text, Loader=LOADER):
        line = event.start_mark.line + FIRST_LINE
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            return "front matter may not use YAML anchors or aliases (& and *)", line
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return "front matter values must be plain text, not nested lists or mappings", line
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _read_values(node: yaml.MappingNode, lines: int, path: str) -> FrontMatter:
    """The block's values as written. A key we do not know is passed over with a notice
    when another key says the block is front matter (a clipper's header, a typo beside a
    title); a block of nothing but unknown keys is kept as text."""
    values, problems, unknown = {}, [], []
    for key_node, value_node in node.value:
        key, line = key_node.value, key_node.start_mark.line + FIRST_LINE
        if isinstance(key_node, yaml.ScalarNode) and key in SITE_KEYS:
            continue
        if not isinstance(key_node, yaml.ScalarNode) or key not in KEYS:
            unknown.append((key, line))
            continue
        if not isinstance(value_node, yaml.ScalarNode):
            problems.append(Notice(path, line, f"front matter {key} must be one value, not a list or mapping; it is not used"))
            continue
        value = value_node.value.strip()
        if value_node.tag == NULL_TAG or not value:
            continue
        if key == "date":
            value = _date(value)
            if value is None:
                problems.append(Notice(path, line, _bad_date(value_node.value)))
                continue
        values[key] = value
    if unknown and len(unknown) == len(node.value):
        return _not_read(path, f"unknown front matter key '{unknown[0][0]}'", unknown[0][1])
    problems += [Notice(path, line, f"unknown front matter key '{key}' (use {', '.join(KEYS)}); it is not used") for key, line in unknown]
    return FrontMatter(values, lines, tuple(sorted(problems, key=lambda notice: notice.line)))


def _date(text: str) -> str | None:
    """A front matter date as 2024-03-05, 2024-03 or 2024; None if it is no real date."""
    match = ISO_DATE.match(text) or CHINESE_DATE.match(text)
    if not match:
        return None
    year, month, day = (int(match.group(k)) if match.group(k) else None for k in ("y", "m", "d"))
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return "-".join([f"{year:04d}", *(f"{n:02d}" for n in (month, day) if n is not None)])


def _bad_date(value: str) -> str:
    """Why a date was left out, and what to write instead."""
    return f"front matter date '{value.strip()}' is not a date (write {DATE_FORMS}); it is not used"


def _not_read(path: str, message: str, line: int) -> FrontMatter:
    """A block that looked like front matter but is kept as text."""
    return FrontMatter({}, 0, (Notice(path, line, f"{message} (use {', '.join(KEYS)}); the block is kept as text"),))
