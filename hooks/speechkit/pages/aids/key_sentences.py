"""Pick the key sentences (金句) of a speech by the rules in data/key_sentences.yml."""

from __future__ import annotations

import math
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from ...errors import SpeechError
from ...escaping import escape_markdown as esc
from ...library import Library, urls
from ...library.urls import KEY_SENTENCES as KEY_SENTENCES_PAGE, speech_aid_page
from ...rulebook import current
from ..markdown import page_markdown
from .places import Place, place_link, places

RULES_FILE = "key_sentences.yml"
# Quote pairs a sentence end must not split, and the closing marks that stay with it.
OPENING = "“‘「『《（("
CLOSING = "”’」』》）)"
QUOTED = re.compile(r"“([^“”]{2,40})”")
# Characters that do not count toward a clause's length or its parallel positions.
NOT_COUNTED = re.compile(r"[“”‘’「」『』《》（）()\s]")


@dataclass(frozen=True)
class Rule:
    """One way a sentence qualifies, with its settings from the rules file."""

    name: str
    kind: str  # couplet, series, pattern, quoted
    weight: float
    clause_chars: tuple[int, int] = (3, 9)
    shared: float = 0.25
    min_clauses: int = 3
    same_start: int = 1
    trim: int = 0
    trimmed_min: int = 4
    short_pair_marks: str = "、"
    most_alike: float = 0.75
    stop_chars: str = ""
    trim_penalty: float = 0
    show_match: bool = False  # show only the matched words (a quoted slogan), not the sentence
    pattern: re.Pattern | None = None


@dataclass(frozen=True)
class Hit:
    """Where a rule matched a sentence and what the match is worth."""

    start: int
    end: int
    weight: float
    show_match: bool = False


@dataclass(frozen=True)
class Rules:
    """The rules file: the rules and how many sentences to keep."""

    rules: tuple[Rule, ...]
    max_chars: int
    min_chars: int
    max_per_speech: int
    per_thousand_chars: float
    min_per_speech: int
    min_score: float
    clause_marks: str
    sentence_marks: str


@dataclass(frozen=True)
class KeySentence:
    """A key sentence, the rules it met and where it was said."""

    text: str
    rules: tuple[str, ...]
    score: float
    place: Place


def load_rules() -> Rules:
    """The key-sentence rules in force (the build's rulebook)."""
    return current().key_sentences


def compile_rules(data: dict) -> Rules:
    """Compile the data of key_sentences.yml."""
    rules = tuple(_rule(entry) for entry in data["rules"])
    keys = ("max_chars", "min_chars", "max_per_speech", "per_thousand_chars", "min_per_speech", "min_score")
    return Rules(rules, **{key: data[key] for key in keys},
                 clause_marks=data["clause_marks"], sentence_marks=data["sentence_marks"])


def _rule(entry: dict) -> Rule:
    """One rule entry, its kind checked; a pattern is compiled once here."""
    if entry.get("kind") not in _MATCHERS:
        raise SpeechError(RULES_FILE, f"rule {entry.get('name')!r}: kind must be one of {', '.join(_MATCHERS)}")
    settings = ("shared", "min_clauses", "same_start", "trim", "trimmed_min", "short_pair_marks", "most_alike", "stop_chars", "trim_penalty", "show_match")
    options = {key: entry[key] for key in settings if key in entry}
    if "clause_chars" in entry:
        options["clause_chars"] = tuple(entry["clause_chars"])
    if "pattern" in entry:
        options["pattern"] = re.compile(entry["pattern"])
    return Rule(str(entry["name"]), entry["kind"], float(entry.get("weight", 1)), **options)


def key_sentences(places: list[Place], rules: Rules) -> list[KeySentence]:
    """The best-scoring sentences of a speech's paragraphs, in the order they are spoken."""
    chosen = _chosen(tuple(place.paragraph.text for place in places), rules)
    return [KeySentence(text, names, score, places[at]) for at, text, names, score in chosen]


@lru_cache(maxsize=4096)
def _chosen(texts: tuple[str, ...], rules: Rules) -> tuple[tuple[int, str, tuple[str, ...], float], ...]:
    """The key sentences of these paragraphs as (paragraph index, text, rules met, score).

    Kept by text: the rebuilds of `mkdocs serve` judge again only a speech that changed.
    """
    found = []
    for at, text in enumerate(texts):
        for sentence in split_sentences(text, rules.sentence_marks):
            match = _judge(sentence, rules)
            if match is not None and match[2] >= rules.min_score:
                found.append((at, *match))
    found = _unique(found)
    length = sum(map(len, texts))
    keep = min(rules.max_per_speech, max(rules.min_per_speech, math.ceil(length / 1000 * rules.per_thousand_chars)))
    best = sorted(found, key=lambda k: (-k[3], len(k[1])))[:keep]
    return tuple(sorted(best, key=found.index))


