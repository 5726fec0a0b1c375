"""scripts/publish.py: a publish replaces DEST whole, or leaves it exactly as it was.

Each test has its own TMPDIR, so the build's second processes (their temp folders are
on their command lines) can be told apart from those of other tests.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from conftest import REPO, SEED, corpus_files
from sitebuild import write_config, write_speeches

sys.path.insert(0, str(REPO / "scripts"))

import publish  # noqa: E402

SCRIPT = REPO / "scripts" / "publish.py"
PUBLISH_TIMEOUT = 180  # a corpus build takes a few seconds; bound every wait anyway
START_TIMEOUT = 60
GONE_TIMEOUT = 20
KILLED_TIMEOUT = 1.0  # far less than the rest of the build, so a build left running is caught
BAD_NAME = "bad.txt"
JOB_PREFIX = "study-site-"  # the build's temp folder (speechkit.build.Session.temp), which holds its jobs' folders


@pytest.fixture(autouse=True)
def own_tmpdir(tmp_path, monkeypatch):
    """A TMPDIR of the test's own, for this process and the publishes it starts."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


def speeches_of(folder: Path, *paths: Path, extra: dict[str, bytes] | None = None) -> Path:
    """A config in ``folder`` building a speeches folder holding copies of ``paths``."""
    speeches = write_speeches(folder / "speeches", extra or {})
    for path in paths:
        shutil.copy(path, speeches / path.name)
    return write_config(folder, speeches)


def command(dest: Path, config: Path) -> list[str]:
    """The publish command line."""
    return [sys.executable, str(SCRIPT), str(dest), "-f", str(config)]


def run_publish(dest: Path, config: Path, *options: str) -> subprocess.CompletedProcess:
    """Publish and wait for it."""
    return subprocess.run([*command(dest, config), *options], capture_output=True, text=True, timeout=PUBLISH_TIMEOUT)


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path → sha256), and every empty folder."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
        for path in sorted(folder.rglob("*"))
    }


def leftovers(dest: Path) -> list[str]:
    """Staging folders of DEST left in its parent."""
    return [path.name for path in dest.parent.iterdir() if publish.staging_pattern(dest).match(path.name)]


def processes_mentioning(*needles: str) -> list[int]:
    """Live processes whose command line holds one of ``needles`` (zombies have none)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
        except OSError:
            continue  # ended while we looked
        if any(needle in line for needle in needles):
            found.append(int(entry.name))
    return found


def wait_for(condition, timeout: float, what: str):
    """Poll ``condition`` until it returns something true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout} s waiting for {what}")


@pytest.fixture
def published(tmp_path):
    """DEST holding a published seed site: (dest, its tree of hashes)."""
    dest = tmp_path / "www" / "study"
    result = run_publish(dest, speeches_of(tmp_path / "seed", SEED))
    assert result.returncode == 0, result.stdout + result.stderr
    return dest, tree(dest)


@pytest.fixture
def corpus_config(tmp_path):
    """A config whose build takes a few seconds: the seed and the corpus."""
    return speeches_of(tmp_path / "corpus", SEED, *corpus_files())


def start_publish(dest: Path, config: Path, tmpdir: Path) -> tuple[subprocess.Popen, Path]:
    """Start a publish; wait until its build and the build's second processes run: (process, staging)."""
    process = subprocess.Popen(command(dest, config), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    staging = publish.staging_for(dest, process.pid)
    wait_for(staging.is_dir, START_TIMEOUT, "the staging folder")
    wait_for(lambda: processes_mentioning(str(staging)), START_TIMEOUT, "the build process")
    # speechkit.build.jobs starts them with a folder in the build's temp folder (in our TMPDIR) on the command line.
    wait_for(lambda: processes_mentioning(f"{tmpdir}{os.sep}{JOB_PREFIX}"), START_TIMEOUT, "the second processes")
    assert process.poll() is None, "the publish ended before it could be interrupted"
    return process, staging


def test_publish_into_a_fresh_folder_then_replace_it(tmp_path, published):
    dest, _ = published
    for name in ("index.html", "404.html", "search/manifest.js", "在区基层党建工作推进会议上的讲话/index.html"):
        assert (dest / name).is_file(), name
    (dest / "marker").write_text("from the previous publish")
    result = run_publish(dest, speeches_of(tmp_path / "again", SEED))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"to {dest}" in result.stdout and "pages" in result.stdout, result.stdout
    assert not (dest / "marker").exists()
    assert (dest / "index.html").is_file()
    assert leftovers(dest) == []


def test_gzip_precompresses_in_the_swapped_in_site(tmp_path, published):
    dest, _ = published
    result = run_publish(dest, speeches_of(tmp_path / "again", SEED), "--gzip")
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("index.html", "search/manifest.js", "sitemap.xml"):
        assert gzip.decompress((dest / f"{name}.gz").read_bytes()) == (dest / name).read_bytes(), name
    assert not (dest / "sitemap.xml.gz.gz").exists()


def test_a_bad_file_fails_the_publish_and_leaves_dest_as_it_was(tmp_path, published):
    dest, before = published
    config = speeches_of(tmp_path / "bad", SEED, extra={BAD_NAME: b""})
    result = run_publish(dest, config)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "strict build failed" in output, output
    assert str(config.parent / "speeches" / BAD_NAME) in output, output
    assert tree(dest) == before
    assert leftovers(dest) == []


def test_sigint_stops_the_build_and_leaves_dest_as_it_was(published, corpus_config, own_tmpdir):
    dest, before = published
    process, staging = start_publish(dest, corpus_config, own_tmpdir)
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=PUBLISH_TIMEOUT)
    assert process.returncode != 0, errors
    assert "interrupted" in errors, errors
    assert tree(dest) == before
    assert not staging.exists() and leftovers(dest) == []
    # Neither the build nor its second processes (whose temp folders are in our TMPDIR) live
    # on: publish has waited for the build, and its second processes were killed with it.
    wait_for(lambda: not processes_mentioning(str(staging), str(own_tmpdir)), KILLED_TIMEOUT, "the build to end")
    assert not staging.exists()


