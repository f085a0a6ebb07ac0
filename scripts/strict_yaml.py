"""The one YAML reader for files editors write: curations, ``docs/entities.yml`` and ``docs/glossary.yml``.

It yields nodes, never objects: a parser with no constructor. No implicit typing either: every plain
scalar is text (what these files hold is text), so nothing is guessed to be a number, a date or a
boolean (``NO`` stays "NO"), and explicit tags keep their name for the caller to refuse. Each caller
turns nodes into its own records, with its own messages and the line of each node; this module knows
no schema, so reading the glossary does not load the curation checker.
"""

from __future__ import annotations

import yaml

YAML_TAG_PREFIX = "tag:yaml.org,2002:"
PLAIN_TAGS = frozenset(YAML_TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))

# LibYAML's parser (about 15 times faster) when PyYAML was built with it.
if yaml.__with_libyaml__:

    # PyYAML's type stubs do not declare LibYAML's parser.
    class Loader(yaml.cyaml.CParser, yaml.resolver.BaseResolver):  # type: ignore[name-defined]
        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)  # type: ignore[attr-defined]
            yaml.resolver.BaseResolver.__init__(self)

else:  # pragma: no cover - PyYAML without LibYAML

    class Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer, yaml.resolver.BaseResolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)
            yaml.composer.Composer.__init__(self)
            yaml.resolver.BaseResolver.__init__(self)


def compose(text: str) -> yaml.Node | None:
    """The document's root node (None for an empty document); raises :class:`yaml.YAMLError`."""
    return yaml.compose(text, Loader=Loader)


def error_line(err: yaml.YAMLError) -> int | None:
    """The 1-based line a YAML error points at, when it points at one."""
    mark = getattr(err, "problem_mark", None)
    return mark.line + 1 if mark else None


def error_problem(err: yaml.YAMLError) -> str:
    """What the parser found wrong, in its own words ("found unexpected end of stream")."""
    return getattr(err, "problem", None) or str(err).splitlines()[0]


def tag_name(node: yaml.Node) -> str:
    """An explicit tag as it was written (``!!int``), for messages."""
    return str(node.tag).replace(YAML_TAG_PREFIX, "!!")


def line(node: yaml.Node) -> int:
    return node.start_mark.line + 1
