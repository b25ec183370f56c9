"""The one test of "is this a web link?": an absolute http or https URL, the scheme in any case.

Links of the page, the article's own URL and export destinations all pass
this check before they are shown, opened or written; other schemes
(javascript:, data:, file:...) never are.
"""

from __future__ import annotations

WEB_SCHEMES = ("http", "https")


def is_web_url(url: str | None) -> bool:
    """True when `url` starts with http:// or https:// (in any case)."""
    return bool(url) and url[:8].lower().startswith(("http://", "https://"))  # type: ignore[index]
