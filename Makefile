# The README's two commands: `make run` and `make test`. Both set up everything they need.
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
INSTALLED := $(VENV)/.installed-stamp
CATALOGS := $(wildcard locales/*/LC_MESSAGES/bot.po)
COMPILED := $(CATALOGS:.po=.mo)
# axe-core, the accessibility engine the console's browser tests run in Chromium (from npm;
# a test dependency, not served to members).
AXE_VERSION := 4.10.2
AXE := var/axe-core-$(AXE_VERSION)/axe.min.js

.PHONY: run test install locales extract update-locales lint format typecheck bench clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

install: $(INSTALLED)

# Compile the translations (.mo files are built, not committed).
locales: $(COMPILED)

locales/%/LC_MESSAGES/bot.mo: locales/%/LC_MESSAGES/bot.po $(INSTALLED)
	$(BIN)/pybabel compile -D bot -i $< -o $@ -l $*

# Collect the message ids from the code into locales/bot.pot ...
extract: $(INSTALLED)
	$(BIN)/pybabel extract -F babel.cfg --sort-by-file --no-wrap -c "Translators:" \
		--project kringbot -o locales/bot.pot .

# ... and merge them into the nl/fr/en catalogs, to translate there.
update-locales: extract
	$(BIN)/pybabel update -D bot -i locales/bot.pot -d locales --no-wrap --no-fuzzy-matching

run: $(INSTALLED) locales
	$(BIN)/kringbot run

$(AXE):
	mkdir -p $(dir $@)
	npm pack --silent axe-core@$(AXE_VERSION) --pack-destination var >/dev/null
	tar -xzf var/axe-core-$(AXE_VERSION).tgz -C $(dir $@) --strip-components=1 package/axe.min.js
	rm var/axe-core-$(AXE_VERSION).tgz

# The whole suite on SQLite; again on PostgreSQL when TEST_DATABASE_URL points at one.
test: $(INSTALLED) locales $(AXE)
	SEMANTIC_SEARCH=false KRINGBOT_TEST_DATABASE= $(BIN)/pytest
	@if [ -n "$(TEST_DATABASE_URL)" ]; then \
		echo "== again on PostgreSQL"; \
		SEMANTIC_SEARCH=false KRINGBOT_TEST_DATABASE="$(TEST_DATABASE_URL)" $(BIN)/pytest; \
	fi

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(INSTALLED)
	$(BIN)/mypy

bench: $(INSTALLED) locales
	$(BIN)/python -m bench.roundtrip
	$(BIN)/python -m bench.faq
	$(BIN)/python -m bench.broadcast

clean:
	rm -rf $(VENV) var locales/*/LC_MESSAGES/*.mo
