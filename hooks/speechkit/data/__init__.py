"""Word lists and patterns the pipeline reads, kept as YAML beside this module."""

from __future__ import annotations

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent
# libyaml's parser when PyYAML has it: the study aids read their rules once per speech.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(name: str) -> dict:
    """Load one of the package's YAML data files."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)
