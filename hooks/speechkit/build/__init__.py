"""One build of the site, and the process that runs builds one after another.

A ``Session`` lives as long as the process (one `mkdocs build`, or every rebuild of one
`mkdocs serve`): the parsed speeches kept between rebuilds, a temp folder, the guard
that cleans up if the process dies. A ``Build`` is one build: its settings (checked
once), the rule files and taxonomy read for it, the notices about input files, its
second processes and their files. It starts, hands out pages, and is finished or
aborted; whatever it started ends with it. No MkDocs here: the hook turns events into
these calls.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..data import DATA_DIR
from ..errors import Notice, SpeechError
from ..library import SITE_NAMES, Library, ParsedSpeeches, Taxonomy, build_library, load_taxonomy
from ..model import Speech
from ..pages import Aids, Page, analysed_pages, analysed_paths, compare_files, compared, ready_pages
from ..rulebook import Rulebook, load_rulebook, using
from ..search import search_documents
from ..sources import is_document, list_speeches
from .downloads import downloads
from .guard import Guard
from .jobs import Job
from .search_job import SearchJob

DEFAULT_TOPICS = DATA_DIR / "topics.yml"
# The longest real speeches and work reports are a few hundred KB; a bigger file is a
# wrong file (a book, a log) whose pages and search index would take hours to build.
MAX_SPEECH_BYTES = 2 * 2**20
# A Word or PDF file holds images and fonts besides its text: a long report with photos
# can be tens of MB.
MAX_DOCUMENT_BYTES = 64 * 2**20
# Below this much speech text the analysed pages are made at once: a second process
# costs more to start (a few tenths of a second) than they take.
ANALYSE_APART_BYTES = 2**17


FOLDER_NOTE = "not read: the folder's own notes (README, SOURCES, LICENSE …), not a speech; rename it to read it as one"


@dataclass(frozen=True)
class Settings:
    """What a build is asked to do (extra.study_site, checked by the adapter)."""

    speeches: Path
    topics: Path = DEFAULT_TOPICS
    rules: Path = DATA_DIR  # the folder of rule files (structure.yml, noise.yml, …)
    search: str = "study"  # study: our engine; material: Material's lunr search
    aids: Aids = field(default_factory=Aids)


class Session:
    """What outlives one build: caches, a temp folder, the guard, indexes still being finished."""

    def __init__(self, serving: bool = False, dirty: bool = False):
        """A process that serves (its builds do not wait for the search index) and may be --dirty."""
        self.serving = serving
        self.dirty = dirty
        self.guard = Guard()
        self.parsed = ParsedSpeeches()
        self._temp: Path | None = None
        self._finishing: dict[str, tuple[SearchJob, threading.Thread]] = {}

    @property
    def temp(self) -> Path:
        """This process's temp folder, removed when it ends (by the guard if need be)."""
        if self._temp is None:
            self._temp = Path(tempfile.mkdtemp(prefix=f"study-site-{os.getpid()}-"))
            self.guard.own(self._temp)
        return self._temp

    def settle(self, site_dir: str) -> None:
        """Stop the search index a previous build of ``site_dir`` may still be finishing."""
        if site_dir in self._finishing:
            job, thread = self._finishing.pop(site_dir)
            job.cancel()
            thread.join()  # before MkDocs cleans the site folder the thread writes into

    @property
    def pages_folder(self) -> Path | None:
        """Where a --dirty session keeps the generated pages as files (outside docs/); None otherwise."""
        return self.temp / "pages" if self.dirty else None

    def finish_later(self, site_dir: str, job: SearchJob, on_error) -> None:
        """Put ``job``'s index in place from a thread; ``on_error(message)`` reports a failure."""
        def finish() -> None:
            try:
                job.wait()
            except SpeechError as error:
                on_error(str(error))

        thread = threading.Thread(target=finish, daemon=True)
        self._finishing[site_dir] = (job, thread)
        thread.start()

    def close(self) -> None:
        """End everything: indexes still finishing, the temp folder, the guard."""
        for site_dir in list(self._finishing):
            self.settle(site_dir)
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
            self.guard.release(self._temp)
            self._temp = None
        self.guard.close()


