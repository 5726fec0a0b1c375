"""Read a legacy Word 97–2003 (or WPS) file with Debian's antiword."""

from __future__ import annotations

import shutil
import subprocess
import tempfile

from ..errors import SpeechError
from .sniff import refuse

ANTIWORD = "antiword"
# UTF-8 out (the mapping file antiword ships), no wrapping of long lines.
ANTIWORD_ARGS = ("-m", "UTF-8.txt", "-w", "0")
ANTIWORD_TIMEOUT = 30  # seconds; a sane file takes milliseconds
NO_ANTIWORD = (
    "a legacy Word 97–2003 document (.doc, perhaps under a .docx name) and antiword is not "
    "installed to read it; save it as .docx in Word or WPS, or install antiword (apt-get install antiword)"
)
NOT_WORD = "an old Office file that is not a Word document (an .xls or .ppt?)"


def read_doc(data: bytes, path: str) -> str:
    """The text antiword gives for the file, as UTF-8; SpeechError if antiword is missing or fails."""
    program = shutil.which(ANTIWORD)
    if program is None:
        raise SpeechError(path, NO_ANTIWORD)
    with tempfile.NamedTemporaryFile(suffix=".doc") as copy:
        copy.write(data)
        copy.flush()
        try:
            done = subprocess.run(
                [program, *ANTIWORD_ARGS, copy.name], capture_output=True, timeout=ANTIWORD_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            raise SpeechError(path, f"antiword took more than {ANTIWORD_TIMEOUT} s on this Word file; save it as .docx") from None
    if done.returncode != 0:
        _fail(path, done.stderr.decode("utf-8", "replace"))
    return done.stdout.decode("utf-8", "replace")


def _fail(path: str, stderr: str) -> None:
    """Raise what antiword's complaint means for the user."""
    if "not a Word Document" in stderr:
        refuse(path, NOT_WORD)
    reason = stderr.strip().splitlines()[-1] if stderr.strip() else "no reason given"
    raise SpeechError(path, f"antiword cannot read this Word file ({reason}); open it in Word or WPS and save it as .docx")
