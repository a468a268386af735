# The daily commands. `make serve` and `make test` each set up everything they need.
PY := .venv/bin/python
PORT ?= 8000

.PHONY: setup build serve dist test lint unit unit-wheel pyodide sitecheck e2e bench clean

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

## Every check: lint and types, unit tests (source and built wheel), Pyodide, browser.
test: build lint unit unit-wheel pyodide sitecheck e2e
	@echo "all tests passed"

lint:
	.venv/bin/ruff check checklist tests scripts docs/hooks
	.venv/bin/ruff format --check checklist tests scripts docs/hooks
	.venv/bin/mypy
	@if [ -f ../shared/tools/seed_overlap.py ]; then python3 ../shared/tools/seed_overlap.py docs checklist; \
	else echo "lint: ../shared/tools/seed_overlap.py not found; overlap check skipped"; fi

unit:
	.venv/bin/pytest tests/unit

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

clean:
	rm -rf site dist build .pytest_cache .mypy_cache .ruff_cache checklist/data/content.json
