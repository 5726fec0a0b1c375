"""The everyday loop: `mkdocs serve` keeps serving whatever is in speeches/, and a build that
is interrupted leaves no process and no file behind."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

from browser import fetch_text, free_port
from conftest import SEED, corpus_files
from sitebuild import SEED_TITLE, write_config

TIMEOUT = 90
BROKEN = {
    "empty.txt": b"",
    "binary.txt": b"\x00\x01\x02PK\x03\x04" * 40,
    "undecodable.txt": "标题\n\n正文。\n".encode("utf-8") + b"\xff\xfe\x81\x00",
    # Built, but without what could not be read: a date that does not exist, YAML aliases.
    "bad-date.txt": "---\ndate: 2026-02-30\n---\n日期有误的讲话\n\n同志们：\n今天讲两点。\n".encode("utf-8"),
    "alias-bomb.txt": ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "---\n别名炸弹\n\n同志们：\n今天讲两点。\n").encode("utf-8"),
}
NOTICES_URL = urllib.parse.quote("维护提示/")
SEED_URL = urllib.parse.quote(f"{SEED_TITLE}/")
# What a second process or the guard of ours runs as.
OUR_PROCESSES = ("speechkit.build.jobs", "speechkit.build.guard")


def _ours_running(marker: str) -> list[str]:
    """Command lines of running processes of ours that mention ``marker`` (a temp folder) or are guards."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            environ = (entry / "environ").read_bytes().decode("utf-8", "replace")
            state = (entry / "stat").read_text().split(") ")[-1][:1]
        except OSError:
            continue
        if state != "Z" and any(name in command for name in OUR_PROCESSES) and marker in environ:
            found.append(command)
    return found


def _wait_for(done, what: str, process: subprocess.Popen | None = None, timeout: float = TIMEOUT):
    """Poll ``done()`` until it is true; fail naming ``what`` (or if ``process`` exits first)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the process exited with {process.returncode} before: {what}")
        result = done()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"not within {timeout} s: {what}")


def _own_tmp(tmp_path: Path) -> dict:
    """An environment whose TMPDIR is a fresh folder of this test."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(folder)}


def _leftovers(env: dict) -> list[str]:
    """What our builds left in the test's TMPDIR (MkDocs' own serve folder aside)."""
    return sorted(name for name in os.listdir(env["TMPDIR"]) if not name.startswith("mkdocs_"))


def _serve(config: Path, port: int, env: dict, *flags: str) -> subprocess.Popen:
    """`mkdocs serve` of ``config`` on 127.0.0.1:``port``, its output captured."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *flags, "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=config.parent, env=env,
        start_new_session=True,
    )


def _stop(server: subprocess.Popen) -> str:
    """Ctrl-C the server as a terminal would (its whole process group); return its output."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGINT)
    output, _ = server.communicate(timeout=60)
    return output


@pytest.mark.parametrize("flags", [(), ("--dirty",)], ids=["serve", "serve-dirty"])
def test_serve_keeps_serving_with_broken_files_present_and_dropped_in(tmp_path, flags):
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    shutil.copy(SEED, speeches / SEED.name)
    for name, data in BROKEN.items():
        (speeches / name).write_bytes(data)
    config = write_config(tmp_path, speeches)  # the stock settings of mkdocs.yml
    env = _own_tmp(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = _serve(config, port, env, *flags)
    try:
        _wait_for(lambda: fetch_text(base + SEED_URL, timeout=10), "the seed's page is served", server)
        notices = fetch_text(base + NOTICES_URL, timeout=10)
        for name in BROKEN:
            assert f"speeches/{name}" in notices
        assert "未能发布或需要修改，见维护提示" in re.sub(r"<[^>]+>", "", fetch_text(base, timeout=10))

        # Dropped in while serving: a broken file and a good speech.
        (speeches / "later-broken.txt").write_bytes(b"\x00" * 100)
        corpus = corpus_files()[0]
        shutil.copy(corpus, speeches / corpus.name)
        _wait_for(lambda: "later-broken.txt" in (fetch_text(base + NOTICES_URL, timeout=10) or ""),
                  "the dropped-in broken file is listed", server)
        home = fetch_text(base, timeout=10)
        assert home.count('class="md-nav__link"') > 0
        assert fetch_text(base + SEED_URL, timeout=10) is not None
        for name in [SEED.name, corpus.name]:
            assert name not in fetch_text(base + NOTICES_URL, timeout=10)
    finally:
        output = _stop(server)
    assert "Traceback" not in output, output
    for name in [*BROKEN, "later-broken.txt"]:
        assert f"WARNING -  {speeches / name}" in output
    assert _leftovers(env) == []
    assert _ours_running(env["TMPDIR"]) == []


def _corpus_speeches(folder: Path) -> Path:
    """A speeches folder with the seed and the corpus: enough text for the second processes."""
    folder.mkdir()
    for path in [SEED, *corpus_files()]:
        shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm", "sigkill"])
def test_an_interrupted_build_leaves_no_process_and_no_file(tmp_path, how):
    speeches = _corpus_speeches(tmp_path / "speeches")
    config = write_config(tmp_path, speeches)
    env = _own_tmp(tmp_path)
    site = tmp_path / "site"
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=tmp_path, env=env,
        start_new_session=True,
    )
    try:
        # Interrupted while both second processes (analysed pages, search index) run.
        _wait_for(lambda: len(_ours_running(env["TMPDIR"])) >= 3, "the second processes started", build)
        if how == "ctrl-c":
            os.killpg(build.pid, signal.SIGINT)  # the terminal signals the whole group
        else:
            build.send_signal(signal.SIGTERM if how == "sigterm" else signal.SIGKILL)
        build.wait(timeout=60)
    finally:
        if build.poll() is None:
            build.kill()
    _wait_for(lambda: not _ours_running(env["TMPDIR"]), "every process of ours ended", timeout=30)
    _wait_for(lambda: _leftovers(env) == [], "the temp folder is empty", timeout=30)
    assert not (site / "search.partial").exists()


def test_a_broken_taxonomy_of_ones_own_is_a_warning_naming_its_line_and_the_built_in_one_is_used(tmp_path):
    from sitebuild import build

    topics = tmp_path / "topics.yml"
    topics.write_text("topics:\n  - name: 基层组织\n    keywords: 流动党员\n", encoding="utf-8")
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    shutil.copy(SEED, speeches / SEED.name)
    config = write_config(tmp_path, speeches, extra={"study_site": {"speeches": str(speeches), "topics": str(topics)}})
    strict = build(config, tmp_path / "strict")
    assert strict.returncode != 0
    assert f"WARNING -  {topics}:3: " in strict.stderr and "the built-in taxonomy is used" in strict.stderr
    relaxed = build(config, tmp_path / "site", strict=False)
    assert relaxed.returncode == 0, relaxed.stderr
    notices = (tmp_path / "site" / "维护提示" / "index.html").read_text(encoding="utf-8")
    assert "第 3 行" in notices and "topics.yml" in notices
    assert (tmp_path / "site" / SEED_TITLE / "index.html").is_file()
