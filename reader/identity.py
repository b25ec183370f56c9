"""Which stored article a Document is: its canonical URL, else a fingerprint of its body.

API
---
- `canonical_url(url) -> str | None`: a normalised http(s) URL used as the
  article key (None for no URL, a local path or another scheme).
- `fingerprint(body) -> str`: `"sha256:<hex>"` of the normalised cleaned body,
  so the same article read from a saved file, a paste or its URL matches
  even when white space or Unicode forms differ.

URL normalisation: scheme http is taken as https (same article), host lower
case without "www." and default port, fragment dropped, tracking parameters
(utm_*, fbclid, gclid, ...) dropped, remaining query kept in order, a
trailing slash dropped from a non-root path.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from reader.urls import is_web_url

_TRACKING = re.compile(
    r"^(?:utm_[a-z0-9_]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ocid|cmpid|smid|ref_src)$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
MAX_URL = 4096


def canonical_url(url: str | None) -> str | None:
    """The article key for `url`, or None when it is not an http(s) URL."""
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL or any(ord(c) < 32 or c == "\x7f" for c in url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not is_web_url(url) or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/") or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit(("https", host, path, urlencode(query, doseq=True), ""))


def normalise_body(body: str) -> str:
    """The body as compared for identity: NFKC, white space folded to single spaces."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", body)).strip()


def fingerprint(body: str) -> str:
    """`"sha256:<hex>"` of the normalised body."""
    digest = hashlib.sha256(normalise_body(body).encode("utf-8", "surrogatepass")).hexdigest()
    return f"sha256:{digest}"
