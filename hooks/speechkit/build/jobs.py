"""Run a function of this package in a second process, its arguments and result pickled.

A build renders pages on one core; work it does not need until later (the search
index, the pages that need the whole library's analyses) runs on another. The second
process belongs to the build that started it: it ignores Ctrl-C (the build decides),
and it ends itself as soon as the build's process is gone, noticed as the end of its
standard input, a pipe only the parent holds. Usage as a program:
``python -m speechkit.build.jobs FOLDER`` runs the call pickled in FOLDER.
"""

from __future__ import annotations

import importlib
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from ..errors import SpeechError
from .guard import Guard, module_command

CALL_FILE = "call.pickle"
RESULT_FILE = "result.pickle"
ERRORS_FILE = "errors.txt"
# Exit status of a second process that found its parent gone.
ORPHANED = 3


class Job:
    """``module.function(*args)`` running in a second process."""

    def __init__(self, function: str, *args, what: str, later: bool = False,
                 folder: str | Path | None = None, guard: Guard | None = None):
        """Start ``function`` ("speechkit.module:function") on ``args``; ``what`` names it in
        errors. A ``later`` job yields the processor to the others (it is needed last). Its
        files go in a new folder under ``folder`` (the build's temp folder; else $TMPDIR),
        which ``guard`` removes, with the process, if this process dies first."""
        self.what = what
        self.guard = guard
        self.folder = Path(tempfile.mkdtemp(prefix="job-" if folder else "study-site-job-", dir=folder))
        self.started = time.perf_counter()
        self.seconds: float | None = None  # from start until its result was collected
        self.cancelled = False
        with open(self.folder / CALL_FILE, "wb") as handle:
            pickle.dump((function, args, later), handle, protocol=pickle.HIGHEST_PROTOCOL)
        if guard is not None:
            guard.own(self.folder)
        try:
            with open(self.folder / ERRORS_FILE, "wb") as errors:
                command, env = module_command("speechkit.build.jobs", str(self.folder))
                self.process = subprocess.Popen(
                    command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=errors, env=env,
                )
        except OSError as error:  # no process left to start, no Python at sys.executable
            self._remove_folder()
            raise SpeechError(what, f"cannot start a second process: {error}") from None
        if guard is not None:
            guard.watch(self.process.pid)

    def result(self):
        """Wait for the function's return value; raise SpeechError naming the job if it failed.

        A cancelled job returns None.
        """
        try:
            self.process.wait()  # its standard input stays open until it has ended
            self.process.stdin.close()
            self.seconds = time.perf_counter() - self.started
            if self.guard is not None:
                self.guard.forget(self.process.pid)
            if self.cancelled:
                return None
            if self.process.returncode:
                errors = (self.folder / ERRORS_FILE).read_text("utf-8", "replace").strip()
                last = errors.splitlines()[-1:] or [f"exit status {self.process.returncode}"]
                raise SpeechError(self.what, f"failed in a second process: {last[0]}")
            with open(self.folder / RESULT_FILE, "rb") as handle:
                return pickle.load(handle)
        finally:
            self._remove_folder()

    def cancel(self) -> None:
        """Stop the job; ``result`` then returns None."""
        self.cancelled = True
        if self.process.poll() is None:
            self.process.kill()

    def _remove_folder(self) -> None:
        """Remove the job's files, and tell the guard they are gone."""
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.guard is not None:
            self.guard.release(self.folder)


def run(folder: Path) -> None:
    """Run the call pickled in ``folder`` and pickle its result beside it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the build; it stops us
    threading.Thread(target=_end_with_parent, daemon=True).start()
    with open(folder / CALL_FILE, "rb") as handle:
        function, args, later = pickle.load(handle)
    if later and hasattr(os, "nice"):
        os.nice(10)  # where there is no nice() (Windows) the jobs just share the processor
    module, name = function.split(":")
    result = getattr(importlib.import_module(module), name)(*args)
    partial = folder / f"{RESULT_FILE}.partial"
    with open(partial, "wb") as handle:
        pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, folder / RESULT_FILE)


def _end_with_parent() -> None:
    """Exit at once when standard input ends: the build that started us is gone."""
    # The raw descriptor, not sys.stdin: a daemon thread blocked in a buffered read makes
    # the interpreter abort at exit.
    while os.read(0, 4096):
        pass
    os._exit(ORPHANED)


if __name__ == "__main__":
    run(Path(sys.argv[1]))
