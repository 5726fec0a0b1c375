"""Pages and aids: the library as Markdown pages with front matter, every piece of
document text escaped; the study aids; the navigation."""

from .aids import Aids, aid_downloads
from .catalog import footer_line
from .compare import compare_files, compared
from .topic_pages import topic_downloads
from .rendering import HOME, NOTICES_PAGE, TAGS_PAGE, Page, analysed_pages, analysed_paths, navigation, ready_pages, render_library

__all__ = ["Aids", "HOME", "aid_downloads", "compare_files", "compared", "footer_line", "topic_downloads", "NOTICES_PAGE", "Page", "TAGS_PAGE", "analysed_pages", "analysed_paths", "navigation",
           "ready_pages", "render_library"]
