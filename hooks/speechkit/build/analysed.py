"""The analysed half of a library's pages, made from the build's parsed speeches in a second process.

Ranking related items and picking key sentences are the costliest steps of a build, and
only the item pages and the 金句 pages need them. A build makes every other page at
once and has this function make those (speechkit.build.jobs) while MkDocs renders the rest.
It is handed the parsed speeches, not the files' bytes: pickling them takes a tenth of
the time parsing again would (2 MB of speeches: 0.04 s against 0.32 s), and the same
speeches give the same library, slugs and paths.
"""

from __future__ import annotations

from ..library import SITE_NAMES, Taxonomy, build_library
from ..model import Speech
from ..pages import Aids, analysed_pages
from ..rulebook import Rulebook, using


def render_analysed(speeches: list[Speech], taxonomy: Taxonomy, aids: Aids, rules: Rulebook,
                    reserved: frozenset[str] = SITE_NAMES) -> dict[str, str]:
    """Path → Markdown of rendering.analysed_pages for the build's parsed ``speeches``,
    under its ``rules`` and with its ``reserved`` names."""
    with using(rules):
        library = build_library(speeches, taxonomy, reserved=reserved)
        return {page.path: page.markdown for page in analysed_pages(library, aids)}
