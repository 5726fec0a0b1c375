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

from .jobs import Job
from .search_index import FOLDER, SearchDoc, build_search_files


class SearchJob:
    """The index of ``docs`` being written into ``target``/search by another process."""

    def __init__(self, docs: list[SearchDoc], target: str | Path):
        """Start writing the index of ``docs`` into ``target`` (the site folder)."""
        self.target = Path(target)
        self.staging = self.target / f"{FOLDER}.partial"
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        # Needed only when the build ends: the analysed pages' job goes first (study_site.py).
        self.job = Job("speechkit.search_job:write_index", docs, str(self.staging), what=self.target / FOLDER, later=True)

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
            shutil.rmtree(self.staging, ignore_errors=True)
            raise
        if self.job.cancelled:
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        # Moved in entry by entry: search/ may hold other files (Material's search plugin's).
        final = self.target / FOLDER
        final.mkdir(exist_ok=True)
        for entry in self.staging.iterdir():
            shutil.rmtree(final / entry.name, ignore_errors=True)  # left by an earlier --dirty build
            os.replace(entry, final / entry.name)
        self.staging.rmdir()

    def cancel(self) -> None:
        """Stop the job; its ``wait`` then removes what it wrote instead of putting it in place."""
        self.job.cancel()


def write_index(docs: list[SearchDoc], folder: str) -> None:
    """Write the index files of ``docs`` into ``folder`` (which becomes search/ when done)."""
    for path, script in build_search_files(docs).items():
        target = Path(folder) / Path(path).relative_to(FOLDER)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(script.encode("utf-8"))  # as MkDocs writes a generated file: "\n" line ends
