"""Units with Chinese scale prefixes: 万 (10⁴) and 亿 (10⁸) convert; nothing else does."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

_SCALES = {"万": Decimal(10) ** 4, "亿": Decimal(10) ** 8}


def split_unit(unit: str) -> tuple[Decimal, str]:
    """Return (scale, base unit): "万亩" → (10000, "亩"), "亿元" → (10⁸, "元").

    A prefix is only taken off when something is left, so "万" alone stays a unit. 千 is
    never a prefix here because 千瓦 (kW) is itself a unit.
    """
    scale = Decimal(1)
    base = unit.strip()
    while len(base) > 1 and base[0] in _SCALES:
        scale *= _SCALES[base[0]]
        base = base[1:]
    return scale, base


@lru_cache(maxsize=4096)
def conversion_factor(from_unit: str, to_unit: str) -> Decimal | None:
    """Factor that turns a number in ``from_unit`` into ``to_unit``, or None if they differ (once per pair)."""
    from_scale, from_base = split_unit(from_unit)
    to_scale, to_base = split_unit(to_unit)
    if from_base != to_base:
        return None
    return from_scale / to_scale
