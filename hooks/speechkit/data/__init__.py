"""Word lists and patterns the pipeline reads, kept as YAML beside this module."""

from __future__ import annotations

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent
# libyaml's parser when PyYAML has it: several times faster than PyYAML's, and as safe.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml_file(path: str | Path):
    """The data of a YAML file (safe loading); raises yaml.YAMLError for invalid YAML."""
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)


def parse_yaml(text: str):
    """The data of a YAML text (safe loading); raises yaml.YAMLError for invalid YAML."""
    return yaml.load(text, Loader=_LOADER)
