"""MkDocs hook: turn the speeches folder into generated study pages.

Adapter over the ``speechkit`` package beside it: each event guards, then calls into the
core. Settings live under ``extra.study_site`` in mkdocs.yml. The search index, and for
a large library the item and 金句 pages, are made by second processes (speechkit.jobs)
while MkDocs renders the other pages; page_files.py hands the pages to MkDocs.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from cjk_abbr import CjkAbbrExtension
from page_files import Analysed, add_pages
from speechkit.aids import Aids
from speechkit.errors import SpeechError
from speechkit.library import ParsedSpeeches, build_library, speech_files
from speechkit.jobs import Job
from speechkit.rendering import HOME, analysed_pages, analysed_paths, navigation, ready_pages
from speechkit.search_index import search_documents
from speechkit.search_job import SearchJob
from speechkit.topics import load_taxonomy

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page
    from speechkit.library import Library
    from speechkit.model import Speech

log = logging.getLogger("mkdocs.hooks.study_site")
DEFAULT_TOPICS = Path(__file__).parent / "speechkit" / "data" / "topics.yml"
# The longest real speeches and work reports are a few hundred KB; a bigger file is a
# wrong file (a book, a log) whose pages and search index would take hours to build.
MAX_SPEECH_BYTES = 2 * 2**20
# Below this much speech text the analysed pages are made at once: a second process
# costs more to start (a few tenths of a second) than they take.
ANALYSE_APART_BYTES = 2**17
DEFAULT_SEARCH = "study"
# How this process was started (on_startup): the command line cannot change between the
# rebuilds of one `mkdocs serve`, so this is the one piece of state a rebuild may see.
_PROCESS = {"dirty": False, "serve": False}
# Parsed speeches kept between the rebuilds of `mkdocs serve` (MkDocs loads this hook
# module once per process): a rebuild parses only the files that changed.
_PARSED = ParsedSpeeches()
# The search index being built in a second process, by site folder, from on_files until
# on_post_build (or on_build_error) of the same build; under `mkdocs serve`, until a
# thread has put it in place after the build (or the next build has stopped it).
_SEARCH_JOBS: dict[str, SearchJob] = {}
_FINISHING: dict[str, tuple[SearchJob, threading.Thread]] = {}
# The item and 金句 pages of a build, by site folder, from on_files to on_post_build.
_ANALYSED: dict[str, Analysed] = {}


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
    # study: our exact-phrase engine (search_index.py + study-search.js);
    # material: Material's own lunr search, kept for comparison in the search benchmark.
    search = c.Choice(("study", "material"), default=DEFAULT_SEARCH)
    aids = c.SubConfig(AidsConfig)


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


def _topics_path(config: MkDocsConfig, settings: StudySiteConfig) -> Path:
    """The taxonomy file in use."""
    return _resolve(config, settings.topics) if settings.topics else DEFAULT_TOPICS


def on_startup(command: str, dirty: bool) -> None:
    """Note a --dirty process (`mkdocs serve --dirty`: its rebuilds render only changed pages)
    and a serving one (its builds do not wait for the search index)."""
    _PROCESS["dirty"] = dirty
    _PROCESS["serve"] = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    """Stop the search index the previous build of this site may still be finishing (serve)."""
    if config.site_dir in _FINISHING:
        job, thread = _FINISHING.pop(config.site_dir)
        job.cancel()
        thread.join()  # before MkDocs cleans the site folder the thread writes into


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Choose the search engine; for Material's, hand jieba the taxonomy's terms first."""
    settings = _settings(config)
    if Aids(**settings.aids).glossary:
        # abbr as configured never finds a term inside Chinese text; this one does.
        config.markdown_extensions.append(CjkAbbrExtension())
    if settings.search == "study":
        return config
    _use_material_search_dialog(config)
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or search.config.get("jieba_dict_user"):
        return config
    try:
        taxonomy = load_taxonomy(_topics_path(config, settings))
    except SpeechError as error:
        raise PluginError(str(error)) from None
    search.config.jieba_dict_user = str(_write_user_dictionary([t.term for t in taxonomy.terms]))
    return config


