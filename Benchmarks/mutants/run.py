#!/usr/bin/env python3
"""`make mutants`: how good are the graders? Mutates each reference solution, grades every mutant, and reports
per exercise the share of non-equivalent mutants that the grader kills (a mutant the grader passes "survived").

    python3 Benchmarks/mutants/run.py [--only 03,05] [--jobs 2] [--list]

Prints each exercise's score and its surviving mutants (file:line, operator, mutated line), writes
mutants-results.json, and exits 1 if any exercise scores below 95% (or a reference solution fails its own grader,
which would make every score meaningless). The mutants judged equivalent, which no grader could kill, are listed
with a reason in equivalent.txt beside this script and are left out of the score.
"""

import argparse
import concurrent.futures
import json
import os
import resource
import subprocess
import sys
import time

import operators
import scaffold

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCRATCH = os.path.join(ROOT, ".build-mutants")
THRESHOLD = 0.95
# A mutant may loop forever (a `while` whose counter no longer moves) and allocate as it goes: each grading
# process gets a time limit (a hang counts as killed) and a memory limit, so that it cannot starve the machine.
MEMORY_LIMIT = 8 << 30
CONTROL_RUNS = 3


def load_equivalents(path):
    """{mutant id: reason} from lines `ID  reason`; '#' starts a comment."""
    equivalents = {}
    with open(path) as file:
        for number, line in enumerate(file, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 1)
            if len(parts) < 2:
                sys.exit(f"{path}:{number}: '{parts[0]}' has no reason; write `ID  why no grader can kill it`")
            equivalents[parts[0]] = parts[1]
    return equivalents


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def grade(runner, type_name, timeout):
    """('survived' | 'killed', why, seconds) for one mutant, graded in a process of its own."""
    started = time.monotonic()
    try:
        result = subprocess.run([runner, type_name], capture_output=True, text=True, timeout=timeout,
                                preexec_fn=limit_memory)
    except subprocess.TimeoutExpired:
        return "killed", f"timed out after {timeout:.0f} s", time.monotonic() - started
    seconds = time.monotonic() - started
    if result.returncode == 0:
        return "survived", "", seconds
    if result.returncode == 1:
        return "killed", result.stdout.strip().splitlines()[0][:200] if result.stdout.strip() else "", seconds
    if result.returncode == 2:
        raise RuntimeError(f"the runner does not know {type_name}: {result.stdout}")
    return "killed", f"crashed (status {result.returncode})", seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="exercise numbers, e.g. 03,05")
    parser.add_argument("--jobs", type=int, default=2, help="mutants graded at once (default 2)")
    parser.add_argument("--list", action="store_true", help="print the mutants and their ids, build nothing")
    parser.add_argument("--timeout", type=float, default=0, help="seconds per mutant (default: from the control)")
    parser.add_argument("--output", default=os.path.join(ROOT, "mutants-results.json"))
    args = parser.parse_args()
    started = time.monotonic()
    only = set(args.only.split(",")) if args.only else None
    equivalents = load_equivalents(os.path.join(HERE, "equivalent.txt"))

    solutions = sorted(f for f in os.listdir(os.path.join(ROOT, "Solutions")) if f.endswith(".swift"))
    package = scaffold.Package(ROOT, os.path.join(SCRATCH, "pkg"))
    exercises = {}
    for file in solutions:
        number = file[:2]
        if only and number not in only:
            continue
        with open(os.path.join(ROOT, "Solutions", file)) as handle:
            reference = handle.read()
        mutants = operators.mutants(file, reference)
        if args.list:
            for mutant in mutants:
                print(f"{mutant.id:48} {mutant.mutated}")
            continue
        names = package.add(number, reference, [(m.id, m.text) for m in mutants])
        exercises[number] = {"file": file, "mutants": mutants, "names": names}
    if args.list:
        return 0

    os.makedirs(SCRATCH, exist_ok=True)
    log = os.path.join(SCRATCH, "build.log")
    open(log, "w").close()
    print(f"building {sum(len(e['mutants']) for e in exercises.values())} mutants of {len(exercises)} "
          f"exercises (log: {os.path.relpath(log, ROOT)}) ...", flush=True)
    dropped = package.build(log)
    built_at = time.monotonic()
    print(f"built in {built_at - started:.0f} s; {len(dropped)} mutants did not type-check and are left out",
          flush=True)

    results, failed = {}, False
    for number, exercise in exercises.items():
        summary = run_exercise(number, exercise, package, dropped, equivalents, args)
        results[exercise["file"]] = summary
        failed |= not summary["control_passed"] or summary["score"] < THRESHOLD
    known = {m.id for e in exercises.values() for m in e["mutants"]}
    stale = sorted(i for i in equivalents if i not in known and (not only or i[:2] in only))
    for mutant_id in stale:
        print(f"equivalent.txt: {mutant_id} is no longer generated (the line changed?); remove or update it")

    elapsed = time.monotonic() - started
    print(f"\n{'exercise':28} {'score':>7} {'killed':>7} {'of':>4} {'equiv':>6} {'no-build':>9}")
    for file, summary in results.items():
        print(f"{file:28} {summary['score']:7.1%} {summary['killed']:7} {summary['non_equivalent']:4} "
              f"{summary['equivalent']:6} {summary['not_compiling']:9}"
              + ("" if summary["control_passed"] else "  REFERENCE FAILS ITS GRADER"))
    print(f"total {elapsed:.0f} s (build {built_at - started:.0f} s); target >= {THRESHOLD:.0%} per exercise")
    with open(args.output, "w") as file:
        json.dump({"threshold": THRESHOLD, "seconds": round(elapsed), "build_seconds": round(built_at - started),
                   "stale_equivalents": stale, "exercises": results}, file, indent=2)
    print(f"wrote {os.path.relpath(args.output, ROOT)}")
    return 1 if failed else 0


