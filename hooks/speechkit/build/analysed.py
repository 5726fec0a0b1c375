"""The analysed half of a library's pages, made from the speech files' bytes in a second process.

Ranking related items and picking key sentences are the costliest steps of a build, and
only the item pages and the 金句 pages need them. A build makes every other page at
once and has this function make those (speechkit.build.jobs) while MkDocs renders the rest:
it parses the same bytes again, so it finds the same library, slugs and paths.
"""

from __future__ import annotations

from ..aids import Aids
from ..library import build_library, speech_from_bytes
from ..rendering import analysed_pages
from ..rulebook import Rulebook, using
from ..topics import Taxonomy


def render_analysed(sources: list[tuple[str, bytes]], taxonomy: Taxonomy, aids: Aids, rules: Rulebook,
                    reserved: frozenset[str] = frozenset()) -> dict[str, str]:
    """Path → Markdown of rendering.analysed_pages for the speeches read from (path, bytes),
    under the build's ``rules`` and with its ``reserved`` names."""
    with using(rules):
        speeches = [speech_from_bytes(data, path) for path, data in sources]
        library = build_library(speeches, taxonomy, reserved=reserved)
        return {page.path: page.markdown for page in analysed_pages(library, aids)}
