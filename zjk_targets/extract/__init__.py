"""extract: a city's government work reports → a draft dataset (targets.yaml, actuals.yaml).

Pure functions: bytes in, YAML text and per-file problems out. Only the CLI reads and writes files.
"""

from .datafiles import Draft, draft

MAX_REPORT_BYTES = 20_000_000  # a work report is about 50 kB; ZJK_MAX_INPUT_MB overrides this

__all__ = ["MAX_REPORT_BYTES", "Draft", "draft"]
