"""A worker process: `python -m reader.batch.child --clean=1 --analysis=1`.

Loads the model once, reads `_WARM_UP`, prints `ready`, then answers each JSONL line on stdin with
one result line on stdout (`process_line`), until stdin closes. Anything a
library prints goes to stderr, never into the protocol.
"""

from __future__ import annotations

import os
import sys

_WARM_UP = (
    (b'{"id": 0, "text": "A warm-up note\\n\\nThe first record of a worker pays for lazy imports and the '
    b'model\'s first call, \\u201cabout ten records\' worth,\\u201d a test said on Monday."}'),
    (b'{"id": 0, "html": "<html><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>'
    b'<p>A page read once when the worker starts, so that the HTML cleaners are loaded too.</p>'
    b'</article></body></html>"}'),
)
"""Records read once before `ready` and never printed: a record's time budget is its own work."""


def main(argv: list[str]) -> int:
    import signal

    from reader.batch.record import RecordOptions, process_line, result_line

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl+c is the parent's to handle: it stops us at once

    protocol = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    options = RecordOptions.from_args(argv)
    import reader.clean.html
    import reader.export.json  # noqa: F401

    if options.analysis:
        from reader.analysis.nlp import load_nlp

        load_nlp()
    for warm in _WARM_UP:  # the lazy imports and the model's first call, before any record's time budget
        process_line(warm, options)
    stdin = sys.stdin.buffer
    protocol.write(b"ready\n")
    protocol.flush()
    while True:
        line = stdin.readline()
        if not line:
            return 0
        result = result_line(process_line(line.rstrip(b"\r\n"), options))
        protocol.write(result.encode("utf-8", errors="replace") + b"\n")
        protocol.flush()


if __name__ == "__main__":
    try:
        raise SystemExit(main(sys.argv[1:]))
    except (KeyboardInterrupt, BrokenPipeError):
        raise SystemExit(0)
