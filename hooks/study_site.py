"""MkDocs hook: turn the speeches folder into generated study pages.

Adapter over the ``speechkit`` package beside it: each event guards, then calls the
build's object (speechkit.build). Settings live under ``extra.study_site`` in mkdocs.yml
and are checked once per build. A problem with one input file is a warning naming it
(so a strict publish build fails) and a line on the site's 维护提示 page; the rest of the
site builds, and `mkdocs serve` keeps serving.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_build_date
from mkdocs.utils.meta import get_data

from cjk_abbr import CjkAbbrExtension
from page_files import add_pages, add_static
from speechkit.build import DEFAULT_TOPICS, Build, Session, Settings
from speechkit.data import DATA_DIR
from speechkit.errors import SpeechError
from speechkit.library import reserved_names
from speechkit.pages import HOME, TAGS_PAGE, Aids, footer_line, navigation

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.study_site")
DEFAULT_SEARCH = "study"
# The process's session (caches kept between the rebuilds of `mkdocs serve`, its temp
# folder and guard), and the build in progress. MkDocs loads a hook module once per
# process and runs its builds one after another, so there is at most one of each.
_STATE: dict = {"session": None, "build": None}


class AidsConfig(base.Config):
    """The ``extra.study_site.aids`` switches, one per study aid."""

    glossary = c.Type(bool, default=True)  # hover explanations of terms, the glossary page
    key_sentences = c.Type(bool, default=True)  # 金句 page per speech
    diagram = c.Type(bool, default=True)  # mind map of the outline on each speech home
    self_test = c.Type(bool, default=True)  # cloze self-test page per speech
    handout = c.Type(bool, default=True)  # printable handout per speech


class StudySiteConfig(base.Config):
    """The ``extra.study_site`` settings."""

    speeches = c.Type(str, default="speeches")
    topics = c.Type(str, default="")
    rules = c.Type(str, default="")  # a folder of rule files like hooks/speechkit/data/; empty = those
    # study: our exact-phrase engine (search_index.py + study-search.js);
    # material: Material's own lunr search, kept for comparison in the search benchmark.
    search = c.Choice(("study", "material"), default=DEFAULT_SEARCH)
    aids = c.SubConfig(AidsConfig)


def _settings(config: MkDocsConfig) -> Settings:
    """Check extra.study_site, reporting every bad key at once; paths relative to mkdocs.yml."""
    checked = StudySiteConfig(config_file_path=config.config_file_path)
    checked.load_dict(dict(config.extra.get("study_site") or {}))
    errors, warnings = checked.validate()
    for key, warning in warnings:
        log.warning(f"extra.study_site.{key}: {warning}")
    if errors:
        raise PluginError("; ".join(f"extra.study_site.{key}: {error}" for key, error in errors))
    here = Path(config.config_file_path or "mkdocs.yml").parent
    return Settings(
        speeches=here / checked.speeches,
        topics=here / checked.topics if checked.topics else DEFAULT_TOPICS,
        rules=here / checked.rules if checked.rules else DATA_DIR,
        search=checked.search,
        aids=Aids(**checked.aids),
    )


def _session() -> Session:
    """The process's session (one is made if on_startup did not run, as in some tools)."""
    if _STATE["session"] is None:
        _STATE["session"] = Session()
    return _STATE["session"]


def _build() -> Build:
    """The build in progress."""
    return _STATE["build"]


def on_startup(command: str, dirty: bool) -> None:
    """Start the session: a serving one does not wait for the search index; --dirty renders
    only the pages whose text changed."""
    _STATE["session"] = Session(serving=command == "serve", dirty=dirty)


def on_shutdown() -> None:
    """End the session: nothing it started or wrote to temp folders outlives it."""
    if _STATE["session"] is not None:
        _STATE["session"].close()
        _STATE["session"] = None


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Start this build: settings checked, rule files and taxonomy read; choose the search."""
    settings = _settings(config)
    try:
        build = Build(_session(), settings, config.site_dir)
    except SpeechError as error:
        raise PluginError(str(error)) from None
    _STATE["build"] = build
    if settings.aids.glossary:
        # abbr as configured never finds a term inside Chinese text; this one does.
        config.markdown_extensions.append(CjkAbbrExtension())
    if settings.search == "material":
        _use_material_search(config, build)
    return config


def _use_material_search(config: MkDocsConfig, build: Build) -> None:
    """Material's search dialog (our overrides folder dropped from the theme), and jieba
    given the taxonomy's terms as its user dictionary."""
    custom = config.theme.custom_dir
    if custom:
        config.theme.dirs = [d for d in config.theme.dirs if not os.path.samefile(d, custom)]
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or search.config.get("jieba_dict_user"):
        return
    dictionary = build.session.temp / "jieba-user-dictionary.txt"
    dictionary.write_text("".join(f"{t.term}\n" for t in build.taxonomy.terms), encoding="utf-8")
    search.config.jieba_dict_user = str(dictionary)


