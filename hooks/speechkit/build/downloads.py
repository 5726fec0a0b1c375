"""The Word files of a large library, made from the build's parsed speeches in a second process.

Each speech's 讲义 and each topic's 专题学习材料 as .docx take about 30 ms a speech: at
1,000 speeches, half a minute that MkDocs' rendering need not wait for. The build gives
MkDocs an empty file at each path (the pages' links to them hold, the copy is quick) and
writes the real files into the site when its pages are written (Build.finish), as it does
the search index.
"""

from __future__ import annotations

from ..library import SITE_NAMES, Library, Taxonomy, build_library, urls
from ..model import Speech
from ..pages import Aids, aid_downloads, topic_downloads
from ..pages.topic_pages import gather
from ..rulebook import Rulebook, using


def download_paths(library: Library, aids: Aids) -> list[str]:
    """The paths make_downloads writes, without making the files."""
    paths = [urls.handout_docx(placed.slug) for placed in library.speeches] if aids.handout else []
    return paths + [urls.topic_docx(name) for name, items in gather(library).items() if items]


def make_downloads(speeches: list[Speech], taxonomy: Taxonomy, aids: Aids, rules: Rulebook,
                   reserved: frozenset[str] = SITE_NAMES) -> dict[str, bytes]:
    """Path → bytes of every Word file of the build's parsed ``speeches``, under its ``rules``."""
    with using(rules):
        library = build_library(speeches, taxonomy, related=False, reserved=reserved)
        return dict(aid_downloads(library, aids) + topic_downloads(library))
