"""Join hard-wrapped lines back into paragraphs: what PDF and plain-text readers share.

A text saved from a PDF or a fixed-width page breaks its paragraphs where the line ran
out, not where the author ended them. A line goes on in the next when it plainly stops
mid-sentence; item markers (一是, （一）, 1．) always start a new paragraph.

The evidence, plainest first:

- anywhere: a line ending in a comma or enumeration comma (，、) or an opening bracket
  (plain text only), or a next line starting with punctuation that cannot open a
  paragraph (，。）%);

and, past the title block, for a line that does not end a sentence and is no heading:

- a fixed-width file (many lines cut at one length): a full line that does not
  end a sentence;
- a watermark or page footer set aside between a long line that stops mid-sentence and
  the next: the noise cut the paragraph;
- a long line that stops mid-sentence where the last character and the next line's first
  make a pair the text uses elsewhere (全|市, 幼|儿园): a word was cut;
- a file wrapped at random (most long lines stop mid-sentence, as a PDF's text copied
  out does): any line that does not end a sentence, once the body has begun.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[。！？；：…!?;:][”’」』）)\"']*$")
ITEM_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是要]"  # 一、 一是 一要
    r"|[（(][一二三四五六七八九十\d]+[)）]"  # （一） (1)
    r"|\d+[、.．](?!\d)"  # 1、 1． but not 4.6%
    r"|第[一二三四五六七八九十]+[，、点条是]"  # 第一， 第二点
    r"|[①-⑳]|——)"
)
# A line that cannot end a paragraph, and one that cannot start one.
OPEN_END = re.compile(r"[，、,（(“‘《〈【「『—]$")
CONTINUATION_START = re.compile(r"^[，。、；：！？,.;:!?）)”’》〉】」』%％]")
# A line that is only a bracketed note of a few words, or its start, the wrap having cut
# it (（市 / 民政局）); not a list marker: 一 or 1 opens no note, and an editor's note, a
# sentence (（这是…的谈话要点，根据记录整理。）), is no office's name.
BRACKET_NOTE = re.compile(r"^（[^（）一二三四五六七八九十\d，。；！？][^（），。；！？]{0,29}(）|$)")
ASCII_WORD_END = re.compile(r"[A-Za-z]$")
ASCII_WORD_START = re.compile(r"^[A-Za-z]")

# A fixed-width file: at least WRAPPED_LINES lines, and this share of its long lines,
# are exactly one length (±1, for a closing quote carried over), at least MIN_WIDTH
# characters: where the line ran out. Other lines may run longer (a part not wrapped).
WRAPPED_LINES = 5
FIXED_WIDTH_SHARE = 0.15
MIN_WIDTH = 20
LONG_CHARS = 15  # lines shorter than this (headings, bylines) do not vote
CUT_BY_NOISE_CHARS = 40  # a line this long stopping mid-sentence above a watermark goes on below it
WORD_PAIR_SEEN = 3  # a pair of characters seen this often inside the text's lines is a word
# A space between two Chinese characters (or their punctuation) inside a paragraph of
# sentences at least this long is where a line was wrapped.
WRAP_SPACE_MIN_CHARS = 30
WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff，。、；：！？“”（）])[ \u3000]+(?=[\u4e00-\u9fff，。、；：！？“”（）])")
SENTENCE_INSIDE = re.compile("[。！？；]")
HEADING_CHARS = 40  # a numbered line no longer than this, with no sentence end, is a heading
# No heading ends on a word that needs what follows (…工作提出的 / “五个扎实”…).
HANGING_END = re.compile("[的和与及对把在将]$")
SHORT_HEADING_CHARS = 20  # and an unnumbered one no longer than this
# A file wrapped at random: this share of its long lines stop mid-sentence. Labelled
# lines (原标题：…, 来源：…, 习近平：…) do not vote: a compilation ends each article so.
RANDOM_WRAP_SHARE = 0.5
RANDOM_WRAP_MIN_LINES = 10  # and at least this many: a short text proves nothing
LABELLED = re.compile(r"^[\u4e00-\u9fff]{2,5}[：:]")


@dataclass(frozen=True)
class WrappedLine:
    """A line of text, the source line it stands on, and whether it starts its source line."""

    text: str
    number: int
    starts_line: bool = True  # False for the second paragraph of a line split at a tab
    ends_line: bool = True  # False for the first one
    after_noise: bool = False  # a line set aside (a watermark, a page footer) stands just above it, or a page break


def joined(text: str, following: str) -> str:
    """Two pieces of one paragraph: Latin words split over the break get a space, Chinese does not."""
    spaced = ASCII_WORD_END.search(text) and ASCII_WORD_START.match(following)
    return f"{text} {following}" if spaced else text + following


@dataclass(frozen=True)
class _Evidence:
    """What the whole text says about how it was wrapped."""

    authored: bool
    width: int | None  # the length a fixed-width file was cut at
    random_wrap: bool  # most long lines stop mid-sentence
    pairs: Counter  # adjacent characters inside lines: the text's own words


def continuations(lines: list[WrappedLine], body_start: int, authored: bool = False) -> list[bool]:
    """For each line, whether it goes on the paragraph of the line before it.

    ``body_start`` is the index of the first line past the title block: a title, its
    subtitle and a byline are short unpunctuated lines by nature, so only the plain
    evidence joins lines above it. ``authored`` lines (a Word file's or web page's
    paragraphs and line breaks, as the author wrote them) are joined only where a page
    break of a PDF turned into Word cut them: "。" left alone on a line, or a page
    number or empty paragraphs between two halves of a long sentence.
    """
    evidence = _Evidence(
        authored,
        None if authored else _fixed_width(lines),
        not authored and _randomly_wrapped(lines),
        _character_pairs(lines),
    )
    result = [False] * len(lines)
    paragraph = lines[0].text if lines else ""  # the open paragraph, as joined so far
    for index in range(1, len(lines)):
        previous, line = lines[index - 1], lines[index]
        if line.starts_line and not ITEM_MARKER.match(line.text):
            result[index] = _plainly_cut(previous, line, authored) or (
                index > body_start and _likely_cut(previous, line, paragraph, evidence)
            )
        paragraph = paragraph + line.text if result[index] else line.text
    return result


def _plainly_cut(previous: WrappedLine, line: WrappedLine, authored: bool) -> bool:
    """A line ends in a comma or inside a bracket it opened (plain text), the next opens with
    closing punctuation, or the next is only the bracketed note that ends a point, as a
    list of tasks names who carries each out: （市卫生健康委）."""
    if authored:
        return bool(CONTINUATION_START.match(line.text))
    return bool(
        OPEN_END.search(previous.text)
        or CONTINUATION_START.match(line.text)
        or previous.text.count("（") > previous.text.count("）")
        or BRACKET_NOTE.match(line.text)
    )


def _likely_cut(previous: WrappedLine, line: WrappedLine, paragraph: str, evidence: _Evidence) -> bool:
    """A line stopping mid-sentence, no heading, where the text's wrapping, noise between
    the two or a word cut in two says the paragraph goes on."""
    if SENTENCE_END.search(previous.text) or LABELLED.match(previous.text):
        return False
    if _heading_done(paragraph, line.text, evidence.pairs):
        return False
    long = len(previous.text) >= CUT_BY_NOISE_CHARS
    return (
        (evidence.width is not None and abs(len(previous.text) - evidence.width) <= 1)
        or (line.after_noise and long)
        or (not evidence.authored and long and evidence.pairs[previous.text[-1] + line.text[0]] >= WORD_PAIR_SEEN)
        or evidence.random_wrap
    )


def without_wrap_spaces(text: str) -> str:
    """A paragraph of sentences without the spaces a wrapped line left between two Chinese
    characters (特 别是, 黄河滩区迁 建); short lines keep theirs (市长 张三, a headline's
    separating space)."""
    if len(text) < WRAP_SPACE_MIN_CHARS or not SENTENCE_INSIDE.search(text):
        return text
    return WRAP_SPACE.sub("", text)


def _character_pairs(lines: list[WrappedLine]) -> Counter:
    """How often each pair of adjacent characters occurs inside the lines."""
    return Counter(text[i:i + 2] for text in (line.text for line in lines) for i in range(len(text) - 1))


def _heading_done(paragraph: str, following: str, pairs: Counter) -> bool:
    """A heading followed by a long line: the heading ended, the body begins. A numbered
    one (一、…, not a —— point); or a short one (2024年工作回顾) whose last character and the
    next line's first make no pair the text uses elsewhere (一年|来，我们… is one sentence
    cut). A line ending on 的 or 和 is no heading."""
    if re.search("[。！？；]", paragraph) or len(following) < LONG_CHARS or HANGING_END.search(paragraph):
        return False
    if ITEM_MARKER.match(paragraph):
        # —— opens a sentence of a list, never a heading.
        return len(paragraph) <= HEADING_CHARS and not paragraph.startswith("——")
    return len(paragraph) <= SHORT_HEADING_CHARS and pairs[paragraph[-1] + following[0]] < WORD_PAIR_SEEN


def _fixed_width(lines: list[WrappedLine]) -> int | None:
    """The length the file was cut at, if enough long lines have it; None for free-flowing text."""
    lengths = Counter(len(line.text) for line in lines if len(line.text) >= LONG_CHARS)
    if not lengths:
        return None
    width = lengths.most_common(1)[0][0]
    near = lengths[width - 1] + lengths[width] + lengths[width + 1]
    long = sum(lengths.values())
    return width if width >= MIN_WIDTH and near >= max(WRAPPED_LINES, FIXED_WIDTH_SHARE * long) else None


def _randomly_wrapped(lines: list[WrappedLine]) -> bool:
    """Whether most long lines stop mid-sentence where the line breaks, as a PDF's text copied out does."""
    long = [line for line in lines if line.ends_line and len(line.text) >= LONG_CHARS and not LABELLED.match(line.text)]
    open_ = [line for line in long if not SENTENCE_END.search(line.text)]
    return len(open_) >= max(RANDOM_WRAP_MIN_LINES, RANDOM_WRAP_SHARE * len(long))
