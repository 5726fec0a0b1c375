"""Nothing is lost: every line of the source is its kept units plus its dropped pieces."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import pytest

from speechkit.sources import clean, read_source
from speechkit.structure import parse

from conftest import SEED, corpus_files, library_files

# Whitespace, including the zero-width and BOM characters cleaning trims off line ends.
WHITESPACE = re.compile(r"[\s\u200b\ufeff]+")


def squeeze(text: str) -> str:
    """Text without whitespace."""
    return WHITESPACE.sub("", text)


def is_subsequence(part: str, whole: str) -> bool:
    """Does ``part`` appear in ``whole`` in order, maybe with gaps?"""
    rest = iter(whole)
    return all(char in rest for char in part)


def line_groups(speech) -> dict[int, int]:
    """Each source line's first line: a paragraph re-joined from hard-wrapped lines makes one group."""
    first: dict[int, int] = {}
    for paragraph in speech.paragraphs:
        start = first.get(paragraph.line, paragraph.line)
        for number in range(paragraph.line, (paragraph.last_line or paragraph.line) + 1):
            first[number] = min(first.get(number, start), start)
    return first


def lost_or_invented(source_text: str, speech) -> list[str]:
    """Lines (or runs of re-joined lines) whose kept and dropped text differ from the source, whitespace aside."""
    groups = line_groups(speech)
    kept: dict[int, list[str]] = defaultdict(list)
    dropped: dict[int, list[str]] = defaultdict(list)
    source: dict[int, list[str]] = defaultdict(list)
    for paragraph in speech.paragraphs:
        kept[groups.get(paragraph.line, paragraph.line)].append(paragraph.text)
    for piece in speech.dropped:
        dropped[groups.get(piece.line, piece.line)].append(piece.text)
    lines = source_text.split("\n")
    for number, raw in enumerate(lines, start=1):
        source[groups.get(number, number)].append(raw)
    problems = []
    for number in sorted(source):
        whole = squeeze("".join(source[number]))
        kept_text = squeeze("".join(kept.pop(number, [])))
        dropped_text = squeeze("".join(dropped.pop(number, [])))
        if Counter(kept_text + dropped_text) != Counter(whole):
            problems.append(f"line {number}: characters differ")
        elif not is_subsequence(kept_text, whole):
            problems.append(f"line {number}: kept text out of order")
    problems += [f"unit on line {n} beyond the source" for n in [*kept, *dropped]]
    return problems


# For Word and PDF files the source is the text read out of them (Source.text).
@pytest.mark.parametrize("path", [SEED, *corpus_files(), *library_files()], ids=lambda p: p.name)
def test_kept_plus_dropped_is_the_source(path):
    source = read_source(path)
    speech = parse(clean(source))
    assert lost_or_invented(source.text, speech) == []
    lines = [p.line for p in speech.paragraphs]
    assert lines == sorted(lines), "paragraphs are not in source order"


def test_a_lost_character_is_noticed():
    source = read_source(SEED)
    speech = parse(clean(source))
    shortened = speech.paragraphs[5].text[:-1]
    damaged = type(speech)(**{**speech.__dict__, "paragraphs": (*speech.paragraphs[:5], type(speech.paragraphs[5])(shortened, speech.paragraphs[5].line), *speech.paragraphs[6:])})
    assert lost_or_invented(source.text, damaged) == [f"line {speech.paragraphs[5].line}: characters differ"]
