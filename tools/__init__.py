"""Command-line tools for staff: `python -m tools.<name>` from the project folder."""
