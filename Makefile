# tipilot — two commands: `make demo` (install, load the real data, serve) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
GEO_PACKAGE := @etalab/decoupage-administratif
GEO_VERSION := 6.0.0
GEO_TGZ := var/data/etalab-decoupage-administratif-$(GEO_VERSION).tgz
LEAFLET_VERSION := 1.9.4
LEAFLET := var/vendor/leaflet/leaflet.js
CHARTJS_VERSION := 4.6.1
CHARTJS := var/vendor/chartjs/chart.umd.js
HTMX_VERSION := 2.0.11
HTMX := var/vendor/htmx/htmx.min.js
# Official files are read from this mirror when it exists (here: the shared open data).
TIPILOT_DATA_MIRROR ?= $(wildcard $(abspath $(CURDIR)/../shared/data))
export TIPILOT_DATA_MIRROR
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres
HOST ?= 127.0.0.1:8000

.PHONY: install demo test test-sqlite test-postgres lint serve bench clean

install: $(VENV)/.installed $(GEO_TGZ) $(LEAFLET) $(CHARTJS) $(HTMX)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# The official geography, fetched with npm at a pinned version; its integrity is checked on load.
$(GEO_TGZ):
	mkdir -p var/data
	if [ -n "$(TIPILOT_DATA_MIRROR)" ] && [ -f "$(TIPILOT_DATA_MIRROR)/npm/$(notdir $@)" ]; then \
	  cp "$(TIPILOT_DATA_MIRROR)/npm/$(notdir $@)" $@; \
	else \
	  npm pack --silent --pack-destination var/data $(GEO_PACKAGE)@$(GEO_VERSION) >/dev/null; \
	fi

# Leaflet (BSD-2-Clause) for the maps, served by tipilot itself: no third-party CDN.
$(LEAFLET):
	mkdir -p var/vendor/leaflet var/data
	npm pack --silent --pack-destination var/data leaflet@$(LEAFLET_VERSION) >/dev/null
	tar -xzf var/data/leaflet-$(LEAFLET_VERSION).tgz -C var/vendor/leaflet --strip-components=2 package/dist
	rm var/data/leaflet-$(LEAFLET_VERSION).tgz

# Chart.js (MIT) for the bilan's charts, its UMD build served by tipilot itself: no CDN.
$(CHARTJS):
	mkdir -p var/vendor/chartjs var/data
	npm pack --silent --pack-destination var/data chart.js@$(CHARTJS_VERSION) >/dev/null
	tar -xzf var/data/chart.js-$(CHARTJS_VERSION).tgz -C var/vendor/chartjs --strip-components=2 package/dist/chart.umd.js
	rm var/data/chart.js-$(CHARTJS_VERSION).tgz

# htmx (0BSD) for partial page updates (draft applications saved as they are typed): no CDN.
$(HTMX):
	mkdir -p var/vendor/htmx var/data
	npm pack --silent --pack-destination var/data htmx.org@$(HTMX_VERSION) >/dev/null
	tar -xzf var/data/htmx.org-$(HTMX_VERSION).tgz -C var/vendor/htmx --strip-components=2 package/dist/htmx.min.js
	rm var/data/htmx.org-$(HTMX_VERSION).tgz

demo: install
	$(BIN)/tipilot migrate --noinput -v0
	$(BIN)/tipilot demo --geo $(GEO_TGZ)
	@echo "tipilot est servi sur http://$(HOST)/"
	DEBUG=1 $(BIN)/tipilot runserver $(HOST)

serve: install
	DEBUG=1 $(BIN)/tipilot runserver $(HOST)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/tipilot makemigrations --check --dry-run -v0

# Every test runs on SQLite, then on PostgreSQL when a server answers at TEST_DATABASE_URL.
test: lint test-sqlite test-postgres

test-sqlite: install
	@echo "== tests sur SQLite"
	env -u DATABASE_URL TIPILOT_GEO_TGZ=$(abspath $(GEO_TGZ)) $(BIN)/pytest -q

test-postgres: install
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(TEST_DATABASE_URL)', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== tests sur PostgreSQL ($(TEST_DATABASE_URL))"; \
	  DATABASE_URL=$(TEST_DATABASE_URL) TIPILOT_GEO_TGZ=$(abspath $(GEO_TGZ)) $(BIN)/pytest -q; \
	else \
	  echo "!! PostgreSQL injoignable à $(TEST_DATABASE_URL) : la passe PostgreSQL n'a PAS été exécutée (seule SQLite l'a été)."; \
	  if [ -n "$$CI" ]; then exit 1; fi; \
	fi

# Benchmarks (ratios against their targets, measured in one run): geography, bilan and import.
bench: install
	$(BIN)/python bench/geo_load.py --geo $(GEO_TGZ)
	$(BIN)/python bench/bilan.py --geo $(GEO_TGZ)
	$(BIN)/python bench/bilan.py --geo $(GEO_TGZ) --postgres $(TEST_DATABASE_URL)
	$(BIN)/python bench/implantations.py --geo $(GEO_TGZ)
	$(BIN)/python bench/implantations.py --geo $(GEO_TGZ) --postgres $(TEST_DATABASE_URL)

clean:
	rm -rf var/tipilot.sqlite3 var/static
