"""Write the charts' Chinese font: a subset of Noto Sans CJK SC (SIL Open Font License 1.1).

A maintainer's tool, run when the bundled data gains characters the font lacks (tests/test_chart.py
says which); fontTools comes with matplotlib. The subset holds the 6,763 characters of GB 2312 (the
common simplified characters), CJK punctuation and full-width forms, and every other character of
the bundled data and the rule book, so that every chart of the bundled data is drawn whole; a rare
character outside it falls back to a CJK font installed on the machine. Its family is renamed (a
Modified Version under the licence keeps no one else's name unasked) and its licence ships beside it.

    python tools/subset_cjk_font.py NotoSansCJKsc-Regular.otf

(NotoSansCJKsc-Regular.otf version 1.004: from github.com/notofonts/noto-cjk, or the mplfonts package.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from zjk_targets import fonts  # noqa: E402


def gb2312() -> set[str]:
    """The characters of GB 2312's rows 16–87 (its hanzi) and rows 1–9 (symbols, kana, full-width)."""
    chars = set()
    for row in [*range(0xA1, 0xAA), *range(0xB0, 0xF8)]:
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def main(source: str) -> None:
    wanted = gb2312() | fonts.characters(ROOT) | {chr(code) for code in range(0x20, 0x7F)}
    wanted |= {chr(code) for code in [*range(0x3000, 0x3040), *range(0xFF00, 0xFFF0)]}
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "VORG", "vhea", "vmtx"]  # vertical text: charts write none
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(ord(char) for char in wanted))
    subsetter.subset(font)
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(fonts.FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 6):
            names.setName(fonts.POSTSCRIPT, record.nameID, record.platformID, record.platEncID, record.langID)
    font["CFF "].cff.fontNames = [fonts.POSTSCRIPT]
    target = fonts.PATH
    target.parent.mkdir(exist_ok=True)
    font.save(str(target))
    print(f"{target.relative_to(ROOT)}: {len(wanted)} characters, {target.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
