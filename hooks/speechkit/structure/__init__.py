"""Structure: cleaned text to the parsed Speech (title, salutation, opening, parts, items,
closing), as the frozen records of speechkit.model; and the outline report."""

from .parsing import parse

__all__ = ["parse"]
