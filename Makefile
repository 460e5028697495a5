# Two commands do all set-up: `make run` (the program) and `make test` (the whole test suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
QM := src/reviewer/ui/i18n/reviewer_sv.qm
TS := resources/translations/reviewer_sv.ts
TS_EN := resources/translations/reviewer_en.ts
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test lint typecheck pytest bench translations update-translations schema clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The .qm files, the icons, the licence and the training packs go into the package as the wheel build puts them there
# (packaging/build_resources.py).
$(QM): $(TS) $(TS_EN) $(wildcard resources/icons/png/*.png) $(wildcard resources/training/*.yaml) LICENSE packaging/build_resources.py $(STAMP)
	$(BIN)/python packaging/build_resources.py src/reviewer/ui >/dev/null

translations: $(QM)

run: $(STAMP) $(QM)
	$(BIN)/reviewer

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks packaging setup.py
	$(BIN)/ruff format --check src tests benchmarks packaging setup.py
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(QM)
	$(BIN)/pytest

bench: $(STAMP) $(QM)
	$(BIN)/python -m benchmarks

# Developer steps: refresh the .ts after changing UI strings (then translate it in Qt Linguist; the English one
# holds only the singular and plural of the %n messages),
# and regenerate the checklist and training pack JSON Schemas after changing a format.
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate src/reviewer/ui/*.py src/reviewer/ui/*/*.py -ts $(TS) -no-obsolete -locations none
	$(BIN)/pyside6-lupdate src/reviewer/ui/*.py src/reviewer/ui/*/*.py -ts $(TS_EN) -no-obsolete -locations none \
		-pluralonly -source-language en -target-language en

schema: $(STAMP)
	$(BIN)/python -m reviewer.checklists.jsonschema > src/reviewer/checklists/schema/checklist-v1.schema.json
	$(BIN)/python -m reviewer.training.jsonschema > src/reviewer/training/schema/training-pack-v1.schema.json

clean:
	rm -rf $(VENV) $(QM) src/reviewer/ui/icons src/reviewer/ui/legal/LICENSE src/reviewer/training/packs .pytest_cache .mypy_cache .ruff_cache
