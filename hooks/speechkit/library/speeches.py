"""One speech file in: read, clean and parse it; keep parsed speeches between rebuilds."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Speech
from ..rulebook import Rulebook, using
from ..sources import clean, decode_source
from ..structure import parse


def load_speech(path: str | Path) -> Speech:
    """Read, clean and parse one file."""
    return speech_from_bytes(Path(path).read_bytes(), path)


def speech_from_bytes(data: bytes, path: str | Path) -> Speech:
    """Decode, clean and parse the bytes read from ``path``."""
    return parse(clean(decode_source(data, path)))


class ParsedSpeeches:
    """The speeches parsed so far in this process, by file and content.

    A rebuild under `mkdocs serve` reads every file again but cleans and parses only
    those whose bytes (or the rules) changed, so an edit to one speech costs one speech's parse.
    """

    def __init__(self) -> None:
        """An empty cache."""
        self._by_path: dict[str, tuple[bytes, Speech]] = {}  # digest of bytes and rules, speech

    def load(self, path: str | Path, rules: Rulebook) -> Speech:
        """``load_speech(path)`` under ``rules``, parsed again only if the file's bytes or the rules changed."""
        data = Path(path).read_bytes()
        digest = hashlib.blake2b(data, digest_size=16, key=rules.digest.encode()).digest()
        known = self._by_path.get(str(path))
        if known is not None and known[0] == digest:
            return known[1]
        with using(rules):  # parsed under the rules it is kept by
            speech = speech_from_bytes(data, path)
        self._by_path[str(path)] = (digest, speech)
        return speech

    def keep_only(self, paths: list[Path]) -> None:
        """Forget the speeches of files not in ``paths`` (deleted or renamed)."""
        wanted = {str(path) for path in paths}
        for path in list(self._by_path):
            if path not in wanted:
                del self._by_path[path]
