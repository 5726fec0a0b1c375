"""Build the site strict into a fresh folder beside DEST, check it, and swap it in atomically.

    python3 scripts/publish.py DEST [-f CONFIG] [--gzip]

A failed, rejected or interrupted publish leaves DEST as it was; readers never see a
half-written site.
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import gzip
import html.parser
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG = REPO / "mkdocs.yml"
DEFAULT_SPEECHES = "speeches"  # the hook's own default, relative to the config
REQUIRED_FILES = ("index.html", "404.html", "search/manifest.js")
LEFTOVER_GLOB = "*.partial"  # a file or folder the build writes before renaming it into place
LOG_PROBLEM = re.compile(r"^(?:WARNING|ERROR)\b.*$", re.MULTILINE)
STAGING_SUFFIX = ".publish-"  # .DESTNAME.publish-<pid>, beside DEST
KILL_GRACE_SECONDS = 5
GZIP_SUFFIXES = {".html", ".js", ".css", ".json", ".xml"}  # what nginx's gzip_static is asked for
LOG_TAIL_LINES = 20
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
# renameat2(2) on Linux: swaps two paths in one step, so DEST is never missing.
AT_FDCWD = -100
RENAME_EXCHANGE = 2
PR_SET_PDEATHSIG = 1  # prctl option: the signal a process gets when its parent dies
NO_EXCHANGE = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP}  # kernel or filesystem lacks it


class Interrupted(Exception):
    """SIGINT or SIGTERM arrived; carries the signal number."""


class _IgnoreTags(yaml.SafeLoader):
    """A YAML loader that reads mkdocs.yml's !!python/... and !ENV tags as nothing."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def staging_pattern(dest: Path) -> re.Pattern:
    """The names of DEST's staging (and fallback swap) folders; group 1 is the owner's pid."""
    return re.compile(rf"^\.{re.escape(dest.name)}{re.escape(STAGING_SUFFIX)}(\d+)(\.old)?$")


def staging_for(dest: Path, pid: int) -> Path:
    """The staging folder of process ``pid`` for DEST: same parent, so a rename is atomic."""
    return dest.with_name(f".{dest.name}{STAGING_SUFFIX}{pid}")


def _alive(pid: int) -> bool:
    """Whether a process ``pid`` exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def sweep_stale(dest: Path) -> list[Path]:
    """Remove staging folders of earlier publishes whose process is gone (SIGKILLed); return them."""
    pattern = staging_pattern(dest)
    removed = []
    for path in dest.parent.iterdir():
        match = pattern.match(path.name)
        if match and int(match.group(1)) != os.getpid() and not _alive(int(match.group(1))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def _speeches_setting(config: Path) -> str | None:
    """extra.study_site.speeches of a config or of the configs it INHERITs."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_IgnoreTags) or {}
    value = ((data.get("extra") or {}).get("study_site") or {}).get("speeches")
    if value is None and data.get("INHERIT"):
        return _speeches_setting(config.parent / data["INHERIT"])
    return value


def speeches_folder(config: Path) -> Path:
    """The speeches folder a config builds from; relative paths are to the config, as in the hook."""
    return config.parent / (_speeches_setting(config) or DEFAULT_SPEECHES)


def source_date_epoch(folder: Path) -> str | None:
    """The mtime of the newest file in ``folder``, for reproducible dates; None if it has none."""
    try:
        times = [path.stat().st_mtime for path in folder.iterdir() if path.is_file()]
    except OSError:
        return None
    return str(int(max(times))) if times else None


class _HomeLinks(html.parser.HTMLParser):
    """Collects the links of the home page's speech titles (<h3><a> inside the article)."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self._article = self._heading = 0

    def handle_starttag(self, tag, attrs):
        self._article += tag == "article"
        self._heading += tag == "h3"
        href = dict(attrs).get("href")
        if tag == "a" and self._article and self._heading and href and not href.startswith("#"):
            self.links.append(href)

    def handle_endtag(self, tag):
        self._article -= tag == "article" and self._article > 0
        self._heading -= tag == "h3" and self._heading > 0


def speech_homes(site: Path) -> list[Path]:
    """The files of the speech homes listed on the site's index.html."""
    parser = _HomeLinks()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    homes = []
    for href in parser.links:
        path = unquote(urlsplit(href).path)
        homes.append(site / (path + "index.html" if path.endswith("/") else path))
    return homes


def check_site(site: Path, log: str = "") -> list[str]:
    """What is wrong with a built site and its build log; an empty list when it can go live."""
    problems = [f"{name} is missing" for name in REQUIRED_FILES if not (site / name).is_file()]
    problems += [f"{path.relative_to(site)} was left half-written" for path in sorted(site.rglob(LEFTOVER_GLOB))]
    if (site / "index.html").is_file():
        problems += [
            f"the home page links to {home.relative_to(site)}, which is missing"
            for home in speech_homes(site)
            if not home.is_file()
        ]
    problems += [f"the build said: {line}" for line in LOG_PROBLEM.findall(log) if line.startswith("WARNING")]
    return problems


def _renameat2():
    """libc's renameat2, or None where the C library has none."""
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return function


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the kernel or filesystem cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def swap_in(staging: Path, dest: Path) -> None:
    """Put ``staging`` at ``dest`` atomically, then delete what was there."""
    if not dest.exists():
        os.rename(staging, dest)
        return
    if _exchange(staging, dest):
        old = staging  # the exchange left the old site at the staging path
    else:
        # Two renames: DEST is missing for a moment, but never holds a half-written site.
        old = staging.with_name(staging.name + ".old")
        os.rename(dest, old)
        os.rename(staging, dest)
    shutil.rmtree(old)


