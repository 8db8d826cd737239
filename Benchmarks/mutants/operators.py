"""Mutation operators for Swift source: each turns a reference solution into many small wrong variants.

Operators work on the whole file text, so that statements and calls spanning several lines are handled, and on a
masked copy in which comments and string contents are blanked, so that nothing in them is mutated. Every mutant
keeps the file's line count (a deleted span leaves its newlines), so the compiler's errors for a mutant point at
the original line numbers.

A mutant's id is `FILE:LLINE:OPERATOR`, with `#2`, `#3`, ... for a second or third mutant of the same operator
on the same line. It names the mutated line, not a position in a list, so ids stay stable while other parts of
the file change; that is what lets the list of equivalent mutants be checked in.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Mutant:
    id: str
    file: str
    line: int
    operator: str
    original: str
    mutated: str
    text: str


def mask(source):
    """The source with comments and the contents of string literals replaced by spaces (same length)."""
    out = list(source)
    i, n = 0, len(source)
    in_string = False
    while i < n:
        c = source[i]
        if in_string:
            if c == "\\":
                out[i] = " "
                if i + 1 < n and source[i + 1] != "\n":
                    out[i + 1] = " "
                i += 2
                continue
            if c == '"' or c == "\n":
                in_string = False
            else:
                out[i] = " "
        elif c == '"':
            in_string = True
        elif source.startswith("//", i):
            while i < n and source[i] != "\n":
                out[i] = " "
                i += 1
            continue
        i += 1
    return "".join(out)


OPEN, CLOSE = "([{", ")]}"


def matching(masked, start):
    """Index just past the bracket that closes the one at `start`."""
    depth = 0
    for i in range(start, len(masked)):
        if masked[i] in OPEN:
            depth += 1
        elif masked[i] in CLOSE:
            depth -= 1
            if depth == 0:
                return i + 1
    raise ValueError(f"unbalanced bracket at offset {start}")


def blank(text):
    """What replaces a deleted span: only its newlines, so that later lines keep their numbers."""
    return "\n" * text.count("\n")


def one_line(text):
    return re.sub(r"\s*\n\s*", " ", text)


# Each simple operator: (name, pattern on the masked text, replacement for the matched text).
SPACED = r"(?<= ){}(?= )"
SIMPLE = [
    ("flip-lt", SPACED.format("<"), lambda m: "<="),
    ("flip-le", SPACED.format("<="), lambda m: "<"),
    ("flip-gt", SPACED.format(">"), lambda m: ">="),
    ("flip-ge", SPACED.format(">="), lambda m: ">"),
    ("flip-eq", SPACED.format("=="), lambda m: "!="),
    ("flip-ne", SPACED.format("!="), lambda m: "=="),
    ("and-or", SPACED.format("&&"), lambda m: "||"),
    ("or-and", SPACED.format(r"\|\|"), lambda m: "&&"),
    ("min-max", r"(?<![\w.])min(?=\()", lambda m: "max"),
    ("max-min", r"(?<![\w.])max(?=\()", lambda m: "min"),
    # Integer literals, not parts of identifiers, closure arguments ($0) or floating-point numbers.
    ("lit-plus1", r"(?<![\w.$])\d[\d_]*(?!\w|\.\d)", lambda m: str(int(m.group().replace("_", "")) + 1)),
    ("lit-minus1", r"(?<![\w.$])\d[\d_]*(?!\w|\.\d)", lambda m: str(int(m.group().replace("_", "")) - 1)),
    ("count-plus1", r"(?<![\w.])[A-Za-z_][\w.]*\.count\b(?!\s*\()", lambda m: f"({m.group()} + 1)"),
    ("count-minus1", r"(?<![\w.])[A-Za-z_][\w.]*\.count\b(?!\s*\()", lambda m: f"({m.group()} - 1)"),
    ("error-shutdown", r"\.cancelled\b", lambda m: ".shutDown"),
    ("error-cancelled", r"\.shutDown\b", lambda m: ".cancelled"),
    # FIFO <-> LIFO.
    ("remove-first-last", r"\.removeFirst\(\)", lambda m: ".removeLast()"),
    ("remove-last-first", r"\.removeLast\(\)", lambda m: ".removeFirst()"),
    ("pop-last-first", r"(?<![\w.])([A-Za-z_][\w.]*)\.popLast\(\)",
     lambda m: f"({m.group(1)}.isEmpty ? nil : {m.group(1)}.removeFirst())"),
    ("first-last", r"\.first\b", lambda m: ".last"),
    ("last-first", r"\.last\b", lambda m: ".first"),
    ("first-index-last", r"\.firstIndex\b", lambda m: ".lastIndex"),
    ("last-index-first", r"\.lastIndex\b", lambda m: ".firstIndex"),
]

# Errors with a payload, replaced whole (the call's parentheses may span lines).
ERROR_CALLS = r"(PoolError)?\.(?:timedOut|poolFull|connectFailed)\("
ACTION = r"(?m)^[ \t]*(actions\.append\()"
TIMER_ACTION = re.compile(r"actions\.append\(\s*\.(?:scheduleTimer|cancelTimer)\b")
# Timer calls of an actor that runs its own timers (exercise 7): a statement on one line.
TIMER_CALL = r"(?m)^[ \t]*((?:schedule\(|[\w.\[\]?]*(?:timers\b)[\w.\[\]()?:, ]*\.cancel\(\)).*)$"
NO_OP = "_ = ()"


def candidates(source, masked):
    """Every (offset, end, replacement, operator) the operators propose, in file order."""
    found = []
    for name, pattern, replace in SIMPLE:
        for m in re.finditer(pattern, masked):
            found.append((m.start(), m.end(), replace(m), name))
    for m in re.finditer(ERROR_CALLS, masked):
        end = matching(masked, m.end() - 1)
        found.append((m.start(), end, (m.group(1) or "") + ".shutDown" + blank(source[m.start():end]),
                      "error-shutdown"))
    for m in re.finditer(r"(?<![\w.])([A-Za-z_][\w.]*)\.append\(", masked):
        if m.group(1) == "actions":
            continue
        end = matching(masked, m.end() - 1)
        argument = source[m.end():end - 1]
        found.append((m.start(), end, f"{m.group(1)}.insert({argument}, at: 0)", "append-insert0"))
    for m in re.finditer(ACTION, masked):
        start = m.start(1)
        end = matching(masked, m.end(1) - 1)
        statement = source[start:end]
        skip = "skip-timer" if TIMER_ACTION.match(masked[start:end]) else "drop-action"
        found.append((start, end, NO_OP + blank(statement), skip))
        found.append((start, end, statement + "; " + one_line(statement), "dup-action"))
    for m in re.finditer(TIMER_CALL, masked):
        found.append((m.start(1), m.end(1), NO_OP, "skip-timer"))
    found.extend(conditions(source, masked))
    return sorted(found, key=lambda c: c[0])


def conditions(source, masked):
    """Each clause of an `if` or `guard` condition forced true or false, and if/else branches swapped."""
    found = []
    for m in re.finditer(r"(?<![\w.])(if|guard)\s", masked):
        before = masked[:m.start()].rstrip(" \t")
        if before and not (before.endswith("\n") or before.endswith("else") or before.endswith("{")):
            continue
        keyword = m.group(1)
        clauses, body = split_condition(masked, m.end(), keyword)
        if body is None:
            continue
        plain = [(s, e) for s, e in clauses if not re.search(r"(?<![\w.])(let|var|case)\b", masked[s:e])]
        for s, e in plain:
            found.append((s, e, "true" + blank(source[s:e]), f"{keyword}-true"))
            found.append((s, e, "false" + blank(source[s:e]), f"{keyword}-false"))
        if keyword == "if" and len(clauses) == 1 and plain and has_plain_else(masked, body):
            s, e = plain[0]
            found.append((s, e, f"!({source[s:e]})", "swap-branches"))
    return found


def split_condition(masked, start, keyword):
    """The clauses (start, end) of a condition, and where its body's brace is (None if not understood)."""
    clauses, depth, clause_start, i = [], 0, start, start
    while i < len(masked):
        c = masked[i]
        if c in OPEN and not (c == "{" and depth == 0 and keyword == "if"):
            depth += 1
        elif c in CLOSE:
            depth -= 1
        elif depth == 0 and c == ",":
            clauses.append(trimmed(masked, clause_start, i))
            clause_start = i + 1
        elif depth == 0 and keyword == "if" and c == "{":
            clauses.append(trimmed(masked, clause_start, i))
            return clauses, i
        elif depth == 0 and keyword == "guard" and re.match(r"(?<![\w.])else\b", masked[i:]) \
                and not re.match(r"[\w.]", masked[i - 1]):
            clauses.append(trimmed(masked, clause_start, i))
            return clauses, i
        i += 1
    return clauses, None


