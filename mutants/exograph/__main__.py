"""``python -m exograph``: the same as the ``exograph`` command."""

from exograph.cli import main

main()
