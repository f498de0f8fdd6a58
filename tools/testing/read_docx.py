#!/usr/bin/env python3
"""Read a .docx back with python-docx and print what a test needs as JSON.

Usage: read_docx.py FILE.docx
Prints {"paragraphs": [[style, text], ...], "tables": [[[cell, ...], ...], ...],
        "page": [width_mm, height_mm]}. Exits 3 when python-docx is not installed.
"""

import json
import sys

try:
    import docx  # python-docx
except ImportError:
    print("python-docx is not installed (pip install python-docx)", file=sys.stderr)
    sys.exit(3)


def main() -> None:
    d = docx.Document(sys.argv[1])
    section = d.sections[0]
    out = {
        "paragraphs": [[p.style.name if p.style is not None else "", p.text] for p in d.paragraphs],
        "tables": [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
        "page": [round(section.page_width.mm), round(section.page_height.mm)],
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
