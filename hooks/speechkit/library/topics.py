"""The curated taxonomy of topics and terms, and the topics of a text.

The taxonomy is operator input, checked like a speech: read as UTF-8 (with or without
BOM) or GBK/GB18030, composed into YAML nodes so that every error names the file and
the line, then each value is checked and taken as text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from ..data import compose_yaml
from ..errors import SpeechError
from ..sources.reading import NEWLINES, decode_text
from .urls import topic_slug

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
# Scalars YAML reads as something else than text unless quoted: 2024, 1.5, yes, 2024-01-01.
NOT_TEXT_SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "timestamp")}
TOP_KEYS = ("topics", "terms", "groups")
TOPIC_KEYS = ("name", "description", "keywords")
GROUP_KEYS = ("name", "topics")
TERM_KEYS = ("term", "explanation")
# Keywords are substrings of item text: one character (or none) would tag nearly every item.
MIN_WORD = 2
SHOWN_MAX = 40  # characters of a wrong value an error message quotes

# Weighing where a keyword occurs (see the header of data/topics.yml). An item's headline
# says what the item is about, so one keyword there is enough; the first sentence of a
# paragraph (a report's run-in 深入推进教育改革发展。) says what the paragraph is about;
# a mention further on may be in passing (…教育、医疗、养老等…), so only several count.
HEADLINE_WEIGHT = 6  # per keyword occurrence in the headline: alone it reaches the threshold
LEAD_WEIGHT = 2  # per occurrence in the first sentence of a later paragraph
BODY_WEIGHT = 1  # per occurrence anywhere else
# An item shorter than this many characters is a point of a speech, not a section of a
# report: there two mentions are no passing remark, so body mentions count double.
SHORT_ITEM = 400
# A topic is kept at this score: a headline hit, two lead hits, a lead hit and two
# mentions, or four mentions. One or two passing mentions in a long item are not enough.
TOPIC_THRESHOLD = 4
# A topic the headline does not name, scoring under this share of the item's best topic,
# is a side remark of a long section (智慧城市建设 in a section on 数字经济).
SIDE_REMARK = 0.3
# A third topic the headline does not name needs this share of the best in a long item:
# judged on 150 report sections, a third tag under it fitted only half the time (a
# passing 交通 or 财政).
THIRD_TOPIC = 0.5
# The best topics an item keeps: a work report's section names many subjects in passing,
# and ten tags on one item tell a reader nothing (issue 13).
TOPICS_MAX = 3
# An item with no topic at the threshold takes its most mentioned topic if it is this
# clearly present; a single mention stays untagged.
FALLBACK_MENTIONS = 2
# The end of a sentence: a full stop, a question or exclamation mark, a semicolon, a line.
SENTENCE_END = re.compile(r"[。！？；!?;]|\n")


@dataclass(frozen=True)
class Topic:
    """One tag of the taxonomy and the keywords that put an item under it."""

    name: str
    description: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class TopicGroup:
    """A heading of the topic index and the topics listed under it, in order."""

    name: str
    topics: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """A domain term: one word for search, explained in the glossary."""

    term: str
    explanation: str


# A keyword's first two characters → (keyword, indexes of its topics), longest keyword first.
KeywordIndex = dict[str, tuple[tuple[str, tuple[int, ...]], ...]]


@dataclass(frozen=True)
class Taxonomy:
    """The topics and terms of one taxonomy file."""

    topics: tuple[Topic, ...]
    terms: tuple[Term, ...]
    groups: tuple[TopicGroup, ...] = ()  # topics no group names are listed last, as 其他

    @cached_property
    def keyword_index(self) -> KeywordIndex:
        """The keywords by their first two characters: one pass over a text finds them all."""
        topics_of_keyword: dict[str, list[int]] = {}
        for index, topic in enumerate(self.topics):
            for keyword in topic.keywords:
                topics_of_keyword.setdefault(keyword, []).append(index)
        by_start: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
        for keyword in sorted(topics_of_keyword, key=len, reverse=True):
            by_start.setdefault(keyword[:MIN_WORD], []).append((keyword, tuple(topics_of_keyword[keyword])))
        return {start: tuple(entries) for start, entries in by_start.items()}


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read and check a taxonomy file; a SpeechError names the file, the line and the fault."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise SpeechError(path, f"cannot read the taxonomy: {error.strerror or error}") from None
    text, _, problems = decode_text(data, path)
    if problems:  # lines in two encodings: the words of those lines cannot be trusted
        raise SpeechError(path, problems[0].message, problems[0].line)
    text = NEWLINES.sub("\n", text)
    try:
        root = compose_yaml(text)
    except yaml.YAMLError as error:
        raise SpeechError(path, f"invalid YAML: {error}", _error_line(error, text)) from None
    return _Checker(str(path)).taxonomy(root)


def _error_line(error: yaml.YAMLError, text: str) -> int | None:
    """The 1-based line of a YAML error: its mark, or a reader error's position."""
    mark = getattr(error, "problem_mark", None)
    if mark is not None:
        return mark.line + 1
    position = getattr(error, "position", None)
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else None


