"""A small process that cleans up after a build whose process died without doing so itself.

A build owns temp folders, a partial search index and second processes. Ctrl-C,
SIGTERM or SIGKILL can end the build's process before it removes them, so it tells this
guard what it owns, line by line on the guard's standard input. When that input ends
(the build's process exited, however it ended), the guard stops the processes still
running and removes the files left. Usage as a program: ``python -m speechkit.build.guard``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

# Each line the guard reads: one of these marks, then a path or a process id.
OWN, RELEASE, WATCH, FORGET = "+", "-", ">", "<"
# How long a watched process may take to notice its parent is gone before it is killed.
GRACE_SECONDS = 2.0
# The hooks folder, which holds this package: a second process imports it from there.
HOOKS_DIR = Path(__file__).resolve().parents[2]


def module_command(module: str, *args: str) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run ``python -m module args`` of this package."""
    path = os.pathsep.join(filter(None, [str(HOOKS_DIR), os.environ.get("PYTHONPATH")]))
    return [sys.executable, "-m", module, *args], {**os.environ, "PYTHONPATH": path}


class Guard:
    """The parent's end: tell the guard process what to clean up if this process dies."""

    def __init__(self) -> None:
        """No guard process yet: it starts with the first thing it is told."""
        self._process: subprocess.Popen | None = None
        self._told: dict[str, str] = {}  # what it holds now, to tell a restarted guard again

    def own(self, path: str | Path) -> None:
        """Remove ``path`` (a file or folder) if this process dies before releasing it."""
        self._tell(OWN, str(path))

    def release(self, path: str | Path) -> None:
        """``path`` is no longer the guard's to remove."""
        self._tell(RELEASE, str(path))

    def watch(self, pid: int) -> None:
        """Stop process ``pid`` if this process dies before forgetting it."""
        self._tell(WATCH, str(pid))

    def forget(self, pid: int) -> None:
        """Process ``pid`` has ended; leave it alone."""
        self._tell(FORGET, str(pid))

    def close(self) -> None:
        """End the guard (what it still owns is removed, as if this process had died)."""
        if self._process is not None:
            self._process.stdin.close()
            self._process.wait()
            self._process = None

    def _tell(self, mark: str, value: str) -> None:
        """Send one line; start the guard first, or again if it has gone."""
        key = value if mark in (OWN, RELEASE) else f"pid {value}"
        if mark in (OWN, WATCH):
            self._told[key] = mark + value
        else:
            self._told.pop(key, None)
        try:
            if self._process is None or self._process.poll() is not None:
                self._start()  # tells it everything held so far, this line included
                return
            self._process.stdin.write(f"{mark}{value}\n".encode("utf-8"))
            self._process.stdin.flush()
        except OSError:
            self._start()

    def _start(self) -> None:
        """Start a guard process and tell it what it holds."""
        command, env = module_command("speechkit.build.guard")
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
            start_new_session=True,  # Ctrl-C on the terminal reaches the build, not its guard
        )
        lines = "".join(f"{line}\n" for line in self._told.values())
        self._process.stdin.write(lines.encode("utf-8"))
        self._process.stdin.flush()


def main() -> None:
    """Read what to guard until the input ends, then clean up what is still held."""
    paths: set[str] = set()
    pids: set[int] = set()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: _clean_up(pids, paths) or os._exit(0))
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8").rstrip("\n")
        mark, value = line[:1], line[1:]
        if mark == OWN:
            paths.add(value)
        elif mark == RELEASE:
            paths.discard(value)
        elif mark == WATCH:
            pids.add(int(value))
        elif mark == FORGET:
            pids.discard(int(value))
    _clean_up(pids, paths)


def _clean_up(pids: set[int], paths: set[str]) -> None:
    """Stop the processes still running (after a grace period), then remove the paths."""
    deadline = time.monotonic() + GRACE_SECONDS
    while any(map(_alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)  # a second process ends by itself when its parent's pipe closes
    for pid in filter(_alive, pids):
        os.kill(pid, signal.SIGKILL)
    for path in sorted(paths, key=len, reverse=True):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                os.unlink(path)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` still runs."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # an ended child of ours not yet reaped counts as gone
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1] != "Z"
    except OSError:
        return True


if __name__ == "__main__":
    main()
