"""The generated pages as MkDocs files: in memory, or (for --dirty builds) on disk outside docs/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.structure.files import File

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def add_pages(files: Files, config: MkDocsConfig, ready: list[tuple[str, str]], later: list[str],
              folder: Path | None = None, markdown_of=None) -> None:
    """Add the generated pages: ``ready`` (path, Markdown), then the analysed ones at ``later``,
    whose Markdown the hook supplies when MkDocs reads them (on_page_markdown). With a
    ``folder`` (a --dirty build), every page is a file there that changes only when its
    text does; ``markdown_of(path)`` gives the Markdown of the ``later`` ones then."""
    if folder is not None:
        pages = ready + [(path, markdown_of(path)) for path in later]
        for path, markdown in pages:
            files.append(_page_on_disk(config, path, markdown, folder))
        _remove_others(folder, {path for path, _ in pages})
        return
    # MkDocs reads pages in this order: the analysed ones last, by when they are ready.
    for path, markdown in ready:
        files.append(File.generated(config, path, content=markdown))
    for path in later:
        files.append(File.generated(config, path, content=""))


def add_static(files: Files, config: MkDocsConfig, static: dict[str, str | bytes]) -> None:
    """Add generated files that are not pages (path under the site → text or bytes: the
    compare view's scripts, the Word handouts), copied as they are."""
    for path, content in static.items():
        files.append(File.generated(config, path, content=content))


def _page_on_disk(config: MkDocsConfig, path: str, markdown: str, folder: Path) -> File:
    """A generated page backed by a file in ``folder``, rewritten only when its Markdown changes.

    MkDocs renders a file-backed page again only if its file is newer than the built
    page, so under `mkdocs serve --dirty` an edit to one speech re-renders the pages whose
    text changed, not the whole library. In-memory pages count as changed every time.
    """
    return File.generated(config, path, abs_src_path=str(_write_if_changed(folder / path, markdown)))


def _write_if_changed(target: Path, text: str) -> Path:
    """Write ``text`` to ``target`` unless it already holds it (keeping its time); return ``target``."""
    data = text.encode("utf-8")
    if target.is_file() and target.read_bytes() == data:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    os.replace(partial, target)  # a build reading at the same moment sees the old or the new page
    return target


def _remove_others(folder: Path, keep: set[str]) -> None:
    """Delete the page files of pages this build no longer has (a removed speech)."""
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            if path.relative_to(folder).as_posix() not in keep:
                path.unlink(missing_ok=True)
