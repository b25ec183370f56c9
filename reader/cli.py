"""The command line: `reader [open] SOURCE`, `reader extract`, `reader export`, `reader library`.

Exit codes: 0 ok, 1 input error (one line on stderr, never a traceback),
2 usage error. Heavy modules (Textual, spaCy) are imported only by the
commands that need them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from typing import Sequence

from reader import __version__
from reader.errors import ReaderError

COMMANDS = ("open", "extract", "export", "library", "feed", "batch")


def _iso_date(value: str) -> str:
    """Validate `--published` (an ISO 8601 date or date-time)."""
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r} (use YYYY-MM-DD)") from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number >= 1, got {value!r}")
    return number


def _seconds(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not number >= 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds >= 0 (0: no budget), got {value!r}")
    return number


SOURCE_HELP = "a file (HTML or text, .gz too), an http(s) URL, or - for standard input"
DATE_HELP = "the article's date (YYYY-MM-DD, or an ISO date-time with its offset) when the source has none"
USAGE = """reader SOURCE [--published DATE]          read an article
       reader COMMAND [options]                 extract, export, library, feed or batch (reader COMMAND --help)"""
EXAMPLES = """examples:
  reader pasted-article.txt --published 2026-01-09
  reader https://example.org/news/story.html
  reader extract story.html --format markdown
  reader export story.html -o notes/
  reader library open 12           (the ID `reader library` shows; it never changes)
