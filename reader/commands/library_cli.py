"""The `library` and `feed` sub-commands' arguments, and running them (kept out of `reader.cli`)."""

from __future__ import annotations

import argparse


def add_library_parser(sub: argparse._SubParsersAction, positive: type | object) -> argparse.ArgumentParser:
    p = sub.add_parser("library", prog="reader library", help="the articles you have read, and what they say",
                       description="The library: every article you have read or added, with its analysis.")
    acts = p.add_subparsers(dest="action", metavar="ACTION", help="what to do (default: list)")
    acts.add_parser("list", help="the articles, newest first, with their IDs (the default)")
    p_open = acts.add_parser("open", help="reopen an article (works offline)")
    p_open.add_argument("number", metavar="ID", type=positive, help="the ID `reader library` shows")
    p_add = acts.add_parser("add", help="add articles without opening them (files, URLs, JSONL batches)")
    p_add.add_argument("sources", metavar="SOURCE", nargs="+", help="a file, an http(s) URL, or a .jsonl(.gz) batch")
    p_search = acts.add_parser("search", help="find articles, quotes and people")
    p_search.add_argument("text", metavar="TEXT", nargs="+", help="words that must all appear")
    p_search.add_argument("--json", action="store_true", help="JSON lines instead of text")
    p_search.add_argument("--limit", type=positive, default=20, metavar="N", help="at most N hits (default 20)")
    p_quotes = acts.add_parser("quotes", help="every quote by a person across the library")
    p_quotes.add_argument("--speaker", required=True, metavar="NAME", help="a name or alias (\"Okafor\")")
    p_quotes.add_argument("--json", action="store_true", help="JSON lines instead of text")
    p_person = acts.add_parser("person", help="every article that mentions a person")
    p_person.add_argument("name", metavar="NAME", nargs="+", help="a name or alias")
    p_person.add_argument("--json", action="store_true", help="JSON lines instead of text")
    p_export = acts.add_parser("export", help="one Markdown file of a person's quotes, linked to each article")
    who = p_export.add_mutually_exclusive_group(required=True)
    who.add_argument("--speaker", metavar="NAME", help="the person whose quotes to export")
    who.add_argument("--person", metavar="NAME", help="the same (the person's quotes and articles)")
    p_export.add_argument("-o", "--output", metavar="FILE", help="file or directory (default: a name from the person)")
    p_export.add_argument("--force", action="store_true", help="overwrite an existing file")
    return p


def add_feed_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("feed", prog="reader feed", help="RSS/Atom feeds as a reading queue",
                       description="Show a feed's items (or every remembered feed's) as a reading queue; "
                       "enter opens the full article. Works offline on what was fetched before.")
    p.add_argument("words", metavar="[add|remove] URL|FILE", nargs="*",
                   help="a feed to show; `add URL` remembers it, `remove URL` forgets it; none: all remembered")
    p.add_argument("--list", action="store_true", help="print the queue instead of opening the app")
    return p


def run_library_command(args: argparse.Namespace) -> int:
    from reader.commands import library, library_index

    action = args.action or "list"
    if action == "list":
        return library.run_library("list", None)
    if action == "open":
        return library.run_library("open", args.number)
    if action == "add":
        return library_index.run_add(args.sources)
    if action == "search":
        return library_index.run_search(" ".join(args.text), as_json=args.json, limit=args.limit)
    if action == "quotes":
        return library_index.run_quotes(args.speaker, as_json=args.json)
    if action == "person":
        return library_index.run_person(" ".join(args.name), as_json=args.json)
    return library_index.run_person_export(args.speaker or args.person, args.output, force=args.force)


def run_feed_command(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from reader.commands.feed import run_feed

    words = list(args.words)
    action = words.pop(0) if words and words[0] in ("add", "remove") else None
    if len(words) > 1:
        parser.error("give one feed URL or file")
    return run_feed(action, words[0] if words else None, listing=args.list)
