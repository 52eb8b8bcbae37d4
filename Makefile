# INTRO – everyday commands. Run `make help` to list them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV    ?= .venv
PYTHON  := $(VENV)/bin/python
MKDOCS   = $(VENV)/bin/$(RUNNER)
# An edition is a config: `make serve CONFIG=mkdocs.gjovik.yml`.
CONFIG  ?= mkdocs.yml
# The program that builds: mkdocs, or properdocs (a maintained fork of MkDocs 1.x), e.g. `make build RUNNER=properdocs`.
RUNNER  ?= mkdocs
export INTRO_RUNNER := $(RUNNER)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup setup-test setup-nynorsk serve build offline zim lms publish rollback register report tilbakemeldinger kilder spelling diagrams lint check test test-nynorsk bench clean

help: ## List the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Bytecode for INTRO's own package, as pip writes it for every installed one: without it (an editable install where
# PYTHONDONTWRITEBYTECODE is set) each build compiles macros/ again, a tenth of a second.
setup: $(VENV)/.installed node_modules/.installed ## Install the pinned Python and npm packages
	@$(PYTHON) -m compileall -q macros >/dev/null

# Debian packages the nynorsk edition (mkdocs.nynorsk.yml) needs to build: Apertium translates it from the bokmål
# source as it builds. The bokmål editions, and `make serve` of them, do without.
NYNORSK_DEBS := apertium apertium-nno-nob
# An edition translated as it builds (translate_from in its config) sets them up first; the others do not.
TRANSLATED = $(shell grep -qsE '^[[:space:]]+translate_from:' $(CONFIG) && echo setup-nynorsk)

