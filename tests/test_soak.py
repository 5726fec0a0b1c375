"""A bounded soak test: 40 random operations on the speeches folder and a rule file under a
running `mkdocs serve`; after each one every good speech is served, the search index
lists exactly those speeches, broken files are named on the 维护提示 page, and the
rules in force are the edited ones."""

from __future__ import annotations

import json
import random
import re
import shutil
import urllib.parse
from pathlib import Path

from browser import fetch_text, free_port
from conftest import SEED
from sitebuild import page_url, write_config
from test_lifecycle import NOTICES_URL, _leftovers, _ours_running, _own_tmp, _serve, _stop, _wait_for

OPERATIONS = 40
SEED_TITLE_LINE = "在区基层党建工作推进会议上的讲话"
WATERMARK = "【测试水印】"
WATERMARK_RULE = f"  - pattern: '^{WATERMARK}$'\n    reason: 测试水印\n    where: anywhere\n"
BAD_FILES = (b"", b"\x00\x01\x02\x03" * 64, b"\x81\xff\xfe\xfa" * 16)  # empty, binary, neither UTF-8 nor GBK


class Library:
    """The speeches folder and what the site should show for it."""

    def __init__(self, folder: Path, rules: Path, rng: random.Random):
        self.folder, self.rules, self.rng = folder, rules, rng
        self.good: dict[str, str] = {}  # file name → title
        self.bad: set[str] = set()
        self.counter = 0
        self.watermark_rule = False

    def _new_title(self) -> str:
        self.counter += 1
        return f"在第{self.counter}次基层党建工作推进会议上的讲话"

    def _write_good(self, name: str, title: str) -> None:
        text = SEED.read_text(encoding="utf-8").replace(SEED_TITLE_LINE, title, 1)
        # A line the rule file's noise rule sets aside while that rule is there.
        text = text.replace("同志们：", f"同志们：\n{WATERMARK}", 1)
        (self.folder / name).write_text(text, encoding="utf-8")
        self.good[name] = title

    def add(self) -> None:
        self._write_good(f"s{self.counter + 1}.txt", self._new_title())

    def edit(self) -> None:
        name = self.rng.choice(sorted(self.good))
        self._write_good(name, self._new_title())

    def rename(self) -> None:
        name = self.rng.choice(sorted(self.good))
        target = f"r{self.counter}-{name}"
        (self.folder / name).rename(self.folder / target)
        self.good[target] = self.good.pop(name)

    def delete(self) -> None:
        name = self.rng.choice(sorted(self.good))
        (self.folder / name).unlink()
        del self.good[name]

    def add_bad(self) -> None:
        self.counter += 1
        name = f"bad{self.counter}.txt"
        (self.folder / name).write_bytes(self.rng.choice(BAD_FILES))
        self.bad.add(name)

    def delete_bad(self) -> None:
        name = self.rng.choice(sorted(self.bad))
        (self.folder / name).unlink()
        self.bad.discard(name)

    def toggle_rule(self) -> None:
        noise = self.rules / "noise.yml"
        text = noise.read_text(encoding="utf-8")
        if self.watermark_rule:
            text = text.replace(WATERMARK_RULE, "")
        else:
            text = text.replace("rules:\n", "rules:\n" + WATERMARK_RULE, 1)
        noise.write_text(text, encoding="utf-8")
        self.watermark_rule = not self.watermark_rule

    def operation(self):
        """A random operation that the folder's state allows."""
        choices = [self.add, self.add_bad, self.toggle_rule]
        if len(self.good) > 1:
            choices += [self.edit, self.rename, self.delete]
        if self.bad:
            choices.append(self.delete_bad)
        return self.rng.choice(choices)


def _speech_url(base: str, title: str) -> str:
    """Where a speech's home is served (titles here are unique and make their slug as is)."""
    return base + urllib.parse.quote(page_url(f"{title}/index.md"))


def _indexed_titles(base: str) -> set[str] | None:
    """The speech titles the served search index lists."""
    facets = fetch_text(base + "search/facets.js", timeout=10)
    if facets is None:
        return None
    payload = re.search(r'receive\("facets",(.*)\);\s*$', facets, re.S).group(1)
    return set(json.loads(payload)["speeches"])


def _shows(base: str, library: Library) -> bool:
    """Whether the served site is what the folder and rules make."""
    titles = set(library.good.values())
    if _indexed_titles(base) != titles:
        return False
    home = fetch_text(base, timeout=10) or ""
    if f"共 {len(titles)} 篇讲话" not in home:
        return False
    for title in titles:
        page = fetch_text(_speech_url(base, title), timeout=10)
        if page is None or title not in page:
            return False
    notices = fetch_text(base + NOTICES_URL, timeout=10) or ""
    if any(f"speeches/{name}" not in notices for name in library.bad):
        return False
    if not library.bad and notices:
        return False  # no page of notices once every broken file is gone
    full_text = fetch_text(base + urllib.parse.quote(page_url(f"{min(titles)}/全文.md")), timeout=10) or ""
    return (WATERMARK in full_text) != library.watermark_rule


def test_serve_survives_random_operations(tmp_path):
    rng = random.Random(20261201)
    speeches = tmp_path / "speeches"
    speeches.mkdir()
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parent.parent / "hooks" / "speechkit" / "data", rules,
                    ignore=shutil.ignore_patterns("*.py", "__pycache__", "topics.yml"))
    library = Library(speeches, rules, rng)
    library.add()
    library.add()
    config = write_config(tmp_path, speeches, extra={"study_site": {"speeches": str(speeches), "rules": str(rules)}})
    env = _own_tmp(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = _serve(config, port, env)
    done = []
    try:
        _wait_for(lambda: _shows(base, library), "the first build is served", server)
        for _ in range(OPERATIONS):
            operation = library.operation()
            operation()
            done.append(operation.__name__)
            _wait_for(lambda: _shows(base, library), f"the site follows {done}", server)
    finally:
        output = _stop(server)
    assert len(done) == OPERATIONS and {"toggle_rule", "add_bad", "delete"} <= set(done)
    assert "Traceback" not in output, output
    assert "ERROR" not in output, output
    assert _leftovers(env) == []
    assert _ours_running(env["TMPDIR"]) == []
