"""Fetch an article over HTTP(S) with httpx: bounded in time, size and redirects.

The limits are module constants, read at each call (tests set them small):
`MAX_BYTES` (body size, declared or streamed), `MAX_REDIRECTS`, `TIMEOUT`
(per connect/read), `TOTAL_SECONDS` (the whole download, however slowly it
drips). Only http and https are followed, redirects included. Every failure
becomes one clear `ReaderError` line.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from reader import __version__
from reader.errors import ReaderError

USER_AGENT = f"Mozilla/5.0 (compatible; reader/{__version__}; terminal article reader)"
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(connect=10.0, read=20.0, write=10.0, pool=10.0)
TOTAL_SECONDS = 60.0
TRUST_ENV = True
"""Honour the proxy settings of the environment (tests turn this off to stay on loopback)."""
ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml",
                  "application/rss+xml", "application/atom+xml")


@dataclass(slots=True)
class Fetched:
    data: bytes
    url: str
    """The final URL after redirects."""
    charset: str | None
    content_type: str


def _size(count: int) -> str:
    from reader.load import mib

    return mib(count)


def check_url(url: str, *, redirect: bool = False) -> str:
    """`url` itself when it is an http(s) URL with a host; else ReaderError ("redirect refused: ..." for a redirect)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # "Invalid IPv6 URL", a bad port ...
        raise ReaderError(f"not a valid URL ({exc}): {url[:200]}") from None
    if parts.scheme.lower() not in ("http", "https"):
        if redirect:
            raise ReaderError(f"redirect refused: the server redirected to a URL that is not http or https "
                              f"({parts.scheme or 'no scheme'}:): {url[:200]}")
        raise ReaderError(f"only http and https URLs can be opened, not {parts.scheme or 'this'}: {url[:200]}")
    if not host:
        raise ReaderError(f"{'redirect refused: the target is ' if redirect else ''}not a valid URL: {url[:200]}")
    return url


def fetch(
    url: str,
    *,
    max_bytes: int | None = None,
    transport: httpx.BaseTransport | None = None,
    total_seconds: float | None = None,
) -> Fetched:
    """GET `url` and return its bytes, or raise ReaderError with one clear line.

    `max_bytes` and `total_seconds` default to the module's `MAX_BYTES` and `TOTAL_SECONDS`.
    The download runs in a daemon thread so that `total_seconds` holds even
    while a server drips its status line or headers a byte at a time (httpx
    only bounds each read); a download still running then is abandoned (its
    own checks end it at its next chunk or read timeout).
    """
    import threading

    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    total_seconds = TOTAL_SECONDS if total_seconds is None else total_seconds
    check_url(url)
    outcome: list[Fetched | BaseException] = []

    def work() -> None:
        try:
            outcome.append(_fetch(url, max_bytes, transport, total_seconds))
        except BaseException as exc:  # handed to the caller's thread
            outcome.append(exc)

    worker = threading.Thread(target=work, name="reader-fetch", daemon=True)
    worker.start()
    worker.join(total_seconds + 1.0)
    if not outcome:
        raise ReaderError(f"timed out after {total_seconds:g} s: {url}")
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _fetch(url: str, max_bytes: int, transport: httpx.BaseTransport | None, total_seconds: float) -> Fetched:
    import time

    began = time.monotonic()
    responses: list[httpx.Response] = []
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"}
    try:
        with httpx.Client(
            follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=TIMEOUT, headers=headers, transport=transport,
            trust_env=TRUST_ENV,
            event_hooks={"response": [responses.append]},
        ) as client:
            with client.stream("GET", url) as response:
                final = str(response.url)
                check_url(final, redirect=final != url)
                if response.status_code == 404 or response.status_code == 410:
                    raise ReaderError(f"not found (HTTP {response.status_code}): {url}")
                if response.status_code >= 400:
                    raise ReaderError(f"the server answered HTTP {response.status_code} {response.reason_phrase}: {url}")
                content_type = response.headers.get("content-type", "")
                mime = content_type.split(";")[0].strip().lower()
                if mime and not (mime in ACCEPTED_TYPES or mime.startswith("text/")):
                    raise ReaderError(f"not an article: the server sent {mime}: {url}")
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    raise ReaderError(f"too large: {_size(int(declared))} (limit {_size(max_bytes)}): {url}")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise ReaderError(f"too large: more than {_size(max_bytes)}: {url}")
                    if time.monotonic() - began > total_seconds:
                        raise ReaderError(f"timed out after {total_seconds:g} s: {url}")
                    chunks.append(chunk)
                return Fetched(b"".join(chunks), final, response.charset_encoding, mime)
    except ReaderError:
        raise
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        location = responses[-1].headers.get("location", "") if responses else ""
        if responses and responses[-1].is_redirect:
            check_url(location, redirect=True)
            raise ReaderError(f"redirect refused: {location[:200]}") from None
        raise ReaderError(f"not a valid URL: {exc}") from None
    except httpx.TooManyRedirects:
        raise ReaderError(f"too many redirects (more than {MAX_REDIRECTS}): {url}") from None
    except httpx.TimeoutException:
        raise ReaderError(f"timed out: {url}") from None
    except httpx.ConnectError as exc:
        text = str(exc).lower()
        if "name or service" in text or "nodename" in text or "getaddrinfo" in text or "resolve" in text:
            raise ReaderError(f"cannot find the host {urlsplit(url).hostname} (DNS lookup failed)") from None
        raise ReaderError(f"cannot connect to {urlsplit(url).hostname}: {exc}") from None
    except httpx.HTTPError as exc:
        raise ReaderError(f"download failed: {type(exc).__name__}: {exc}") from None