def _use_material_search_dialog(config: MkDocsConfig) -> None:
    """Drop our overrides folder (theme.custom_dir) from the theme: Material's search dialog shows."""
    custom = config.theme.custom_dir
    if custom:
        config.theme.dirs = [d for d in config.theme.dirs if not os.path.samefile(d, custom)]


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
    settings = _settings(config)
    folder = _resolve(config, settings.speeches)
    try:
        taxonomy = load_taxonomy(_topics_path(config, settings))
        paths = speech_files(folder)
    except (SpeechError, OSError) as error:
        raise PluginError(str(error)) from None
    speeches = [speech for speech in map(_load, paths) if speech is not None]
    _PARSED.keep_only(paths)
    for speech in speeches:
        for warning in speech.warnings:
            # Advice about the text (no title line, no structure found), shown by
            # scripts/outline.py; the page is still built, so it must not fail --strict.
            log.info(warning)
        for dropped in speech.dropped:
            log.debug(f"{speech.path}:{dropped.line}: dropped ({dropped.reason}): {dropped.text}")
    aids = Aids(**settings.aids)
    library, analysed = _analyse(speeches, taxonomy, aids)
    _ANALYSED[config.site_dir] = analysed
    has_home = files.get_file_from_path(HOME) is not None
    ready = [(page.path, page.markdown) for page in ready_pages(library, home=not has_home, aids=aids)]
    add_pages(files, config, ready, analysed_paths(library, aids), analysed, dirty=_PROCESS["dirty"])
    if settings.search == "study":
        docs = search_documents(library, lambda path: files.get_file_from_path(path).url)
        # Built beside the page rendering that follows, on another core; see on_post_build.
        try:
            _SEARCH_JOBS[config.site_dir] = SearchJob(docs, config.site_dir)
        except SpeechError as error:
            raise PluginError(str(error)) from None
    if config.nav is None:
        config.nav = _nav(files, navigation(library))
    return files


def _analyse(speeches: list[Speech], taxonomy, aids: Aids) -> tuple[Library, Analysed]:
    """The library, and its analysed pages (items, 金句): made here for a small library,
    else started in a second process (speechkit.analysed) that ranks related items and
    key sentences while this one renders the other pages and MkDocs renders those.

    Not in a --dirty build: MkDocs renders little there, and this process's caches
    (parsed speeches, key sentences) make the analyses of an edit quicker here.
    """
    sources = [(speech.path, _PARSED.source(speech.path)) for speech in speeches]
    apart = sum(len(data) for _, data in sources) >= ANALYSE_APART_BYTES and not _PROCESS["dirty"]
    library = build_library(speeches, taxonomy, related=not apart)
    if apart:
        try:
            job = Job("speechkit.analysed:render_analysed", sources, taxonomy, aids, what="the item and 金句 pages")
            return library, Analysed(job)
        except SpeechError as error:
            log.info(f"{error}; making them in this process")
            library = build_library(speeches, taxonomy)
    return library, Analysed(None, {page.path: page.markdown for page in analysed_pages(library, aids)})


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """With our search engine, keep every page out of Material's whole-site index."""
    if _search_engine(config) == "study":
        page.meta["search"] = {"exclude": True}
    return markdown


def _search_engine(config: MkDocsConfig) -> str:
    """extra.study_site.search, which on_config validated this build; not validated again for each page."""
    return (config.extra.get("study_site") or {}).get("search") or DEFAULT_SEARCH


def on_post_build(config: MkDocsConfig) -> None:
    """Wait for the search index of this build and put it in place; when serving, let a
    thread do that, so an edited page shows without waiting for the index."""
    analysed = _ANALYSED.pop(config.site_dir, None)
    if analysed is not None and analysed.job is not None and analysed.pages is None:
        analysed.job.cancel()  # no page of it was read (all excluded): nothing to wait for
        analysed.job.result()
    job = _SEARCH_JOBS.pop(config.site_dir, None)
    if job is None:
        return
    if _PROCESS["serve"]:
        thread = threading.Thread(target=_finish_search, args=(job,), daemon=True)
        _FINISHING[config.site_dir] = (job, thread)
        thread.start()
        return
    try:
        job.wait()
    except SpeechError as error:
        raise PluginError(str(error)) from None
    log.debug(f"search index in place {job.seconds:.1f} s after it was started")


def _finish_search(job: SearchJob) -> None:
    """Put a search index in place after the build (serve); a failure is a warning in the log."""
    try:
        job.wait()
    except SpeechError as error:
        log.warning(str(error))


def on_build_error(error: Exception) -> None:
    """A failed build: stop its jobs."""
    for analysed in _ANALYSED.values():
        if analysed.job is not None:
            analysed.job.cancel()
            analysed.job.result()
    _ANALYSED.clear()
    for job in _SEARCH_JOBS.values():
        job.cancel()
        job.wait()
    _SEARCH_JOBS.clear()


def _load(path: Path) -> Speech | None:
    """One speech, or None with one warning naming the file, so one bad file spares the rest."""
    try:
        size = path.stat().st_size
        if size > MAX_SPEECH_BYTES:
            limit = MAX_SPEECH_BYTES // 2**20
            raise SpeechError(path, f"{size / 2**20:.1f} MB is more than the {limit} MB a speech can be")
        speech = _PARSED.load(path)
    except (SpeechError, OSError) as error:
        log.warning(f"{error}; skipped")
        return None
    if not speech.paragraphs:
        log.warning(f"{path}: the file holds no text; skipped")
        return None
    return speech


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
