"""The generated pages as MkDocs files: in memory, read from a second process's result
when MkDocs first reads them, or (for --dirty builds) on disk outside docs/."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from speechkit.errors import SpeechError
from speechkit.jobs import Job

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


def add_pages(files: Files, config: MkDocsConfig, ready: list[tuple[str, str]], later: list[str],
              analysed: Analysed, dirty: bool) -> None:
    """Add the generated pages: ``ready`` (path, Markdown), then the analysed ones at ``later``;
    for a --dirty build (``dirty``), as files that change only when their text does."""
    if dirty:
        # A --dirty build keeps its pages on disk, each rewritten only if it changed.
        folder = _pages_folder(config)
        pages = ready + [(path, analysed.markdown(path)) for path in later]
        for path, markdown in pages:
            files.append(_page_on_disk(config, path, markdown, folder))
        _remove_others(folder, {path for path, _ in pages})
        return
    # MkDocs reads pages in this order: the analysed ones last, by when they are ready.
    for path, markdown in ready:
        files.append(File.generated(config, path, content=markdown))
    for path in later:
        files.append(AnalysedPage.of(config, path, analysed))


class Analysed:
    """The analysed pages of one build: made at once, or its job's result waited for when first needed."""

    def __init__(self, job: Job | None, pages: dict[str, str] | None = None):
        """The running job, or the pages already made."""
        self.job = job
        self.pages = pages

    def markdown(self, path: str) -> str:
        """The Markdown of one analysed page."""
        if self.pages is None:
            try:
                self.pages = self.job.result()
            except SpeechError as error:
                raise PluginError(str(error)) from None
        return self.pages[path]


class AnalysedPage(File):
    """A generated page whose Markdown comes from the analysis job when MkDocs reads it."""

    _made: str | None = None
    _analysed: Analysed | None = None

    @classmethod
    def of(cls, config: MkDocsConfig, path: str, analysed: Analysed) -> File:
        """The page at ``path`` of ``analysed``."""
        page = cls.generated(config, path, content="")
        page._made, page._analysed = None, analysed
        return page

    @property
    def _content(self) -> str | None:
        """MkDocs reads a generated page's text here: made on first read."""
        if self._made is None and self._analysed is not None:
            self._made = analysed_markdown(self._analysed, self.src_uri)
        return self._made

    @_content.setter
    def _content(self, value: str | None) -> None:
        """File.generated sets the text here."""
        self._made = value


def analysed_markdown(analysed: Analysed, path: str) -> str:
    """One analysed page's Markdown (waiting for the job the first time)."""
    return analysed.markdown(path)


def _pages_folder(config: MkDocsConfig) -> Path:
    """Where a --dirty build keeps the generated pages of this mkdocs.yml, outside docs/."""
    digest = hashlib.sha256(str(config.config_file_path).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"study-site-pages-{digest}"


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
