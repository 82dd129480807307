"""Read a YAML file into a tree that remembers line numbers, refusing anything hostile.

Only the safe subset of YAML is accepted: no tags that build objects, no aliases (which is
also what defuses "billion laughs"), one document, UTF-8. Scalars keep their raw text and
style so that the schema can tell ``no`` (a YAML 1.1 boolean) from ``"no"`` and say "quote it".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from .errors import Problem
from .inputs import decode, read_input
from .rules import messages
from .rules.schema import MAX_YAML_DEPTH

_CORE = "tag:yaml.org,2002:"
SCALAR_TAGS = {_CORE + name: name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP, _SEQ = _CORE + "map", _CORE + "seq"


@dataclass
class Node:
    """A YAML value with its line; ``kind`` is map, seq or a scalar type name."""

    kind: str  # map, seq, str, int, float, bool, null, timestamp, or refused (a tag already reported)
    value: Any
    line: int
    raw: str = ""
    plain: bool = False


class _Walker:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self.found_alias = False
        self._constructor = yaml.constructor.SafeConstructor()
        self._depth = 0
        self.too_deep: Problem | None = None

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def walk(self, node: yaml.Node) -> Node | None:
        line = node.start_mark.line + 1
        if id(node) in self._seen:
            self.found_alias = True
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node, line)
        if self._depth >= MAX_YAML_DEPTH:  # data is a few levels deep; walking on would exhaust the stack
            self.too_deep = self.too_deep or Problem(self.path, line, messages.yaml_too_deep(MAX_YAML_DEPTH))
            return Node("refused", None, line)
        self._depth += 1
        try:
            if isinstance(node, yaml.MappingNode):
                return self._mapping(node, line)
            if node.tag != _SEQ:
                return self._bad_tag(node, line)
            items = [self.walk(child) for child in node.value]
            return Node("seq", [item for item in items if item is not None], line)
        finally:
            self._depth -= 1

    def _bad_tag(self, node: yaml.Node, line: int) -> Node:
        tag = node.tag.replace(_CORE, "!!")
        self.problem(line, messages.yaml_tag(tag))
        # A placeholder, so the schema knows the field was given (and already reported).
        return Node("refused", None, line)

    def _mapping(self, node: yaml.MappingNode, line: int) -> Node | None:
        if node.tag != _MAP:
            return self._bad_tag(node, line)
        result: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == _CORE + "merge":
                self.problem(key_line, messages.YAML_MERGE_KEY)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_line, messages.YAML_KEY_NOT_PLAIN)
                continue
            key = key_node.value
            if key in result:
                first = result[key].line
                self.problem(key_line, messages.duplicate_key(key, first))
                continue
            value = self.walk(value_node)
            if value is not None:
                value.line = value.line if value.kind in ("map", "seq") else key_line
                result[key] = value
        return Node("map", result, line)

    def _scalar(self, node: yaml.ScalarNode, line: int) -> Node | None:
        kind = SCALAR_TAGS.get(node.tag)
        if kind is None:
            return self._bad_tag(node, line)
        if kind == "str":
            value: Any = node.value
        else:
            try:
                value = self._constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError):
                value, kind = node.value, "str"
        # The C loader marks a plain scalar with style "", the pure-Python one with None.
        return Node(kind, value, line, raw=node.value, plain=node.style in (None, ""))


def _syntax_problem(path: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    """Turn a parser error into one line a person can act on."""
    problem = str(error.problem or error)
    context = error.context or ""
    mark, opened = error.problem_mark, error.context_mark
    line = mark.line + 1 if mark else 0
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
        return Problem(path, line, messages.YAML_TAB)
    if "expected a single document" in problem:
        return Problem(path, line, messages.YAML_DOCUMENTS)
    if "unexpected end of stream" in problem and opened:
        what = "quoted string" if "quoted" in context else "bracket or block"
        return Problem(path, opened.line + 1, messages.never_closed(what))
    detail = f"{context}: {problem}" if context else problem
    opened_at = opened.line + 1 if opened and opened.line + 1 != line else None
    needs_quotes = "mapping values are not allowed" in problem
    return Problem(path, line, messages.not_valid_yaml(detail, opened_at, needs_quotes))


def _alias_lines(path: str, text: str) -> list[Problem]:
    """Aliases resolve to the anchor's node, so their own lines come from the event stream."""
    return [
        Problem(path, event.start_mark.line + 1, messages.YAML_ALIAS)
        for event in yaml.parse(text, Loader=_Loader)
        if isinstance(event, yaml.AliasEvent)
    ]


def read_yaml(path: str, max_bytes: int) -> tuple[Node | None, list[Problem]]:
    """Parse ``path``; return the tree (None if unusable) and every problem found."""

    data, problems = read_input(path, max_bytes)
    if data is None:
        return None, problems
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, text, error)]
    except yaml.YAMLError as error:  # pragma: no cover - every parser error carries a mark
        return None, [Problem(path, 0, messages.not_valid_yaml(str(error)))]
    if root is None:
        return None, [Problem(path, 0, messages.YAML_EMPTY)]
    walker = _Walker(path)
    tree = walker.walk(root)
    if walker.too_deep:  # the file is refused whole, as one the parser cannot read
        return None, [walker.too_deep]
    if walker.found_alias:
        return tree, [p for p in walker.problems if p.message != messages.YAML_ALIAS] + _alias_lines(path, text)
    return tree, walker.problems
