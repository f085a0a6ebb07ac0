"""Other names of an actor, kept by editors in one file (``docs/aliases.yml``): actor id → names.

Outlets and readers name the same actor differently (IS, ISIS, ISIL, Daesh). ``make new`` recognises
these names in a new article as the actor already curated under that id. Read as a YAML node tree, like
the curations: every value is text, a repeated id is an error, and each problem names the file and line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .curation import ID_PATTERN, _Loader  # the curations' own strict reader
from .errors import BriefingError
from .text import clean

ALIASES = Path(__file__).resolve().parent.parent / "docs" / "aliases.yml"


def load(path: Path = ALIASES) -> dict[str, tuple[str, ...]]:
    if not path.exists():
        return {}
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise BriefingError(path, "is not valid YAML; write one 'actor-id: [name, other name]' per line", mark.line + 1 if mark else None) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise BriefingError(path, "must map actor ids to lists of names, e.g. 'islamic-state: [ISIS, ISIL, Daesh]'", root.start_mark.line + 1)
    found: dict[str, tuple[str, ...]] = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        actor = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
        if not ID_PATTERN.match(actor):
            raise BriefingError(path, f"'{actor}' is not an actor id (lowercase letters, digits and single hyphens)", line)
        if actor in found:
            raise BriefingError(path, f"actor '{actor}' is listed twice; keep one line with all its names", line)
        if not isinstance(value, yaml.SequenceNode) or not all(isinstance(v, yaml.ScalarNode) and clean(str(v.value)) for v in value.value):
            raise BriefingError(path, f"actor '{actor}': give a list of names, e.g. [ISIS, ISIL]", line)
        found[actor] = tuple(clean(str(v.value)) for v in value.value)
    return found
