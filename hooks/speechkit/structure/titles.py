"""Whether a document's own title property (Word's dc:title, a PDF's /Title) is a real title."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..rulebook import current


@dataclass(frozen=True)
class JunkTitle:
    """A property value that is no title (a file name, 未命名…), and why."""

    pattern: re.Pattern
    reason: str


@dataclass(frozen=True)
class TitleRules:
    """The `document_title` rules of data/structure.yml."""

    max_length: int
    junk: tuple[JunkTitle, ...]


def compile_title_rules(data: dict) -> TitleRules:
    """Compile the `document_title` block of structure.yml."""
    return TitleRules(
        max_length=int(data["max_length"]),
        junk=tuple(JunkTitle(re.compile(rule["pattern"]), rule["reason"]) for rule in data["junk"]),
    )


def junk_reason(title: str) -> str | None:
    """Why a document's title property is not a title, or None when it is one."""
    rules: TitleRules = current().structure.document_title
    if len(title) > rules.max_length:
        return f"{len(title)} characters, longer than a title can be ({rules.max_length})"
    return next((rule.reason for rule in rules.junk if rule.pattern.search(title)), None)
