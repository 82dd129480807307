"""The charts' Chinese font, shipped in the package: a subset of Noto Sans CJK SC (SIL Open Font
License 1.1, its licence beside it in OFL.txt), written by tools/subset_cjk_font.py.

The whole family (mplfonts) was 103 MB of a user's environment for the few thousand characters a
chart can draw. The subset has its own family name, so that it never passes for the whole font where
one is installed; a character it lacks falls back to an installed CJK font.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

FILE = "NotoSansCJKsc-Subset.otf"
FAMILY = "Noto Sans CJK SC Subset"
POSTSCRIPT = "NotoSansCJKsc-Subset"
PATH = Path(__file__).parent / FILE


def _texts(root: Path) -> Iterator[str]:
    """Every text a chart of the bundled data can draw from: the data and the rule book's words."""
    for path in [root / "targets.yaml", root / "actuals.yaml", *sorted((root / "zjk_targets").rglob("*.py"))]:
        yield path.read_text(encoding="utf-8")
    for path in sorted((root / "zjk_targets" / "data").rglob("*")):
        if path.suffix == ".gz":
            yield gzip.decompress(path.read_bytes()).decode("utf-8")
        elif path.suffix in {".csv", ".yaml"}:
            yield path.read_text(encoding="utf-8")


def characters(root: Path) -> set[str]:
    """The CJK characters (U+2E80 on) of the bundled data and the rule book: the subset must hold them."""
    return {char for text in _texts(root) for char in text if char >= "\u2e80"}
