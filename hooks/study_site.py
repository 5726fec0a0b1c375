"""MkDocs hook: turn the speeches folder into generated study pages.

Thin adapter over the ``speechkit`` package beside it: each event guards, then calls into
the core. Settings live under ``extra.study_site`` in mkdocs.yml.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from speechkit.errors import SpeechError
from speechkit.library import build_library, load_speech, speech_files
from speechkit.rendering import HOME, navigation
from speechkit.rendering import render_library
from speechkit.topics import load_taxonomy

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

log = logging.getLogger("mkdocs.hooks.study_site")
DEFAULT_TOPICS = Path(__file__).parent / "speechkit" / "data" / "topics.yml"


class StudySiteConfig(base.Config):
    """The ``extra.study_site`` settings."""

    speeches = c.Type(str, default="speeches")
    topics = c.Type(str, default="")


def _settings(config: MkDocsConfig) -> StudySiteConfig:
    """Validate extra.study_site, reporting every bad key at once."""
    settings = StudySiteConfig(config_file_path=config.config_file_path)
    settings.load_dict(dict(config.extra.get("study_site") or {}))
    errors, warnings = settings.validate()
    for key, warning in warnings:
        log.warning(f"extra.study_site.{key}: {warning}")
    if errors:
        raise PluginError(
            "; ".join(f"extra.study_site.{key}: {error}" for key, error in errors)
        )
    return settings


def _resolve(config: MkDocsConfig, path: str) -> Path:
    """A settings path, relative to mkdocs.yml."""
    return Path(config.config_file_path).parent / path


def _topics_path(config: MkDocsConfig) -> Path:
    """The taxonomy file in use."""
    topics = _settings(config).topics
    return _resolve(config, topics) if topics else DEFAULT_TOPICS


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Before the search plugin loads jieba, hand it the taxonomy's terms as a user dictionary."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or search.config.get("jieba_dict_user"):
        return config
    try:
        taxonomy = load_taxonomy(_topics_path(config))
    except SpeechError as error:
        raise PluginError(str(error)) from None
    search.config.jieba_dict_user = str(_write_user_dictionary([t.term for t in taxonomy.terms]))
    return config


def _write_user_dictionary(terms: list[str]) -> Path:
    """Write jieba's user dictionary to a temp file named after its content."""
    content = "".join(f"{term}\n" for term in terms)
    digest = hashlib.sha256(content.encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"study-site-jieba-{digest}.txt"
    if not path.exists():
        path.write_text(content, encoding="utf-8")
    return path


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Parse every speech and add its pages; build the navigation from them."""
    folder = _resolve(config, _settings(config).speeches)
    try:
        taxonomy = load_taxonomy(_topics_path(config))
        speeches = [load_speech(path) for path in speech_files(folder)]
    except (SpeechError, OSError) as error:
        raise PluginError(str(error)) from None
    for speech in speeches:
        for warning in speech.warnings:
            log.warning(warning)
        for dropped in speech.dropped:
            log.debug(f"{speech.path}:{dropped.line}: dropped ({dropped.reason}): {dropped.text}")
    library = build_library(speeches, taxonomy)
    has_home = files.get_file_from_path(HOME) is not None
    for page in render_library(library, home=not has_home):
        files.append(File.generated(config, page.path, content=page.markdown))
    if config.nav is None:
        config.nav = _nav(files, navigation(library))
    return files


def _nav(files: Files, speech_sections) -> list:
    """Home, the speeches, then the hand-written pages of docs/."""
    def entry(node):
        if node.page is not None:
            return {node.title: node.page}
        return {node.title: [entry(child) for child in node.children]}

    written = [
        f.src_uri for f in files.documentation_pages()
        if not f.generated_by and f.src_uri != HOME
    ]
    return [{"首页": HOME}, *[entry(node) for node in speech_sections], *written]
