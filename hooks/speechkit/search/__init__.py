"""Search: the static, sharded bigram index the browser's search reads."""

from .index import FOLDER, SearchDoc, build_search_files, normalize, search_documents

__all__ = ["FOLDER", "SearchDoc", "build_search_files", "normalize", "search_documents"]
