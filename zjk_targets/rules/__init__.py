"""The rule book: every field, message, check, unit, verdict rule and phrase, stated once.

No I/O, no numpy, pandas or typer. Both engines apply it: the per-target engine
(:mod:`zjk_targets.load`, :func:`zjk_targets.rules.verdicts.evaluate`) and the columnar engine
(:mod:`zjk_targets.columnar`).

- :mod:`.schema`: the fields of each kind of entry (type, when required, CSV order), limits;
- :mod:`.messages`: every problem a data file can have;
- :mod:`.values`: one value from its text; :mod:`.checks`: one entry, and across entries, each
  check registered by name (the columnar engine's masks only clear rows of a check of that name);
- :mod:`.references`: references to ids not defined, reported once per cause;
- :mod:`.units`: scale prefixes and conversion factors;
- :mod:`.verdicts`: the verdict rules, statuses' roles and the comparison (``meets``);
- :mod:`.wording`: how goals, figures, citations and reasons are written;
- :mod:`.csv_layout`: the columns, cells and quoting of ``export --format csv``.
"""
