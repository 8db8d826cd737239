# poolschool: `make run` opens the shell, `make test` runs every test. Both install what is missing first.
SWIFT ?= swift
# The shell a learner runs is the optimised one: a debug build simulates about ten times slower.
BIN := .build/release/poolschool

.PHONY: run test build deps fresh test-deps real real-deps bench mutants mutant-operators format lint clean fuzz

run: build
	@$(BIN)

# Only the executable and what it links, optimised; the tests keep their own debug build.
build: deps fresh
	$(SWIFT) build -c release --product poolschool

test: test-deps fresh lint mutant-operators
	$(SWIFT) build --build-tests
	$(SWIFT) test

# A moved or renamed checkout gets a clean build instead of stale module-cache errors.
fresh:
	@scripts/ensure-fresh-build.sh

# libpq-dev: the real-server lab's client library (Sources/CLibPQ), linked into the shell.
deps:
	@scripts/ensure-packages.sh pkg-config libedit-dev libpq-dev

# tmux drives the terminal test (ShellTests/TerminalSessionTests); python3 the mutation operators' test;
# PostgreSQL, PgBouncer and openssl the real-server tests (ShellTests/RealServerProcessTests).
test-deps:
	@scripts/ensure-packages.sh pkg-config libedit-dev libpq-dev tmux python3 postgresql pgbouncer openssl

# The real-server lab (`poolschool real`): its packages, then the shell, then where it stands.
real: real-deps build
	@$(BIN) real status

real-deps:
	@scripts/ensure-packages.sh postgresql pgbouncer openssl

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

# Seeded, bounded fuzzing of shell lines and lesson files; prints crash, hang and ESC-byte counts.
# FUZZ_SEED, FUZZ_LINES and FUZZ_LESSONS change the run.
fuzz: build
	python3 scripts/fuzz.py

# The project's code only: Exercises/ is the learner's workspace, and a learner's blank line or long
# line must never make `make test` fail (the exercises' own tests grade their work).
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Solutions Package.swift

format:
	$(SWIFT) format format --in-place --recursive Sources Tests Exercises Solutions Package.swift

clean:
	rm -rf .build .build-mutants
