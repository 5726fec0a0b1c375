"""Build benchmark: whole builds, our stages, the hand-written equivalent, a serve rebuild.

Usage: python scripts/bench.py [--sizes 1,10,100,1000] [--serve-max N] [--keep DIR]

For each library size N (scripts/make_library.py) it runs ``mkdocs build`` in a child
process that times our own stages from inside the build (read, clean, parse, topics,
the pages rendered at once, search documents) and all our time as a whole: the hook's
events, and the analysed pages (items, 金句) handed to MkDocs as it reads them, waiting
included. The search index and the analysed pages are made by second processes beside
MkDocs' rendering; their CPU seconds are shown apart, and their peak memory is added to
the build's. It also builds the same pages written out as plain Markdown files with the
same theme, settings and navigation but no hook and Material's own search (what a user
would otherwise maintain by hand), and times one ``mkdocs serve`` rebuild (plain and
--dirty) after a one-character edit to one speech, until the change is visible over
HTTP. It prints one table, then our stages per N. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "scripts"))
sys.path.insert(0, str(REPO / "hooks"))

from browser import fetch_text, free_port  # noqa: E402
from make_library import make_library  # noqa: E402
from sitebuild import library_of, page_url, write_config  # noqa: E402

# Our stages: (label, module, function). Wrapped where the hook or load_speech looks them up.
STAGES = (
    ("read", "speechkit.library.speeches", "decode_source"),
    ("clean", "speechkit.library.speeches", "clean"),
    ("parse", "speechkit.library.speeches", "parse"),
    ("library", "speechkit.library", "build_library"),
    ("render", "speechkit.pages", "ready_pages"),
    ("search docs", "speechkit.search", "search_documents"),
)
# The search index and the analysed pages (related items, 金句) are made by second
# processes (speechkit.build.jobs) while MkDocs renders pages; their CPU seconds are reported
# under this label, beside the stages.
SECOND_PROCESS = "2nd process"
# on_page_markdown includes handing over an analysed page's Markdown (waiting for it
# the first time) as MkDocs reads the page.
HOOK_EVENTS = ("on_config", "on_files", "on_page_markdown", "on_post_build")
# The edit made under `mkdocs serve`: one character of the text becomes this one.
EDIT_MARK = "鑫"
SERVE_TIMEOUT = 3600.0
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass
class Row:
    """The figures of one library size."""

    n: int
    text_mb: float
    build_s: float
    ours_s: float
    stages: dict
    hand_s: float
    peak_mb: float
    hand_peak_mb: float
    serve_s: float | None
    dirty_s: float | None
    jieba: bool


# -- the child: one instrumented build ---------------------------------------------------


def child(config: str, site: str, report: str, export: str) -> None:
    """Run ``mkdocs build`` in this process with our stages timed; write the report as JSON."""
    seconds: dict[str, float] = {}
    _time_stages(seconds)
    _time_hook_events(seconds, Path(export) if export else None)
    from mkdocs.__main__ import cli

    cli(["build", "-q", "-f", config, "-d", site], standalone_mode=False)
    own = resource.getrusage(resource.RUSAGE_SELF)
    job = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds[SECOND_PROCESS] = job.ru_utime + job.ru_stime
    # The two processes overlap in time: their peaks added is what the machine must hold at most.
    result = {"seconds": seconds, "peak_mb": (own.ru_maxrss + job.ru_maxrss) / 1024, "jieba": _jieba_loaded()}
    Path(report).write_text(json.dumps(result), encoding="utf-8")


def _jieba_loaded() -> bool:
    """Whether this process loaded jieba's dictionary (Material imports jieba but loads it on first use)."""
    jieba = sys.modules.get("jieba")
    return bool(jieba and jieba.dt.initialized)


def _timed(function, label: str, seconds: dict):
    """``function`` that adds its run time to ``seconds[label]``."""
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            seconds[label] = seconds.get(label, 0.0) + time.perf_counter() - started

    return wrapper


def _time_stages(seconds: dict) -> None:
    """Wrap the core's stage functions before the hook imports them."""
    import importlib

    for label, module_name, name in STAGES:
        module = importlib.import_module(module_name)
        setattr(module, name, _timed(getattr(module, name), label, seconds))


