"""How every generated page's Markdown is written: front matter, the byline of a speech."""

from __future__ import annotations

import yaml

from ..escaping import escape_html, escape_markdown
from ..model import Speech

# libyaml's emitter is several times faster than PyYAML's and as safe; PyYAML built
# without libyaml has only the Python one.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(meta: dict) -> str:
    """YAML front matter; the safe dumper quotes whatever the text holds."""
    # A title must come HTML-escaped (escape_html): Material writes page.meta.title into
    # <title>, the header and tag listings without escaping it.
    return "---\n" + yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False) + "---\n\n"


def page_markdown(title: str, lines: list[str], **meta) -> str:
    """A page: front matter with the title (HTML-escaped here) and ``meta``, then the lines."""
    return front_matter({"title": escape_html(title), **meta}) + "\n".join(lines) + "\n"


def byline(speech: Speech, separator: str = " · ") -> str:
    """The speech's date, speaker and meeting, those it has, escaped and joined."""
    return separator.join(escape_markdown(v) for v in (speech.date, speech.speaker, speech.meeting) if v)