def _line(node: yaml.Node) -> int:
    """The 1-based line a node starts on."""
    return node.start_mark.line + 1


def _shown(node: yaml.Node) -> str:
    """A node as an error message shows it: 'text', 2024, a list, a mapping."""
    if isinstance(node, yaml.SequenceNode):
        return "a list" if node.value else "an empty list"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if node.tag == STR:
        text = node.value if len(node.value) <= SHOWN_MAX else node.value[:SHOWN_MAX] + "…"
        return f"'{text}'"
    if node.tag in NOT_TEXT_SCALARS:
        return f"{node.value} (write it in quotes to mean the text)"
    return node.value or "nothing"


def _is_text(node: yaml.Node) -> bool:
    """A scalar YAML reads as text."""
    return isinstance(node, yaml.ScalarNode) and node.tag == STR


def _is_empty(node: yaml.Node) -> bool:
    """A key with nothing after it (or null, ~)."""
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL


def _one_line(text: str) -> str:
    """Whitespace collapsed, as pages show a name (see escaping.escape_html)."""
    return " ".join(text.split())


class _Checker:
    """Checks one taxonomy file's nodes and builds its Taxonomy; raises at the first fault."""

    def __init__(self, path: str):
        self.path = path

    def fail(self, node: yaml.Node, message: str):
        """Stop with an error at the node's line."""
        raise SpeechError(self.path, message, _line(node))

    def mapping(self, node: yaml.MappingNode, allowed: tuple[str, ...], who: str, unknown: str, has: str):
        """The mapping's values by key, each key known (else "{unknown} 'key' ({has})") and given once."""
        values: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if _is_text(key) else None
            if name not in allowed:
                shown = f"'{key.value}'" if isinstance(key, yaml.ScalarNode) else _shown(key)
                self.fail(key, f"{unknown} {shown} ({has})")
            if name in values:
                self.fail(key, f"{who} has '{name}' twice")
            values[name] = value
        return values

    def taxonomy(self, root: yaml.Node | None) -> Taxonomy:
        """The whole file."""
        if root is None:
            raise SpeechError(self.path, "the taxonomy is empty: it needs a 'topics' list", 1)
        if not isinstance(root, yaml.MappingNode):
            self.fail(root, f"the taxonomy must be a mapping with 'topics' and 'terms', not {_shown(root)}")
        top = self.mapping(root, TOP_KEYS, "the taxonomy", "unknown key", "the taxonomy has topics, terms and groups")
        if "topics" not in top or _is_empty(top["topics"]):
            self.fail(top.get("topics", root), "the taxonomy has no 'topics' list")
        topics = self.entries(top["topics"], "topics", self.topic)
        if not topics:
            self.fail(top["topics"], "the 'topics' list is empty")
        terms = self.entries(top["terms"], "terms", self.term) if "terms" in top else []
        self.unique([(t.name, line) for t, line in topics], "topic")
        self.unique([(t.term, line) for t, line in terms], "term")
        self.distinct_pages(topics)
        self.topic_names = {t.name for t, _ in topics}
        self.grouped: dict[str, str] = {}  # topic → the group that lists it
        groups = self.entries(top["groups"], "groups", self.group) if "groups" in top else []
        self.unique([(g.name, line) for g, line in groups], "group")
        return Taxonomy(tuple(t for t, _ in topics), tuple(t for t, _ in terms), tuple(g for g, _ in groups))

    def entries(self, node: yaml.Node, key: str, check) -> list:
        """The checked entries of the topics or terms list, each with its line."""
        if _is_empty(node):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, f"'{key}' must be a list of {key}, not {_shown(node)}")
        return [(check(entry, number), _line(entry)) for number, entry in enumerate(node.value, start=1)]

    def topic(self, node: yaml.Node, number: int) -> Topic:
        """One topic entry."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"topic {number} must be a mapping with name, description and keywords, not {_shown(node)}")
        values = self.entry(node, number, "topic", TOPIC_KEYS, "name", "a topic has name, description and keywords")
        name = self.name(values, node, number, "topic", "name")
        description = self.text(values.get("description"), f"topic '{name}' description")
        keywords = values.get("keywords")
        if keywords is None or _is_empty(keywords):
            self.fail(node, f"topic '{name}' needs keywords")
        return Topic(name, description, self.keywords(keywords, name))

    def group(self, node: yaml.Node, number: int) -> TopicGroup:
        """One group of the topic index: a name and the names of its topics."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"group {number} must be a mapping with name and topics, not {_shown(node)}")
        values = self.entry(node, number, "group", GROUP_KEYS, "name", "a group has name and topics")
        name = self.name(values, node, number, "group", "name")
        listed = values.get("topics")
        if listed is None or not isinstance(listed, yaml.SequenceNode) or not listed.value:
            self.fail(listed or node, f"group '{name}' topics must be a list of topic names")
        for entry in listed.value:
            if not _is_text(entry):
                self.fail(entry, f"group '{name}' topics must be topic names, not {_shown(entry)}")
            topic = _one_line(entry.value)
            if topic not in self.topic_names:
                self.fail(entry, f"group '{name}' lists '{topic}', which is not a topic")
            if topic in self.grouped:
                self.fail(entry, f"topic '{topic}' is in group '{self.grouped[topic]}' and in group '{name}'")
            self.grouped[topic] = name
        return TopicGroup(name, tuple(_one_line(entry.value) for entry in listed.value))

    def term(self, node: yaml.Node, number: int) -> Term:
        """One term entry."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"term {number} must be a mapping with term and explanation, not {_shown(node)}")
        values = self.entry(node, number, "term", TERM_KEYS, "term", "a term has term and explanation")
        term = self.name(values, node, number, "term", "term")
        if len(term) < MIN_WORD:
            self.fail(values["term"], f"term '{term}' must be a word of at least two characters")
        return Term(term, self.text(values.get("explanation"), f"term '{term}' explanation"))

    def entry(self, node, number: int, kind: str, keys: tuple[str, ...], name_key: str, has: str) -> dict:
        """A topic's or term's values by key; faults named by the entry's name when it has one."""
        label = next((v for k, v in node.value if _is_text(k) and k.value == name_key), None)
        named = label is not None and _is_text(label) and label.value.strip()
        who = f"{kind} '{_one_line(label.value)}'" if named else f"{kind} {number}"
        return self.mapping(node, keys, who, f"{who} has an unknown key", has)

    def name(self, values: dict, node, number: int, kind: str, key: str) -> str:
        """A topic's name or a term's word: text, whitespace collapsed, not empty."""
        value = values.get(key)
        if value is None or _is_empty(value) or (_is_text(value) and not value.value.strip()):
            self.fail(node, f"{kind} {number} needs a {key}")
        if not _is_text(value):
            self.fail(value, f"{kind} {number} {key} must be text, not {_shown(value)}")
        return _one_line(value.value)

    def text(self, node: yaml.Node | None, what: str) -> str:
        """An optional text value ('' when absent or empty)."""
        if node is None or _is_empty(node):
            return ""
        if not _is_text(node):
            self.fail(node, f"{what} must be text, not {_shown(node)}")
        return node.value

    def keywords(self, node: yaml.Node, name: str) -> tuple[str, ...]:
        """A topic's keywords: a list of distinct words of at least two characters."""
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.fail(node, f"topic '{name}' keywords must be a list of words of at least two characters, not {_shown(node)}")
        first: dict[str, int] = {}
        for entry in node.value:
            if not _is_text(entry) or len(entry.value.strip()) < MIN_WORD:
                self.fail(entry, f"topic '{name}' keywords must be words of at least two characters, not {_shown(entry)}")
            if entry.value in first:
                self.fail(entry, f"topic '{name}' lists keyword '{entry.value}' twice (first on line {first[entry.value]})")
            first[entry.value] = _line(entry)
        return tuple(first)

    def unique(self, named: list[tuple[str, int]], kind: str) -> None:
        """No name listed twice: the error is at the second."""
        first: dict[str, int] = {}
        for name, line in named:
            if name in first:
                raise SpeechError(self.path, f"{kind} '{name}' is listed twice (first on line {first[name]})", line)
            first[name] = line

    def distinct_pages(self, topics: list[tuple[Topic, int]]) -> None:
        """No two topics with one page: a link to one would open the other. Folder names
        compare in any case, as some servers and file systems do."""
        first: dict[str, tuple[str, int]] = {}
        for topic, line in topics:
            folder = topic_slug(topic.name).casefold()
            if folder in first:
                other, other_line = first[folder]
                raise SpeechError(
                    self.path,
                    f"topic '{topic.name}' would have the same page as topic '{other}' (line {other_line}): rename one",
                    line,
                )
            first[folder] = (topic.name, line)