def split_sentences(text: str, marks: str) -> list[str]:
    """The sentences of a paragraph, ending at 。！？ outside quotes, closing quotes kept."""
    sentences, start = [], 0
    for index in _outside_quotes(text, marks):
        if index < start:
            continue  # a mark already taken into the sentence before (？！)
        end = index + 1
        while end < len(text) and (text[end] in CLOSING or text[end] in marks):
            end += 1
        sentences.append(text[start:end].strip())
        start = end
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def _outside_quotes(text: str, marks: str) -> list[int]:
    """Where the marks are in a text, those inside quotes or brackets left out."""
    found, depth = [], 0
    # Only the quotes and marks are visited, not every character: this runs for every clause.
    for match in _mark_finder(marks).finditer(text):
        char = match.group()
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0:
            found.append(match.start())
    return found


@lru_cache(maxsize=8)
def _mark_finder(marks: str) -> re.Pattern:
    """A pattern that finds the quotes, brackets and ``marks`` of a text."""
    return re.compile(f"[{re.escape(OPENING + CLOSING + marks)}]")


@dataclass(frozen=True)
class _Sentence:
    """A sentence cut into clauses once, for all the rules that look at its clauses."""

    text: str
    spans: tuple[tuple[int, int], ...]  # each clause's start and end in the text
    counted: tuple[str, ...]  # each clause as compared for parallel structure (_counted)


def _sentence(text: str, marks: str) -> _Sentence:
    """A sentence and its clauses."""
    spans = tuple(_clauses(text, marks))
    return _Sentence(text, spans, tuple(_counted(text[a:b]) for a, b in spans))


def _judge(sentence: str, rules: Rules) -> tuple[str, tuple[str, ...], float] | None:
    """The text to show, the rules met and the score, or None if no rule is met."""
    if len(NOT_COUNTED.sub("", sentence)) < rules.min_chars:
        return None
    hits: list[tuple[str, Hit]] = []
    parsed = _sentence(sentence, rules.clause_marks)
    for rule in rules.rules:
        hit = _MATCHERS[rule.kind](parsed, rule, rules.clause_marks)
        if hit is not None:
            hits.append((rule.name, hit))
    if not hits:
        return None
    # Short sentences are the ones a reader can learn by heart: up to one point more.
    score = sum(hit.weight for _, hit in hits) + max(0.0, 1 - len(sentence) / rules.max_chars)
    names = tuple(name for name, _ in hits)
    best = max((hit for _, hit in hits), key=lambda hit: hit.weight)
    if best.show_match:
        return sentence[best.start:best.end], names, score
    if len(sentence) <= rules.max_chars:
        return sentence, names, score
    # Too long to learn by heart: show the clauses the best rule matched.
    return _clauses_around(parsed, best.start, best.end), names, score


def _clauses(sentence: str, marks: str) -> list[tuple[int, int]]:
    """The spans of a sentence's clauses, split at the clause marks outside quotes."""
    cuts = _outside_quotes(sentence, marks + "。！？!?")
    starts = [0] + [cut + 1 for cut in cuts]
    ends = cuts + [len(sentence)]
    return [(a, b) for a, b in zip(starts, ends) if b > a]


def _counted(text: str) -> str:
    """A clause without quotes and brackets, as compared for parallel structure."""
    return NOT_COUNTED.sub("", text)


def _couplet_trim(a: str, b: str, rule: Rule, separator: str) -> int | None:
    """How much two clauses were trimmed to form an antithetical pair; None if they do not.

    要有忍一时风平浪静，退一步海阔天空的情怀 pairs 忍一时风平浪静 with 退一步海阔天空:
    the first clause may lose a lead-in and the second a tail of up to ``rule.trim``
    characters, as long as what is left is at least ``rule.trimmed_min`` long. ``a`` and
    ``b`` are the clauses as counted (_counted).
    """
    low, high = rule.clause_chars
    for size in range(min(len(a), len(b), high), low - 1, -1):
        lead, tail = len(a) - size, len(b) - size
        if lead > rule.trim or tail > rule.trim:
            break
        if (lead or tail or separator in rule.short_pair_marks) and size < rule.trimmed_min:
            break
        if _alike(a[lead:], b[:size], rule):
            return lead + tail
    return None