def on_serve(server, config: MkDocsConfig, builder):
    """Rebuild when a speech, the taxonomy or a rule file changes, wherever the settings put them."""
    settings = _settings(config)
    for path in (settings.speeches, settings.topics, settings.rules):
        server.watch(str(path))
    return server


def on_pre_build(config: MkDocsConfig) -> None:
    """Stop the search index the previous build of this site may still be finishing (serve)."""
    _session().settle(config.site_dir)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read every speech and add its pages; build the navigation from them."""
    build = _build()
    try:
        speeches = build.speeches()
    except SpeechError as error:
        raise PluginError(str(error)) from None
    for notice in build.notices:
        log.warning(str(notice))
    for advice in build.advice:
        log.info(advice)
    for speech in speeches:
        for warning in speech.warnings:
            # Advice about the text (no title line, no structure found), shown by
            # scripts/outline.py; the page is still built, so it must not fail --strict.
            log.info(warning)
        for dropped in speech.dropped:
            log.debug(f"{speech.path}:{dropped.line}: dropped ({dropped.reason}): {dropped.text}")
    # No speech may take the top-level name of a page or folder the site has already.
    reserved = reserved_names(config.docs_dir)
    home = files.get_file_from_path(HOME) is None
    try:
        ready, later = build.pages(speeches, home=home, reserved=reserved)
    except SpeechError as error:
        raise PluginError(str(error)) from None
    add_pages(files, config, [(p.path, p.markdown) for p in ready], later, build.session.pages_folder,
              build.analysed_markdown)
    page_url = lambda path: files.get_file_from_path(path).url  # noqa: E731
    if build.settings.search == "study":
        # Built beside the page rendering that follows, on another core; see on_post_build.
        try:
            build.start_search(page_url)
        except SpeechError as error:
            raise PluginError(str(error)) from None
    add_static(files, config, build.static_files(page_url))
    if config.nav is None:
        config.nav = _nav(files, navigation(build.library))
    # The footer template (overrides/partials/copyright.html) shows it; the date honours
    # SOURCE_DATE_EPOCH, so builds of the same speeches stay identical.
    config.extra["study_footer"] = footer_line(config.site_name, build.library, get_build_date())
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """An analysed page gets its text (made meanwhile, maybe in a second process); with our
    search engine, every page stays out of Material's whole-site index."""
    build = _build()
    if build is not None and page.file.src_uri in build.deferred:
        try:
            markdown, meta = get_data(build.analysed_markdown(page.file.src_uri))
        except SpeechError as error:
            raise PluginError(str(error)) from None
        page.meta.update(meta)
    if build is None or build.settings.search == "study":
        page.meta["search"] = {"exclude": True}
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    """Put this build's search index in place (when serving, a moment later, from a thread)."""
    build, _STATE["build"] = _build(), None
    try:
        build.finish(on_error=log.warning)
    except SpeechError as error:
        raise PluginError(str(error)) from None


def on_build_error(error: Exception) -> None:
    """A failed build: stop its second processes and remove what they wrote."""
    build, _STATE["build"] = _build(), None
    if build is not None:
        build.abort()


def _nav(files: Files, speech_sections) -> list:
    """Home, the topic index, the speeches, then the hand-written pages of docs/."""
    def entry(node):
        if node.page is not None:
            return {node.title: node.page}
        return {node.title: [entry(child) for child in node.children]}

    written = [
        f.src_uri for f in files.documentation_pages()
        if not f.generated_by and f.src_uri != HOME
    ]
    return [{"首页": HOME}, {"主题索引": TAGS_PAGE}, *[entry(node) for node in speech_sections], *written]
