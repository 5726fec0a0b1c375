"""The curated taxonomy of topics and terms, and the topics of a text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from .data import read_yaml_file
from .errors import SpeechError

@dataclass(frozen=True)
class Topic:
    """One tag of the taxonomy and the keywords that put an item under it."""

    name: str
    description: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """A domain term: one word for search, explained in the glossary."""

    term: str
    explanation: str


@dataclass(frozen=True)
class Taxonomy:
    """The topics and terms of one taxonomy file."""

    topics: tuple[Topic, ...]
    terms: tuple[Term, ...]


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read and check a taxonomy file; errors name the file and the entry."""
    try:
        data = read_yaml_file(path) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SpeechError(path, f"invalid YAML: {error}", mark.line + 1 if mark else None) from None
    topics = tuple(_topic(path, entry) for entry in data.get("topics") or [])
    terms = tuple(_term(path, entry) for entry in data.get("terms") or [])
    _check_unique(path, [t.name for t in topics], "topic")
    _check_unique(path, [t.term for t in terms], "term")
    if not topics:
        raise SpeechError(path, "the taxonomy has no topics")
    return Taxonomy(topics, terms)


def _topic(path, entry) -> Topic:
    """One topic entry, checked."""
    if not isinstance(entry, dict) or not entry.get("name") or not entry.get("keywords"):
        raise SpeechError(path, f"a topic needs a name and keywords: {entry!r}")
    return Topic(str(entry["name"]), str(entry.get("description", "")), tuple(map(str, entry["keywords"])))


def _term(path, entry) -> Term:
    """One term entry, checked."""
    if not isinstance(entry, dict) or not entry.get("term"):
        raise SpeechError(path, f"a term needs a 'term': {entry!r}")
    return Term(str(entry["term"]), str(entry.get("explanation", "")))


def _check_unique(path, names: list[str], what: str) -> None:
    """Raise if a name occurs twice."""
    repeated = [name for name, count in Counter(names).items() if count > 1]
    if repeated:
        raise SpeechError(path, f"{what} listed twice: {', '.join(repeated)}")


def topics_of(text: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    """The topics whose keywords occur in the text, most mentioned first."""
    hits = {
        topic.name: sum(text.count(keyword) for keyword in topic.keywords)
        for topic in taxonomy.topics
    }
    order = {topic.name: index for index, topic in enumerate(taxonomy.topics)}
    found = [name for name, count in hits.items() if count]
    return tuple(sorted(found, key=lambda name: (-hits[name], order[name])))
