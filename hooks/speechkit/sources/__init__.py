"""Reading and cleaning: a file's bytes to text (Word, PDF, a web page's article or text in any encoding, by its bytes), optional
front matter, and noise set aside with a reason; which files of a folder are speeches."""

from .cleaning import Cleaned, clean
from .listing import Listing, list_speeches
from .reading import Source, decode_source, decode_text, read_source
from .sniff import is_document

__all__ = ["is_document", "Cleaned", "Listing", "Source", "clean", "decode_source", "decode_text", "list_speeches", "read_source"]