class Build:
    """One build: read the input, hand out the pages, then finish or abort."""

    def __init__(self, session: Session, settings: Settings, site_dir: str):
        """Read the rule files (an error stops the build: there is nothing to build with)."""
        self.session = session
        self.settings = settings
        self.site_dir = site_dir
        self.reserved: frozenset[str] = SITE_NAMES
        self.deferred: frozenset[str] = frozenset()  # pages whose text MkDocs asks for when it reads them
        self._sizes: dict[str, int] = {}  # bytes of each speech's file
        self.rules: Rulebook = load_rulebook(settings.rules)
        self.notices: list[Notice] = []
        self.advice: list[str] = []  # what the build tells without a warning: folder notes not read
        self.library: Library | None = None
        self.search: SearchJob | None = None
        self._analysis: Job | None = None
        self._analysed: dict[str, str] | None = None
        self._downloads: Job | None = None  # a large library's Word files, made beside the rendering
        self.taxonomy = self._taxonomy()

    # -- reading --------------------------------------------------------------------------

    def _taxonomy(self) -> Taxonomy:
        """The taxonomy asked for; a broken one is a notice and the packaged one is used."""
        try:
            return load_taxonomy(self.settings.topics)
        except SpeechError as error:  # a missing file too
            if self.settings.topics == DEFAULT_TOPICS:
                raise
            self.notices.append(Notice(error.path, error.line, f"{error.reason}; the built-in taxonomy is used"))
            return load_taxonomy(DEFAULT_TOPICS)

    def speeches(self) -> list[Speech]:
        """Every speech of the speeches folder that can be read; the others become notices."""
        with using(self.rules):
            try:
                listing = list_speeches(self.settings.speeches)
            except OSError as error:
                raise SpeechError(self.settings.speeches, f"cannot list the speeches folder: {error.strerror or error}") from None
            paths = list(listing.paths)
            self.notices += listing.notices
            self.advice = [f"{path}: {FOLDER_NOTE}" for path in listing.notes]
            speeches = [speech for speech in map(self._load, paths) if speech is not None]
        self.session.parsed.keep_only(paths)
        for speech in speeches:
            self.notices += speech.problems
        return speeches

    def _load(self, path: Path) -> Speech | None:
        """One speech, or None and a notice naming the file, so one bad file spares the rest."""
        try:
            size = path.stat().st_size
            if size > MAX_SPEECH_BYTES:
                with open(path, "rb") as handle:
                    document = is_document(handle.read(1024))
                limit = MAX_DOCUMENT_BYTES if document else MAX_SPEECH_BYTES
                if size > limit:
                    what = "a Word, PDF or web-page speech" if document else "a speech"
                    raise SpeechError(path, f"{size / 2**20:.1f} MB is more than the {limit // 2**20} MB {what} can be")
            speech = self.session.parsed.load(path, self.rules)
            self._sizes[speech.path] = size
        except SpeechError as error:
            self.notices.append(Notice(error.path, error.line, f"{error.reason}; skipped"))
            return None
        except OSError as error:
            self.notices.append(Notice(str(path), None, f"cannot read the file: {error.strerror or error}; skipped"))
            return None
        except Exception as error:  # a fault of ours on this file's text must not stop the others
            message = f"could not be read ({type(error).__name__}: {error}); skipped — please report this file"
            self.notices.append(Notice(str(path), None, message))
            return None
        if not speech.paragraphs:
            self.notices.append(Notice(str(path), None, "the file holds no text; skipped"))
            return None
        return speech

    # -- pages ----------------------------------------------------------------------------

    def pages(self, speeches: list[Speech], home: bool, reserved: frozenset[str]) -> tuple[list[Page], list[str]]:
        """The pages made now, and the paths of the analysed pages (``analysed_markdown``),
        which a large library has made in a second process meanwhile. No speech is given a
        top-level name in ``reserved`` (the site's own pages and folders)."""
        aids = self.settings.aids
        self.reserved = reserved
        # Not in a --dirty build: MkDocs renders little there, and this process's caches
        # (parsed speeches, key sentences) make the analyses of an edit quicker here.
        size = sum(self._sizes[speech.path] for speech in speeches)
        apart = size >= ANALYSE_APART_BYTES and not self.session.dirty
        with using(self.rules):
            library = build_library(speeches, self.taxonomy, related=not apart, reserved=self.reserved)
            if apart:
                try:
                    self._analysis = Job("speechkit.build.analysed:render_analysed", speeches, self.taxonomy, aids,
                                         self.rules, self.reserved, what="the item and 金句 pages",
                                         folder=self.session.temp, guard=self.session.guard)
                except SpeechError:
                    library = build_library(speeches, self.taxonomy, reserved=self.reserved)
                    apart = False
            if not apart:
                self._analysed = {page.path: page.markdown for page in analysed_pages(library, aids)}
            if apart:
                try:
                    self._downloads = Job("speechkit.build.downloads:make_downloads", speeches, self.taxonomy, aids,
                                          self.rules, self.reserved, what="the Word files", later=True,
                                          folder=self.session.temp, guard=self.session.guard)
                except SpeechError:
                    self._downloads = None  # made here instead (static_files)
            made = ready_pages(library, home=home, aids=aids, notices=[self._shown(n) for n in self.notices])
        self.library = library
        later = analysed_paths(library, aids)
        # A --dirty build writes every page to a file at once; otherwise MkDocs reads these last.
        self.deferred = frozenset() if self.session.dirty else frozenset(later)
        return made, later

    def _shown(self, notice: Notice) -> Notice:
        """A notice as the site shows it: the file named from the speeches folder's parent down."""
        try:
            return Notice(Path(notice.path).relative_to(self.settings.speeches.parent).as_posix(), notice.line, notice.message)
        except ValueError:  # a file elsewhere (the taxonomy) keeps its whole path
            return notice

    def analysed_markdown(self, path: str) -> str:
        """The Markdown of one analysed page, waiting for the second process the first time."""
        if self._analysed is None:
            self._analysed = self._analysis.result()
        return self._analysed[path]

    def static_files(self, page_url) -> dict[str, str | bytes]:
        """The files beside the pages, path under the site → content: the scripts the compare
        view loads (``page_url`` maps a page path to its URL) and the Word files of the speeches'
        handouts and the topics' 专题学习材料."""
        static: dict[str, str | bytes] = compare_files(self.library, page_url) if compared(self.library) else {}
        with using(self.rules):
            for path, make in downloads(self.library, self.settings.aids):
                # A placeholder when a second process makes the file: finish() puts it in place.
                static[path] = b"" if self._downloads is not None else make()
        return static

    def start_search(self, page_url) -> None:
        """Start writing the search index (``page_url`` maps a page path to its URL)."""
        docs = search_documents(self.library, page_url)
        self.search = SearchJob(docs, self.site_dir, folder=self.session.temp, guard=self.session.guard)

    # -- the end --------------------------------------------------------------------------

    def finish(self, on_error) -> None:
        """The pages are written: stop an analysis no page asked for, put a large library's
        Word files and the search index in place (the index, when serving, from a thread:
        an edited page shows at once)."""
        if self._analysis is not None and self._analysed is None:
            self._analysis.cancel()
            self._analysis.result()
        if self._downloads is not None:
            self._write_downloads(self._downloads.result())
            self._downloads = None
        if self.search is None:
            return
        if self.session.serving:
            self.session.finish_later(self.site_dir, self.search, on_error)
        else:
            self.search.wait()

    def _write_downloads(self, files: dict[str, bytes]) -> None:
        """Put the second process's Word files in the site, over their placeholders."""
        for path, data in files.items():
            target = Path(self.site_dir, path)
            partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
            partial.write_bytes(data)
            os.replace(partial, target)  # a reader sees the placeholder or the whole file

    def abort(self) -> None:
        """The build failed: stop its second processes and remove what they wrote."""
        for job in (self._analysis, self._downloads):
            if job is not None:
                job.cancel()
                job.result()
        if self.search is not None:
            self.search.cancel()
            self.search.wait()
