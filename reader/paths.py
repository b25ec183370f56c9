"""Where reader keeps the user's data (the notes database).

API
---
- `data_dir(override=None, *, create=True) -> Path`: the directory, chosen in
  this order: `override` (the CLI's `--data-dir`), the environment variable
  `READER_DATA_DIR`, else the platform's user data directory
  (`platformdirs.user_data_dir("reader")`, e.g. `~/.local/share/reader`).
  Created with mode 0700 when missing (notes are private).
- `database_path(override=None) -> Path`: `data_dir(...) / "reader.sqlite3"`.
- `default_export_dir(last_used=None) -> Path`: where the app offers to
  export: the environment variable `READER_EXPORT_DIR` (the CLI's
  `--export-dir`), else `last_used` (the store remembers it), else
  `platformdirs.user_documents_dir() / "reader"` (e.g. `~/Documents/reader`).
  Never the current directory. Not created until something is written.

The CLI copies `--data-dir` into `READER_DATA_DIR`, so code that runs later
(the app, `reader export`) only needs `database_path()`.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.errors import ReaderError

APP_NAME = "reader"
ENV_VAR = "READER_DATA_DIR"
EXPORT_ENV_VAR = "READER_EXPORT_DIR"
DATABASE_NAME = "reader.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None, *, create: bool = True) -> Path:
    """The data directory (see the module docstring for the order of choices)."""
    chosen = override if override not in (None, "") else os.environ.get(ENV_VAR) or None
    if chosen is not None:
        path = Path(chosen).expanduser()
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path = path.absolute()
    if create:
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise ReaderError(f"cannot create the data directory {path}: {exc.strerror or exc}") from None
        if not path.is_dir():
            raise ReaderError(f"the data directory {path} is not a directory")
    return path


def database_path(override: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite file that holds the library and the notes."""
    return data_dir(override) / DATABASE_NAME


def default_export_dir(last_used: str | None = None) -> Path:
    """The directory the app proposes for exports: `--export-dir`, else the last one used, else documents."""
    chosen = os.environ.get(EXPORT_ENV_VAR) or last_used
    if chosen:
        return Path(chosen).expanduser().absolute()
    import platformdirs

    return (Path(platformdirs.user_documents_dir()) / APP_NAME).absolute()
