# poolschool: `make run` opens the shell, `make test` runs every test. Both install what is missing first.
SWIFT ?= swift
# The shell a learner runs is the optimised one: a debug build simulates about ten times slower.
BIN := .build/release/poolschool

.PHONY: run test build deps fresh test-deps bench format lint clean

run: build
	@$(BIN)

# Only the executable and what it links, optimised; the tests keep their own debug build.
build: deps fresh
	$(SWIFT) build -c release --product poolschool

test: test-deps fresh lint
	$(SWIFT) build --build-tests
	$(SWIFT) test

# A moved or renamed checkout gets a clean build instead of stale module-cache errors.
fresh:
	@scripts/ensure-fresh-build.sh

deps:
	@scripts/ensure-packages.sh pkg-config libedit-dev

# tmux drives the terminal test (ShellTests/TerminalSessionTests).
test-deps:
	@scripts/ensure-packages.sh pkg-config libedit-dev tmux

# Benchmarks, measured side by side in one run (release builds; not part of make test).
bench: deps
	@scripts/ensure-packages.sh postgresql-client python3-venv
	python3 Benchmarks/run.py

# The project's code only: Exercises/ is the learner's workspace, and a learner's blank line or long
# line must never make `make test` fail (the exercises' own tests grade their work).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Solutions Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Exercises Solutions Package.swift

clean:
	rm -rf .build
