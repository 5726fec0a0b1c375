"""Nothing is lost: kept text plus dropped text is the source, whitespace aside."""

from __future__ import annotations

import re

import pytest

from speechkit.cleaning import clean
from speechkit.parsing import parse
from speechkit.reading import read_source

from conftest import SEED, corpus_files

# Whitespace, including the zero-width and BOM characters cleaning trims off line ends.
WHITESPACE = re.compile(r"[\s\u200b\ufeff]+")


def reassembled(speech) -> str:
    """The kept and dropped units of a speech put back in source order."""
    units = [(p.line, 0, p.text) for p in speech.paragraphs]
    units += [(d.line, 0, d.text) for d in speech.dropped]
    return "".join(text for _, _, text in sorted(units, key=lambda unit: unit[0]))


@pytest.mark.parametrize("path", [SEED, *corpus_files()], ids=lambda p: p.name)
def test_kept_plus_dropped_is_the_source(path):
    source = read_source(path)
    speech = parse(clean(source))
    assert WHITESPACE.sub("", reassembled(speech)) == WHITESPACE.sub("", source.text)
