"""`reader feed [add|remove] [URL|FILE] [--list]`: feeds as a reading queue."""

from __future__ import annotations

import sys
from typing import IO

from reader.errors import ReaderError
from reader.sanitize import clean_line


def _print_queue(items: list, out: IO[str]) -> None:
    if not items:
        out.write("the reading queue is empty: `reader feed add URL` remembers a feed\n")
    for item in items:
        mark = " " if item.read else "•"
        date = (item.published or "")[:10]
        out.write(f"{mark} {date:10} {clean_line(item.site)[:24]:24} {clean_line(item.title)}\n")


def run_feed(action: str | None, source: str | None, *, listing: bool, out: IO[str] = sys.stdout,
             err: IO[str] = sys.stderr) -> int:
    from reader.feeds import add_feed, feeds, queue, refresh, remove_feed
    from reader.store import Store

    with Store.open() as store:
        if action == "add":
            if not source:
                raise ReaderError("which feed? `reader feed add URL`")
            feed_id = add_feed(store, source)
            problems = refresh(store, [source])
            for line in problems:
                print(f"reader: warning: {clean_line(line)}", file=err)
            count = len(queue(store, [feed_id]))
            out.write(f"added {clean_line(source)}: {count} item{'s' if count != 1 else ''}\n")
            return 0
        if action == "remove":
            if not source or not remove_feed(store, source):
                raise ReaderError(f"no remembered feed {source!r} (see `reader feed --list`)")
            out.write(f"removed {clean_line(source)}\n")
            return 0
        if source:
            problems = refresh(store, [source])
            known = [fid for fid, url, _t, _f in feeds(store, subscribed=False) if url == source]
            if problems and not known:
                raise ReaderError(problems[0].split(" (showing")[0])
            feed_ids = known
        else:
            problems = refresh(store, [url for _id, url, _t, _f in feeds(store)])
            feed_ids = None
        for line in problems:
            print(f"reader: warning: {clean_line(line)}", file=err)
        items = queue(store, feed_ids)
    if listing:
        _print_queue(items, out)
        return 0
    from reader.ui.app import run_feed_queue

    return run_feed_queue(feed_ids)
