"""Give every speech of a build its stable place, tag its items and link related items."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import Item, Paragraph, Part, Speech
from ..numerals import write_numeral
from ..structure.markers import carries_no_number
from . import urls
from .related import Related, related_items
from .topics import Taxonomy, topics_of
from .urls import SITE_NAMES

# Added to the slug of a speech whose title is one of them: /tags-讲话/.
RESERVED_SUFFIX = "讲话"


@dataclass(frozen=True)
class PlacedPart:
    """A part, the path segment it lives under and where its items are in the library."""

    part: Part
    slug: str
    item_indexes: tuple[int, ...] = ()


@dataclass(frozen=True)
class PlacedItem:
    """An item with everything its page needs to link to others."""

    item: Item
    speech_index: int
    part_index: int
    display_label: str  # 问题一, 意见三
    page: str
    paragraph_ordinal: int  # where the item starts on the full text page
    tags: tuple[str, ...]


@dataclass(frozen=True)
class PlacedSpeech:
    """A speech, its slug and its parts."""

    speech: Speech
    slug: str
    parts: tuple[PlacedPart, ...]


@dataclass(frozen=True)
class Library:
    """All speeches of a build, their items and the links between items."""

    speeches: tuple[PlacedSpeech, ...]
    items: tuple[PlacedItem, ...]
    related: tuple[tuple[Related, ...], ...]
    taxonomy: Taxonomy

    def items_of(self, speech_index: int, part_index: int) -> list[PlacedItem]:
        """The placed items of one part, in order."""
        part = self.speeches[speech_index].parts[part_index]
        return [self.items[index] for index in part.item_indexes]


def reserved_names(docs_dir: str | Path | None = None) -> frozenset[str]:
    """SITE_NAMES and the top-level pages and folders of ``docs_dir`` (about, stylesheets…)."""
    folder = Path(docs_dir) if docs_dir is not None else None
    if folder is None or not folder.is_dir():
        return SITE_NAMES
    entries = [entry for entry in folder.iterdir() if not entry.name.startswith(".")]
    return SITE_NAMES | {entry.name if entry.is_dir() else entry.stem for entry in entries}


def build_library(
    speeches: list[Speech], taxonomy: Taxonomy, related: bool = True, reserved: frozenset[str] = SITE_NAMES
) -> Library:
    """Give speeches their slugs (none of them a ``reserved`` top-level name), tag their
    items and link related items (unless ``related`` is False: each item then has none,
    and rendering.analysed_pages cannot run)."""
    placed_speeches = []
    placed_items: list[PlacedItem] = []
    for speech_index, (speech, slug) in enumerate(zip(speeches, _speech_slugs(speeches, reserved))):
        ordinals = {p: n for n, p in numbered_paragraphs(speech)}
        parts = []
        for part_index, (part, part_slug) in enumerate(_part_slugs(speech)):
            first = len(placed_items)
            for position, item in enumerate(part.items, start=1):
                placed_items.append(
                    PlacedItem(
                        item=item,
                        speech_index=speech_index,
                        part_index=part_index,
                        display_label=_display_label(part, item, position),
                        # By place, not by the number written: a speaker may say 第一点 twice.
                        page=urls.item_page(slug, part_slug, position),
                        paragraph_ordinal=ordinals[item.paragraphs[0]],
                        tags=topics_of(item.text, taxonomy, item.headline),
                    )
                )
            parts.append(PlacedPart(part, part_slug, tuple(range(first, len(placed_items)))))
        placed_speeches.append(PlacedSpeech(speech, slug, tuple(parts)))
    links = related_items(
        [p.item for p in placed_items],
        [(p.speech_index, p.part_index) for p in placed_items],
        [p.tags for p in placed_items],
        [p.speech_index for p in placed_items],
    ) if related else [() for _ in placed_items]
    return Library(tuple(placed_speeches), tuple(placed_items), tuple(links), taxonomy)


def numbered_paragraphs(speech: Speech) -> list[tuple[int, Paragraph]]:
    """The paragraphs of the full text page with their numbers (1, 2, …; #p1, #p2 on the
    page): every kept unit but the title. The one place a paragraph's number is decided."""
    title = set(speech.title_paragraphs)
    return list(enumerate((p for p in speech.paragraphs if p not in title), start=1))


def _display_label(part: Part, item: Item, position: int) -> str:
    """How an item is named in links: 意见三 in a speech, 三、（二） in a report's section."""
    if part.label:
        return f"{part.label}{item.label}" if not carries_no_number(item.label) else f"{part.label}第{write_numeral(position)}条"
    if part.heading:
        return f"{part.heading[:12]}·{write_numeral(position)}"
    return part.kind + write_numeral(position)


def _part_slugs(speech: Speech) -> list[tuple[Part, str]]:
    """Name each part's folder after its section number or kind, numbering repeats: 意见, 意见2."""
    seen: dict[str, int] = {}
    named = []
    for part in speech.parts:
        base = urls.slugify(part.label or part.kind, fallback="part")
        seen[base] = seen.get(base, 0) + 1
        named.append((part, base if seen[base] == 1 else f"{base}{seen[base]}"))
    return named


def _speech_slugs(speeches: list[Speech], reserved: frozenset[str] = SITE_NAMES) -> list[str]:
    """Slug each speech by its title; of speeches with one title, the first by file name
    keeps the plain slug and the others add their file name, so adding a speech never
    moves the pages of the ones already there (unless it sorts first with a same title).
    A title that is one of the site's own names (tags, 术语表) adds RESERVED_SUFFIX; names
    compare in any case, as some servers do."""
    by_title = [urls.slugify(s.title) for s in speeches]
    order = sorted(range(len(speeches)), key=lambda i: Path(speeches[i].path).name)
    site = {name.casefold() for name in reserved}
    taken = set(site)
    slugs = [""] * len(speeches)
    for index in order:
        slug = by_title[index]
        if slug.casefold() in site:
            slug = f"{slug}-{RESERVED_SUFFIX}"
        if slug.casefold() in taken:
            slug = f"{slug}-{urls.slugify(Path(speeches[index].path).stem)}"
        while slug.casefold() in taken:
            slug += "-2"
        taken.add(slug.casefold())
        slugs[index] = slug
    return slugs
