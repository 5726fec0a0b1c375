"""Reading and cleaning: a file's bytes to text (Word, PDF or text in any encoding, by its bytes), optional
front matter, and noise set aside with a reason; which files of a folder are speeches."""

from .cleaning import Cleaned, clean
from .listing import Listing, list_speeches
from .reading import Source, decode_source, decode_text, read_source

__all__ = ["Cleaned", "Listing", "Source", "clean", "decode_source", "decode_text", "list_speeches", "read_source"]