def test_after_sigkill_the_next_publish_sweeps_the_stale_staging(tmp_path, published, corpus_config, own_tmpdir):
    dest, before = published
    process, staging = start_publish(dest, corpus_config, own_tmpdir)
    process.kill()
    process.communicate(timeout=GONE_TIMEOUT)
    # The build dies with publish (PR_SET_PDEATHSIG), its second processes with the build.
    wait_for(lambda: not processes_mentioning(str(staging), str(own_tmpdir)), GONE_TIMEOUT, "the build to end")
    wait_for(lambda: not any(own_tmpdir.iterdir()), GONE_TIMEOUT, "the build's temp files to go")
    assert tree(dest) == before
    assert staging.is_dir(), "expected the killed publish to leave its staging folder"
    (dest / "marker").write_text("from the previous publish")
    result = run_publish(dest, speeches_of(tmp_path / "again", SEED))
    assert result.returncode == 0, result.stdout + result.stderr
    assert not staging.exists() and leftovers(dest) == []
    assert not (dest / "marker").exists()


def site_with(folder: Path, *names: str) -> Path:
    """A minimal folder that passes check_site, plus the files or folders ``names`` (a/ = folder)."""
    for name in ("index.html", "404.html", "search/manifest.js", *names):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir() if name.endswith("/") else path.write_text("")
    return folder


def test_check_site_accepts_a_complete_site(tmp_path):
    assert publish.check_site(site_with(tmp_path / "site"), "INFO    -  Documentation built") == []


def test_check_site_rejects_a_missing_search_manifest(tmp_path):
    site = site_with(tmp_path / "site")
    (site / "search" / "manifest.js").unlink()
    assert publish.check_site(site) == ["search/manifest.js is missing"]


def test_check_site_rejects_a_half_written_search_index(tmp_path):
    site = site_with(tmp_path / "site", "search.partial/", "about/index.html.123.partial")
    assert publish.check_site(site) == [
        "about/index.html.123.partial was left half-written",
        "search.partial was left half-written",
    ]


def test_check_site_rejects_a_missing_speech_home_and_a_warning(tmp_path):
    site = site_with(tmp_path / "site")
    (site / "index.html").write_text(
        '<article><h3><a href="%E8%AE%B2%E8%AF%9D/">讲话</a><a href="#x">¶</a></h3></article>', encoding="utf-8"
    )
    assert publish.check_site(site, "WARNING -  odd.txt: skipped\n") == [
        "the home page links to 讲话/index.html, which is missing",
        "the build said: WARNING -  odd.txt: skipped",
    ]
    (site / "讲话").mkdir()
    (site / "讲话" / "index.html").write_text("")
    assert publish.check_site(site) == []


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_swap_in_replaces_dest_whole(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(publish, "_renameat2", lambda: None)
    exchanged = []
    real_exchange = publish._exchange
    monkeypatch.setattr(publish, "_exchange", lambda a, b: exchanged.append(real_exchange(a, b)) or exchanged[-1])
    dest, staging = site_with(tmp_path / "dest", "old.html"), site_with(tmp_path / ".dest.publish-1", "new.html")
    publish.swap_in(staging, dest)
    assert exchanged == [exchange]  # on this Linux machine renameat2 is there to use
    assert sorted(tree(dest)) == ["404.html", "index.html", "new.html", "search", "search/manifest.js"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["dest", "tmp"]


def test_speeches_folder_follows_inherit_past_python_tags(tmp_path):
    (tmp_path / "base.yml").write_text(
        "extra:\n  study_site:\n    speeches: texts\nslug: !!python/object/apply:os.getcwd []\n", encoding="utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text("INHERIT: base.yml\nsite_url: http://x/\n", encoding="utf-8")
    assert publish.speeches_folder(tmp_path / "mkdocs.yml") == tmp_path / "texts"
    (tmp_path / "base.yml").write_text("site_name: x\n", encoding="utf-8")
    assert publish.speeches_folder(tmp_path / "mkdocs.yml") == tmp_path / "speeches"


def test_source_date_epoch_is_the_newest_speech(tmp_path):
    for name, mtime in (("a.txt", 1_600_000_000), ("b.txt", 1_700_000_000.7), ("c.txt", 1_650_000_000)):
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (mtime, mtime))
    assert publish.source_date_epoch(tmp_path) == "1700000000"
    assert publish.source_date_epoch(tmp_path / "missing") is None