def run_exercise(number, exercise, package, dropped, equivalents, args):
    runner = package.runner()
    names = exercise["names"]
    # The control first: the reference must pass, every time (a grader that fails it now and then would count
    # its flakes as kills), and its time sets the limit for its mutants.
    controls = [grade(runner, names["control"], timeout=600) for _ in range(CONTROL_RUNS)]
    failures = [c for c in controls if c[0] != "survived"]
    control, why = ("killed", failures[0][1]) if failures else ("survived", "")
    seconds = max(c[2] for c in controls)
    timeout = args.timeout or max(10.0, 10 * seconds)
    verdict = "passes" if not failures else f"FAILS {len(failures)} of {CONTROL_RUNS} runs: {why}"
    print(f"\n{exercise['file']}: reference {verdict} "
          f"in {seconds:.1f} s; {len(exercise['mutants'])} mutants, {timeout:.0f} s each at most", flush=True)
    graded = [m for m in exercise["mutants"] if names[m.id] not in dropped]
    outcomes = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = {pool.submit(grade, runner, names[m.id], timeout): m for m in graded}
        for future in concurrent.futures.as_completed(futures):
            outcomes[futures[future].id] = future.result()
    summary, survivors = tally(graded, outcomes, equivalents)
    for entry in summary["survivors"]:
        entry["source"] = os.path.relpath(package.source(names[entry["id"]]), ROOT)
    print(f"{exercise['file']}: {summary['score']:.1%} ({summary['killed']} of {summary['non_equivalent']} killed; "
          f"{summary['equivalent']} equivalent, {len(exercise['mutants']) - len(graded)} did not type-check)")
    for mutant in survivors:
        print(f"  survived {mutant.file}:{mutant.line} {mutant.operator:18} {mutant.mutated}   [{mutant.id}]")
    for mutant_id in summary["killed_but_listed_equivalent"]:
        print(f"  equivalent.txt lists {mutant_id}, but the grader kills it: it is not equivalent")
    summary.update({
        "not_compiling": len(exercise["mutants"]) - len(graded), "generated": len(exercise["mutants"]),
        "control_passed": control == "survived", "reference_failures": [c[1] for c in failures],
    })
    return summary


def tally(graded, outcomes, equivalents):
    """The score of one exercise, killed / (graded - equivalent survivors), and the surviving mutants.

    A mutant listed as equivalent that the grader kills after all counts as killed: it was not equivalent.
    """
    survivors, equivalent, killed, killed_equivalents, kills_by = [], [], 0, [], {}
    for mutant in graded:
        status, why, _ = outcomes[mutant.id]
        if status == "killed":
            killed += 1
            if mutant.id in equivalents:
                killed_equivalents.append(mutant.id)
            # Which check kills how many: a check that never kills anything is worth a look.
            check = why.split("': ", 1)[0].removeprefix("killed by '") if why.startswith("killed by") else why
            kills_by[check] = kills_by.get(check, 0) + 1
        elif mutant.id in equivalents:
            equivalent.append(mutant.id)
        else:
            survivors.append(mutant)
    non_equivalent = len(graded) - len(equivalent)
    score = killed / non_equivalent if non_equivalent else 1.0
    return {
        "score": round(score, 4), "killed": killed, "non_equivalent": non_equivalent, "equivalent": len(equivalent),
        "survivors": [{"id": m.id, "line": m.line, "operator": m.operator, "original": m.original,
                       "mutated": m.mutated} for m in survivors],
        "killed_but_listed_equivalent": killed_equivalents,
        "kills_by_check": dict(sorted(kills_by.items(), key=lambda item: -item[1])),
        "kills": {m.id: outcomes[m.id][1] for m in graded if outcomes[m.id][0] == "killed"},
    }, survivors


if __name__ == "__main__":
    sys.exit(main())
