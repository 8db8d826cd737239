# poolschool: `make run` opens the shell, `make test` runs every test. Both install what is missing first.
SWIFT ?= swift
BIN := .build/debug/poolschool

.PHONY: run test build deps test-deps bench mutants mutant-operators format lint clean

run: build
	@$(BIN)

build: deps
	$(SWIFT) build

test: test-deps lint mutant-operators
	$(SWIFT) build --build-tests
	$(SWIFT) test

deps:
	@scripts/ensure-packages.sh pkg-config libedit-dev

# tmux drives the terminal test (ShellTests/TerminalSessionTests); python3 the mutation operators' test.
test-deps:
	@scripts/ensure-packages.sh pkg-config libedit-dev tmux python3

# Benchmarks, measured side by side in one run (release builds; not part of make test).
bench: deps
	@scripts/ensure-packages.sh postgresql-client python3-venv
	python3 Benchmarks/run.py

# Mutation testing of the graders (minutes; not part of make test): score per exercise, mutants-results.json.
# MUTANTS_ARGS='--only 03,05' limits it to some exercises.
mutants: deps
	@scripts/ensure-packages.sh python3
	PYTHONDONTWRITEBYTECODE=1 python3 Benchmarks/mutants/run.py $(MUTANTS_ARGS)

# The mutation operators on a small snippet (no Swift compiled), in make test.
mutant-operators:
	PYTHONDONTWRITEBYTECODE=1 python3 -m unittest discover -s Benchmarks/mutants -p 'test_*.py'

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Exercises Solutions Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Exercises Solutions Package.swift

clean:
	rm -rf .build .build-mutants