def _time_hook_events(seconds: dict, export: Path | None) -> None:
    """Wrap the hook's event handlers as MkDocs loads the hook file; export pages after on_files."""
    from mkdocs.config import config_options

    load = config_options.Hooks.run_validation

    def run_validation(self, value):
        hooks = load(self, value)
        for module in hooks.values():
            for event in HOOK_EVENTS:
                if hasattr(module, event):
                    setattr(module, event, _timed(getattr(module, event), f"hook {event}", seconds))
            if export is not None:
                module.on_files, module.on_post_build = _exporting(module, export)
        return hooks

    config_options.Hooks.run_validation = run_validation


def _exporting(hook, export: Path):
    """``on_files`` and ``on_post_build`` that also write the generated pages and the nav to
    ``export`` (untimed), once the build has read every page: reading the analysed pages
    right after on_files would wait for them before MkDocs needs them."""
    built = {}
    on_files, on_post_build = hook.on_files, hook.on_post_build

    def files_wrapper(files, config):
        built["files"] = files = on_files(files, config)
        built["build"] = hook._build()
        export.mkdir(parents=True, exist_ok=True)
        (export / "nav.json").write_text(json.dumps(config.nav, ensure_ascii=False), encoding="utf-8")
        return files

    def post_build_wrapper(config):
        for file in built["files"].documentation_pages():
            if file.generated_by:
                target = export / "docs" / file.src_uri
                target.parent.mkdir(parents=True, exist_ok=True)
                deferred = file.src_uri in built["build"].deferred
                text = built["build"].analysed_markdown(file.src_uri) if deferred else file.content_string
                target.write_text(text, encoding="utf-8")
        return on_post_build(config)

    return files_wrapper, post_build_wrapper


# -- the parent: builds, the hand-written site, serve ------------------------------------


def timed_build(config: Path, site: Path, export: Path | None = None, env: dict | None = None) -> tuple[float, dict]:
    """Wall seconds of one child build, and its report."""
    report = config.parent / "report.json"
    command = [sys.executable, __file__, "--child", str(config), str(site), str(report), str(export or "")]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env or ENV, cwd=config.parent)
    wall = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}")
    return wall, json.loads(report.read_text(encoding="utf-8"))


def handwritten_config(folder: Path, export: Path) -> Path:
    """A mkdocs.yml for the exported pages: the project's settings, its nav, no hook, Material's search."""
    docs = export / "docs"
    for entry in (REPO / "docs").iterdir():
        target = docs / entry.name
        if not target.exists():
            (shutil.copytree if entry.is_dir() else shutil.copy)(entry, target)
    (folder / "theme").mkdir(exist_ok=True)  # no overrides: Material's own search dialog
    nav = json.loads((export / "nav.json").read_text(encoding="utf-8"))
    settings = {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "docs_dir": str(docs),
        "hooks": [],
        "watch": [],
        "theme": {"name": "material", "custom_dir": str(folder / "theme")},
        "extra_javascript": [],
        "nav": nav,
    }
    text = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
    path = folder / "mkdocs.yml"
    path.write_text(text + _extensions_with_cjk_abbr(), encoding="utf-8")
    return path


def _extensions_with_cjk_abbr() -> str:
    """The project's markdown_extensions block, plus the hook's tooltip extension by module name."""
    base = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    return base[base.index("markdown_extensions:"):].rstrip() + "\n  - cjk_abbr\n"


def serve_rebuild(config: Path, speeches: Path, dirty: bool = False) -> float:
    """Seconds from a one-character edit of a speech to the change showing over HTTP under `mkdocs serve`."""
    target, position, url_path = _edit_point(speeches)
    port = free_port()
    log = open(config.parent / f"serve{'-dirty' if dirty else ''}.log", "w")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])],
        stdout=log, stderr=subprocess.STDOUT, env=ENV, cwd=config.parent,
    )
    original = target.read_bytes()
    try:
        url = f"http://127.0.0.1:{port}/{urllib.parse.quote(url_path)}"
        before = _wait_for(url, lambda page: page is not None, server).count(EDIT_MARK)
        text = original.decode("utf-8")
        target.write_text(text[:position] + EDIT_MARK + text[position + 1:], encoding="utf-8")
        started = time.perf_counter()
        _wait_for(url, lambda page: page is not None and page.count(EDIT_MARK) > before, server)
        return time.perf_counter() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        target.write_bytes(original)  # the next measurement edits the same text


