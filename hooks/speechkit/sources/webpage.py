"""Read a saved web page: its visible text, a line per block, and which lines are the article.

The standard library's html.parser turns the page into lines (a paragraph, heading, list
item, table cell or ``<br>`` each ends one), each knowing the element that holds it. The
article is the element holding the most sentence text (a text-density score after
readability's), with its heading above it; every other line is the site around it and is
set aside with a reason, which cleaning records as dropped, so nothing vanishes. Scripts,
styles, comments and the head are not text and never become lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

from ..errors import SpeechError
from ..rulebook import current

# Elements that start and end a line of text (HTML's blocks, table parts, form lists).
BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend "
    "li main menu nav ol optgroup option p pre section select summary table tbody td tfoot "
    "th thead tr ul".split()
)
# Elements whose contents a reader of the page does not see as text.
NOT_TEXT = frozenset("script style template noscript title svg math object iframe".split())
# Elements that have no end tag.
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
HEADINGS = frozenset({"h1", "h2", "h3"})
TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})
SITE_TAGS = frozenset({"nav", "footer", "aside"})  # HTML's own names for the site around an article
PAGE_TITLE_PARENTS = frozenset({"head", "html", "#document"})  # not a picture's <svg><title>
PREFORMATTED = frozenset({"pre", "textarea", "listing", "plaintext"})
# What a start tag closes when it is still open (HTML's implied end tags), and what stops the search.
IMPLIED_ENDS = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "option": ({"option"}, {"select"}),
    "a": ({"a"}, set()),  # a link left open ends at the next one
}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Runs of HTML white space; one holding a line end between two Chinese characters is no space
# at all (CSS's segment-break rule for wide characters), others show as one space.
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
SENTENCE_MARKS = re.compile(r"[，。；！？、：,;]")
SENTENCE_END = re.compile(r"[。！？]")
# <meta charset=gbk>, <meta http-equiv=Content-Type content="text/html; charset=gb2312">,
# or an XHTML page's <?xml version="1.0" encoding="gb2312"?>.
DECLARED_CHARSET = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I
)
CHARSET_HEAD = 4096  # the declaration must stand in the first bytes (HTML looks in 1024)
PARAGRAPH_MIN_CHARS = 10  # a line with fewer characters outside links is no sentence text
LINK_SHARE_MAX = 0.5  # a line with more of its text in links is a menu or a link list
SIBLING_SHARE = 0.2  # a sibling of the article's element holding this share of its sentence text is article too
SITE_BLOCK_SHARE = 0.5  # a block the site's names holding this share of the article's sentence text is article
LEAD_IN_LINES = 2  # lines above the article beside it join it from blocks of at most this many lines
TITLE_REACH = 10  # how many lines above the article its heading may stand
TITLE_INSIDE = 3  # how many of the article's first lines may be its heading
TITLE_MIN_CHARS = 4  # a shorter line is not taken for the title the page's <title> names
HEADING_MAX_CHARS = 80
SAVE_TEXT = "save the article's text as .txt or .docx"


@dataclass(frozen=True)
class PageRules:
    """What data/html.yml says: hints in class names, the title's separators, the reasons."""

    article_hints: re.Pattern
    chrome_hints: re.Pattern
    title_hints: re.Pattern
    title_separators: re.Pattern
    site_name: re.Pattern
    title_meta: tuple[str, ...]
    frame_reason: str
    hidden_reason: str


def compile_page_rules(data: dict) -> PageRules:
    """Compile the data of html.yml."""
    return PageRules(
        article_hints=re.compile(data["article_hints"]),
        chrome_hints=re.compile(data["chrome_hints"]),
        title_hints=re.compile(data["title_hints"]),
        title_separators=re.compile(data["title_separators"]),
        site_name=re.compile(data["site_name"]),
        title_meta=tuple(name.lower() for name in data["title_meta"]),
        frame_reason=data["frame_reason"],
        hidden_reason=data["hidden_reason"],
    )


@dataclass(eq=False)
class _Element:
    """An open or closed element: what it is and the sentence text scored to it."""

    tag: str
    parent: _Element | None
    hints: str  # its class and id
    hidden: bool
    score: float = 0.0
    weight: float = 0.0  # sentence text of the lines under it
    lines: int = 0  # how many lines are under it
    sentences: int = 0  # how many of them are sentence text ending a sentence
    chars: int = 0  # visible characters of the lines under it
    link_chars: int = 0  # of them in links

    def ancestors(self):
        """The element and those around it, innermost first."""
        element = self
        while element is not None:
            yield element
            element = element.parent


