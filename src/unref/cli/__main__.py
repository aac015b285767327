"""`python -m unref.cli`: the same command line as `unref`."""

from unref.cli import main

main()
