# Dossier: `make report` builds the founding article's report, `make test` runs the tests.
# Both set everything up first (virtual environment, pinned requirements, language model).
# Targets are files: an unchanged article is not recomputed, and a stage reruns only when its
# notebook, its code or its inputs changed.

SHELL := /bin/bash
.DEFAULT_GOAL := help
# No .DELETE_ON_ERROR: every stage writes its outputs atomically, and a failed run must leave
# the previous good report and tables in place.
# Two jobs: `make -j2 reports` builds two articles at once. Stages 3 and 4 of one article are
# independent, but in a session (below) they take turns in the article's one kernel.
# Sub-makes share the jobserver of the top-level make, so only that one sets it.
ifeq ($(MAKELEVEL),0)
MAKEFLAGS += --jobs=2 --output-sync=target
endif

SYS_PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# corpus mode's pyarrow, installed apart (see requirements-corpus.txt)
CORPUS_SITE := $(VENV)/corpus-site
CORPUS_STAMP := $(CORPUS_SITE)/.installed
# JupyterLab lives in its own environment: installed beside the pipeline it would bring
# rfc3987-syntax, which makes every `import nbformat` (every stage) about 1.5 s slower.
LAB_VENV := .venv-lab
LAB_STAMP := $(LAB_VENV)/.installed

ARTICLE ?= data/raw/putin-warns-foreign-troops.txt
# A file name is untrusted input: Make must never expand what is in it (`$(shell ...)` in a name
# would run). $(value ...) takes the name literally and `:=` keeps it so; recipes read it only
# as "$$ARTICLE" from the environment, never pasted into a command line.
override ARTICLE := $(value ARTICLE)
RAW_DIR ?= data/raw
PROCESSED_DIR ?= data/processed
REPORTS_DIR ?= reports
BUILD_DIR ?= build
NB ?= notebooks
export ARTICLE
export DOSSIER_NOTEBOOKS_DIR := $(abspath $(NB))
export DOSSIER_RAW_DIR := $(abspath $(RAW_DIR))
export DOSSIER_BUILD_DIR := $(abspath $(BUILD_DIR))
export DOSSIER_PROCESSED_DIR := $(abspath $(PROCESSED_DIR))
export DOSSIER_REPORTS_DIR := $(abspath $(REPORTS_DIR))
export MPLCONFIGDIR := $(CURDIR)/.cache/matplotlib
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1

# The article file itself is never a Make prerequisite (a name may hold spaces, ':', '$', a
# line break...): Make only sees its ASCII slug and a content-hash stamp in data/processed/<slug>/.
quote_arg = '$(subst ','\'',$(1))'
# The venv's interpreter when there is one: a pyenv shim costs 0.2 s per call, and a `make
# report` calls this tool three times (probe, lock, the inner make's probe).
PATHS_PYTHON := $(if $(wildcard $(PY)),$(PY) -S,$(SYS_PYTHON))
PATHS_TOOL := PYTHONPATH=$(CURDIR)/src $(PATHS_PYTHON) -m dossier.paths
# The probe resolves the name (a bare name is looked up in RAW_DIR), checks it is a regular file
# and prints "ok <slug>" or "bad <slug>"; for goals that build the article it also rewrites
# source.sha256 when the content hash changed, before Make compares times (so -n and -q agree).
NO_ARTICLE_GOALS := help venv test lab eval bench clean reports corpus bench-corpus clean-notebooks
STAMP_DIR := $(if $(filter-out $(NO_ARTICLE_GOALS),$(MAKECMDGOALS)),$(PROCESSED_DIR))
PROBE := $(shell DOSSIER_RAW_DIR=$(call quote_arg,$(DOSSIER_RAW_DIR)) $(PATHS_TOOL) probe \
           $(call quote_arg,$(ARTICLE)) $(call quote_arg,$(STAMP_DIR)))
SLUG := $(word 2,$(PROBE))
ARTICLE_BAD := $(if $(filter ok,$(word 1,$(PROBE))),,bad-article)
ARTICLE_DEP := $(or $(ARTICLE_BAD),$(PROCESSED_DIR)/$(SLUG)/source.sha256)

P := $(PROCESSED_DIR)/$(SLUG)
R := $(REPORTS_DIR)/$(SLUG)

# What each stage writes (OUT_<stage>) and every table file (TABLE_FILES) come from the table
# contract, src/dossier/schema.py: regenerated only when it (or the helper writing it) changes.
STAGE_RULES := $(BUILD_DIR)/stages.mk
$(STAGE_RULES): src/dossier/schema.py src/dossier/paths.py
	@mkdir -p $(@D)
	@$(PATHS_TOOL) stage-rules > $@.tmp && mv $@.tmp $@
