"""The rule files of data/, read once per build and handed down to every stage.

A build loads a Rulebook and makes it the one in force while it reads, parses and renders
(``using``); a second process is handed the same Rulebook with its work. So a rebuild
under `mkdocs serve` after a rule file was edited sees the new rules everywhere at once,
and a cache that depends on the rules is keyed by ``digest``. Scripts and tests that
activate none get the files of data/ as they are when first asked.
"""

from __future__ import annotations

import contextlib
import hashlib
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .data import DATA_DIR, parse_yaml
from .errors import SpeechError

# The rule files, by what they hold.
FILES = {
    "structure": "structure.yml",
    "noise": "noise.yml",
    "key_sentences": "key_sentences.yml",
    "self_test": "self_test.yml",
    "files": "files.yml",
    "html": "html.yml",
}
_ACTIVE: ContextVar[Rulebook | None] = ContextVar("study_site_rulebook", default=None)


@dataclass(frozen=True, eq=False)
class Rulebook:
    """Every rule file, compiled; equal rulebooks have equal ``digest``s."""

    digest: str  # of the files' bytes
    structure: object  # markers.Rules
    noise: object  # cleaning.Noise
    key_sentences: object  # aids.key_sentences.Rules
    files: object  # listing.FileRules
    html: object  # webpage.PageRules
    self_test: dict = field(default_factory=dict)

    def __eq__(self, other) -> bool:
        return isinstance(other, Rulebook) and other.digest == self.digest

    def __hash__(self) -> int:
        return hash(self.digest)


def load_rulebook(folder: str | Path = DATA_DIR) -> Rulebook:
    """Read and compile the rule files of ``folder``; errors name the file and line."""
    from .pages.aids.key_sentences import compile_rules
    from .sources.cleaning import compile_noise
    from .sources.webpage import compile_page_rules
    from .sources.listing import compile_file_rules
    from .structure.markers import compile_structure

    texts = {key: _read(Path(folder) / name) for key, name in FILES.items()}
    digest = hashlib.blake2b("\0".join(texts.values()).encode("utf-8"), digest_size=16).hexdigest()
    data = {key: _parse(Path(folder) / FILES[key], text) for key, text in texts.items()}
    try:
        return Rulebook(
            digest=digest,
            structure=compile_structure(data["structure"]),
            noise=compile_noise(data["noise"]),
            key_sentences=compile_rules(data["key_sentences"]),
            self_test=data["self_test"],
            files=compile_file_rules(data["files"]),
            html=compile_page_rules(data["html"]),
        )
    except SpeechError:
        raise
    except (KeyError, TypeError, ValueError) as error:  # a missing key, a bad pattern
        raise SpeechError(Path(folder), f"the rule files do not hold what they must: {error!r}") from None


def current() -> Rulebook:
    """The rulebook in force: the build's, or the files of data/ for a script or test."""
    return _ACTIVE.get() or _packaged()


@contextlib.contextmanager
def using(rulebook: Rulebook):
    """Make ``rulebook`` the one in force within the ``with`` block."""
    token = _ACTIVE.set(rulebook)
    try:
        yield rulebook
    finally:
        _ACTIVE.reset(token)


@lru_cache(maxsize=1)
def _packaged() -> Rulebook:
    """The files of data/, read the first time a script or test asks."""
    return load_rulebook()


def _read(path: Path) -> str:
    """A rule file's text; a missing or undecodable file names itself."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise SpeechError(path, f"cannot read the rule file: {error}") from None


def _parse(path: Path, text: str):
    """A rule file's data; invalid YAML names the file and line."""
    try:
        return parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise SpeechError(path, f"invalid YAML: {getattr(error, 'problem', error)}",
                          mark.line + 1 if mark else None) from None
