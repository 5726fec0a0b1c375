"""The one error type the core raises."""

from __future__ import annotations

from pathlib import Path


class SpeechError(ValueError):
    """Bad input, reported with the file and, where known, the 1-based line."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.reason = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")