include $(STAGE_RULES)
STAGE = $(PY) -m dossier stage $(1) --slug $(SLUG) --article="$$ARTICLE"
# `report` and `tables` run the inner Make inside a session: the stages it finds stale hand
# themselves to one kernel (one start-up, one import of each library per article).
IN_SESSION = $(PY) -m dossier session -- $(MAKE) --no-print-directory

# What each stage's output depends on: its notebook, the package modules it runs, its data.
D := src/dossier
CORE_SRC := $(addprefix $(D)/,__init__.py paths.py io.py tables.py errors.py extract.py nlp.py grammar.py schema.py \
              lab.py engine.py runner.py components.py settings.py lexicon/__init__.py) \
            $(wildcard $(D)/lexicon/data/*) \
            $(wildcard $(D)/ingest/*.py)
KB_SRC := $(D)/kb/__init__.py $(addprefix $(D)/kb/data/,countries.csv organizations.csv titles.csv regions.csv \
            news_outlets.csv)
ACTORS_SRC := $(CORE_SRC) $(wildcard $(D)/actors/*.py) $(KB_SRC)
COMMIT_SRC := $(CORE_SRC) $(wildcard $(D)/commitments/*.py) $(D)/actors/model.py
PRECEDENT_SRC := $(CORE_SRC) $(D)/precedents.py $(D)/timeline.py $(D)/kb/__init__.py $(D)/kb/data/precedents.csv \
                 $(D)/actors/model.py
REPORT_SRC := $(CORE_SRC) $(wildcard $(D)/report/*.py $(D)/report/templates/dossier/*)

.PHONY: help report tables reports lab test eval bench clean venv bad-article report-locked tables-locked

help: ## list the targets
	@echo "Dossier: news article in, grounded tables and a rendered report out."
	@echo
	@grep -hE '^[a-z][a-zA-Z_-]*:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | awk -F'\t' '{printf "  make %-12s %s\n", $$1, $$2}'
	@echo
	@echo "  ARTICLE=data/raw/<file>.txt|.md|.html picks the article (default: the founding article)."
	@echo "  CORPUS=<folder>|<file>.jsonl picks the corpus (default: data/corpus/sample), SCHEDULER=<address> a Dask cluster."

venv: $(STAMP) ## create .venv with the pinned requirements and the spaCy model

$(STAMP): requirements.txt requirements-model.txt requirements-dev.txt constraints.txt
	@$(SYS_PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "dossier: error: Python 3.11 or newer is needed ($(SYS_PYTHON) is older): install it or run make SYS_PYTHON=/path/to/python3.11" >&2; exit 1; }
	@echo "dossier: setting up $(VENV) (first run only; about a minute)"
	@test -x $(PY) || $(SYS_PYTHON) -m venv $(VENV)
	@# pip as pinned first: older ones (23.2 in Python 3.11's venv) do not normalise extra names
	@# and warn "lxml does not provide the extra 'html_clean'" on every install
	@$(PY) -m pip install --quiet --disable-pip-version-check pip -c constraints.txt
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-dev.txt -c constraints.txt
	@$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-model.txt
	@echo "$(CURDIR)/src" > "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/dossier-src.pth"
	@touch $@

# One run per article at a time: a second `make report` of the same article waits for the
# first, then finds its outputs up to date (the lock lives as long as the inner make).
LOCKED = +@$(PATHS_TOOL) lock $(P)/.run.lock -- $(IN_SESSION)

report: $(ARTICLE_BAD) | $(STAMP) ## build the report of ARTICLE: reports/<slug>/report.html and report.pdf
	$(LOCKED) report-locked

report-locked: $(R)/report.pdf
	@echo "dossier: report ready: $(R)/report.html and $(R)/report.pdf"

tables: $(ARTICLE_BAD) | $(STAMP) ## build only the tables of ARTICLE in data/processed/<slug>/
	$(LOCKED) tables-locked

TABLES := $(addprefix $(P)/,$(TABLE_FILES))
tables-locked: $(TABLES)
	@echo "dossier: tables ready in $(P)/"

bad-article:
	@$(PATHS_TOOL) explain "$$ARTICLE"; exit 1

# Normally written by the probe above; this rule only runs when it could not be (and then says why).
$(P)/source.sha256:
	@$(PATHS_TOOL) stamp "$$ARTICLE" $@

$(addprefix $(P)/,$(OUT_01_ingest)) &: $(ARTICLE_DEP) $(NB)/01_ingest.ipynb $(CORE_SRC) | $(STAMP)
	@$(call STAGE,01_ingest)

$(addprefix $(P)/,$(OUT_02_actors)) &: $(P)/article.json $(P)/parse.spacy $(NB)/02_actors.ipynb $(ACTORS_SRC) \
		| $(STAMP)
	@$(call STAGE,02_actors)

$(addprefix $(P)/,$(OUT_03_commitments)) &: $(P)/parse.spacy $(addprefix $(P)/,$(OUT_02_actors)) \
		$(NB)/03_commitments.ipynb $(COMMIT_SRC) | $(STAMP)
	@$(call STAGE,03_commitments)

$(addprefix $(P)/,$(OUT_04_precedents)) &: $(P)/parse.spacy $(addprefix $(P)/,$(OUT_02_actors)) \
		$(NB)/04_precedents.ipynb $(PRECEDENT_SRC) | $(STAMP)
	@$(call STAGE,04_precedents)

$(R)/report.html $(R)/report.pdf &: $(P)/article.json $(TABLES) $(NB)/05_report.ipynb $(REPORT_SRC) | $(STAMP)
	@$(call STAGE,05_report)

# Every output is written atomically by its stage; Make must never delete one on Ctrl-C or
# SIGTERM (it would otherwise remove the good report.html of a grouped target).
.PRECIOUS: $(P)/source.sha256 $(addprefix $(P)/,$(OUT_01_ingest)) $(TABLES) \
           $(R)/report.html $(R)/report.pdf

ifneq ($(filter reports,$(MAKECMDGOALS)),)
$(BUILD_DIR)/articles.mk: $(RAW_DIR) src/dossier/paths.py
	@mkdir -p $(BUILD_DIR)
	@$(PATHS_TOOL) make-rules > $@.tmp && mv $@.tmp $@
-include $(BUILD_DIR)/articles.mk
endif

reports: $(ALL_REPORTS) ## build the report of every article in data/raw/ (make -j2 reports: two at once)
	@$(PATHS_TOOL) skipped

# Extra flags for JupyterLab, e.g. make lab LAB_ARGS="--no-browser --port=8890 --ip=0.0.0.0".
LAB_ARGS ?=
# Jupyter refuses to start as root (as in most containers) unless told it may.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: $(LAB_STAMP) ## open JupyterLab on the stage notebooks (LAB_ARGS="..." passes flags to it)
	$(LAB_VENV)/bin/jupyter lab --notebook-dir=$(call quote_arg,$(NB)) $(LAB_ROOT) $(LAB_ARGS)

.PHONY: clean-notebooks
clean-notebooks: $(STAMP) ## strip outputs and execution counts from the notebooks (before a commit)
	@$(PY) -m dossier.lab clean $(NB)/*.ipynb

$(LAB_STAMP): requirements-lab.txt $(STAMP)
	@echo "dossier: installing JupyterLab in $(LAB_VENV) (first time only)"
	@test -x $(LAB_VENV)/bin/python || $(SYS_PYTHON) -m venv $(LAB_VENV)
	@$(LAB_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-lab.txt
	@# the notebooks' "python3" kernel in Lab is the pipeline's own interpreter, with dossier importable
	@$(PY) -m ipykernel install --prefix "$(abspath $(LAB_VENV))" --name python3 \
		--display-name "Python 3 (Dossier .venv)" > /dev/null 2>&1
	@touch $@

test: $(STAMP) $(CORPUS_STAMP) ## lint and run the test suite
	@$(PY) -m ruff check src tests
	@$(PY) -m pytest -q

eval: $(STAMP) ## score the tables of every article with a gold file (shared and eval/gold)
	@$(PY) -m dossier eval

bench: $(STAMP) ## time the founding report (whole, report stage only, unchanged) against empty notebooks
	@$(PY) -m dossier bench

# Corpus mode: many articles on a Dask cluster (a local one by default, or SCHEDULER=tcp://host:8786,
# or DASK_SCHEDULER_ADDRESS). Incremental by content hash and code version, so it always runs.
CORPUS ?= data/corpus/sample
SCHEDULER ?=
export CORPUS SCHEDULER
.PHONY: corpus bench-corpus

# pyarrow lives apart from the pipeline's packages: see requirements-corpus.txt.
$(CORPUS_STAMP): requirements-corpus.txt constraints.txt | $(STAMP)
	@$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --upgrade --target $(CORPUS_SITE) \
		-r requirements-corpus.txt -c constraints.txt
	@touch $@

corpus: $(STAMP) $(CORPUS_STAMP) ## extract CORPUS on Dask into Parquet tables and a report in reports/_corpus/<name>/
	@$(PY) -m dossier.corpus run "$$CORPUS" $(if $(SCHEDULER),--scheduler "$$SCHEDULER")

bench-corpus: $(STAMP) $(CORPUS_STAMP) ## articles/min of corpus mode on 320 generated articles, against a parse-only baseline
	@$(PY) -m dossier.corpus bench

clean: ## delete built tables and reports (the venv stays)
	rm -rf data/processed/* reports/* $(BUILD_DIR) .cache
	@touch data/processed/.gitkeep reports/.gitkeep
