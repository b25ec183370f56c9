"""Fetching against a real HTTP server on 127.0.0.1 (started here, stopped here): redirects forever,
a slow drip that never ends, gigabytes, other schemes. The limits are the module constants, set small."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import httpx
import pytest

from reader import fetch as fetch_module
from reader.cli import main
from reader.errors import ReaderError
from reader.fetch import fetch
from reader.load import load_document

PARAGRAPH = "The harbour bridge reopened on Friday after months of repairs, to the relief of every commuter in town."
ARTICLE = (f"<!doctype html><html lang='en'><head><title>Bridge reopens</title></head><body><article>"
           f"<h1>Bridge reopens</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>")
SERVER_BUDGET_SECONDS = 20.0
"""No handler runs longer than this, whatever the client does: the server stops by itself."""
SERVER_BUDGET_BYTES = 50 * 1024 * 1024


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep the test output quiet
        pass

    def _head(self, status: int, headers: dict[str, str]) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        began = time.monotonic()
        path = self.path
        try:
            if path == "/article":
                data = ARTICLE.encode()
                self._head(200, {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(data))})
                self.wfile.write(data)
            elif path.startswith("/loop"):
                n = int(path[5:] or 0)
                self._head(302, {"Location": f"/loop{n + 1}", "Content-Length": "0"})
            elif path == "/to-file":
                self._head(302, {"Location": "file:///etc/passwd", "Content-Length": "0"})
            elif path == "/drip":
                self._head(200, {"Content-Type": "text/html"})
                self.wfile.write(b"<html><body><p>")
                while time.monotonic() - began < SERVER_BUDGET_SECONDS:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.02)
            elif path == "/drip-headers":
                self.wfile.write(b"HTTP/1.0 200 OK\r\n")
                while time.monotonic() - began < SERVER_BUDGET_SECONDS:
                    self.wfile.write(b"X-Slow: 1\r\n")
                    self.wfile.flush()
                    time.sleep(0.05)
            elif path == "/huge":
                self._head(200, {"Content-Type": "text/html"})
                chunk = b"<p>" + b"word " * 13_000 + b"</p>\n"
                sent = 0
                while sent < SERVER_BUDGET_BYTES and time.monotonic() - began < SERVER_BUDGET_SECONDS:
                    self.wfile.write(chunk)
                    sent += len(chunk)
            elif path == "/declared-huge":
                self._head(200, {"Content-Type": "text/html", "Content-Length": str(5 * 1024**3)})
                self.wfile.write(b"<html>")
            elif path == "/pdf":
                self._head(200, {"Content-Type": "application/pdf", "Content-Length": "8"})
                self.wfile.write(b"%PDF-1.4")
            else:
                self._head(404, {"Content-Length": "0"})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should


@pytest.fixture
def server(monkeypatch) -> Iterator[str]:
    """A loopback server on a free port; the base URL. Fetch limits are made small and proxies ignored."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    monkeypatch.setattr(fetch_module, "TRUST_ENV", False)
    monkeypatch.setattr(fetch_module, "MAX_BYTES", 200_000)
    monkeypatch.setattr(fetch_module, "MAX_REDIRECTS", 4)
    monkeypatch.setattr(fetch_module, "TOTAL_SECONDS", 0.5)
    monkeypatch.setattr(fetch_module, "TIMEOUT", httpx.Timeout(5.0))
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_an_article_over_loopback(server):
    document = load_document(server + "/article")
    assert document.title == "Bridge reopens"
    assert PARAGRAPH in document.body
    assert document.url == server + "/article"


def test_redirects_forever(server):
    with pytest.raises(ReaderError, match="too many redirects"):
        fetch(server + "/loop0")


def test_a_slow_drip_is_cut_off(server):
    with pytest.raises(ReaderError, match="timed out"):
        fetch(server + "/drip")


def test_dripping_headers_are_cut_off(server):
    with pytest.raises(ReaderError, match="timed out"):
        fetch(server + "/drip-headers")


def test_gigabytes_are_cut_off(server):
    with pytest.raises(ReaderError, match="too large"):
        fetch(server + "/huge")
    with pytest.raises(ReaderError, match="too large"):
        fetch(server + "/declared-huge")


def test_not_html_and_not_found(server):
    with pytest.raises(ReaderError, match="not an article"):
        fetch(server + "/pdf")
    with pytest.raises(ReaderError, match="not found"):
        fetch(server + "/missing")


def test_a_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(ReaderError, match="not http or https"):
        fetch(server + "/to-file")


@pytest.mark.parametrize("path, fragment", [("/loop0", "redirects"), ("/drip", "timed out"), ("/huge", "too large")])
def test_the_cli_says_one_line(server, capsys, path, fragment):
    assert main(["extract", server + path, "--format", "text"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("reader: error: ") and fragment in err


@pytest.mark.parametrize(
    "source", ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,<p>hi</p>", "ftp://ftp.example/a", "FILE:/x"]
)
def test_other_schemes_are_refused(source, capsys):
    with pytest.raises(ReaderError, match="only http and https"):
        load_document(source)
    assert main(["extract", source, "--format", "text"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "only http and https" in err


def test_a_file_whose_name_looks_like_a_scheme_still_opens(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes:today.txt").write_text("A title here\n\n" + PARAGRAPH + "\n", encoding="utf-8")
    assert PARAGRAPH in load_document("notes:today.txt").body
