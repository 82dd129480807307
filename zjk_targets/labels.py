"""Words shown to readers in English and Chinese."""

from __future__ import annotations

from .model import Status

LANGS = ("en", "zh")

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
