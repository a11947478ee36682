# The two commands of the quick start: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Test processes: one per core by default; PYTEST_WORKERS=0 runs the suite in this process alone.
PYTEST_WORKERS ?= auto
# Local targets run in debug mode; a server started through portal/wsgi.py defaults to production.
export DEBUG ?= 1

.PHONY: run test install migrate seed lint check bench load bench-cdn bench-search backup restore clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the dependency list or the pins change.
$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py seed_demo_guide
	$(BIN)/python manage.py seed_demo_packs
	$(BIN)/python manage.py create_demo_accounts

# Links in emails, on slips and in the CMS toolbar name the address the server really listens on.
run: export PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
run: seed
	@echo ""
	@echo "  The patient guide is at http://$(HOST):$(PORT)/"
	@echo "  Staff log in at http://$(HOST):$(PORT)/admin/ with an account printed above."
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: install
	$(BIN)/python manage.py check

# --- Operations: see docs/operations.md -----------------------------------------------------------
# Benchmark and load test against the seeded site under gunicorn in production mode (not run by tests).
bench: install
	$(BIN)/python bench/run.py

load: install
	$(BIN)/python bench/run.py --load

# Varnish (deploy/varnish/default.vcl) in front of gunicorn: throughput and freshness after a publish.
bench-cdn: install
	$(BIN)/python bench/cdn.py

# Site search next to a guide page, with the demo guide copied to 500 pages per language
# (BENCH_DATABASE_URL=postgres://... for PostgreSQL; docs/search.md has the figures).
bench-search: install
	$(BIN)/python bench/search.py

# Back up / restore the database named by DATABASE_URL (SQLite or PostgreSQL) and MEDIA_ROOT, with
# django-dbbackup, into BACKUP_DIR (default backups/). `make restore` takes the newest backups;
# DB=... and MEDIA=... (file names in BACKUP_DIR) pick others.
backup: install
	$(BIN)/python manage.py dbbackup --compress
	@# A site without uploads has no MEDIA_ROOT yet; mediabackup needs the folder (an empty backup).
	@$(BIN)/python manage.py shell -v0 -c "from django.conf import settings; settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)"
	$(BIN)/python manage.py mediabackup --compress

restore: install
	$(BIN)/python manage.py dbrestore --uncompress $(if $(DB),--input-filename $(DB))
	$(BIN)/python manage.py mediarestore --uncompress $(if $(MEDIA),--input-filename $(MEDIA))

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache .ruff_cache
