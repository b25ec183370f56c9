"""Errors the user sees as one clear line (the CLI exits 1 on them)."""

from reader.sanitize import clean_line


class ReaderError(Exception):
    """A user-facing failure: bad input, unreachable URL, not an article.

    The message is folded to one line and made terminal-safe: it may quote a
    URL or a file name that came from a hostile page.
    """

    def __init__(self, message: str) -> None:
        super().__init__(clean_line(str(message)))
