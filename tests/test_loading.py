"""Loading: files, stdin, gzip, HTML/text detection, encodings, URLs (mocked), one-line errors."""

from __future__ import annotations

import gzip
import io

import httpx
import pytest

from reader.decode import decode, looks_like_html
from reader.errors import ReaderError
from reader.fetch import fetch
from reader.load import load_bytes, load_document

PAGE = """<!doctype html><html lang="en"><head><meta charset="{charset}">
<title>Harbour bridge reopens | The Gazette</title>
<meta property="og:site_name" content="The Gazette">
<meta property="article:published_time" content="2025-05-02T08:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge reopens</h1>
<p>The café on the quay said the harbour bridge reopened on Friday after months of repairs, to the relief of commuters.</p>
<p>Engineers replaced the cables and the deck, and the council said the work cost €4 million in all.</p>
<p>Traffic was heavy by noon, and the ferry operator said it would cut its extra sailings next week.</p>
</article><footer>© The Gazette</footer></body></html>"""


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_utf8_html_file(tmp_path):
    doc = load_document(write(tmp_path, "a.html", PAGE.format(charset="utf-8").encode()))
    assert doc.content_type == "html"
    assert doc.title == "Harbour bridge reopens"
    assert doc.site_name == "The Gazette"
    assert doc.published == "2025-05-02T08:30Z"
    assert doc.body.startswith("The café on the quay")
    assert "€4 million" in doc.body
    assert "Home" not in doc.body and "©" not in doc.body


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1", "latin-1"])
def test_declared_single_byte_charsets(tmp_path, charset):
    data = PAGE.format(charset=charset).replace("€4", "4").encode("cp1252")
    doc = load_document(write(tmp_path, "a.htm", data))
    assert "The café on the quay" in doc.body


def test_cp1252_without_declaration_is_detected(tmp_path):
    text = "Local news\n\nThe café reopened on Friday, and the owner said “we are back” to cheers.\n"
    doc = load_document(write(tmp_path, "a.txt", text.encode("cp1252")))
    assert "café" in doc.body and "“we are back”" in doc.body


def test_utf8_encoded_twice_is_undone():
    page = "<p>The ferry’s “last” crossing – at dawn, café open.</p>"
    doubled = page.encode("utf-8").decode("latin-1").encode("utf-8")
    assert decode(doubled) == page


def test_latin1_lookalikes_without_control_characters_stay():
    page = "<p>Mojibake looks like Ã© or Â  when a page is read wrongly.</p>"
    assert decode(page.encode("utf-8")) == page


def test_bom_and_http_charset():
    assert decode("\ufeffhello é".encode("utf-8")) == "hello é"
    assert decode("hé".encode("utf-16"))  == "hé"
    assert decode("café".encode("latin-1"), http_charset="ISO-8859-1") == "café"


def test_undecodable_bytes_never_crash(tmp_path):
    data = b"Title line here\n\nA paragraph with bad bytes \xff\xfe\x81 in the middle of it, and more text.\n"
    doc = load_document(write(tmp_path, "bad.txt", data))
    assert "A paragraph with bad bytes" in doc.body


def test_gzip_detected_by_content(tmp_path):
    data = gzip.compress(PAGE.format(charset="utf-8").encode())
    doc = load_document(write(tmp_path, "page.bin", data))
    assert doc.title == "Harbour bridge reopens"


def test_html_detected_by_content_not_extension(tmp_path):
    doc = load_document(write(tmp_path, "page.txt", PAGE.format(charset="utf-8").encode()))
    assert doc.content_type == "html"
    assert looks_like_html(PAGE)
    assert not looks_like_html("Prices rose 3% <b>this</b> year, a < b and c > d.\n\nA second paragraph of prose.")


def test_stdin():
    stream = io.BytesIO(b"Big storm hits coast\n\nThe storm reached the coast on Monday night, officials said, and schools closed.\n")
    doc = load_document("-", stdin=stream)
    assert doc.title == "Big storm hits coast"
    assert doc.origin == "-"


@pytest.mark.parametrize(
    "data, message",
    [(b"", "empty"), (b"  \n\t", "empty"), (b"%PDF-1.7 ...", "PDF"), (b"\x89PNG\r\n\x1a\n....", "PNG"),
     (b"PK\x03\x04zipzip", "zip")],
)
def test_bad_inputs_are_one_line_errors(tmp_path, data, message):
    with pytest.raises(ReaderError, match=message):
        load_document(write(tmp_path, "x", data))


def test_missing_and_directory(tmp_path):
    with pytest.raises(ReaderError, match="no such file"):
        load_bytes(str(tmp_path / "missing.html"))
    with pytest.raises(ReaderError, match="directory"):
        load_bytes(str(tmp_path))


def _transport(handler):
    return httpx.MockTransport(handler)


def test_fetch_ok_and_charset_from_header():
    def handler(request):
        assert request.headers["user-agent"].startswith("Mozilla/5.0 (compatible; reader/")
        return httpx.Response(200, content="café".encode("latin-1"), headers={"content-type": "text/html; charset=ISO-8859-1"})

    got = fetch("https://news.example/a", transport=_transport(handler))
    assert got.charset.lower() == "iso-8859-1" and decode(got.data, got.charset) == "café"


@pytest.mark.parametrize(
    "response, message",
    [
        (httpx.Response(404), "not found"),
        (httpx.Response(500), "HTTP 500"),
        (httpx.Response(200, content=b"x", headers={"content-type": "application/pdf"}), "not an article"),
        (httpx.Response(200, content=b"x" * 2000, headers={"content-type": "text/html"}), "too large"),
    ],
)
def test_fetch_failures(response, message):
    with pytest.raises(ReaderError, match=message):
        fetch("https://news.example/a", transport=_transport(lambda request: response), max_bytes=1000)


def test_fetch_redirect_loop_and_timeout_and_dns():
    loop = _transport(lambda request: httpx.Response(302, headers={"location": str(request.url)}))
    with pytest.raises(ReaderError, match="redirects"):
        fetch("https://news.example/a", transport=loop)

    def slow(request):
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(ReaderError, match="timed out"):
        fetch("https://news.example/a", transport=_transport(slow))

    def dns(request):
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    with pytest.raises(ReaderError, match="DNS"):
        fetch("https://nowhere.example/a", transport=_transport(dns))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://x.example/a", "javascript:alert(1)"])
def test_only_http_and_https(url):
    with pytest.raises(ReaderError, match="only http and https"):
        fetch(url)
