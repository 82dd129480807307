"""Words shown to readers in English and Chinese."""

from __future__ import annotations

from .model import Status

STATUS = {
    "en": {Status.MET: "met", Status.MISSED: "missed", Status.UNKNOWN: "unknown"},
    "zh": {Status.MET: "达成", Status.MISSED: "未达成", Status.UNKNOWN: "未知"},
}

CATEGORY_ZH = {
    "agriculture": "农业",
    "economy": "经济",
    "energy": "能源",
    "environment": "生态环境",
    "finance": "财政",
    "governance": "政府建设",
    "industry": "产业",
    "innovation": "创新",
    "olympics": "冬奥",
    "openness": "开放",
    "poverty": "脱贫",
    "society": "社会民生",
    "urban": "城镇化",
}


def category(name: str, lang: str) -> str:
    if lang == "zh":
        return CATEGORY_ZH.get(name, name)
    return name.capitalize()


def status(value: Status, lang: str) -> str:
    return STATUS[lang][value]


_UNIT_BASE_EN = {
    "亩": "mu",
    "人": "people",
    "千瓦": "kW",
    "吨": "t",
    "套": "homes",
    "平方米": "m²",
    "平方公里": "km²",
    "户": "households",
    "元": "yuan",
    "美元": "US$",
}
_COUNTERS = set("个家所条项台处名")


def unit(text: str, lang: str) -> str:
    """A unit as an English reader writes it ("万亩" → "10⁴ mu"); Chinese is kept for zh."""
    from .rules.units import split_unit

    if lang == "zh":
        return text
    scale, base = split_unit(text)
    english = "count" if base in _COUNTERS else _UNIT_BASE_EN.get(base, base)
    if scale == 1:
        return english
    return f"10{str(scale.adjusted()).translate(str.maketrans('0123456789', '⁰¹²³⁴⁵⁶⁷⁸⁹'))} {english}"