def _edit_point(speeches: Path) -> tuple[Path, int, str]:
    """The first speech's file, the offset of a character of its last paragraph, and its full text URL."""
    library = library_of(speeches)
    placed = library.speeches[0]
    paragraph = placed.speech.paragraphs[-1]
    path = Path(placed.speech.path)
    middle = len(paragraph.text) // 2
    # A stretch of the paragraph's own text, to find where it stands in the file.
    position = path.read_text(encoding="utf-8").index(paragraph.text[middle - 4:middle + 4]) + 4
    from speechkit.library import urls

    return path, position, page_url(urls.full_text(placed.slug))


def _wait_for(url: str, done, server: subprocess.Popen) -> str:
    """Poll ``url`` until ``done(page)``; the page text (None while it cannot be fetched)."""
    deadline = time.perf_counter() + SERVE_TIMEOUT
    while time.perf_counter() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"mkdocs serve exited with {server.returncode}")
        page = fetch_text(url)
        if done(page):
            return page
        time.sleep(0.05)
    raise SystemExit(f"{url} did not change within {SERVE_TIMEOUT} s")


def measure(n: int, work: Path, serve: bool) -> Row:
    """Every figure of one library size."""
    folder = work / f"n{n}"
    speeches = folder / "speeches"
    written = make_library(n, speeches)
    text_mb = sum(p.stat().st_size for p in written) / 2**20
    ours = folder / "ours"
    ours.mkdir(parents=True)
    config = write_config(ours, speeches, strict=False)
    export = folder / "export"
    build_s, report = timed_build(config, ours / "site", export)
    hand = folder / "hand"
    hand.mkdir()
    hand_env = {**ENV, "PYTHONPATH": os.pathsep.join([str(REPO / "hooks"), ENV.get("PYTHONPATH", "")])}
    hand_s, hand_report = timed_build(handwritten_config(hand, export), hand / "site", env=hand_env)
    seconds = report["seconds"]
    ours_s = sum(seconds.get(f"hook {name}", 0.0) for name in HOOK_EVENTS)
    serve_s = serve_rebuild(config, speeches) if serve else None
    dirty_s = serve_rebuild(config, speeches, dirty=True) if serve else None
    return Row(n, text_mb, build_s, ours_s, seconds, hand_s, report["peak_mb"], hand_report["peak_mb"],
               serve_s, dirty_s, report["jieba"])


def print_table(rows: list[Row]) -> None:
    """The summary table, then our stages per N."""
    print(f"{'N':>5} {'text MB':>8} {'build s':>8} {'our share':>9} {'hand s':>7} {'ratio':>6} "
          f"{'peak MB':>8} {'hand MB':>8} {'serve s':>8} {'--dirty s':>9}")
    for r in rows:
        print(f"{r.n:>5} {r.text_mb:8.1f} {r.build_s:8.1f} {r.ours_s / r.build_s:9.1%} {r.hand_s:7.1f} "
              f"{r.build_s / r.hand_s:6.2f} {r.peak_mb:8.0f} {r.hand_peak_mb:8.0f} {_seconds(r.serve_s, 8)} {_seconds(r.dirty_s, 9)}")
    labels = [label for label, _, _ in STAGES] + [SECOND_PROCESS]
    print()
    print(f"{'N':>5} " + " ".join(f"{label:>12}" for label in labels) + f" {'hook total':>11} {'parse MB/s':>10} {'jieba':>6}")
    for r in rows:
        cells = " ".join(f"{r.stages.get(label, 0.0):12.2f}" for label in labels)
        parse_s = r.stages.get("parse", 0.0)
        rate = r.text_mb / parse_s if parse_s else float("inf")
        print(f"{r.n:>5} {cells} {r.ours_s:11.2f} {rate:10.1f} {str(r.jieba):>6}")
    if len(rows) > 1 and rows[-1].n == 10 * rows[-2].n:
        print(f"\ntime({rows[-1].n}) / time({rows[-2].n}) = {rows[-1].build_s / rows[-2].build_s:.1f}")


def _seconds(value: float | None, width: int) -> str:
    """A time for the table, or a dash where it was not measured."""
    return f"{value:{width}.1f}" if value is not None else f"{'-':>{width}}"


def main(argv: list[str]) -> int:
    """Command line entry point."""
    if argv[:1] == ["--child"]:
        child(*argv[1:5])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000")
    parser.add_argument("--serve-max", type=int, default=1000, help="time `mkdocs serve` up to this N")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="study-bench-"))
    try:
        rows = []
        for n in sizes:
            rows.append(measure(n, work, serve=n <= args.serve_max))
            print(f"N={n} done", file=sys.stderr)
        print_table(rows)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
