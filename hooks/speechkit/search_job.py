"""Build the search index in a second process while the site's pages are being rendered.

The index (search_index.build_search_files) is pure Python work proportional to the
whole library's text: about a second per hundred speeches. The page rendering that
follows it in a build runs on one core, so the index is built on another one and only
waited for at the end. Usage as a program: ``python -m speechkit.search_job FOLDER``
reads the documents pickled in FOLDER and writes the index files into it.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .errors import SpeechError
from .search_index import FOLDER, SearchDoc, build_search_files

DOCS_FILE = "documents.pickle"
# The hooks folder, which holds this package: the second process imports it from there.
HOOKS_DIR = Path(__file__).resolve().parent.parent


class SearchJob:
    """The index of ``docs`` being written into ``target``/search by another process."""

    def __init__(self, docs: list[SearchDoc], target: str | Path):
        """Start writing the index of ``docs`` into ``target`` (the site folder)."""
        self.target = Path(target)
        self.staging = self.target / f"{FOLDER}.partial"
        self.started = time.perf_counter()
        self.seconds: float | None = None  # how long the index took, once waited for
        self.cancelled = False
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir(parents=True)
        with open(self.staging / DOCS_FILE, "wb") as handle:
            pickle.dump(docs, handle, protocol=pickle.HIGHEST_PROTOCOL)
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(HOOKS_DIR), os.environ.get("PYTHONPATH")]))}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "speechkit.search_job", str(self.staging)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        )

    def wait(self) -> None:
        """Wait for the index and put it in place as ``target``/search; raise SpeechError if it failed.

        A cancelled job only has what it wrote removed.
        """
        _, errors = self.process.communicate()
        self.seconds = time.perf_counter() - self.started
        if self.cancelled:
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        if self.process.returncode:
            shutil.rmtree(self.staging, ignore_errors=True)
            detail = errors.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
            raise SpeechError(self.target / FOLDER, f"building the search index failed: {detail[0]}")
        # Moved in entry by entry: search/ may hold other files (Material's search plugin's).
        final = self.target / FOLDER
        final.mkdir(exist_ok=True)
        for entry in self.staging.iterdir():
            shutil.rmtree(final / entry.name, ignore_errors=True)  # left by an earlier --dirty build
            os.replace(entry, final / entry.name)
        self.staging.rmdir()

    def cancel(self) -> None:
        """Stop the job; its ``wait`` then removes what it wrote instead of putting it in place."""
        self.cancelled = True
        if self.process.poll() is None:
            self.process.kill()


def write_index(folder: Path) -> None:
    """Read the pickled documents in ``folder``, write the index files there, delete the pickle."""
    source = folder / DOCS_FILE
    with open(source, "rb") as handle:
        docs = pickle.load(handle)
    source.unlink()
    for path, script in build_search_files(docs).items():
        # Paths are search/…; the folder itself becomes search/ when the job is done.
        target = folder / Path(path).relative_to(FOLDER)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(script.encode("utf-8"))  # as MkDocs writes a generated file: "\n" line ends


if __name__ == "__main__":
    write_index(Path(sys.argv[1]))
