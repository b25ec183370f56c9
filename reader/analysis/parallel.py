"""Both cores on a long article: a helper process parses blocks from the back while we parse from the front.

`ParseHelper` spawns one process (multiprocessing "spawn": nothing of the
caller's state is inherited) that loads the model once and then, per job,
takes chunks of pieces, last first, and sends their Docs back as
bytes. The pieces are each block's parsing windows (one for most
blocks; a block past `bounded.WINDOW_CHARS` has several), so one huge
paragraph is shared between the two as well. `parse_in_two` claims chunks
from the front in this process; the two meet where their work meets (a
shared pair of counters under a lock), so neither waits for the other and a
helper still loading its model simply takes nothing. Blocks come out in
article order, each joined from its pieces exactly as a serial parse joins
them; a helper that dies is replaced by parsing its share here.
"""

from __future__ import annotations

import multiprocessing
from typing import TYPE_CHECKING, Any, Callable, Iterator

from reader.analysis.bounded import join_windows, pipe_windows, split_windows
from reader.analysis.nlp import ParsedBlock, _from_doc, load_nlp
from reader.model import Document

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

CHUNK_CHARS = 6_000
"""Each side claims consecutive pieces of about this many characters at a time."""

_JOB, _FRONT, _BACK = 0, 1, 2


def _claim_front(claims: Any, job: int, sizes: list[int]) -> tuple[int, int] | None:
    with claims.get_lock():
        if claims[_JOB] != job or claims[_FRONT] >= claims[_BACK]:
            return None
        start = end = claims[_FRONT]
        total = 0
        while end < claims[_BACK] and (total == 0 or total + sizes[end] <= CHUNK_CHARS):
            total += sizes[end]
            end += 1
        claims[_FRONT] = end
        return start, end


def _claim_back(claims: Any, job: int, sizes: list[int]) -> tuple[int, int] | None:
    with claims.get_lock():
        if claims[_JOB] != job or claims[_BACK] <= claims[_FRONT]:
            return None
        start = end = claims[_BACK]
        total = 0
        while start > claims[_FRONT] and (total == 0 or total + sizes[start - 1] <= CHUNK_CHARS):
            start -= 1
            total += sizes[start]
        claims[_BACK] = start
        return start, end


def _helper_main(conn: Any, claims: Any) -> None:  # pragma: no cover - runs in the helper process
    nlp = load_nlp()
    conn.send(("ready", nlp is not None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message[0] != "job" or nlp is None:
            continue
        _, job, texts = message
        sizes = [len(t) for t in texts]
        while (span := _claim_back(claims, job, sizes)) is not None:
            start, end = span
            docs = list(pipe_windows(nlp, texts[start:end]))
            payload = [doc.to_bytes(exclude=["tensor", "user_data"]) for doc in docs]
            try:
                conn.send(("docs", job, start, payload))
            except (BrokenPipeError, OSError):
                return
        conn.send(("end", job))


class ParseHelper:
    """The second parser process; `close()` ends it at once."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.claims = ctx.Array("i", [-1, 0, 0])
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_helper_main, args=(child, self.claims), name="reader-parse", daemon=True)
        self.process.start()
        child.close()
        self.job = 0

    def close(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(1.0)
        self.conn.close()


def parse_in_two(
    document: Document,
    nlp: "Language",
    helper: Any,
    *,
    stop: Callable[[], bool] | None = None,
) -> Iterator[ParsedBlock]:
    """Every block parsed, in order, this process from the front and `helper` from the back (by pieces).

    `helper` is a `ParseHelper` or anything with its `conn` and `claims`
    (the analysis process is handed those). When `stop()` says True no
    more chunks are claimed and the generator ends after the blocks parsed.
    """
    texts: list[str] = []  # the pieces both sides parse: each block's windows (see `bounded.split_windows`)
    owner: list[int] = []  # the block of each piece
    for i, block in enumerate(document.blocks):
        for window in split_windows(document.body[block.start : block.end]):
            texts.append(window)
            owner.append(i)
    sizes = [len(t) for t in texts]
    helper.job += 1
    job = helper.job
    with helper.claims.get_lock():
        helper.claims[_JOB], helper.claims[_FRONT], helper.claims[_BACK] = job, 0, len(texts)
    try:
        helper.conn.send(("job", job, texts))
    except (BrokenPipeError, OSError):
        pass
    try:
        yield from _join_blocks(document, owner, _front_then_back(nlp, helper, job, texts, sizes, stop))
    finally:  # finished, stopped or abandoned: the helper claims nothing more of this job
        with helper.claims.get_lock():
            if helper.claims[_JOB] == job:
                helper.claims[_JOB] = -1


def _join_blocks(document: Document, owner: list[int], docs: Iterator["Doc"]) -> Iterator[ParsedBlock]:
    """The pieces' Docs (in order) joined into one per block, so one huge paragraph is parsed on both sides."""
    parts: list[Doc] = []
    for k, doc in enumerate(docs):
        parts.append(doc)
        if k + 1 < len(owner) and owner[k + 1] == owner[k]:
            continue
        i = owner[k]
        joined = join_windows(parts)
        parts = []
        yield _from_doc(i, document.blocks[i].start, joined.text, joined)


def _front_then_back(
    nlp: "Language", helper: Any, job: int, texts: list[str], sizes: list[int],
    stop: Callable[[], bool] | None,
) -> Iterator["Doc"]:
    """Every piece's Doc in order: the front claimed and parsed here, then the helper's (or parsed here)."""
    done = 0
    theirs: dict[int, bytes] = {}
    ended = False
    while (span := _claim_front(helper.claims, job, sizes)) is not None:
        start, end = span
        yield from pipe_windows(nlp, texts[start:end])
        done = end
        if stop is not None and stop():
            return
        ended = ended or _drain(helper, job, theirs, wait=False)  # a full pipe would stall the helper
    if not ended:
        _collect(helper, job, done, len(texts), theirs)
    from spacy.tokens import Doc

    for i in range(done, len(texts)):
        payload = theirs.get(i)
        if payload is None:  # the helper died or fell behind: parse it here
            yield next(pipe_windows(nlp, [texts[i]]))
        else:
            yield Doc(nlp.vocab).from_bytes(payload)


def _collect(helper: Any, job: int, first: int, total: int, found: dict[int, bytes]) -> None:
    """Add the helper's Docs of this job to `found` until it says it is done (or dies)."""
    while len(found) < total - first:
        try:
            if not helper.conn.poll(0.5):
                if not _alive(helper):
                    return
                continue
        except (EOFError, OSError):
            return
        if _drain(helper, job, found, wait=False):
            return


def _drain(helper: Any, job: int, found: dict[int, bytes], *, wait: bool) -> bool:
    """Read every message waiting from the helper into `found`; True once it said this job is done or died."""
    try:
        while helper.conn.poll(None if wait else 0):
            message = helper.conn.recv()
            if message[0] == "docs" and message[1] == job:
                for k, payload in enumerate(message[3]):
                    found[message[2] + k] = payload
            elif message[0] == "end" and message[1] == job:
                return True
            wait = False
    except (EOFError, OSError):
        return True
    return False


def _alive(helper: Any) -> bool:
    process = getattr(helper, "process", None)
    return process.is_alive() if process is not None else True