def topics_of(text: str, taxonomy: Taxonomy, headline: str | None = None) -> tuple[str, ...]:
    """The topics an item's text treats, best first: at most TOPICS_MAX, weighed by where keywords occur.

    The headline is the item's lead sentence (by default the text's first sentence); the
    first sentence of each later paragraph is a lead; the rest is body (its mentions
    count double in an item shorter than SHORT_ITEM). A topic is kept
    when its score reaches TOPIC_THRESHOLD (and, unless the headline names it, a
    SIDE_REMARK share of the best topic's; in a long item a third one THIRD_TOPIC), topics the headline
    names first — in a long item only those its text takes up again; an item with none
    falls back to its most mentioned topic if that one has FALLBACK_MENTIONS mentions or
    more.
    """
    head, leads, body = _zones(text, headline)
    index = taxonomy.keyword_index
    in_head = _keyword_hits(head, index)
    scores: Counter[int] = Counter()
    mentions: Counter[int] = Counter()
    short = len(text) < SHORT_ITEM
    body_weight = BODY_WEIGHT * (2 if short else 1)
    for hits, weight in ((in_head, HEADLINE_WEIGHT), (_keyword_hits(leads, index), LEAD_WEIGHT), (_keyword_hits(body, index), body_weight)):
        for topic, count in hits.items():
            scores[topic] += weight * count
            mentions[topic] += count
    # What the headline names comes first: a long section on 民生 mentions 养老 more often
    # than 民生, yet it is about 民生. A long item's headline word its text never takes up
    # again is a slogan (坚持人民至上 over a section on epidemic control), not its subject.
    named = {topic for topic in in_head if short or mentions[topic] > in_head[topic]}
    ranked = sorted(scores, key=lambda topic: (topic not in named, -scores[topic], -mentions[topic], topic))
    best = max(scores.values(), default=0)
    floor = max(TOPIC_THRESHOLD, SIDE_REMARK * best)
    kept = [topic for topic in ranked if (topic in named and scores[topic] >= TOPIC_THRESHOLD) or (topic not in in_head and scores[topic] >= floor)]
    # Only the third slot of a long item asks more (named topics rank first, so it is a side one).
    kept = [topic for at, topic in enumerate(kept[:TOPICS_MAX]) if at < 2 or short or topic in named or scores[topic] >= THIRD_TOPIC * best]
    if not kept and ranked:
        most = max(ranked, key=lambda topic: (mentions[topic], scores[topic], -topic))
        kept = [most] if mentions[most] >= FALLBACK_MENTIONS else []
    return tuple(taxonomy.topics[topic].name for topic in kept)


