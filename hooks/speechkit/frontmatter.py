"""Optional YAML front matter at the top of a speech file (title, date, speaker, meeting)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

FENCE = re.compile(r"^---[ \t]*$")
# How far down the closing fence may be; further than this, the "---" is a rule.
MAX_LINES = 30
KEYS = ("title", "date", "speaker", "meeting")


@dataclass(frozen=True)
class FrontMatter:
    """The values read, how many lines they took, and why a look-alike block was not read."""

    values: dict
    lines: int
    problem: str | None = None  # "path:line: message" when a block was kept as text
    problem_line: int | None = None


def split_front_matter(lines: list[str]) -> FrontMatter:
    """Read a front matter block; a block that is not one stays text, with the reason why."""
    if not lines or not FENCE.match(lines[0].lstrip("\ufeff")):
        return FrontMatter({}, 0)
    end = next((i for i in range(1, min(len(lines), MAX_LINES)) if FENCE.match(lines[i])), None)
    if end is None:
        return FrontMatter({}, 0)
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return _not_read(f"front matter is not valid YAML ({getattr(error, 'problem', error)})", line)
    if not isinstance(data, dict):
        return _not_read("front matter must be key: value lines", 2)
    unknown = [str(key) for key in data if key not in KEYS]
    if unknown:
        line = 1 + next((i for i, text in enumerate(lines[1:end], 1) if text.startswith(unknown[0])), 1)
        return _not_read(f"unknown front matter key '{unknown[0]}'", line)
    return FrontMatter({key: str(value).strip() for key, value in data.items() if value is not None}, end + 1)


def _not_read(message: str, line: int) -> FrontMatter:
    """A block that looked like front matter but is kept as text."""
    return FrontMatter({}, 0, f"{message} (use {', '.join(KEYS)}); the block is kept as text", line)
