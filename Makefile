# The daily commands. `make serve` and `make test` each set up everything they need.
PY := .venv/bin/python
NPM_BIN := node_modules/.bin
PORT ?= 8000

.PHONY: setup build serve dist test lint jstest unit unit-wheel pyodide sitecheck e2e bench bench-long eval clean

setup:
	@bash scripts/setup.sh

build: setup
	$(PY) scripts/build_site.py

## Build the site and serve it at http://127.0.0.1:$(PORT)/
serve: build
	$(PY) scripts/serve.py --port $(PORT)

## The folder to publish on any static host or CDN (docs/about/deploy.md).
dist: build sitecheck
	rm -rf dist
	cp -a site dist
	touch dist/.nojekyll
	@echo "dist/ is ready to publish: see docs/about/deploy.md"

## Every check: lint and types, unit tests (Python source and built wheel, JavaScript),
## Pyodide, browser.
test: build lint unit unit-wheel jstest pyodide sitecheck e2e
	@echo "all tests passed"

## Python: ruff, ruff format, mypy --strict. JavaScript: ESLint, Prettier, tsc --checkJs
## (files marked // @ts-check). Then the seed-overlap check of the prose.
lint: setup
	.venv/bin/ruff check checklist tests scripts docs/hooks
	.venv/bin/ruff format --check checklist tests scripts docs/hooks
	.venv/bin/mypy
	$(NPM_BIN)/eslint .
	$(NPM_BIN)/prettier --check --log-level=warn "**/*.{js,mjs}"
	$(NPM_BIN)/tsc -p tsconfig.json
	@echo "tsc: $$(grep -rlE '^// @ts-check' docs/javascripts tests/js tests/pyodide | wc -l) JavaScript files type-checked (// @ts-check); $$(find docs/javascripts -name '*.js' | wc -l) page modules in all"
	@if [ -f ../shared/tools/seed_overlap.py ]; then python3 ../shared/tools/seed_overlap.py docs checklist; \
	else echo "lint: ../shared/tools/seed_overlap.py not found; overlap check skipped"; fi

## Unit tests of the page JavaScript, with Node's own test runner (no browser).
jstest: setup
	node --test tests/js/*.test.mjs

## CPython unit tests with branch coverage of checklist/ (the TOTAL line is the figure).
unit:
	.venv/bin/pytest --cov=checklist --cov-branch --cov-report=term:skip-covered tests/unit

unit-wheel:
	rm -rf build/wheel-test
	$(PY) -m pip install --quiet --no-deps --target build/wheel-test build/dist/checklist-*.whl
	CHECKLIST_WHEEL_DIR=build/wheel-test .venv/bin/pytest -p no:cacheprovider tests/unit

pyodide:
	.venv/bin/pytest tests/pyodide

sitecheck:
	.venv/bin/pytest tests/site

e2e:
	.venv/bin/pytest tests/e2e

## What a returning reader gets (first, third, after restart, offline, slow link), bytes
## and requests as served, against Pyodide as shipped on the main thread.
bench: build
	$(PY) scripts/bench.py

## Every tool's first draw after Python is ready, with 1,000 applications and 300
## interviews saved (target < 1 s each): scripts/bench_long_search.py.
bench-long: build
	$(PY) scripts/bench_long_search.py

## The tools' judgement, measured: pitfall checker, thought challenger, crisis help,
## and the time per message in CPython and (built runtime) Pyodide. A report, not a test.
eval: setup
	$(PY) scripts/evaluate.py

clean:
	rm -rf site dist build .pytest_cache .mypy_cache .ruff_cache checklist/data/content.json