"""


def _top_and_open(parser_class: type[argparse.ArgumentParser]) -> tuple[argparse.ArgumentParser, object]:
    """The top-level parser with the `open` command: what both the full and the quick parser hold."""
    parser = parser_class(
        prog="reader",
        usage=USAGE,
        description=f"A terminal reader for news articles. SOURCE is {SOURCE_HELP}.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where notes and the library live (env READER_DATA_DIR)")
    parser.add_argument(
        "--export-dir", metavar="DIR",
        help="where the app's e proposes to export (env READER_EXPORT_DIR; default: your documents folder/reader)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_open = sub.add_parser("open", prog="reader open", help="open an article in the reader (the default command)")
    p_open.add_argument("source", metavar="SOURCE", help=SOURCE_HELP)
    p_open.add_argument("--published", type=_iso_date, metavar="DATE", help=DATE_HELP)
    return parser, sub


class _Refused(Exception):
    """The quick parser met something only the full parser answers (a usage error, help, the version)."""


class _QuickParser(argparse.ArgumentParser):
    """Raises instead of printing and exiting, so the full parser can answer exactly as usual."""

    def error(self, message: str):  # type: ignore[override]
        raise _Refused(message)

    def exit(self, status: int = 0, message: str | None = None):  # type: ignore[override]
        raise _Refused(message or "")


def quick_open_args(argv: list[str]) -> argparse.Namespace | None:
    """`reader [--data-dir D] [--export-dir D] open SOURCE [--published DATE]` parsed by a parser
    that holds only the `open` command; None when the full parser must answer.

    Why: argparse looks up a translation on disk for each help string, and building every
    command's parser took 10-20 ms before the app's first paint. The namespace is the full
    parser's (the same `_top_and_open` builds both); an error, -h or --version goes to the full one.
    """
    if any(arg in ("-h", "--help", "--version") for arg in argv) or "open" not in argv:
        return None
    try:
        args = _top_and_open(_QuickParser)[0].parse_args(argv)
    except _Refused:
        return None
    return args if args.command == "open" else None


def build_parser() -> argparse.ArgumentParser:
    parser, sub = _top_and_open(argparse.ArgumentParser)

    p_extract = sub.add_parser(
        "extract", prog="reader extract", help="print the cleaned article and its analysis",
        description="Print the cleaned article and its analysis (entities, quotes, timeline, sources).",
    )
    p_extract.set_defaults(command_parser=p_extract)
    p_extract.add_argument("source", metavar="SOURCE", nargs="?", help=SOURCE_HELP + " (none with --jsonl)")
    p_extract.add_argument(
        "--format", "-f", choices=("text", "json", "markdown"), default="json",
        help="text: the cleaned body only; json: body and analysis; markdown: a readable report (default: json)",
    )
    p_extract.add_argument("--published", type=_iso_date, metavar="DATE", help=DATE_HELP)
    p_extract.add_argument("--jsonl", action="store_true", help="batch: JSON lines on stdin -> JSON lines on stdout")
    p_extract.add_argument("--no-clean", action="store_true", help="with --jsonl: analyse the text exactly as given")
    p_extract.add_argument("--jobs", "-j", type=_positive, default=1, metavar="N",
                           help="with --jsonl: up to N processes (capped at the cores and the records)")
    p_extract.add_argument("--no-analysis", action="store_true",
                           help="the document alone, without entities, quotes, timeline or sources (never loads spaCy)")
    p_extract.add_argument("--time-budget", type=_seconds, default=None, metavar="SECONDS",
                           help="with --jsonl: seconds per record before it yields an error (default 60)")

    p_batch = sub.add_parser("batch", help="analyse JSONL files and directories of pages into partitioned JSONL")
    p_batch.add_argument("inputs", metavar="INPUT", nargs="+",
                         help="JSONL files (.gz too) or globs of them, or directories of HTML/text files")
    p_batch.add_argument("--out", "-o", required=True, metavar="DIR", help="where the output parts and _summary.json go")
    p_batch.add_argument("--scheduler", default="local", metavar="WHERE",
                         help="local (a process pool, the default), dask-local (a Dask cluster on this machine) "
                         "or tcp://HOST:PORT (a running Dask scheduler)")
    p_batch.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                         help="local and dask-local: worker processes (default and cap: the cores)")
    p_batch.add_argument("--no-clean", action="store_true", help="analyse each record's text exactly as given")
    p_batch.add_argument("--no-analysis", action="store_true", help="the documents alone (never loads spaCy)")
    p_batch.add_argument("--time-budget", type=_seconds, default=None, metavar="SECONDS",
                         help="seconds per record before it yields an error (default 60; 0: none)")

    p_export = sub.add_parser("export", prog="reader export", help="write the article, its analysis and your notes as Markdown")
    p_export.add_argument("source", metavar="SOURCE", help=SOURCE_HELP)
    p_export.add_argument("-o", "--output", metavar="FILE", help="file or directory (default: a name from the title)")
    p_export.add_argument("--force", action="store_true", help="overwrite an existing file")
    p_export.add_argument("--published", type=_iso_date, metavar="DATE", help=DATE_HELP)
    p_export.add_argument(
        "--obsidian", action="store_true",
        help="mark paragraphs with Obsidian block ids (^p1) instead of HTML anchors GitHub hides (the default)",
    )

    from reader.commands.library_cli import add_feed_parser, add_library_parser

    add_library_parser(sub, _positive)
    add_feed_parser(sub)
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """`reader SOURCE` means `reader open SOURCE`."""
    out = list(argv)
    i = 0
    while i < len(out):
        arg = out[i]
        if arg in ("--data-dir", "--export-dir"):
            i += 2
            continue
        if arg.startswith(("--data-dir=", "--export-dir=")):
            i += 1
            continue
        if arg in COMMANDS or arg in ("-h", "--help", "--version"):
            return out
        out.insert(i, "open")
        return out
    return out


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _normalise_argv(list(sys.argv[1:] if argv is None else argv))
    args = quick_open_args(args_list)  # `reader FILE`: the app starts without the other commands' parsers
    parser = build_parser() if args is None else None
    if parser is not None:
        args = parser.parse_args(args_list)
    if args.data_dir:
        os.environ["READER_DATA_DIR"] = args.data_dir
    if args.export_dir:
        os.environ["READER_EXPORT_DIR"] = args.export_dir
    if args.command is None:
        parser.print_usage(sys.stderr)
        print("reader: error: give a SOURCE (file, URL or -) or a command", file=sys.stderr)
        return 2
    try:
        if args.command == "open":
            from reader.early_load import start_loading

            # the file loads (and the library is asked about it) on the other core ...
            pending = start_loading(args.source, args.published, remember=True)
            from reader.ui.app import run_app, run_document  # ... while Textual and the UI import here

            if pending is None:
                return run_app(args.source, published=args.published)
            return run_document(pending.result())
        if args.command == "extract":
            from reader.commands import extract

            usage_error = args.command_parser.error  # the command's own usage, not the top-level one

            if args.jsonl:
                if args.source:
                    usage_error("--jsonl reads standard input; give no SOURCE")
                return extract.run_jsonl(sys.stdin, sys.stdout, clean=not args.no_clean, jobs=args.jobs,
                                         analysis=not args.no_analysis, budget=args.time_budget)
            if args.no_clean or args.jobs != 1 or args.time_budget is not None:
                usage_error("--no-clean, --jobs and --time-budget go with --jsonl")
            if not args.source:
                usage_error("extract needs a SOURCE (or --jsonl)")
            return extract.run_single(args.source, args.format, sys.stdout, published=args.published,
                                      analysis=not args.no_analysis)
        if args.command == "batch":
            from reader.commands import batch

            return batch.run_batch(args)
        if args.command == "export":
            from reader.commands import export

            return export.run_export(
                args.source, args.output, force=args.force, published=args.published, obsidian=args.obsidian
            )
        if args.command == "library":
            from reader.commands.library_cli import run_library_command

            return run_library_command(args)
        if args.command == "feed":
            from reader.commands.library_cli import run_feed_command

            return run_feed_command(args, parser)
    except ReaderError as exc:
        print(f"reader: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except RecursionError:
        print("reader: error: the input is nested too deeply to read", file=sys.stderr)
        return 1
    except MemoryError:
        print("reader: error: the input is too large to read in memory", file=sys.stderr)
        return 1
    except BrokenPipeError:
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 0
    except Exception as exc:  # never a traceback for the user; READER_DEBUG=1 shows it
        if os.environ.get("READER_DEBUG"):
            raise
        from reader.sanitize import clean_line

        message = clean_line(f"unexpected {type(exc).__name__}: {exc}")
        print(f"reader: error: {message} (READER_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
