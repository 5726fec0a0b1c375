"""Word lists and patterns the pipeline reads, kept as YAML beside this module."""

from __future__ import annotations

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent
# libyaml's parser when PyYAML has it: several times faster than PyYAML's, and as safe.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def compose_yaml(text: str) -> yaml.Node | None:
    """The node tree of a YAML text (None if it holds no document), every node with its
    start_mark; raises yaml.YAMLError for invalid YAML."""
    return yaml.compose(text, Loader=_LOADER)


def parse_yaml(text: str):
    """The data of a YAML text (safe loading); raises yaml.YAMLError for invalid YAML."""
    return yaml.load(text, Loader=_LOADER)
