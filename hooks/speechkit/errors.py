"""The one error type the core raises, and the one record of a problem it reports."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def _where(path: str, line: int | None) -> str:
    """path:line, or the path alone when the line is not known."""
    return f"{path}:{line}" if line is not None else path


class SpeechError(ValueError):
    """Bad input, reported with the file and, where known, the 1-based line."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.reason = message
        super().__init__(f"{_where(self.path, line)}: {message}")


@dataclass(frozen=True)
class Notice:
    """A problem with one input file that the build reports as a warning: where and what."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{_where(self.path, self.line)}: {self.message}"
