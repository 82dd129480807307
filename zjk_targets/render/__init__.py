"""Renderers: pure functions from verdicts to text, one module per format."""

from __future__ import annotations

import enum


class ExportFormat(enum.StrEnum):
    """The formats of ``zjk-targets export``; each has a module ``render/<value>.py``."""

    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    HTML = "html"
