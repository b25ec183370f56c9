"""Writing exports to disk: safe file names and atomic, no-clobber writes.

API
---
- `export_markdown(document, analysis, notes, out_path=None, force=False, *, exported=None) -> Path`:
  renders `to_markdown` and writes it atomically; returns the path written.
  `out_path` None -> a name from the title in the current directory; an
  existing directory (or a path ending in a separator) -> a name from the
  title inside it; anything else -> that file. Raises `ExportExists` (a
  ReaderError with `.path`) when the file exists and `force` is False: the
  app asks for confirmation then calls again with `force=True`; the CLI
  tells the user about `--force`.
- `export_path(document, out_path=None) -> Path`: where that would write.
- `free_name(path) -> Path`: `path`, or the first of `name-2.md`, `name-3.md`...
  that does not exist (the app's "keep both" answer).
- `safe_filename(title, suffix=".md") -> str`: a file name from untrusted
  text: no path separators or `..`, no control or reserved characters, no
  Windows device names, not hidden, at most `MAX_NAME_BYTES` UTF-8 bytes.
- `atomic_write_text(path, text, *, force=False) -> Path`: temp file in the
  same directory, write + flush + fsync, then `os.replace` (with force) or
  `os.link` (without: fails if the name appeared meanwhile, so a concurrent
  file is never clobbered), then fsync the directory. A crash at any point
  leaves either the old file or the new one, never a mix; a leftover
  `.<name>.<random>.tmp` is removed by the next write of that name once it
  is an hour old.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
import unicodedata
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from reader.errors import ReaderError
from reader.model import Analysis, Document
from reader.notes import Note
from reader.sanitize import clean_line

MAX_NAME_BYTES = 120
"""Cap on a generated file name (filesystems allow 255 bytes; leave room for copies)."""

STALE_TEMP_SECONDS = 3600

_before_commit: Callable[[Path], None] | None = None
"""Test hook: called with the temp file's path after it is written and synced, before the rename."""

_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f/\\:*?\"<>|\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]+")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
"""Inside a word ("Russia's", "don’t") an apostrophe is dropped, not turned into a hyphen."""
_SEPARATORS = re.compile(r"[\s_\-–—.,;!'’‘“”()\[\]{}#%&+=@$^`~]+")
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$", re.IGNORECASE)


class ExportExists(ReaderError):
    """The target file exists and overwriting was not allowed."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists (use --force to overwrite it)")
        self.path = path


def _cut_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-8 bytes, at a hyphen when one is near the end."""
    if len(text.encode("utf-8")) <= limit:
        return text
    out = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
    hyphen = out.rfind("-")
    if hyphen >= len(out) // 2:
        out = out[:hyphen]
    return out.strip("-")


def safe_filename(title: str, suffix: str = ".md", *, max_bytes: int = MAX_NAME_BYTES) -> str:
    """A lower-case hyphenated name from `title` (letters of any script kept), plus `suffix`."""
    text = unicodedata.normalize("NFKC", clean_line(title or ""))
    text = _UNSAFE_CHARS.sub(" ", text)
    text = _APOSTROPHE.sub("", text)
    text = _SEPARATORS.sub("-", text).strip("-").lower()
    text = "".join(c for c in text if c == "-" or unicodedata.category(c)[0] in "LNM")
    text = re.sub(r"-{2,}", "-", text).strip("-")
    text = _cut_bytes(text, max_bytes - len(suffix.encode("utf-8")))
    if not text:
        text = "article"
    if _WINDOWS_RESERVED.match(text):
        text += "-article"
    return text + suffix


def _title_for_name(document: Document) -> str:
    return document.title or document.site_name or (document.url or "") or "article"


def export_path(document: Document, out_path: str | os.PathLike[str] | None = None) -> Path:
    """The file `export_markdown` would write (see the module docstring)."""
    name = safe_filename(_title_for_name(document))
    if out_path is None or str(out_path) == "":
        return Path.cwd() / name
    raw = os.fspath(out_path)
    path = Path(raw).expanduser()
    if path.is_dir() or raw.endswith(("/", os.sep)):
        target = path / name
        if target.parent != path:  # cannot happen with safe_filename; belt and braces
            raise ReaderError(f"unsafe file name {name!r}")
        return target
    return path


def free_name(path: str | os.PathLike[str]) -> Path:
    """`path` if free, else the same name with the first free `-2`, `-3`... before the suffix."""
    path = Path(path)
    if not path.exists():
        return path
    for number in range(2, 10_000):
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise ReaderError(f"no free name next to {path}")


def _sweep_stale_temps(path: Path) -> None:
    prefix = f".{path.name}."
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
            try:
                if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.unlink(entry.path)
            except OSError:
                pass


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # e.g. Windows: directories cannot be opened
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_text(path: str | os.PathLike[str], text: str, *, force: bool = False) -> Path:
    """Write `text` (UTF-8) to `path` atomically; never replace an existing file unless `force`."""
    path = Path(path)
    directory = path.parent
    if not directory.is_dir():
        raise ReaderError(f"cannot write {path}: the directory {directory} does not exist")
    if path.is_dir():
        raise ReaderError(f"cannot write {path}: it is a directory")
    if path.exists() and not path.is_file():  # a device, FIFO or socket: never replaced by a file
        raise ReaderError(f"cannot write {path}: it is not a regular file (export writes only regular files)")
    if path.exists() and not force:
        raise ExportExists(path)
    _sweep_stale_temps(path)
    data = text.encode("utf-8")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ReaderError(f"cannot write in {directory}: {exc.strerror or exc}") from None
    temp = Path(temp_name)
    try:
        try:
            mode = path.stat().st_mode & 0o777 if path.exists() else _new_file_mode()
            os.fchmod(fd, mode)
        except (OSError, AttributeError):
            pass
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if _before_commit is not None:
            _before_commit(temp)
        if force:
            os.replace(temp, path)
        else:
            _link_no_clobber(temp, path)
        _fsync_dir(directory)
    except FileExistsError:
        raise ExportExists(path) from None
    except OSError as exc:
        raise ReaderError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        try:
            temp.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass
    return path


def _link_no_clobber(temp: Path, path: Path) -> None:
    """Give `temp` the name `path` only if that name is free (atomically where hard links exist)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this filesystem: check then rename (a tiny race remains).
        if path.exists():
            raise FileExistsError(str(path)) from None
        os.replace(temp, path)


def export_markdown(
    document: Document,
    analysis: Analysis | None,
    notes: Iterable[Note],
    out_path: str | os.PathLike[str] | None = None,
    force: bool = False,
    *,
    exported: datetime | str | None = None,
    target: str = "github",
) -> Path:
    """Render the export (paragraph marks for `target`: "github" or "obsidian") and write it atomically."""
    from reader.export.markdown import to_markdown

    path = export_path(document, out_path)
    text = to_markdown(document, analysis, notes, exported=exported, target=target)  # type: ignore[arg-type]
    return atomic_write_text(path, text, force=force)
