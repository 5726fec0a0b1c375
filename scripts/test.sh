#!/usr/bin/env bash
# Install what the tests need (Debian's chromium, CJK fonts, nginx, poppler-utils and antiword; the Python
# packages) and run the whole suite. Safe to run again: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v pdftotext >/dev/null || missing+=(poppler-utils)  # reads the printed handout's PDF
command -v antiword >/dev/null || missing+=(antiword)  # reads legacy Word 97–2003 (.doc/.wps) speeches
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" fontconfig >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -r requirements-test.txt
export NO_MKDOCS_2_WARNING=1
exec python3 -m pytest "$@"
