"""The Pages workflow: actionlint finds nothing in it, and it runs the README's commands on Debian."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"


def actionlint(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run actionlint (from requirements-test.txt, in the virtualenv beside this Python)."""
    beside = Path(sys.executable).parent / "actionlint"
    command = str(beside) if beside.is_file() else shutil.which("actionlint")
    assert command, "actionlint is missing: `make test` installs it with requirements-test.txt"
    return subprocess.run([command, "-no-color", *args], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120)


def test_actionlint_finds_nothing_in_the_workflows():
    files = sorted(str(p.relative_to(ROOT)) for p in WORKFLOWS.glob("*.y*ml"))
    assert files, "no workflow found"
    result = actionlint(*files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_a_broken_workflow():
    # The same workflow with the configure-pages step's id changed: the build's SITE_URL now refers
    # to a step that does not exist. A checker that really checks says so.
    broken = PAGES.read_text(encoding="utf-8").replace("id: pages", "id: pages-config")
    result = actionlint("-stdin-filename", "pages.yml", "-", stdin=broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'property "pages" is not defined' in result.stdout


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(PAGES.read_text(encoding="utf-8"))


def runs(step: dict, command: str) -> bool:
    """Whether a step's script has ``command`` as one of its commands (a line, or a part of one joined by && or ;)."""
    parts = re.split(r"\n|&&|;|\|\|", step.get("run", ""))
    return any(part.strip() == command for part in parts)


def index_of(steps: list[dict], found, what: str) -> int:
    matches = [i for i, step in enumerate(steps) if found(step)]
    assert len(matches) == 1, f"expected one step that {what}, found {len(matches)}"
    return matches[0]


def project_python() -> str:
    """The project's Python as 3.N, from ruff's target-version in pyproject.toml."""
    target = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["target-version"]
    major, minor = re.fullmatch(r"py(\d)(\d+)", target).groups()
    return f"{major}.{minor}"


def build_image(workflow: dict) -> str:
    container = workflow["jobs"]["build"].get("container")
    assert container, "the build job runs on the hosted runner, not in a Debian container"
    return container if isinstance(container, str) else container["image"]


def test_workflow_publishes_main(workflow):
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]


def test_build_job_runs_in_a_debian_python_container_of_the_projects_python(workflow):
    image = build_image(workflow)
    # The official Python image on Debian: python:3.11-bookworm, or with a patch version (python:3.11.9-bookworm).
    match = re.fullmatch(r"python:(\d+\.\d+)(?:\.\d+)?-(bookworm|trixie)", image)
    assert match, f"{image}: not a Debian-based official Python image (python:3.N-bookworm)"
    assert match.group(1) == project_python(), f"{image}: the project's Python is {project_python()}"


def test_build_job_needs_nothing_only_a_hosted_runner_has(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    for step in steps:
        uses = step.get("uses", "")
        assert not uses.startswith("actions/setup-"), f"{uses}: the container brings its own tools"
        assert "sudo" not in step.get("run", "").split(), f"{step['run']}: the container runs as root, with no sudo"
    checkout = index_of(steps, lambda s: s.get("uses", "").startswith("actions/checkout@"), "checks out")
    trust = index_of(steps, lambda s: "safe.directory" in s.get("run", ""), "trusts the checkout for git")
    test = index_of(steps, lambda s: runs(s, "make test"), "runs make test")
    # The build date is the last commit's time (`git log`): the checkout must be a git clone git accepts.
    assert checkout < trust < test


def test_tests_gate_a_sub_path_build_whose_site_is_uploaded(workflow):
    steps = workflow["jobs"]["build"]["steps"]
    test = index_of(steps, lambda s: runs(s, "make test"), "runs make test")
    build = index_of(steps, lambda s: runs(s, "make site"), "runs make site")
    upload = index_of(steps, lambda s: s.get("uses", "").startswith("actions/upload-pages-artifact@"), "uploads the site")
    assert test < build < upload
    assert all(not s.get("continue-on-error") and "if" not in s for s in steps[test : upload + 1]), "a failed test must stop the job"

    site_url = steps[build].get("env", {}).get("SITE_URL", "")
    match = re.fullmatch(r"\$\{\{\s*steps\.([\w-]+)\.outputs\.base_url\s*\}\}/", site_url)
    assert match, f"SITE_URL is {site_url!r}, not the Pages address from configure-pages"
    pages = index_of(steps, lambda s: s.get("id") == match.group(1), f"has the id {match.group(1)}")
    assert steps[pages]["uses"].startswith("actions/configure-pages@") and pages < build

    assert steps[upload]["with"]["path"].strip("./") == "site"


def test_deploy_job_publishes_what_the_build_uploaded(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def test_workflow_runs_the_readmes_commands_in_the_image_it_names(workflow):
    publishing = readme_section("Publishing")
    steps = workflow["jobs"]["build"]["steps"]
    commands = set(re.findall(r"`(make [a-z]+)`", publishing))
    assert {"make test", "make site"} <= commands
    for command in commands:
        assert any(runs(s, command) for s in steps), f"README's Publishing says the job runs `{command}`; it does not"
    assert f"`{build_image(workflow)}`" in publishing, "README's Publishing names another image than the workflow"
