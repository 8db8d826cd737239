#!/usr/bin/env python3
"""make fuzz: seeded, bounded fuzzing of the shell's lines and of lesson files.

Shell lines run in batches through the real executable on a pipe and through `poolschool run FILE`;
lesson files are shipped lessons mutated and checked with `poolschool lint FILE` and a shell start-up.
A crash is a death by signal or an exit status other than 0, 1 or 2; a hang is a run past its time limit;
an ESC byte on a pipe (where the shell prints no colour) came from untrusted text. Every failing input is
kept under .build/fuzz/ to replay. Exit 1 if anything was found.

Usage: scripts/fuzz.py [--seed N] [--lines N] [--lessons N] [--timeout S] [--binary PATH]
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

COMMANDS = [
    "lessons", "open", "next", "back", "page", "answer", "hint", "explain", "progress", "search", "lab",
    "config", "borrow", "release", "leak", "query", "advance", "burst", "load", "fault", "stats", "events",
    "connect", "send", "disconnect", "show", "help", "version", "exercises",
]
FLAGS = [
    "--pool-size", "--arrival-rate", "--hold-mean", "--hold-dist", "--arrivals", "--requests", "--seed",
    "--borrow-timeout", "--warm", "--db-cores", "--setup", "--max-connections", "--instances", "--max-overflow",
    "--script", "--clients", "--think", "--retries", "--backoff", "--report-share", "--report-hold", "--no-pool",
]
NUMBERS = [
    "0", "1", "-1", "7", "100", "100000", "1e9", "1e-12", "1e300", "9223372036854775807", "9223372036854775808",
    "-9223372036854775808", "18446744073709551616", "nan", "inf", "-inf", "0.000001", "1_000", "0x10", "",
    "99999999999999999999999999", "3.5", ".", "1..2", "1000000", "2562047", "153722867", "4294967296",
    "9007199254740993", "1e-9", "1e15",
]
UNITS = ["", "ns", "us", "ms", "s", "m", "min", "h", "/s", "/ms", "/h", "%", "x", "µs"]
WORDS = [
    "a", "b1", "c1", "on", "off", "none", "restart", "firewall", "slow-auth", "auth-fails", "kill",
    "max-connections", "idle-session-timeout", "reservation-desk", "fan-in", "modes-side-by-side", "session",
    "transaction", "statement", "--list", "reset", "check", "--wait", "as", "max_size=", "borrow_timeout=",
    "min_idle=", "validation=", "SELECT 1", "SELECT pg_sleep(", "BEGIN", "COMMIT", "SELECT work(", "pools",
    "stats", "01-why-pool", "02-connection-cost", "\x1b[31m", "\x1b]0;t\x07", "\x9b2J", "'", '"', "\\", "#",
    "é", "表", "\u202e", "\x00", "\x7f",
]
SCENARIO = "lab\nconfig borrow_timeout=none\nconfig min_idle=0\nlab reset\nfault auth-fails on\nborrow --wait\n"


def number(rng):
    return rng.choice(NUMBERS) + rng.choice(UNITS)


def argument(rng):
    roll = rng.random()
    if roll < 0.4:
        return number(rng)
    if roll < 0.7:
        return rng.choice(WORDS) + (number(rng) + ")" if rng.random() < 0.2 else "")
    if roll < 0.85:
        return rng.choice(FLAGS)
    if roll < 0.95:
        return "".join(chr(rng.randrange(1, 0x300)) for _ in range(rng.randrange(1, 12)))
    return rng.choice(["x", "borow", "(", "-"]) * rng.choice([100, 10_000, 200_000])


CONFIG_KEYS = [
    "max_size", "min_idle", "borrow_timeout", "idle_timeout", "max_lifetime", "keepalive", "instances",
    "db_max_connections", "db_cores", "seed", "validation", "leak_detection", "db_idle_session_timeout",
]
TEMPLATES = [
    lambda rng: f"advance {number(rng)}",
    lambda rng: f"config {rng.choice(CONFIG_KEYS)}={number(rng)}",
    lambda rng: f"query {rng.choice(['a', 'b1', 'x'])} SELECT pg_sleep({number(rng)})",
    lambda rng: f"query a SELECT work({number(rng)})",
    lambda rng: f"query a SET statement_timeout = '{number(rng)}'",
    lambda rng: f"query a SELECT generate_series({number(rng)}, {number(rng)})",
    lambda rng: f"burst {number(rng)} SELECT pg_sleep({number(rng)})",
    lambda rng: f"fault {rng.choice(['firewall', 'slow-auth', 'max-connections', 'idle-session-timeout'])} {number(rng)}",
    lambda rng: f"lab {rng.choice(['fan-in', 'modes-side-by-side', 'proxy-fleet'])} "
                f"{rng.choice(['session', 'transaction', 'statement', argument(rng)])}",
    lambda rng: f"{rng.choice(['connect', 'disconnect'])} {argument(rng)}",
    lambda rng: f"send {rng.choice(['a', 'b'])} {rng.choice(['BEGIN', 'SELECT 1', 'COMMIT', 'SELECT pg_sleep(' + number(rng) + ')'])}",
    lambda rng: f"borrow as {argument(rng)} {rng.choice(['', '--wait'])}",
    lambda rng: f"events {number(rng)}",
    lambda rng: f"page {number(rng)}",
]


def shell_line(rng):
    if rng.random() < 0.4:
        return rng.choice(TEMPLATES)(rng)
    command = rng.choice(COMMANDS) if rng.random() < 0.9 else argument(rng)
    if command == "load":
        parts = ["load", "--arrival-rate", number(rng) if rng.random() < 0.3 else "100/s"]
        parts += [f"--requests {rng.choice(['10', '100', number(rng)])}"]
        for _ in range(rng.randrange(0, 4)):
            parts += [rng.choice(FLAGS), number(rng) if rng.random() < 0.7 else argument(rng)]
        return " ".join(parts)
    return " ".join([command] + [argument(rng) for _ in range(rng.randrange(0, 4))])


def run(command, stdin_bytes, timeout, cwd):
    """Returns (outcome, output): outcome is 'ok', 'crash:...' or 'hang'."""
    try:
        done = subprocess.run(
            command, input=stdin_bytes, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, cwd=cwd,
            env=dict(os.environ, POOLSCHOOL_HOME=os.path.join(cwd, "home"), NO_COLOR="1"))
    except subprocess.TimeoutExpired as expired:
        return "hang", (expired.stdout or b"") + (expired.stderr or b"")
    output = done.stdout + done.stderr
    if done.returncode < 0:
        return f"crash:signal {signal.Signals(-done.returncode).name}", output
    if done.returncode not in (0, 1, 2):
        return f"crash:exit {done.returncode}", output
    return "ok", output


class Tally:
    def __init__(self, name, keep):
        self.name, self.keep = name, keep
        self.runs = self.crashes = self.hangs = self.escapes = 0

    def record(self, outcome, output, sample, suffix):
        self.runs += 1
        escapes = output.count(b"\x1b")
        self.escapes += escapes
        if outcome == "ok" and escapes == 0:
            return
        if outcome == "hang":
            self.hangs += 1
        elif outcome.startswith("crash"):
            self.crashes += 1
        path = os.path.join(self.keep, f"{self.name}-{self.runs}{suffix}")
        with open(path, "wb") as file:
            file.write(sample)
        print(f"  {outcome if outcome != 'ok' else f'{escapes} ESC bytes'}: {path}", flush=True)

    def summary(self, inputs):
        return (f"{self.name}: {inputs} in {self.runs} runs: {self.crashes} crashes, {self.hangs} hangs, "
                f"{self.escapes} ESC bytes")


def fuzz_shell(rng, args, binary, scratch, keep):
    tally = Tally("shell-lines", keep)
    batch = 25
    for start in range(0, args.lines, batch):
        lines = [shell_line(rng) for _ in range(min(batch, args.lines - start))]
        if rng.random() < 0.15:
            lines.insert(0, SCENARIO)
        text = ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape")
        if rng.random() < 0.5:
            outcome, output = run([binary, "--lessons", os.path.join(ROOT, "Lessons")], text, args.timeout, scratch)
        else:
            script = os.path.join(scratch, "session.txt")
            with open(script, "wb") as file:
                file.write(text)
            outcome, output = run([binary, "run", script], b"", args.timeout, scratch)
        tally.record(outcome, output, text, ".txt")
    return tally, tally.summary(f"{args.lines} lines")


def mutate(rng, text):
    lines = text.split("\n")
    for _ in range(rng.randrange(1, 6)):
        index = rng.randrange(len(lines))
        roll = rng.random()
        if roll < 0.15:
            del lines[index]
        elif roll < 0.3:
            lines.insert(index, lines[rng.randrange(len(lines))])
        elif roll < 0.45:
            line = lines[index]
            if line:
                position = rng.randrange(len(line))
                lines[index] = line[:position] + rng.choice(["(", ")", ":", "-", "[", "{", "&a ", "*a", "\x1b[2J",
                                                                 "```", "---", "e308", "9" * 30]) + line[position:]
        elif roll < 0.55:
            deep = "(" * rng.choice([40, 5000]) + "1" + ")" * rng.choice([40, 5000])
            lines[index:index] = ["```question", "id: deep", "kind: numeric", "prompt: p", f"answer: ={deep}", "```"]
        elif roll < 0.65:
            long = "+".join([rng.choice(["1", "x", "-1"])] * rng.choice([50, 10_000]))
            lines[index:index] = ["```question", "id: long", "kind: numeric", "prompt: p", f"answer: ={long}", "```"]
        elif roll < 0.72:
            lines[index:index] = ["```params", f"p{rng.randrange(9)} = {number(rng)}..{number(rng)} "
                                  f"{rng.choice(['', 'ms', 's'])} {rng.choice(['', 'step ' + number(rng)])}", "```"]
        elif roll < 0.8:
            bomb = ["```question", "id: bomb", "kind: numeric", "prompt: p", "answer: 1", "? &a [x, x]", ": 1"]
            bomb += [f"? &{chr(98 + k)} [*{chr(97 + k)}, *{chr(97 + k)}]" for k in range(10)] + ["```"]
            lines[index:index] = bomb
        elif roll < 0.88:
            lines[index:index] = ["```lab", "scenario: reservation-desk", "steps:",
                                  f"  - {rng.choice(['load --svg x.svg --arrival-rate 1/s', 'check', 'replay a 1', shell_line(rng)])}",
                                  "```"]
        elif roll < 0.91:
            lines[index:index] = ["```params", f"setup = {number(rng)}..{number(rng)} ms", "```", "```question",
                                  f"id: e{rng.randrange(10**6)}", "kind: numeric", "prompt: p",
                                  f"answer: ={expression(rng)}", f"unit: {rng.choice(['ms', 's', '%', ''])}", "```"]
        elif roll < 0.94:
            lines[index:index] = ["```question", f"id: q{rng.randrange(10**6)}", "kind: numeric", "prompt: p",
                                  "answer: 1", "```"] * rng.choice([1, 300])
        elif roll < 0.97:
            lines.insert(index, "  " * rng.choice([3, 400]) + "- " * rng.choice([3, 400]) + "x")
        else:
            lines[index:index] = ["", rng.choice(["> ", "[", "**", "`", "_", "|", "# "]) * rng.choice([10, 5000]) + "x", ""]
    return "\n".join(lines)


def expression(rng, depth=0):
    """A random answer expression: numbers with units, params, calls, powers."""
    if depth > 4 or rng.random() < 0.3:
        return rng.choice(["1", "0", "99999999999999999999999", "0.5", "6 ms", "2 s", "75%", "x", "setup", "1 GB"])
    roll = rng.random()
    if roll < 0.5:
        return f"{expression(rng, depth + 1)} {rng.choice('+-*/^')} {expression(rng, depth + 1)}"
    if roll < 0.8:
        return f"{rng.choice(['min', 'max', 'ceil', 'floor', 'round', 'sqrt', 'abs', 'nope'])}({expression(rng, depth + 1)})"
    return f"-({expression(rng, depth + 1)})"


def fuzz_lessons(rng, args, binary, scratch, keep):
    tally = Tally("lesson-files", keep)
    folder = os.path.join(ROOT, "Lessons")
    shipped = sorted(os.path.join(folder, name) for name in os.listdir(folder)
                     if name.endswith(".md") and name != "README.md")
    lessons = os.path.join(scratch, "lessons")
    for _ in range(args.lessons):
        with open(rng.choice(shipped), encoding="utf-8") as file:
            text = mutate(rng, file.read())
        shutil.rmtree(lessons, ignore_errors=True)
        os.makedirs(lessons)
        path = os.path.join(lessons, "99-fuzzed.md")
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as file:
            file.write(text)
        outcome, output = run([binary, "lint", path], b"", args.timeout, scratch)
        if outcome == "ok":
            outcome, output = run([binary, "--lessons", lessons], b"lessons\nopen 99\nnext\nnext\n", args.timeout,
                                  scratch)
            output = b""  # the shell prints the lesson; its ESC bytes are counted by the line fuzzer's tally
        tally.record(outcome, output, text.encode("utf-8", "surrogateescape"), ".md")
    return tally, tally.summary(f"{args.lessons} files")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "1")))
    parser.add_argument("--lines", type=int, default=int(os.environ.get("FUZZ_LINES", "1500")))
    parser.add_argument("--lessons", type=int, default=int(os.environ.get("FUZZ_LESSONS", "150")))
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "poolschool"))
    args = parser.parse_args()
    keep = os.path.join(ROOT, ".build", "fuzz")
    os.makedirs(keep, exist_ok=True)
    rng = random.Random(args.seed)
    print(f"fuzzing with seed {args.seed} (failing inputs go to {keep})", flush=True)
    with tempfile.TemporaryDirectory(prefix="poolschool-fuzz-") as scratch:
        # A copy, so that a rebuild during the run neither fails it nor changes what is measured.
        binary = os.path.join(scratch, "poolschool")
        shutil.copy2(args.binary, binary)
        tallies = [fuzz_shell(rng, args, binary, scratch, keep), fuzz_lessons(rng, args, binary, scratch, keep)]
        stray = [name for name in os.listdir(scratch) if name.endswith(".svg")]
    for _, summary in tallies:
        print(summary)
    if stray:
        print(f"files written by fuzzed input: {stray}")
    found = any(tally.crashes or tally.hangs or tally.escapes for tally, _ in tallies)
    sys.exit(1 if found or stray else 0)


if __name__ == "__main__":
    main()
