"""Chinese numerals as speeches write them in markers (一 … 九十九, 两)."""

from __future__ import annotations

DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
WRITTEN = "零一二三四五六七八九"


def parse_numeral(text: str) -> int | None:
    """The value of a numeral such as 三, 十二, 二十, 二十三; None if it is not one."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return DIGITS.get(text) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    tens_value = DIGITS.get(tens, 0) if tens else 1
    ones_value = DIGITS.get(ones, 0) if ones else 0
    if (tens and tens not in DIGITS) or (ones and ones not in DIGITS):
        return None
    return tens_value * 10 + ones_value


def write_numeral(value: int) -> str:
    """Write 1 … 99 the way a speech would: 一, 十, 十二, 二十三; 100 and up in digits."""
    if value >= 100:  # a long report can hold more than 99 parts; never crash on one
        return str(value)
    if value < 10:
        return WRITTEN[value]
    tens, ones = divmod(value, 10)
    return ("" if tens == 1 else WRITTEN[tens]) + "十" + (WRITTEN[ones] if ones else "")


def write_count(value: int) -> str:
    """A count before a measure word, as Chinese says it: 两个要点, 两点意见 (not 二), 三个问题."""
    return "两" if value == 2 else write_numeral(value)
