"""Errors the user sees as one clear line (the CLI exits 1 on them)."""


class ReaderError(Exception):
    """A user-facing failure: bad input, unreachable URL, not an article."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))