def trimmed(masked, start, end):
    while start < end and masked[start].isspace():
        start += 1
    while end > start and masked[end - 1].isspace():
        end -= 1
    return start, end


def has_plain_else(masked, brace):
    """Whether the block opening at `brace` is followed by `else {` (not `else if`)."""
    after = masked[matching(masked, brace):]
    return re.match(r"\s*else\s*\{", after) is not None


def mutants(file, source):
    """Every distinct mutant of `source` (named `file` in ids), in file order."""
    masked = mask(source)
    lines = source.split("\n")
    seen = {source}
    per_line = {}
    result = []
    for start, end, replacement, operator in candidates(source, masked):
        text = source[:start] + replacement + source[end:]
        if text in seen:
            continue
        seen.add(text)
        line = source.count("\n", 0, start) + 1
        key = (line, operator)
        per_line[key] = per_line.get(key, 0) + 1
        suffix = "" if per_line[key] == 1 else f"#{per_line[key]}"
        # A mutation spanning lines is shown as one line.
        mutated = one_line("\n".join(text.split("\n")[line - 1:line + replacement.count("\n")]))
        result.append(Mutant(
            id=f"{file}:L{line}:{operator}{suffix}", file=file, line=line, operator=operator,
            original=lines[line - 1].strip(), mutated=mutated.strip(), text=text))
    return result