def _keyword_hits(text: str, index: KeywordIndex) -> Counter[int]:
    """How often each topic's keywords occur in the text, one keyword (the longest) per
    place; a match is read past, so 全面从严治党 is not counted again as 从严治党."""
    hits: Counter[int] = Counter()
    lookup = index.get
    at = 0
    while at < len(text) - 1:
        step = 1
        for keyword, topics in lookup(text[at : at + 2]) or ():
            if text.startswith(keyword, at):
                hits.update(topics)
                step = len(keyword)
                break
        at += step
    return hits


def _zones(text: str, headline: str | None) -> tuple[str, str, str]:
    """An item's headline, its leads (first sentences of the later paragraphs) and the rest."""
    at = text.find(headline) if headline else -1
    if at >= 0:
        head, before, rest = headline, text[:at], text[at + len(headline):]
    else:  # no headline given (or not found as written): the text's first sentence
        head, rest = _first_sentence(text)
        before = ""
        if head.endswith("\n"):  # the headline was the whole first paragraph
            head, rest = head[:-1], "\n" + rest
    # The rest of the headline's paragraph is body: the sentence after a headline is no lead.
    own, *later = rest.split("\n")
    split = [_first_sentence(paragraph) for paragraph in later]
    leads = "\n".join(lead for lead, _ in split)
    body = "\n".join([before + own, *(after for _, after in split)])
    return head, leads, body


def _first_sentence(text: str) -> tuple[str, str]:
    """A text's first sentence (its end mark included) and the rest."""
    match = SENTENCE_END.search(text)
    end = match.end() if match else len(text)
    return text[:end], text[end:]
