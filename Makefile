# lyg_nrp_plugin — the two commands are `make test` and `make demo`; both install what they need.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PLUGIN   := lyg_nrp_plugin
VENV     := .venv
PY       := $(VENV)/bin/python
# Debian 12's /usr/bin/qgis_process wrapper is broken; the .bin works.
QGIS_PROCESS := $(shell test -x /usr/bin/qgis_process.bin && echo /usr/bin/qgis_process.bin || echo qgis_process)
export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)

TS       := i18n/lyg_nrp_zh_CN.ts
QM       := $(TS:.ts=.qm)
PY_SOURCES := $(shell find $(PLUGIN) -name '*.py' -not -path '*/ext_libs/*' | sort)
LRELEASE := $(shell command -v lrelease 2>/dev/null || echo /usr/lib/qt5/bin/lrelease)

.PHONY: help deps test test-fast demo package deploy undeploy transup transcompile lint bench \
        sample models screenshot docs clean

help:
	@echo "make test      install what is needed, then run the test suite"
	@echo "make demo      install what is needed, then run the main job on the sample data"
	@echo "make package   build dist/$(PLUGIN).zip (QGIS: Plugins > Install from ZIP)"
	@echo "make deploy    install + enable the plugin in your QGIS profile (undeploy removes it)"
	@echo "make transup | transcompile | lint | bench | sample | models | screenshot | docs | clean"

deps:
	@scripts/install_deps.sh

$(QM): $(TS)
	@$(LRELEASE) -silent $(TS) -qm $(QM)

transcompile: deps $(QM)

transup: deps
	$(PY) scripts/update_translations.py

test: lint transcompile
	$(PY) -m pytest test

test-fast: lint transcompile
	$(PY) -m pytest test -m "not slow"

lint: deps
	$(VENV)/bin/ruff check $(PLUGIN) test scripts
	$(VENV)/bin/ruff format --check $(PLUGIN) test scripts

package: deps transcompile
	rm -rf build/package dist/$(PLUGIN).zip
	$(PY) scripts/build_plugin.py --dest build/package --zip dist/$(PLUGIN).zip

deploy: deps transcompile
	$(PY) scripts/deploy.py

undeploy: deps
	$(PY) scripts/deploy.py --undeploy

demo: deps transcompile
	$(PY) scripts/demo.py

sample: deps
	$(PY) scripts/make_sample.py
	$(PY) scripts/make_sample_styles.py
	$(PY) scripts/make_sample_project.py

models: deps
	$(PY) scripts/make_models.py

bench: deps transcompile
	$(PY) scripts/bench.py

docs: deps
	$(PY) scripts/make_docs.py

screenshot: deps transcompile
	$(PY) scripts/screenshot.py

clean:
	rm -rf build dist out .pytest_cache .ruff_cache $(QM)
	find . -name __pycache__ -type d -not -path './$(VENV)/*' -prune -exec rm -rf {} +
