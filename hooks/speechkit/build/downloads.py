"""The Word files of a large library, made from the build's parsed speeches in a second process.

Each speech's 讲义 and each topic's 专题学习材料 as .docx take about 30 ms a speech: at
1,000 speeches, half a minute that MkDocs' rendering need not wait for. The build gives
MkDocs an empty file at each path (the pages' links to them hold, the copy is quick) and
writes the real files into the site when its pages are written (Build.finish), as it does
the search index.
"""

from __future__ import annotations

from ..library import SITE_NAMES, Library, Taxonomy, build_library
from ..model import Speech
from ..pages import Aids, aid_downloads, topic_downloads
from ..rulebook import Rulebook, using


def downloads(library: Library, aids: Aids) -> list:
    """Every Word file of the library, as (path, a function making its bytes)."""
    return aid_downloads(library, aids) + topic_downloads(library)


def make_downloads(speeches: list[Speech], taxonomy: Taxonomy, aids: Aids, rules: Rulebook,
                   reserved: frozenset[str] = SITE_NAMES) -> dict[str, bytes]:
    """Path → bytes of every Word file of the build's parsed ``speeches``, under its ``rules``."""
    with using(rules):
        library = build_library(speeches, taxonomy, related=False, reserved=reserved)
        return {path: make() for path, make in downloads(library, aids)}