setup-nynorsk: ## Install Apertium and its bokmål–nynorsk pair, which the nynorsk edition needs to build
	@missing=$$(for p in $(NYNORSK_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$(echo $$missing)" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

# Debian packages the tests drive: the browser, the web server and logrotate (the feedback log's retention), the
# Norwegian spelling dictionary, Kiwix, and PHP for Moodle's own Common Cartridge importer (../shared/tools/moodle-cc);
# Apertium for the nynorsk edition; and a Java runtime for the Nu Html Checker, unless one is installed already.
TEST_DEBS := chromium nginx logrotate hunspell hunspell-no kiwix-tools php-cli php-xml php-mbstring $(NYNORSK_DEBS)

setup-test: setup ## Also install Debian's chromium, nginx, hunspell, Kiwix, PHP, Apertium and (if missing) Java for the tests
	@missing=$$(for p in $(TEST_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$(echo $$missing)" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; fi

# A save shows in about a second: the saved page is rendered and checked again, and the pages that show what it
# changed (menus, paths, booklets); the search index, zip and ZIM wait for `make build` (macros/serving.py).
serve: setup $(TRANSLATED) ## Serve the site at http://127.0.0.1:8000, showing each save in about a second
	$(PYTHON) -m macros.commands.cli serve --config $(CONFIG) --dev-addr 127.0.0.1:8000

# Every edition builds into dist/ under its own names, so two editions never overwrite each other.
EDITION = $(shell $(PYTHON) -m macros.commands.cli edition $(CONFIG))
DIST    := dist
SITE     = $(DIST)/$(EDITION)/site

offline: setup $(TRANSLATED) ## Build only the offline edition, as the release does: dist/intro-<edition>-frakoblet.zip (unzip, open index.html) and dist/intro-<edition>.zim
	$(PYTHON) -m macros.commands.cli build --offline-only --config $(CONFIG) --out $(DIST)

build: setup $(TRANSLATED) ## Build the edition strictly into dist/<edition>/site, with its offline zip to download
	$(PYTHON) -m macros.commands.cli build --config $(CONFIG) --out $(DIST)

zim: offline ## The edition's offline build as a ZIM file for Kiwix: dist/intro-<edition>.zim (made with every build and by make offline)

lms: build ## Export the course packages (IMS Common Cartridge with QTI quizzes) to dist/<edition>/lms/; the site ships the same under last-ned/kurspakker/
	$(PYTHON) -m macros.commands.cli lms $(SITE)/catalog.json $(DIST)/$(EDITION)/lms

PUBLISH_ROOT ?= /srv/intro
publish: setup $(TRANSLATED) ## Build, check and switch the live site in one step (PUBLISH_ROOT=/srv/intro)
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || date +%s) \
		$(PYTHON) -m macros.commands.cli publish $(PUBLISH_ROOT) --config $(CONFIG) $(PUBLISH_FLAGS)

rollback: setup ## Switch the live site back to the previous complete release (PUBLISH_ROOT=/srv/intro)
	$(PYTHON) -m macros.commands.cli rollback $(PUBLISH_ROOT)

report: setup $(TRANSLATED) ## List chapters by review date (owner, LIX, reading time) and the figures due for checking
	$(PYTHON) -m macros.commands.cli report --config $(CONFIG)

# The only log the site keeps: the page, the answer and the text (deploy/nginx/intro-tilbakemelding.conf), beside the
# releases; the report reads the months logrotate keeps beside it too (deploy/logrotate/).
TILBAKEMELDINGER ?= $(PUBLISH_ROOT)/tilbakemeldinger.log
tilbakemeldinger: setup ## The answers to «Fant du det du lette etter?» per page (ja, nei and the texts), from the server's log (PUBLISH_ROOT=/srv/intro)
	$(PYTHON) -m macros.commands.cli tilbakemeldinger $(TILBAKEMELDINGER)

# Needs the internet: for an editor at the lab, never in CI (which has none).
kilder: build ## Check every source and external link of the built site (LinkChecker): dead, moved and redirected, per page
	$(PYTHON) -m macros.commands.cli kilder --config $(CONFIG) --site $(SITE)

spelling: setup $(TRANSLATED) ## List the words the Norwegian spelling check (hunspell) does not know, per file
	$(PYTHON) -m macros.commands.cli spelling --config $(CONFIG)

register: setup $(TRANSLATED) ## Record every address the site now has in data/published.yml (run before publishing)
	$(PYTHON) -m macros.commands.cli register --config $(CONFIG)

diagrams: setup-test ## Draw new and changed diagrams into docs/assets/figurer/ (in chromium), remove unused ones
	$(PYTHON) -m macros.commands.cli diagrams --config $(CONFIG)

lint: setup ## Check the code: ruff's rules and format, the rooms' import walls, the types of macros/ (pyproject.toml says which), the browser scripts (eslint.config.mjs)
	$(VENV)/bin/ruff check macros bench tests
	$(VENV)/bin/ruff format --check macros bench tests
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/mypy
	node_modules/.bin/eslint docs/assets/javascripts

# `system` tests need Debian packages (chromium, nginx, logrotate, hunspell, kiwix-tools, PHP, Java): check runs on a machine without them.
check: build lint ## Build, lint, then run the tests that need no Debian packages (no browser, nginx, hunspell or Java)
	$(VENV)/bin/pytest -m "not system"

# The tests run in TEST_WORKERS processes side by side (pytest-xdist), a test file at a time each: much of a
# run is one MkDocs build or one Chromium tab, which leave a core idle. Each process builds the sites it needs once.
TEST_WORKERS ?= 2

test: setup-test lint ## Install everything the tests need, lint, and run every test but the real nynorsk edition's
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadfile -m "not nynorsk"

# The real nynorsk edition's own checks (tests/nynorsk/): its first translation of the whole site takes about four
# minutes, too long for every CI run. The translation machinery is tested on the fixture project by `make test`.
# Run this before publishing the nynorsk edition, and after a change to the translation or to data/nynorsk/.
test-nynorsk: setup-test ## Check the real nynorsk edition: chapters, bokmål words, search, spelling, HTML, axe
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadfile -m nynorsk

bench: setup-test ## Measure build, edit-to-reload, page weight, Lighthouse, search and the offline zip: bench/results/latest.md
	$(PYTHON) -m bench.run

clean: ## Remove build output
	rm -rf site $(DIST) .pytest_cache
