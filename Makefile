# poolschool: `make run` opens the shell, `make test` runs every test. Both install what is missing first.
SWIFT ?= swift
BIN := .build/debug/poolschool

.PHONY: run test build deps test-deps bench format lint clean fuzz

run: build
	@$(BIN)

build: deps
	$(SWIFT) build

test: test-deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test

deps:
	@scripts/ensure-packages.sh pkg-config libedit-dev

# tmux drives the terminal test (ShellTests/TerminalSessionTests).
test-deps:
	@scripts/ensure-packages.sh pkg-config libedit-dev tmux

# Benchmarks, measured side by side in one run (release builds; not part of make test).
bench: deps
	@scripts/ensure-packages.sh postgresql-client python3-venv
	python3 Benchmarks/run.py

# Seeded, bounded fuzzing of shell lines and lesson files; prints crash, hang and ESC-byte counts.
# FUZZ_SEED, FUZZ_LINES and FUZZ_LESSONS change the run.
fuzz: build
	python3 scripts/fuzz.py

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Exercises Solutions Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Exercises Solutions Package.swift

clean:
	rm -rf .build