@dataclass
class _Line:
    """One line of the page's text, the innermost block holding it, and how much is links."""

    text: str
    holder: _Element
    chars: int
    link_chars: int
    hidden: bool


@dataclass(frozen=True)
class WebPage:
    """A page's text (a line per block), its title, and the lines set aside with their reasons."""

    text: str
    metadata: dict[str, str]
    set_aside: tuple[tuple[int, str], ...]


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> near its start, if any."""
    match = DECLARED_CHARSET.search(data[:CHARSET_HEAD])
    return (match.group(1) or match.group(2)).decode("ascii").lower() if match else None


def read_html(markup: str, path: str) -> WebPage:
    """The page's visible text with the lines outside its article set aside; SpeechError
    if it holds no article text."""
    rules = current().html
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    lines = parser.lines
    article = _article(lines, rules)
    if not article:
        raise SpeechError(path, f"a web page with no article text (a list of links, a frame or an empty page?); {SAVE_TEXT}")
    page_title, site_names = _title_pieces(parser.title, rules)
    page_title = next((parser.meta[name] for name in rules.title_meta if parser.meta.get(name)), page_title)
    heading = _heading(lines, article[0], article[-1] + 1, page_title, site_names, rules)
    while heading and lines[heading - 1].holder is lines[heading].holder:
        heading -= 1  # a heading broken over lines (<h1>标题<br>副标题</h1>) from its first
    title = lines[heading].text if heading is not None else page_title
    shown = set(article) | set(range(heading, article[0])) if heading is not None else set(article)
    set_aside = tuple(
        (number, rules.hidden_reason if line.hidden else rules.frame_reason)
        for number, line in enumerate(lines, start=1)
        if line.hidden or number - 1 not in shown
    )
    return WebPage("\n".join(line.text for line in lines), {"title": title} if title else {}, set_aside)


# -- the page's lines ---------------------------------------------------------------------


class _PageParser(HTMLParser):
    """Collects the page's lines and its <title>; keeps the open elements as a stack."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#document", None, "", False)
        self.stack: list[_Element] = [self.root]
        self.lines: list[_Line] = []
        self.pieces: list[tuple[str, bool]] = []  # the open line's text, and whether in a link
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}  # <meta name=… content=…>, by lower-case name
        self.skipping = 0  # open elements whose contents are not text
        self.links = 0  # open <a> elements
        self.preformatted = 0  # open <pre> elements

    @property
    def title(self) -> str:
        """The page's <title>, its white space collapsed."""
        return _collapse("".join(self.title_parts))

    def handle_starttag(self, tag: str, attrs) -> None:
        """Open an element; a block (or <br>) ends the open line."""
        if tag in BLOCKS or tag == "br":
            self._end_line()
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            name = values.get("name") or values.get("property") or ""
            self.meta.setdefault(name.lower(), _collapse(values.get("content", "")))
        if tag in VOID:
            return
        self._close_implied(tag)
        hidden = "hidden" in values or bool(HIDDEN_STYLE.search(values.get("style", "")))
        parent = self.stack[-1]
        if hidden and not parent.hidden:
            self._end_line()  # hidden text gets lines of its own
        element = _Element(tag, parent, f"{values.get('class', '')} {values.get('id', '')}", hidden or parent.hidden)
        self.stack.append(element)
        self.skipping += tag in NOT_TEXT
        self.links += tag == "a"
        self.preformatted += tag in PREFORMATTED

    def handle_startendtag(self, tag: str, attrs) -> None:
        """<br/>, <p/>: a start tag and its end at once."""
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        """Close the element and any left open inside it; a stray </p> or </br> is a line break."""
        if tag in BLOCKS or tag == "br":
            self._end_line()
        open_tags = [element.tag for element in self.stack]
        if tag not in open_tags[1:]:
            return
        while self.stack[-1].tag != tag:
            self._pop()
        self._pop()

    def handle_data(self, data: str) -> None:
        """Text of the page: a line's, or the <title>'s."""
        if self.stack[-1].tag == "title" and self.stack[-1].parent.tag in PAGE_TITLE_PARENTS:
            self.title_parts.append(data)
        elif not self.skipping and self.preformatted:
            *ended, rest = data.split("\n")  # a <pre>'s line ends are its lines
            for piece in ended:
                self.pieces.append((piece, self.links > 0))
                self._end_line()
            self.pieces.append((rest, self.links > 0))
        elif not self.skipping:
            self.pieces.append((data, self.links > 0))

    def close(self) -> None:
        """The last line too."""
        super().close()
        self._end_line()

    def _close_implied(self, tag: str) -> None:
        """Close what ``tag`` implicitly ends: an open <p> before a block, a <li> before the next."""
        if tag in BLOCKS and self.stack[-1].tag == "p":
            self._pop()
        closes, stops = IMPLIED_ENDS.get(tag, ((), ()))
        for index in range(len(self.stack) - 1, 0, -1):
            open_tag = self.stack[index].tag
            if open_tag in stops:
                return
            if open_tag in closes:
                while len(self.stack) > index:
                    self._pop()
                return

    def _pop(self) -> None:
        """Close the innermost open element."""
        element = self.stack[-1]
        if element.tag in BLOCKS or element.hidden and not element.parent.hidden:
            self._end_line()
        self.stack.pop()
        self.skipping -= element.tag in NOT_TEXT
        self.links -= element.tag == "a"
        self.preformatted -= element.tag in PREFORMATTED

    def _end_line(self) -> None:
        """Make a line of the text collected so far, if it shows anything."""
        pieces, self.pieces = self.pieces, []
        text = _collapse("".join(piece for piece, _ in pieces))
        if not text.strip():
            return
        holder = next(e for e in reversed(self.stack) if e.tag in BLOCKS or e is self.root)
        chars = _visible(text)
        link_chars = sum(_visible(_collapse(piece)) for piece, in_link in pieces if in_link)
        self.lines.append(_Line(text, holder, chars, min(link_chars, chars), self.stack[-1].hidden))


