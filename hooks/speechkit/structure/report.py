"""The outline of a parsed speech as a plain dict (for JSON) or an indented text tree."""

from __future__ import annotations

import re

from ..model import Item, Paragraph, Speech
from .markers import footnote_entries

# A note that opens with its number: ［1］, 〔2〕, [3], 4.
NOTE_NUMBER = re.compile(r"^([［〔\[]\s*\d{1,3}\s*[］〕\]]|\d{1,3}[.．、])")


def outline_dict(speech: Speech) -> dict:
    """Title (and where it came from), format, salutation, parts and items, every kept
    paragraph, dropped text, warnings."""
    return {
        "title": speech.title,
        "title_source": speech.title_source,
        "format": speech.format,
        "date": speech.date,
        "speaker": speech.speaker,
        "meeting": speech.meeting,
        "salutation": speech.salutation.text if speech.salutation else None,
        "parts": [
            {
                "kind": part.kind,
                "label": part.label,
                "heading": part.heading,
                "title": part.title,
                "line": part.heading_line or (part.intro.line if part.intro else None),
                "items": [_item_dict(item) for item in part.items],
            }
            for part in speech.parts
        ],
        "closing": [p.line for p in speech.closing],
        "footnotes": [p.text for p in speech.footnotes],
        "paragraphs": [p.text for p in speech.paragraphs],
        "dropped": [{"line": d.line, "text": d.text, "reason": d.reason} for d in speech.dropped],
        "warnings": list(speech.warnings),
        **({"problems": [str(problem) for problem in speech.problems]} if speech.problems else {}),
    }


def _item_dict(item: Item) -> dict:
    """One item and its children."""
    return {
        "label": item.label,
        "headline": item.headline,
        "line": item.line,
        "children": [_item_dict(child) for child in item.children],
    }


def outline_text(speech: Speech) -> str:
    """An indented tree a reader can check against the text (under the title, the file's
    format and where the title came from), then dropped lines, warnings and problems."""
    described = "，".join(
        f"{name}：{value}"
        for name, value in (("日期", speech.date), ("讲话人", speech.speaker), ("会议", speech.meeting))
        if value
    )
    lines = [speech.title + (f"（{described}）" if described else "")]
    where = f"  [{speech.title_line}]" if speech.title_line else ""
    lines.append(f"  格式 {speech.format}，标题来源 {speech.title_source}{where}")
    if speech.salutation:
        lines.append(f"  称呼 {speech.salutation.text}  [{speech.salutation.line}]")
    if speech.opening:
        lines.append(f"  开头 {len(speech.opening)} 段  [{speech.opening[0].line}]")
    for part in speech.parts:
        where = part.heading_line or (part.intro.line if part.intro else (part.items[0].line if part.items else ""))
        lines.append(f"  {part.title}（{part.kind}，{len(part.items)} 条）  [{where}]")
        lines += _item_lines(part.items, "    ")
    if speech.closing:
        lines.append(f"  结束语 {len(speech.closing)} 段  [{speech.closing[0].line}]")
    if speech.footnotes:
        lines.append(f"  注释 {_note_count(footnote_entries(speech.footnotes))} 条  [{speech.footnotes[0].line}]")
    lines.append(f"段落 {len(speech.paragraphs)}，舍弃 {len(speech.dropped)}，警告 {len(speech.warnings)}")
    lines += [f"  舍弃 {d.line}: {d.text[:60]}（{d.reason}）" for d in speech.dropped]
    lines += [f"  警告 {warning}" for warning in speech.warnings]
    lines += [f"  问题 {problem}" for problem in speech.problems]
    return "\n".join(lines)


def _note_count(notes: tuple[Paragraph, ...]) -> int:
    """How many notes: those that open with a number, when they do (a note may run over
    several paragraphs: ［1］一降三减： / its explanation); else every paragraph."""
    return sum(1 for note in notes if NOTE_NUMBER.match(note.text)) or len(notes)


def _item_lines(items, indent: str) -> list[str]:
    """An item per line, its children indented below it."""
    lines = []
    for item in items:
        lines.append(f"{indent}{item.label or '·'} {item.headline}  [{item.line}]")  # · a run-in heading with no number
        lines += _item_lines(item.children, indent + "  ")
    return lines
