"""Print the outline a speech file would get, to check it before building the site.

    python scripts/outline.py FILE          an indented tree, dropped lines, warnings
    python scripts/outline.py FILE --json   the same as JSON
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from speechkit.errors import SpeechError  # noqa: E402
from speechkit.library import load_speech  # noqa: E402
from speechkit.structure.report import outline_dict, outline_text  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Parse the file and print its outline; a one-line error and status 1 if unreadable."""
    parser = argparse.ArgumentParser(description="Show the outline detected in a speech file.")
    parser.add_argument("file")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a tree")
    args = parser.parse_args(argv)
    try:
        speech = load_speech(args.file)
    except SpeechError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {args.file}: cannot read: {error.strerror or error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(outline_dict(speech), ensure_ascii=False, indent=1))
    else:
        print(outline_text(speech))
    return 0


if __name__ == "__main__":
    sys.exit(main())
