"""The statistics bureau's communiqués → the nation's outcomes, as entries of the national build.

Pure: (path, bytes) in, entries per kind out, in the format of extract's drafts
(:func:`zjk_targets.extract.draft`): a source per communiqué (``nbs-2017``: trust official, publisher
国家统计局, published the date under its title), the metrics it names and an observation per outcome,
cited by its words and line. The build adds them to the nation's own draft
(:func:`zjk_targets.extract.datafiles.with_entries`), where the verdict rules weigh them against
the next work report's review: same trust, so the later publication decides (rules/verdicts.py, rule 2).
"""

from __future__ import annotations

from ..extract import Draft
from ..extract.communique import PUBLISHER, CommuniqueError, Outcome, read_communique
from ..extract.datafiles import with_entries
from ..extract.decode import DecodeError, decode
from ..extract.lexicon import BY_ID, MEASURES
from ..rules.checks import number_is_stated
from ..rules.wording import number

YEAR_BASIS = "the year the communiqué reports on: its title's"
_LEVELS = {measure.level: measure for measure in MEASURES if measure.level}


def _metric(outcome: Outcome) -> dict[str, str]:
    measure = BY_ID.get(outcome.measure)
    if measure is not None:
        unit = outcome.unit if measure.unit == "%" else measure.unit
        return {"id": measure.id, "zh": measure.zh, "en": measure.en, "unit": unit, "direction": measure.direction}
    growth = _LEVELS[outcome.measure]  # a level: gdp, of gdp-growth
    zh, en = growth.level_zh or growth.zh, growth.level_en or growth.en
    return {"id": outcome.measure, "zh": zh, "en": en, "unit": outcome.unit, "direction": "higher"}


def communique_entries(
    files: list[tuple[str, bytes]], url_base: str | None = None
) -> tuple[dict[str, list[dict[str, str]]], list[tuple[str, str]]]:
    """Each communiqué's source and observations, the metrics they name, and the files not read
    (name, reason). ``name`` is the file's path inside the collection (国家统计局年度统计/2017.md);
    the source cites the address in the communiqué's front matter, else ``url_base`` + name."""
    sources: list[dict[str, str]] = []
    metrics: dict[str, dict[str, str]] = {}
    observations: list[dict[str, str]] = []
    problems: list[tuple[str, str]] = []
    used: set[str] = set()
    for name, data in files:
        try:
            text, _encoding = decode(data)
            communique = read_communique(text)
        except (DecodeError, CommuniqueError) as error:
            problems.append((name, str(error)))
            continue
        source_id = f"nbs-{communique.year}"
        if source_id in used:
            problems.append((name, f"a second communiqué of {communique.year}: not read"))
            continue
        used.add(source_id)
        drafted = f"drafted by zjk-targets from {name}"
        sources.append(
            {
                "id": source_id,
                "title": communique.title,
                "publisher": PUBLISHER,
                "published": communique.published or str(communique.year + 1),
                "trust": "official",
                "file": name,
                **({"url": url} if (url := communique.url or (url_base + name if url_base else None)) else {}),
                "note": drafted,
            }
        )
        for outcome in communique.outcomes:
            metric = metrics.setdefault(outcome.measure, _metric(outcome))
            candidate, count = f"{metric['id']}-{communique.year}-{source_id}", 1
            observation_id = candidate
            while observation_id in used:
                count += 1
                observation_id = f"{candidate}-{count}"
            used.add(observation_id)
            note = "; ".join(
                filter(None, [f"{drafted}:{outcome.line}", outcome.basis and f"stated {outcome.basis}", outcome.note])
            )
            entry = {
                "id": observation_id,
                "metric": metric["id"],
                "year": str(communique.year),
                "value": number(outcome.value),
                "unit": outcome.unit,
                "source": source_id,
                "excerpt": outcome.words,
                "derived": outcome.derived or _unwritten(outcome),
                "year_basis": YEAR_BASIS,
                "proxy": outcome.proxy,
                "note": note,
            }
            observations.append({key: value for key, value in entry.items() if value is not None})
    kinds = {"source": sources, "metric": list(metrics.values()), "observation": observations}
    return kinds, problems


# Why a figure the reader took is not written as its digits in its words: the data's check asks to
# say how it was read.
UNWRITTEN = (
    "read from the words as they state it: numerals in characters, 持平 (no change), or a footnote mark "
    "beside the digits"
)


def _unwritten(outcome: Outcome) -> str | None:
    return None if number_is_stated(outcome.value, outcome.words) else UNWRITTEN


__all__ = ["YEAR_BASIS", "communique_entries"]


def read_into(outcome: Draft, files: list[tuple[str, bytes]], url_base: str | None = None) -> Draft:
    """The nation's draft with the communiqués' sources and outcomes added (the build's reader of
    国家统计局年度统计), each file it could not read named among the draft's problems."""
    entries, problems = communique_entries(files, url_base)
    result = with_entries(outcome, entries)
    result.problems.extend(problems)
    return result
