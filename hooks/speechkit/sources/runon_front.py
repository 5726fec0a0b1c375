"""A speech's whole front run into one line: where to cut it back into its lines.

A text copied out of a PDF or a web page sometimes holds page mark, title, subtitle,
byline, salutation and the first paragraph on one line, cut only by spaces:
`— 1 — 关于…的报告 ——2025年1月8日在…会议上 市财政局局长 王大明 各位代表： 受市人民政府委托…`.
Read as one paragraph it is a title no reader sees; cut where those lines meet, each
piece is what it would have been on a line of its own.
"""

from __future__ import annotations

import re

# How long the front before the salutation may be: a title, subtitle and byline.
FRONT_MAX_CHARS = 160
SENTENCE_END = re.compile(r"[。！？!?；;]")
# Where two front lines meet inside the run: after a page mark that opens it (— 1 —),
# before a subtitle's dash, after a dateline's end (…会议上 / …大会通过).
JOINS = re.compile(
    r"^[—－\-]\s*\d{1,3}\s*[—－\-](?=\s)"
    r"|(?<=\S)(?=\s+——)"
    r"|(?:(?<=会议上)|(?<=大会上)|(?<=全会上)|(?<=典礼上)|(?<=会议通过)|(?<=大会通过))(?=\s)"
)
SPACE = re.compile(r"\s+")


def front_cuts(text: str, salutation: re.Pattern) -> list[int]:
    """Offsets where a run-on front line is cut into its lines; [] when it is none.

    The line is one only when a salutation stands after a space, no more than
    FRONT_MAX_CHARS in, and nothing before it ends a sentence.
    """
    for space in SPACE.finditer(text):
        head = text[: space.start()]
        if len(head) > FRONT_MAX_CHARS or SENTENCE_END.search(head):
            return []
        found = salutation.match(text[space.end():])
        if not found:
            continue
        cuts = [cut.end() for cut in JOINS.finditer(head) if 0 < cut.end() < len(head)]
        cuts.append(space.start())
        after = SPACE.match(text, space.end() + found.end())
        if after and after.end() < len(text):
            cuts.append(after.start())
        return sorted(set(cuts))
    return []
