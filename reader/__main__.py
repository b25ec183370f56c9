"""`python -m reader` runs the command line."""

from reader.cli import main

if __name__ == "__main__":  # the analysis processes are spawned: they import this module without running it
    raise SystemExit(main())