def _on_signal(signum, frame):
    """Turn SIGINT/SIGTERM into an exception, so the cleanup below runs."""
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_IGN)  # a second Ctrl-C must not cut the cleanup short
    raise Interrupted(signum)


def _stop(child: subprocess.Popen) -> None:
    """End the build and the second processes it started (its whole process group)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(child.pid, sig)
        except ProcessLookupError:
            break
        try:
            child.wait(timeout=KILL_GRACE_SECONDS)
            break
        except subprocess.TimeoutExpired:
            continue


def _end_with_us() -> None:
    """In the build's process, before it starts: be killed if publish dies (Linux's
    PR_SET_PDEATHSIG), so a SIGKILLed publish leaves no build writing into its staging folder;
    the build's second processes and temp files end with the build."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl here: the next publish sweeps what is left
        pass


def _build(config: Path, staging: Path, env: dict[str, str]) -> tuple[int, str]:
    """Run the strict build into ``staging`` as a child in its own process group: (exit code, log)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(staging)]
    # Its own group, so a Ctrl-C meant for us reaches it only through _stop, which also ends
    # the build's second processes.
    child = subprocess.Popen(
        command, cwd=config.parent, env=env, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
        start_new_session=True, preexec_fn=_end_with_us,
    )
    try:
        log = child.stdout.read()
        return child.wait(), log
    finally:
        if child.poll() is None:
            _stop(child)
        child.stdout.close()


def precompress(site: Path) -> None:
    """Write FILE.gz beside each text file, for nginx's gzip_static; no timestamp, so builds stay identical."""
    for path in site.rglob("*"):
        if path.suffix in GZIP_SUFFIXES and path.is_file():
            path.with_name(path.name + ".gz").write_bytes(gzip.compress(path.read_bytes(), 9, mtime=0))


def _summary(site: Path, seconds: float) -> str:
    """Pages, size, time and place of the published site."""
    files = [path for path in site.rglob("*") if path.is_file()]
    pages = sum(path.suffix == ".html" for path in files)
    size = sum(path.stat().st_size for path in files) / 2**20
    return f"published {pages} pages ({size:.1f} MB) in {seconds:.1f} s to {site}"


def fail(message: str, details: list[str] = ()) -> int:
    """Print why nothing was published; the exit status of a failed publish."""
    print(f"publish: {message}; the site was not changed", file=sys.stderr)
    for line in details:
        print(f"  {line}", file=sys.stderr)
    return 1


def publish(dest: Path, config: Path, compress: bool = False) -> int:
    """Build, check and swap in; the exit status."""
    started = time.perf_counter()
    if dest.exists() and not dest.is_dir():
        return fail(f"{dest} exists and is not a folder")
    if dest.is_dir() and any(dest.iterdir()) and not (dest / "index.html").is_file():
        # Guard against a mistyped DEST (/srv instead of /srv/study): its content would be deleted.
        return fail(f"{dest} holds files but no index.html: not a site, refusing to replace it")
    dest.parent.mkdir(parents=True, exist_ok=True)
    sweep_stale(dest)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    epoch = source_date_epoch(speeches_folder(config))
    if "SOURCE_DATE_EPOCH" not in env and epoch:
        env["SOURCE_DATE_EPOCH"] = epoch  # the same speeches give a byte-identical site
    staging = staging_for(dest, os.getpid())
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        code, log = _build(config, staging, env)
        if code != 0:
            # The WARNING and ERROR lines name the bad files; without any, the end of the log.
            details = LOG_PROBLEM.findall(log) or log.splitlines()[-LOG_TAIL_LINES:]
            return fail(f"the strict build failed (exit {code})", details)
        if compress:
            precompress(staging)  # in staging, so no reader meets a .gz half-written
        problems = check_site(staging, log)
        if problems:
            return fail("the built site failed its checks", problems)
        # From here the publish completes: a signal would otherwise cut the fallback's two
        # renames apart, or report "not changed" for a site already swapped in.
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        swap_in(staging, dest)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(_summary(dest, time.perf_counter() - started))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and publish; 1 on a failed build or check, 128+N on signal N."""
    parser = argparse.ArgumentParser(description="Build the site and replace DEST with it atomically.")
    parser.add_argument("dest", help="the folder the web server serves, e.g. /srv/www/study")
    parser.add_argument("-f", "--config-file", default=str(DEFAULT_CONFIG), help="default: the repo's mkdocs.yml")
    parser.add_argument("--gzip", action="store_true", help="also write FILE.gz beside each page and script")
    args = parser.parse_args(argv)
    # The real path, so a symlinked DEST is replaced at its target and staging sits on its filesystem.
    dest = Path(os.path.realpath(args.dest))
    for sig in STOP_SIGNALS:
        signal.signal(sig, _on_signal)
    try:
        return publish(dest, Path(args.config_file).resolve(), compress=args.gzip)
    except Interrupted as stop:
        print(f"publish: interrupted by {signal.Signals(stop.args[0]).name}; the site was not changed", file=sys.stderr)
        return 128 + stop.args[0]
    except OSError as error:
        return fail(f"{error}")


if __name__ == "__main__":
    sys.exit(main())
