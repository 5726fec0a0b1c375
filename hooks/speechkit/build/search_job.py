"""Build the search index in a second process while the site's pages are being rendered.

The index (search_index.build_search_files) is pure Python work proportional to the
whole library's text: about a second per hundred speeches. The page rendering that
follows it in a build runs on one core, so the index is built on another one and only
waited for at the end.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from ..search import FOLDER, SearchDoc, build_search_files
from .guard import Guard
from .jobs import Job


class SearchJob:
    """The index of ``docs`` being written into ``target``/search by another process."""

    def __init__(self, docs: list[SearchDoc], target: str | Path, folder: Path | None = None, guard: Guard | None = None):
        """Start writing the index of ``docs`` into ``target`` (the site folder); the job's
        files go under ``folder``, and ``guard`` removes them and the partial index if this
        process dies first."""
        self.target = Path(target)
        self.staging = self.target / f"{FOLDER}.partial"
        self.guard = guard
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        if guard is not None:
            guard.own(self.staging)
        # Needed only when the build ends: the analysed pages' job goes first.
        self.job = Job("speechkit.build.search_job:write_index", docs, str(self.staging), what=self.target / FOLDER,
                       later=True, folder=folder, guard=guard)

    @property
    def seconds(self) -> float | None:
        """How long the index took, once waited for."""
        return self.job.seconds

    def wait(self) -> None:
        """Wait for the index and put it in place as ``target``/search; raise SpeechError if it failed.

        A cancelled job only has what it wrote removed.
        """
        try:
            self.job.result()
        except Exception:
            self._remove_staging()
            raise
        if self.job.cancelled or not self.staging.is_dir():  # cancelled, or the site folder was removed
            self._remove_staging()
            return
        # Moved in entry by entry: search/ may hold other files (Material's search plugin's).
        final = self.target / FOLDER
        final.mkdir(exist_ok=True)
        for entry in self.staging.iterdir():
            shutil.rmtree(final / entry.name, ignore_errors=True)  # left by an earlier --dirty build
            os.replace(entry, final / entry.name)
        self._remove_staging()

    def _remove_staging(self) -> None:
        """Remove what is left of the partial index, and tell the guard it is gone."""
        shutil.rmtree(self.staging, ignore_errors=True)
        if self.guard is not None:
            self.guard.release(self.staging)

    def cancel(self) -> None:
        """Stop the job; its ``wait`` then removes what it wrote instead of putting it in place."""
        self.job.cancel()


def write_index(docs: list[SearchDoc], folder: str) -> None:
    """Write the index files of ``docs`` into ``folder`` (which becomes search/ when done)."""
    for path, script in build_search_files(docs).items():
        target = Path(folder) / Path(path).relative_to(FOLDER)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(script.encode("utf-8"))  # as MkDocs writes a generated file: "\n" line ends
