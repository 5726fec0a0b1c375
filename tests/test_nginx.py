"""The shipped nginx configuration serves the site under /study/: run by Debian's nginx.

deploy/nginx/study-site.conf is used as written but for its listen and root lines. nginx
runs as a child process with everything (pid, logs, temp files) in a temp folder, on a
free port of 127.0.0.1, and is stopped in a finally.
"""

from __future__ import annotations

import getpass
import gzip
import http.client
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from browser import free_port, open_browser, search
from sitebuild import REPO, SEED_PAGES, SEED_TITLE, built, page_url, write_config

CONFIG = REPO / "deploy" / "nginx" / "study-site.conf"
PREFIX = "/study/"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HASHED_CSS = "assets/stylesheets/main."
YEAR = "max-age=31536000"

MAIN = """\
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
{user}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/study-site.conf;
}}
"""


def site_config(root: Path, port: int) -> str:
    """The shipped configuration with only its listen and root lines changed."""
    text = CONFIG.read_text(encoding="utf-8")
    for line, local in (("listen 80;", f"listen 127.0.0.1:{port};"), ("root /srv/www;", f"root {root};")):
        assert text.count(line) == 1, f"{CONFIG} should hold exactly one '{line}'"
        text = text.replace(line, local)
    return text


def wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    """Wait until nginx accepts connections; fail with its error log if it died."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text() if log.exists() else "nginx exited"
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("nginx did not start: " + (log.read_text() if log.exists() else ""))


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    """The seed site built for /study/ and served by nginx; yields the base URL."""
    folder = tmp_path_factory.mktemp("nginx")
    root = folder / "www"
    built(write_config(folder, site_url=f"http://127.0.0.1{PREFIX}"), root / PREFIX.strip("/"))
    tmp = folder / "nginx"
    tmp.mkdir()
    port = free_port()
    (tmp / "study-site.conf").write_text(site_config(root, port), encoding="utf-8")
    # As root, nginx's workers would switch to nobody, who cannot read pytest's folders.
    user = f"user {getpass.getuser()};" if getpass.getuser() == "root" else ""
    (tmp / "nginx.conf").write_text(MAIN.format(tmp=tmp, user=user), encoding="utf-8")
    with open(tmp / "stderr.log", "wb") as stderr:
        process = subprocess.Popen(
            [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-e", str(tmp / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        wait_for(port, process, tmp / "error.log")
        yield f"http://127.0.0.1:{port}", root
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(base: str, path: str, gzip_ok: bool = False) -> http.client.HTTPResponse:
    """GET a path (Chinese percent-encoded) from nginx; the response, body read."""
    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=10)
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    connection.request("GET", quote(path), headers=headers)
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


@pytest.mark.parametrize("kind", SEED_PAGES)
def test_pages_are_served_under_the_prefix_and_revalidated(nginx, kind):
    base, _ = nginx
    response = get(base, PREFIX + page_url(SEED_PAGES[kind]))
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Cache-Control") == "no-cache"
    assert response.getheader("ETag") and response.getheader("Last-Modified")
    assert "default-src 'self'" in response.getheader("Content-Security-Policy")
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_pages_are_gzipped_for_browsers_that_accept_it(nginx):
    base, _ = nginx
    response = get(base, PREFIX + page_url(SEED_PAGES["full-text"]), gzip_ok=True)
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert "六要做到公私分明" in gzip.decompress(response.body).decode("utf-8")


def test_a_folder_without_its_slash_redirects_relatively(nginx):
    base, _ = nginx
    for path, target in ((PREFIX.rstrip("/"), PREFIX), (f"{PREFIX}{SEED_TITLE}", f"{PREFIX}{SEED_TITLE}/")):
        response = get(base, path)
        assert response.status == 301
        assert unquote(response.getheader("Location")) == target


def test_assets_have_their_mime_types_and_caching(nginx):
    base, root = nginx
    site = root / PREFIX.strip("/")
    [css] = [p for p in (site / "assets" / "stylesheets").glob("main.*.min.css")]
    expected = {
        css: ("text/css; charset=utf-8", "public, max-age=31536000, immutable"),
        site / "assets/javascripts/study-search.js": ("application/javascript; charset=utf-8", "no-cache"),
        site / "search/search_index.json": ("application/json; charset=utf-8", "no-cache"),
        site / "sitemap.xml": ("text/xml; charset=utf-8", "no-cache"),
    }
    search_files = sorted((site / "search").rglob("*.js"))
    assert search_files, "the search index files are missing"
    for path in search_files:
        expected[path] = ("application/javascript; charset=utf-8", "no-cache")
    for path, (mime, cache) in expected.items():
        response = get(base, PREFIX + str(path.relative_to(site)))
        assert response.status == 200, path
        assert (response.getheader("Content-Type"), response.getheader("Cache-Control")) == (mime, cache), path
        assert response.body == path.read_bytes()


def test_a_missing_page_gets_the_site_404_page(nginx):
    base, root = nginx
    response = get(base, f"{PREFIX}没有这一页/")
    assert response.status == 404
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.body == (root / PREFIX.strip("/") / "404.html").read_bytes()
    assert f'href="{PREFIX}assets/stylesheets/' in response.body.decode("utf-8")
    assert f'href="{PREFIX}index.html">返回首页' in response.body.decode("utf-8")  # the way home, under the prefix


def test_outside_the_prefix_nothing_is_served(nginx):
    base, _ = nginx
    assert get(base, "/index.html").status == 404
    assert get(base, "/study/../etc/passwd").status in (400, 404)


@pytest.fixture(scope="module")
def browser():
    """One Chromium page for the module; yields (page, outside requests, console errors)."""
    with open_browser() as (page, outside):
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("requestfailed", lambda request: errors.append(f"failed {request.url}"))
        yield page, outside, errors


def test_chromium_reads_and_searches_the_site_through_nginx(nginx, browser):
    base, _ = nginx
    page, outside, errors = browser
    page.goto(base + PREFIX + page_url(SEED_PAGES["item"]), wait_until="networkidle")
    assert page.locator("article h1").first.evaluate("h1 => h1.firstChild.textContent") == "做到公私分明"
    page.goto(base + PREFIX, wait_until="networkidle")
    results = search(page, "一碗水端平")
    assert results[0].removeprefix(base + PREFIX).startswith(f"{SEED_TITLE}/意见/6/")
    # The 404 page, deep down, still finds its stylesheet through the /study/ prefix.
    response = page.goto(base + PREFIX + "a/b/c/", wait_until="networkidle")
    assert response.status == 404
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    # No Content-Security-Policy violation, no failed asset: only the 404 document itself.
    assert [e for e in errors if "404" not in e and "a/b/c/" not in e] == []
    assert outside == []
