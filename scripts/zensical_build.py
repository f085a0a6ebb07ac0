"""The site built with Zensical, the successor of Material for MkDocs (`make site ENGINE=zensical`).

Material for MkDocs reaches end of life in May 2027; Zensical reads mkdocs.yml but runs no MkDocs hooks
or plugins. So the pages our hook generates in memory are written to disk first, next to a copy of docs/,
Zensical gets the project's own configuration, changed only where it has to be, and what the hook does to
the built HTML (exact-sentence links, the Content-Security-Policy) and after it (the search index) is
done here on Zensical's output.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from . import postprocess, search_index

_ANSI = re.compile(r"\x1b\[[0-9;]*m")  # Zensical colours its diagnostics even when not on a terminal


class _Env:
    """An `!ENV` node kept as written, so SITE_URL sets the address for Zensical as it does for MkDocs."""

    def __init__(self, node: yaml.Node) -> None:
        self.node = node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: _Env(node))
_Dumper.add_representer(_Env, lambda dumper, env: env.node)


# Overrides that only work with Material's templates: none now (the header, its search button and the
# scripts block are the same for both engines).
MATERIAL_ONLY_OVERRIDES: tuple[str, ...] = ()


def zensical_config(config: dict[str, Any], nav: list[Any]) -> str:
    """The project's configuration with only what Zensical cannot use as it stands replaced."""
    config = {**config, "docs_dir": "docs", "site_dir": "site", "nav": nav}  # both must lie beside the file
    config.pop("hooks", None)  # never run by Zensical: their pages are on disk, their HTML rewriting done after it
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        config["theme"] = {**theme, "custom_dir": "overrides"}
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def _copy_overrides(source: Path, target: Path) -> None:
    """The real overrides (the build must prove they work with Zensical's templates) but Material-only ones."""
    shutil.copytree(source, target)
    for name in MATERIAL_ONLY_OVERRIDES:
        (target / name).unlink()


def _run(args: list[str], cwd: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        output = _ANSI.sub("", result.stdout + result.stderr)
        raise RuntimeError(f"`{' '.join(args[1:4])} …` failed (exit {result.returncode}):\n{output}")


def build_with_zensical(project: Path, out: Path, *, publish: bool = False) -> Path:
    """Generate the pages of `project` and build the site with Zensical into `out` (replaced). With
    `publish`, as `make site`: articles awaiting review stop the build, and so does any Zensical warning."""
    project = project.resolve()
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    source_docs = project / config.get("docs_dir", "docs")
    with tempfile.TemporaryDirectory(prefix="zensical-") as tmp:
        work = Path(tmp)
        docs = work / "docs"
        shutil.copytree(source_docs, docs)
        generate = [sys.executable, "-m", "scripts", "generate", "--out", str(docs), "--seeds", str(project / "seeds")]
        _run(generate + (["--publish"] if publish else []), cwd=project)
        nav_file = docs / "nav.json"  # describes the site, is not part of it
        nav = json.loads(nav_file.read_text(encoding="utf-8"))
        nav_file.unlink()
        # The hook appends the hand-written pages to the generated navigation; `generate` never sees them.
        nav += [page.relative_to(source_docs).as_posix() for page in sorted(source_docs.rglob("*.md"))]
        theme = config.get("theme")
        if isinstance(theme, dict) and theme.get("custom_dir"):
            _copy_overrides(project / theme["custom_dir"], work / "overrides")
        (work / "mkdocs.yml").write_text(zensical_config(config, nav), encoding="utf-8")
        build = [sys.executable, "-m", "zensical", "build", "--config-file", str(work / "mkdocs.yml")]
        _run(build + (["--strict"] if publish else []), cwd=work)
        postprocess.finish_site(work / "site")  # the hook's on_post_page and on_post_template
        search_index.index(work / "site")  # the hook's on_post_build
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(work / "site", out)
    return out
