"""Build the real site, strict, into a temporary folder, optionally from other speeches."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
SEED_TITLE = "在区基层党建工作推进会议上的讲话"
# One page of each type of the seed site, by source path (see page_url for its URL).
SEED_PAGES = {
    "library-home": "index.md",
    "speech-home": f"{SEED_TITLE}/index.md",
    "part": f"{SEED_TITLE}/意见/index.md",
    "item": f"{SEED_TITLE}/意见/6.md",
    "full-text": f"{SEED_TITLE}/全文.md",
    "topic-index": "tags.md",
    "topic": "主题/组织生活/index.md",
    "about": "about.md",
}


def write_config(folder: Path, speeches: Path | None = None, base: str = "mkdocs.yml", **overrides) -> Path:
    """A mkdocs.yml in ``folder`` that inherits the project's ``base`` config and points at ``speeches``."""
    config = {
        "INHERIT": str(REPO / base),
        "docs_dir": str(REPO / "docs"),
        "hooks": [str(REPO / "hooks" / "study_site.py")],
        "theme": {"name": "material", "custom_dir": str(REPO / "overrides")},
        "watch": [str(speeches or REPO / "speeches")],
        "extra": {"study_site": {"speeches": str(speeches or REPO / "speeches")}},
        **overrides,
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def write_speeches(folder: Path, files: dict[str, str | bytes]) -> Path:
    """A speeches folder holding ``files`` (name → text or raw bytes); return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    return folder


def build(
    config: Path, site: Path, env: dict[str, str] | None = None, strict: bool = True
) -> subprocess.CompletedProcess:
    """Run ``mkdocs build`` (``--strict`` unless told); return the finished process with its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )


def built(config: Path, site: Path) -> Path:
    """Build strict and insist on a clean build (no warning); return the site folder."""
    result = build(config, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


def page_url(src_path: str, directory_urls: bool = True) -> str:
    """The URL, relative to the site root, of a page generated as ``src_path`` (a/b/index.md)."""
    stem = src_path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def library_of(speeches: Path):
    """The core's view of a speeches folder (the pages the hook generates), for finding pages."""
    from speechkit.library import build_library, load_speech
    from speechkit.sources import list_speeches
    from speechkit.library import load_taxonomy

    taxonomy = load_taxonomy(REPO / "hooks" / "speechkit" / "data" / "topics.yml")
    paths = list_speeches(speeches).paths
    return build_library([load_speech(path) for path in paths], taxonomy)
