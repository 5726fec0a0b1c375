"""Run a function of this package in a second process, its arguments and result pickled.

A build renders pages on one core; work it does not need until later (the search
index, the pages that need the whole library's analyses) runs on another. Usage as a
program: ``python -m speechkit.jobs FOLDER`` runs the call pickled in FOLDER.
"""

from __future__ import annotations

import importlib
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .errors import SpeechError

CALL_FILE = "call.pickle"
RESULT_FILE = "result.pickle"
# The hooks folder, which holds this package: the second process imports it from there.
HOOKS_DIR = Path(__file__).resolve().parent.parent


class Job:
    """``module.function(*args)`` running in a second process."""

    def __init__(self, function: str, *args, what: str, later: bool = False):
        """Start ``function`` ("speechkit.module:function") on ``args``; ``what`` names it in
        errors. A ``later`` job yields the processor to the others (it is needed last)."""
        self.what = what
        self.folder = Path(tempfile.mkdtemp(prefix="study-site-job-"))
        self.started = time.perf_counter()
        self.seconds: float | None = None  # from start until its result was collected
        self.cancelled = False
        with open(self.folder / CALL_FILE, "wb") as handle:
            pickle.dump((function, args, later), handle, protocol=pickle.HIGHEST_PROTOCOL)
        path = os.pathsep.join(filter(None, [str(HOOKS_DIR), os.environ.get("PYTHONPATH")]))
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "speechkit.jobs", str(self.folder)],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                env={**os.environ, "PYTHONPATH": path},
            )
        except OSError as error:  # no process left to start, no Python at sys.executable
            shutil.rmtree(self.folder, ignore_errors=True)
            raise SpeechError(what, f"cannot start a second process: {error}") from None

    def result(self):
        """Wait for the function's return value; raise SpeechError naming the job if it failed.

        A cancelled job returns None.
        """
        try:
            _, errors = self.process.communicate()
            self.seconds = time.perf_counter() - self.started
            if self.cancelled:
                return None
            if self.process.returncode:
                last = errors.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
                raise SpeechError(self.what, f"failed in a second process: {last[0]}")
            with open(self.folder / RESULT_FILE, "rb") as handle:
                return pickle.load(handle)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def cancel(self) -> None:
        """Stop the job; ``result`` then returns None."""
        self.cancelled = True
        if self.process.poll() is None:
            self.process.kill()


def run(folder: Path) -> None:
    """Run the call pickled in ``folder`` and pickle its result beside it."""
    with open(folder / CALL_FILE, "rb") as handle:
        function, args, later = pickle.load(handle)
    if later and hasattr(os, "nice"):
        os.nice(10)  # where there is no nice() (Windows) the jobs just share the processor
    module, name = function.split(":")
    result = getattr(importlib.import_module(module), name)(*args)
    with open(folder / RESULT_FILE, "wb") as handle:
        pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)


if __name__ == "__main__":
    run(Path(sys.argv[1]))
