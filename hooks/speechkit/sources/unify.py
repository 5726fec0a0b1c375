"""Code points a document's fonts put where a speech's own characters belong, read as those.

Radicals that stand for whole characters (⼀ for 一, ⺠ for 民): a PDF's font often maps
its glyphs to them, and text copied out of such a PDF keeps them; no speech writes a
radical on its own. Typographic spaces: a PDF prints a full-width space as an em
space (一\u2003三三制), which is the width of one character, a full-width space; the
thinner ones are spaces. And dashes: the Chinese dash —— is two em dashes, which some
encoders and fonts give as horizontal bars (――) or as one two-em dash (⸺)."""

from __future__ import annotations

import unicodedata

# Kangxi radicals (U+2F00–U+2FD5): Unicode's compatibility mapping gives each its character.
KANGXI = range(0x2F00, 0x2FD6)
# CJK Radicals Supplement forms that are characters too (Unicode gives no mapping for them):
# the simplified ones and the few that print as a common character.
SUPPLEMENT = {
    "⺁": "厂", "⺇": "几", "⺊": "卜", "⺜": "日", "⺝": "月", "⺟": "母", "⺠": "民", "⺩": "王",
    "⻁": "虎", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻑": "長", "⻓": "长",
    "⻔": "门", "⻗": "雨", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食",
    "⻡": "首", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦",
    "⻩": "黄", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
}
# Em quad and em space: one character wide; the other spaces of U+2000–U+200A are narrower.
FULL_WIDTH_SPACES = "\u2001\u2003"
NARROW_SPACES = "\u2000\u2002\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
TABLE = str.maketrans({
    **{chr(code): unicodedata.normalize("NFKC", chr(code)) for code in KANGXI},
    **SUPPLEMENT,
    **dict.fromkeys(FULL_WIDTH_SPACES, "\u3000"),
    **dict.fromkeys(NARROW_SPACES, " "),
    "\u2015": "\u2014",  # horizontal bar
    "\u2e3a": "\u2014\u2014",  # two-em dash
    "\u2e3b": "\u2014\u2014\u2014",  # three-em dash
})


def unified(text: str) -> str:
    """The text with each radical that stands for a character replaced by that character,
    each typographic space by a full-width or a plain space, each dash by em dashes."""
    return text.translate(TABLE)
