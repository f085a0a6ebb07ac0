# Two commands for a fresh Debian machine with python3: `make serve` and `make test`.
# Each target installs what it needs (virtualenv, pinned packages, Debian packages) on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-requirements
ZENSICAL_STAMP := $(VENV)/.zensical-requirements
TEST_STAMP := $(VENV)/.test-requirements
BROWSER_STAMP := $(VENV)/.browser-tools
NODE_TOOLS := tests/node
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian packages the tests use, as "command:package" pairs; installed only when the command is missing.
DEBIAN_TOOLS := /usr/bin/chromium:chromium java:default-jre-headless npm:npm
# The site builder of `make site`: mkdocs, or zensical (Material's successor; installed only when asked for).
ENGINE ?= mkdocs
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve site new parse check test generate screenshots audit bench words intake effort clean

## make serve: preview at http://127.0.0.1:8000, reloading when seeds, curation or templates change
serve: $(SITE_STAMP)
	$(BIN)/mkdocs serve --strict --dirty --dev-addr 127.0.0.1:8000

## make site [ENGINE=zensical]: strict build into site/; a failed build leaves the previous site/ untouched
site: $(SITE_STAMP) $(if $(filter zensical,$(ENGINE)),$(ZENSICAL_STAMP))
	$(BIN)/python -m scripts site --site-dir site --engine $(ENGINE)

## make generate: write the generated Markdown pages to build/pages (for inspection)
generate: $(SITE_STAMP)
	$(BIN)/python -m scripts generate --out build/pages

## make new SEED=path/to/article.txt (or a saved page.html): copy an article into seeds/ under its content-hash name, with a draft curation beside it
new: $(SITE_STAMP)
	@if [ -z "$(SEED)" ]; then echo "error: say which article to add: make new SEED=path/to/article.txt" >&2; exit 1; fi
	$(BIN)/python -m scripts new "$(SEED)"

## make parse SEED=path/to/article.txt (or .html): print the article as the parser reads it, as JSON
parse: $(SITE_STAMP)
	@if [ -z "$(SEED)" ]; then echo "error: say which article to read: make parse SEED=path/to/article.txt" >&2; exit 1; fi
	@$(BIN)/python -m scripts parse "$(SEED)"

## make check: lint (ruff), types (mypy) and the tests that build no whole site; quick enough to run on every change
check: $(TEST_STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -m "not site"

## make test: everything: `make check`, then the tests that build, serve and browse whole sites (Debian's Chromium; browsers are not downloaded)
test: check $(BROWSER_STAMP)
	$(BIN)/python -m pytest -m site

## make screenshots: every page kind, light and dark, 360 and 1280 px wide, into build/screenshots/
screenshots: $(TEST_STAMP) $(BROWSER_STAMP)
	$(BIN)/python -m tests.tools.screenshots

## make audit (benchmark): Lighthouse on every page kind, served with gzip
audit: $(TEST_STAMP) $(BROWSER_STAMP)
	$(BIN)/python -m tests.tools.audit

## make bench (benchmark): generation, the full site build, a reader's page and search, and the preview's refresh after one edit, on 100 and 1,000 synthetic articles
bench: $(TEST_STAMP)
	$(BIN)/python -m tests.tools.bench

## make words (measure): words the site builds per word of its sources, and the home page's words before its gist
words: $(TEST_STAMP)
	$(BIN)/python -m tests.tools.words

## make intake (measure): the parser scored over scraped-page fixtures: headlines, furniture left in the text, metadata
intake: $(TEST_STAMP)
	$(BIN)/python -m tests.tools.intake

## make effort (measure): curation lines an editor still writes for a wire copy of a curated story, after `make new`
effort: $(SITE_STAMP)
	$(BIN)/python -m tests.tools.effort

clean:
	rm -rf site build .pytest_cache

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3 venv support is missing; installing Debian's python3-venv"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }

$(SITE_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(ZENSICAL_STAMP): requirements-zensical.txt $(SITE_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	touch $@

$(TEST_STAMP): requirements-test.txt requirements-zensical.txt $(SITE_STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(BROWSER_STAMP): $(NODE_TOOLS)/package-lock.json
	@missing=""; for pair in $(DEBIAN_TOOLS); do \
	  command -v "$${pair%%:*}" >/dev/null 2>&1 || missing="$$missing $${pair#*:}"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi
	cd $(NODE_TOOLS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@