def _alike(a: str, b: str, rule: Rule) -> bool:
    """Same length, different, alike in enough places but not nearly everywhere."""
    if a == b:
        return False
    shared_chars = [x for x, y in zip(a, b) if x == y]  # in the same places
    if len(shared_chars) > rule.most_alike * len(a):
        return False
    same = sum(x not in rule.stop_chars for x in shared_chars)
    needed = max(1, math.floor(rule.shared * len(a))) if rule.shared else 0
    if same < needed:
        return False  # most pairs of clauses end here, before the slower look inside
    if not rule.shared:
        return True
    prefix = len(os.path.commonprefix([a, b]))
    suffix = len(os.path.commonprefix([a[::-1], b[::-1]]))
    # Alike only in how they begin or end (不知道从何入手，不知道应该抓什么; 保护的原则、
    # 规范的原则) is repetition or a list; an antithesis is alike inside (公生明，廉生威).
    middle = zip(a[prefix:len(a) - suffix], b[prefix:len(b) - suffix])
    return any(x == y and x not in rule.stop_chars for x, y in middle)


def _couplet(sentence: _Sentence, rule: Rule, marks: str) -> Hit | None:
    """The best couplet of adjacent clauses; a trimmed one scores less."""
    spans, counted = sentence.spans, sentence.counted
    found = []
    for index, ((a0, a1), (b0, b1)) in enumerate(zip(spans, spans[1:])):
        trim = _couplet_trim(counted[index], counted[index + 1], rule, sentence.text[a1:b0])
        if trim is not None:
            found.append(Hit(a0, b1, rule.weight - (rule.trim_penalty if trim else 0)))
    return max(found, key=lambda hit: hit.weight, default=None)


def _series(sentence: _Sentence, rule: Rule, marks: str) -> Hit | None:
    """The span of the first run of enough short clauses that begin alike.

    The first clause may carry a lead-in (才能做到有遵循、有行动、有成效): it is compared
    by its last characters, as many as the second clause has.
    """
    spans, texts = sentence.spans, sentence.counted
    low, high = rule.clause_chars
    for start in range(len(texts) - rule.min_clauses + 1):
        second = texts[start + 1]
        first = texts[start][-len(second):] if len(texts[start]) - len(second) <= rule.trim else texts[start]
        begin = first[: rule.same_start]
        run = [first]
        for text in texts[start + 1:]:
            if not (low <= len(text) <= high and text[: rule.same_start] == begin):
                break
            run.append(text)
        if len(run) >= rule.min_clauses and low <= len(first) <= high:
            return Hit(spans[start][0], spans[start + len(run) - 1][1], rule.weight)
    return None


def _pattern(sentence: _Sentence, rule: Rule, marks: str) -> Hit | None:
    """Where the rule's pattern is found."""
    match = rule.pattern.search(sentence.text) if rule.pattern else None
    return Hit(*match.span(), rule.weight) if match else None


def _quoted(sentence: _Sentence, rule: Rule, marks: str) -> Hit | None:
    """The span of a quoted slogan that is a couplet."""
    for match in QUOTED.finditer(sentence.text):
        parts = [_counted(p) for p in re.split(f"[{re.escape(marks)}]", match.group(1)) if p]
        low, high = rule.clause_chars
        if len(parts) == 2 and len(parts[0]) == len(parts[1]) and low <= len(parts[0]) <= high \
                and _alike(parts[0], parts[1], rule):
            return Hit(*match.span(), rule.weight, rule.show_match)
    return None


_MATCHERS = {"couplet": _couplet, "series": _series, "pattern": _pattern, "quoted": _quoted}


def _clauses_around(sentence: _Sentence, start: int, end: int) -> str:
    """The whole clauses that hold the span, without the marks that separate them."""
    spans = [(a, b) for a, b in sentence.spans if b > start and a < end]
    if not spans:
        return sentence.text[start:end]
    return sentence.text[spans[0][0]:spans[-1][1]].strip()


def _unique(found: list[tuple]) -> list[tuple]:
    """Each text once (a slogan repeated later counts where it is first said); found: (at, text, …)."""
    seen: set[str] = set()
    unique = []
    for key in found:
        if key[1] not in seen:
            seen.add(key[1])
            unique.append(key)
    return unique


def key_sentences_page(library: Library, index: int) -> tuple[str, str]:
    """A speech's key sentences, each linked to its item page and full-text paragraph."""
    placed = library.speeches[index]
    path = speech_aid_page(placed.slug, KEY_SENTENCES_PAGE)
    found = key_sentences(places(library, index), load_rules())
    home = urls.relative(path, urls.speech_home(placed.slug))
    lines = [f"# 金句：{esc(placed.speech.title)}", "",
             f"共 {len(found)} 句，按讲话顺序排列。[返回导读]({home})", "{: .study-meta }", ""]
    for key in found:
        lines += [esc(key.text), "{: .study-key }", "",
                  f"{place_link(library, path, key.place)} · {esc('、'.join(key.rules))}", "{: .study-source }", ""]
    if not found:
        lines += ["这篇讲话中没有找到符合规则的金句。", ""]
    return path, page_markdown(f"金句 · {placed.speech.title}", lines)