def _collapse(text: str) -> str:
    """HTML white space as a browser shows it: a run is one space, none between Chinese
    characters across a line end; none at the ends."""
    def space(match: re.Match) -> str:
        before, after = match.string[match.start() - 1: match.start()], match.string[match.end(): match.end() + 1]
        if "\n" in match.group() and _wide(before) and _wide(after):
            return ""
        return " "
    return HTML_SPACE.sub(space, text).strip(" ")


def _wide(char: str) -> bool:
    """A Chinese (wide) character."""
    return bool(char) and unicodedata.east_asian_width(char) in "WF"


def _visible(text: str) -> int:
    """How many characters show, spaces aside."""
    return len(text) - sum(1 for char in text if char.isspace())


# -- which lines are the article -------------------------------------------------------------


def _article(lines: list[_Line], rules: PageRules) -> list[int]:
    """The indexes of the article's lines: those under the element holding the most
    sentence text, less the site's blocks inside it, and under its siblings that hold
    sentences too (an article split by a picture); none when no element holds a sentence."""
    holders: dict[int, int] = {}
    for line in lines:
        holders[id(line.holder)] = holders.get(id(line.holder), 0) + 1
        weight = _weight(line)
        sentence = bool(weight and SENTENCE_END.search(line.text))
        for element in line.holder.ancestors():
            element.lines += 1
            element.sentences += sentence
            element.chars += line.chars
            element.link_chars += line.link_chars
            element.weight += weight
    for line in lines:
        weight = _weight(line)
        if not weight:
            continue
        # A block holding one line is a paragraph: its score goes to the element around it.
        element = line.holder.parent if holders[id(line.holder)] == 1 and line.holder.parent else line.holder
        element.score += weight
        if element.parent is not None:
            element.parent.score += weight / 2
    elements = {id(e): e for line in lines if not line.hidden for e in line.holder.ancestors() if e.score}
    if not elements:
        return []
    best = max(elements.values(), key=lambda element: _worth(element, rules))
    article = [index for index, line in enumerate(lines) if _in_article(line, best, rules)]
    if not best.sentences or not any(SENTENCE_END.search(lines[i].text) and _weight(lines[i]) for i in article):
        return []  # no sentence, or only in the site's blocks
    # The short lines just above it beside it (a salutation, a source line) belong to it;
    # a menu or breadcrumb (mostly links) or the site's own block does not.
    first = article[0]
    while first > 0 and article[0] - first < TITLE_REACH and _leads_in(lines[first - 1], best, rules):
        first -= 1
    return [*range(first, article[0]), *article]


def _leads_in(line: _Line, best: _Element, rules: PageRules) -> bool:
    """A shown line beside the article's element, in a small block (a salutation, a source
    line; not a table of the document's particulars) that is not the site's, not mostly links."""
    chain = list(line.holder.ancestors())
    if best.parent not in chain or line.hidden or line.link_chars > LINK_SHARE_MAX * line.chars:
        return False
    inner = chain[: chain.index(best.parent)]
    return (not inner or inner[-1].lines <= LEAD_IN_LINES) and not any(rules.chrome_hints.search(e.hints) for e in inner)


