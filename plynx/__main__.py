"""``python -m plynx``: the ``plynx`` command."""

from plynx.cli.main import main

if __name__ == "__main__":
    main()
