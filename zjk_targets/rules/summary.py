"""The markdown summary's size: it must fit a GitHub comment (65,536 characters) with room to
spare, so by default it holds at most this many characters; ``export --full`` holds everything."""

from __future__ import annotations

SUMMARY_MAX_CHARS = 20_000