def _in_article(line: _Line, best: _Element, rules: PageRules) -> bool:
    """Is the line under ``best`` and in none of the site's blocks there, or under a
    sibling of it that holds sentence text too?"""
    chain = list(line.holder.ancestors())
    if best in chain:
        return not any(_is_site_block(element, best, rules) for element in chain[: chain.index(best)])
    if best.parent not in chain:
        return False
    if line.holder is best.parent:  # text beside the article's element, not in one of its own
        return bool(SENTENCE_END.search(line.text) and _weight(line))
    sibling = chain[chain.index(best.parent) - 1]
    return (
        sibling.sentences > 0
        and sibling.weight >= SIBLING_SHARE * best.weight
        and sibling.link_chars <= LINK_SHARE_MAX * sibling.chars
        and not rules.chrome_hints.search(sibling.hints)
    )


def _is_site_block(element: _Element, best: _Element, rules: PageRules) -> bool:
    """A block inside the article's element that is the site's: a <nav>, <footer> or
    <aside>, one the site's class names (not holding most of the sentence text), or a
    list of links (a paragraph that is one link, an attachment, is the article's)."""
    if element.weight >= SITE_BLOCK_SHARE * best.weight:
        return False
    link_list = not element.weight and element.link_chars > LINK_SHARE_MAX * element.chars and element.tag not in TEXT_BLOCKS
    return link_list or element.tag in SITE_TAGS or bool(rules.chrome_hints.search(element.hints))


def _weight(line: _Line) -> float:
    """How much sentence text a line holds: its punctuation and length outside links, 0 for a menu."""
    own = line.chars - line.link_chars
    if line.hidden or own < PARAGRAPH_MIN_CHARS or line.link_chars > LINK_SHARE_MAX * line.chars:
        return 0.0
    return 1 + len(SENTENCE_MARKS.findall(line.text)) + min(own / 100, 3)


def _worth(element: _Element, rules: PageRules) -> float:
    """An element's score, raised by an article's class name, lowered by the site's, and by its links."""
    factor = 1.0
    if rules.article_hints.search(element.hints):
        factor += 0.25
    if rules.chrome_hints.search(element.hints):
        factor -= 0.5
    link_share = element.link_chars / element.chars if element.chars else 0.0
    return element.score * factor * (1 - link_share)


def _heading(lines: list[_Line], start: int, end: int, page_title: str, site_names: set[str], rules: PageRules) -> int | None:
    """The index of the article's own heading near its top: the line the page's <title>
    names, else the nearest in an <h1>–<h3> or an element whose class says title (the
    site's name, as a logo prints it, aside)."""
    window = [
        i for i in range(max(0, start - TITLE_REACH), min(end, start + TITLE_INSIDE))
        if _is_heading_like(lines[i]) and _squeezed(lines[i].text) not in site_names
    ]
    by_distance = sorted(window, key=lambda i: abs(start - i))
    tests = (
        lambda line: _names(page_title, line.text),
        lambda line: any(e.tag in HEADINGS or rules.title_hints.search(e.hints) for e in line.holder.ancestors()),
    )
    for test in tests:
        found = next((i for i in by_distance if test(lines[i])), None)
        if found is not None:
            return found
    return None


def _is_heading_like(line: _Line) -> bool:
    """Short, shown, not a link, not a sentence."""
    return (
        not line.hidden and line.chars <= HEADING_MAX_CHARS
        and line.link_chars <= LINK_SHARE_MAX * line.chars and not SENTENCE_END.search(line.text[-1:])
    )


def _names(page_title: str, text: str) -> bool:
    """Does the page's title (its site name cut off) name this line?"""
    squeezed = _squeezed(text)
    return len(squeezed) >= TITLE_MIN_CHARS and squeezed in _squeezed(page_title)


def _squeezed(text: str) -> str:
    """Text without its spaces."""
    return "".join(text.split())


def _title_pieces(title: str, rules: PageRules) -> tuple[str, set[str]]:
    """The <title> split at its separators: the article's title (the longest piece that
    is not a site's name) and the rest, the site's names (某市人民政府, 某某网), without spaces."""
    pieces = [piece.strip() for piece in rules.title_separators.split(title) if piece and piece.strip()]
    if not pieces:
        return "", set()
    named = [piece for piece in pieces if not rules.site_name.search(piece)] or pieces
    longest = max(named, key=len)
    return longest, {_squeezed(piece) for piece in pieces if piece is not longest}
