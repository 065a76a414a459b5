"""The site's Content Security Policy as one response header, for a host that can set headers.

    python -m tools.csp_header site/

Every built page carries its policy in a <meta> (hooks/csp.py); the pages' policies differ
only in the hashes of their own inline scripts. This prints one header for every page: the
same policy with the hashes of all pages, and frame-ancestors 'none', which only a header
can carry (no other site may show the guide in a frame). Build the site first.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "hooks"))

from csp import inline_hashes, policy  # noqa: E402


def header(site: Path) -> str:
    hashes = {"script": [], "style": []}
    for page in sorted(site.rglob("*.html")):
        for kind, digests in inline_hashes(page.read_text(encoding="utf-8")).items():
            hashes[kind] += [digest for digest in digests if digest not in hashes[kind]]
    return "Content-Security-Policy: " + policy(hashes, HEADER_ONLY)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site, e.g. site/")
    args = parser.parse_args()
    if not (args.site / "index.html").is_file():
        print(f"{args.site} holds no built site; run ./site.sh build first", file=sys.stderr)
        return 2
    print(header(args.site))
    return 0


HEADER_ONLY = {"frame-ancestors": ["'none'"]}

if __name__ == "__main__":
    sys.exit(main())
