"""The analysed half of a library's pages, made from the speech files' bytes in a second process.

Ranking related items and picking key sentences are the costliest steps of a build, and
only the item pages and the 金句 pages need them. A build makes every other page at
once and has this function make those (speechkit.jobs) while MkDocs renders the rest:
it parses the same bytes again, so it finds the same library, slugs and paths.
"""

from __future__ import annotations

from .aids import Aids
from .library import SITE_NAMES, build_library, speech_from_bytes
from .rendering import analysed_pages
from .topics import Taxonomy


def render_analysed(
    sources: list[tuple[str, bytes]], taxonomy: Taxonomy, aids: Aids, reserved: frozenset[str] = SITE_NAMES
) -> dict[str, str]:
    """Path → Markdown of rendering.analysed_pages for the speeches read from (path, bytes);
    ``reserved`` as the build's own build_library had it, so the slugs are the same."""
    speeches = [speech_from_bytes(data, path) for path, data in sources]
    library = build_library(speeches, taxonomy, reserved=reserved)
    return {page.path: page.markdown for page in analysed_pages(library, aids)}
