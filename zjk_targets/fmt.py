"""How numbers, quantities and goals are written, in reasons and in every renderer."""

from __future__ import annotations

from decimal import Decimal

from .model import Comparator, Observation, Target


def number(value: Decimal) -> str:
    """Shortest exact form: 55.30 → "55.3", 1E+2 → "100"."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def quantity(value: Decimal, unit: str) -> str:
    return f"{number(value)} {unit}"


def goal(target: Target) -> str:
    """The goal as a reader would say it: "≥ 8 %", "≈ 3 % ± 0.5", "done"."""
    if target.comparator is Comparator.DONE:
        return "done"
    assert target.goal is not None and target.unit is not None
    text = f"{target.comparator.symbol} {quantity(target.goal, target.unit)}"
    if target.comparator is Comparator.ABOUT and target.tolerance is not None:
        text += f" ± {number(target.tolerance)}"
    return text


def observed(obs: Observation, factor: Decimal = Decimal(1), unit: str | None = None) -> str:
    """An observation's value, bound or milestone state, optionally converted to ``unit``."""
    unit = unit or obs.unit
    if obs.done is not None:
        return "done" if obs.done else "not done"
    if obs.value is not None:
        return quantity(obs.value * factor, unit)
    low = obs.minimum * factor if obs.minimum is not None else None
    high = obs.maximum * factor if obs.maximum is not None else None
    if low is not None and high is not None:
        return f"{number(low)}–{number(high)} {unit}"
    if low is not None:
        return f"at least {quantity(low, unit)}"
    assert high is not None
    return f"at most {quantity(high, unit)}"
