"""Serve a built site on 127.0.0.1 and drive Debian's Chromium with Playwright, offline."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socket
import threading
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

# Flags that keep Chromium from calling home, and let it run as root in CI.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1"}
LOCAL_SCHEMES = {"data", "blob", "file"}


def free_port() -> int:
    """A port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_text(url: str, timeout: float = 30) -> str | None:
    """The text at ``url`` (UTF-8), or None while it cannot be fetched."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that does not log every request and answers 404 with the site's page."""

    def log_message(self, *args):  # noqa: D401 - silence
        """Say nothing."""

    def send_error(self, code, message=None, explain=None):
        """Send the site's own 404.html for a missing page, as a web server configured for it does."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve_folder(folder: Path):
    """Serve a folder on 127.0.0.1 on a free port; yield the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def open_browser():
    """Yield (page, outside): a Chromium page that aborts and records non-local requests."""
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        raise RuntimeError("Debian's chromium is not installed (apt-get install chromium)")
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        parts = urlsplit(url)
        # file:// reads the local disk (the USB-stick case); nothing leaves the machine.
        if parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
            context.route("**/*", guard)
            yield context.new_page(), outside
        finally:
            browser.close()


def record_dialogs(page) -> list[str]:
    """Dismiss and record every alert/confirm/prompt the page opens (injected script would)."""
    dialogs: list[str] = []

    def dismiss(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    return dialogs


def search(page, query: str) -> list[str]:
    """Type a query into the site's search box as a reader would; return the result links."""
    page.wait_for_timeout(500)  # let the search script load before typing
    box = page.locator("input.md-search__input")
    box.focus()
    box.fill(query)
    box.dispatch_event("input")
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    # The results already certain show first; the rest of the page follows.
    page.wait_for_selector("[data-study-search-list]:not([data-partial])", state="attached", timeout=15000)
    links = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    return [unquote(link) for link in links]
