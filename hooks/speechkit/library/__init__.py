"""Library and topics: speeches loaded and placed (stable page paths), their items tagged
with the taxonomy's topics and linked to related items."""

from .placing import SITE_NAMES, Library, PlacedItem, PlacedPart, PlacedSpeech, build_library, numbered_paragraphs, reserved_names
from .speeches import ParsedSpeeches, load_speech, speech_from_bytes
from .topics import Taxonomy, Term, Topic, TopicGroup, load_taxonomy, topics_of

__all__ = [
    "SITE_NAMES", "Library", "ParsedSpeeches", "PlacedItem", "PlacedPart", "PlacedSpeech", "Taxonomy", "Term",
    "Topic", "TopicGroup", "build_library", "load_speech", "load_taxonomy", "numbered_paragraphs", "reserved_names",
    "speech_from_bytes", "topics_of",
]
