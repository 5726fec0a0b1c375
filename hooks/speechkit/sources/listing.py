"""Which files of the speeches folder are speeches, and a notice for each other one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

from ..errors import Notice
from ..rulebook import current

HIDDEN = "."
ONLY_TEXT = "only .txt, .md, Word (.docx, .doc, .wps), .pdf and web page (.html, .htm) speeches are read; save it as .docx or UTF-8 .txt"


@dataclass(frozen=True)
class Listing:
    """The speech files of a folder, by relative path, and a Notice for each file not taken."""

    paths: tuple[Path, ...]
    notices: tuple[Notice, ...]
    notes: tuple[Path, ...] = ()  # the folder's own notes (README, SOURCES …): not speeches


@dataclass(frozen=True)
class FileRules:
    """What data/files.yml says: speech endings, leftovers skipped quietly, format names."""

    suffixes: frozenset[str]
    leftovers: tuple[str, ...]
    notes: tuple[str, ...]  # the folder's notes about its files: README, SOURCES …
    formats: dict[str, str]
    page_suffixes: frozenset[str]  # web pages, beside which …
    page_assets: str  # … a folder ending so holds the page's pictures and scripts


def _rules() -> FileRules:
    """The file rules in force (the build's rulebook)."""
    return current().files


def compile_file_rules(data: dict) -> FileRules:
    """The data of files.yml, checked and lower-cased."""
    return FileRules(
        frozenset(s.lower() for s in data["speech_suffixes"]),
        tuple(p.lower() for p in data["leftovers"]),
        tuple(p.lower() for p in data["folder_notes"]),
        {suffix.lower(): kind for suffix, kind in data["formats"].items()},
        frozenset(s.lower() for s in data["web_page_suffixes"]),
        data["web_page_assets"].lower(),
    )


def list_speeches(folder: str | Path) -> Listing:
    """Every speech file under ``folder`` (sub-folders too), sorted by relative path so
    builds are reproducible, and why each other file is not read; OSError if the folder
    itself cannot be listed."""
    root = Path(folder)
    found: list[Path] = []
    notices: list[Notice] = []
    _scan(root, root.resolve(), found, notices, top=True)
    found.sort(key=lambda path: path.relative_to(root).parts)
    notices.sort(key=lambda notice: Path(notice.path).relative_to(root).parts)
    notes = tuple(path for path in found if _is_folder_note(path.name))
    return Listing(tuple(path for path in found if path not in notes), tuple(notices), notes)


def _scan(folder: Path, root: Path, paths: list[Path], notices: list[Notice], top: bool = False) -> None:
    """Take the speeches of one folder and of its sub-folders."""
    try:
        entries = list(os.scandir(folder))
    except OSError as error:
        if top:
            raise
        notices.append(Notice(str(folder), None, f"not read: the folder cannot be listed ({error.strerror})"))
        return
    pages = {Path(e.name.lower()).stem for e in entries if Path(e.name).suffix.lower() in _rules().page_suffixes}
    for entry in entries:
        path = folder / entry.name
        if _is_leftover(entry.name) or entry.is_dir() and _is_page_assets(entry.name, pages):
            continue
        if entry.is_symlink():
            _take_link(path, root, paths, notices)
        elif entry.is_dir():
            if not entry.name.startswith(HIDDEN):
                _scan(path, root, paths, notices)
        elif entry.is_file():
            _take_file(path, paths, notices)
        else:
            notices.append(Notice(str(path), None, "not read: not a regular file"))


def _take_link(path: Path, root: Path, paths: list[Path], notices: list[Notice]) -> None:
    """A link is read like the file it points to, if that is inside the speeches folder."""
    target = path.resolve()
    if not target.exists():
        notices.append(Notice(str(path), None, f"not read: a broken link (to {os.readlink(path)})"))
    elif not target.is_relative_to(root):
        notices.append(Notice(str(path), None, f"not read: a link to {target}, outside the speeches folder; copy the file in instead"))
    elif target.is_file():
        _take_file(path, paths, notices)
    # A link to a folder inside: its files are read where they are.


def _take_file(path: Path, paths: list[Path], notices: list[Notice]) -> None:
    """A speech by its ending (even a name with a leading dot); a Notice for anything
    else that is not hidden (.gitignore and the like are the system's)."""
    suffix = path.suffix.lower()
    if suffix in _rules().suffixes or _is_folder_note(path.name):  # notes are sorted out after
        paths.append(path)
    elif not path.name.startswith(HIDDEN):
        notices.append(Notice(str(path), None, _not_a_speech(suffix)))


def _not_a_speech(suffix: str) -> str:
    """Why a file is not read: what it is, and what to do."""
    kind = _rules().formats.get(suffix)
    return f"not read: {kind} ({suffix}); {ONLY_TEXT}" if kind else f"not read: {ONLY_TEXT}"


def _is_page_assets(name: str, pages: set[str]) -> bool:
    """The folder a browser saves a web page's pictures and scripts in (讲话_files beside
    讲话.html; ``pages`` are the web pages' names, lower-case, without their endings)."""
    suffix = _rules().page_assets
    return name.lower().endswith(suffix) and name.lower().removesuffix(suffix) in pages


def _is_folder_note(name: str) -> bool:
    """The folder's own notes about its files (README.md, SOURCES.md, LICENSE.txt)."""
    lowered = name.lower()
    return any(fnmatchcase(lowered, pattern) for pattern in _rules().notes)


def _is_leftover(name: str) -> bool:
    """A system or editor leftover (._x, ~$x.docx, .DS_Store, x.swp …)."""
    lowered = name.lower()
    return any(fnmatchcase(lowered, pattern) for pattern in _rules().leftovers)
