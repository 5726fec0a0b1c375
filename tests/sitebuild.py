"""Build the real site, strict, into a temporary folder, optionally from other speeches."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def write_config(folder: Path, speeches: Path | None = None, **overrides) -> Path:
    """A mkdocs.yml in ``folder`` that inherits the project's and points at ``speeches``."""
    config = {
        "INHERIT": str(REPO / "mkdocs.yml"),
        "docs_dir": str(REPO / "docs"),
        "hooks": [str(REPO / "hooks" / "study_site.py")],
        "watch": [str(speeches or REPO / "speeches")],
        "extra": {"study_site": {"speeches": str(speeches or REPO / "speeches")}},
        **overrides,
    }
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build(config: Path, site: Path) -> subprocess.CompletedProcess:
    """Run ``mkdocs build --strict``; return the finished process with its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=config.parent,
    )
