"""The mutation operators on a small Swift snippet: which mutants, with which ids, and that ids are stable.

Run by `make test` (python3 -m unittest); compiles nothing.
"""

import unittest

import operators

SNIPPET = """\
struct Pool {
    var idle: [Int] = []
    var waiters: [Int] = []
    mutating func handle(_ now: Int, into actions: inout [Action]) {
        // A comment is not mutated: < 1 actions.append(.x)
        if waiters.count < 2 && now >= 1 {
            actions.append(
                .scheduleTimer(now))
        } else {
            idle.append(waiters.removeFirst())
        }
        guard let first = idle.first, first != 0 else { return }
        actions.append(.fail(.cancelled, "nor a string: x < 1"))
        let error = PoolError.timedOut(
            after: 3)
        _ = max(error, idle.popLast())
        while let next = idle.popLast(), next > 0 {}
    }
}
"""


def by_id(source=SNIPPET):
    return {m.id.split(":", 1)[1]: m for m in operators.mutants("s.swift", source)}


class OperatorTests(unittest.TestCase):
    def test_every_operator_yields_the_expected_mutants(self):
        self.assertEqual(list(by_id()), [
            "L6:count-plus1", "L6:count-minus1", "L6:if-true", "L6:if-false", "L6:swap-branches", "L6:flip-lt",
            "L6:lit-plus1", "L6:lit-minus1", "L6:and-or", "L6:flip-ge", "L6:lit-plus1#2", "L6:lit-minus1#2",
            "L7:skip-timer", "L7:dup-action", "L10:append-insert0", "L10:remove-first-last", "L12:first-last",
            "L12:guard-true", "L12:guard-false", "L12:flip-ne", "L12:lit-plus1", "L12:lit-minus1",
            "L13:drop-action", "L13:dup-action", "L13:error-shutdown", "L14:error-shutdown", "L15:lit-plus1",
            "L15:lit-minus1", "L16:max-min", "L16:pop-last-first", "L17:pop-last-first", "L17:flip-gt",
            "L17:lit-plus1", "L17:lit-minus1",
        ])

    def test_mutated_lines(self):
        mutants = by_id()
        expected = {
            "L6:count-plus1": "if (waiters.count + 1) < 2 && now >= 1 {",
            "L6:swap-branches": "if !(waiters.count < 2 && now >= 1) {",
            "L6:flip-ge": "if waiters.count < 2 && now > 1 {",
            "L6:lit-minus1#2": "if waiters.count < 2 && now >= 0 {",
            "L6:and-or": "if waiters.count < 2 || now >= 1 {",
            "L7:skip-timer": "_ = ()",
            "L7:dup-action": "actions.append( .scheduleTimer(now)); actions.append( .scheduleTimer(now))",
            "L10:append-insert0": "idle.insert(waiters.removeFirst(), at: 0)",
            "L12:guard-true": "guard let first = idle.first, true else { return }",
            "L13:drop-action": "_ = ()",
            "L13:error-shutdown": 'actions.append(.fail(.shutDown, "nor a string: x < 1"))',
            "L14:error-shutdown": "let error = PoolError.shutDown",
            "L16:max-min": "_ = min(error, idle.popLast())",
            "L16:pop-last-first": "_ = max(error, (idle.isEmpty ? nil : idle.removeFirst()))",
        }
        for mutant_id, line in expected.items():
            self.assertEqual(mutants[mutant_id].mutated, line, mutant_id)

    def test_comments_strings_and_loops_are_left_alone(self):
        mutants = by_id()
        self.assertFalse([i for i in mutants if i.startswith("L5:")], "a comment was mutated")
        self.assertNotIn("L13:flip-lt", mutants, "a string was mutated")
        self.assertNotIn("L17:if-true", mutants)
        self.assertNotIn("L12:if-true", mutants, "a clause that binds (let) cannot be forced")

    def test_every_mutant_keeps_the_line_count_and_differs(self):
        for mutant in operators.mutants("s.swift", SNIPPET):
            self.assertEqual(mutant.text.count("\n"), SNIPPET.count("\n"), mutant.id)
            self.assertNotEqual(mutant.text, SNIPPET, mutant.id)
        texts = [m.text for m in operators.mutants("s.swift", SNIPPET)]
        self.assertEqual(len(texts), len(set(texts)), "two ids for one mutant")

    def test_ids_are_stable(self):
        self.assertEqual(list(by_id()), list(by_id()))
        # Changing one line (keeping the line count) changes the ids of that line only.
        edited = SNIPPET.replace("_ = max(error, idle.popLast())", "_ = error")
        before = {i: m.mutated for i, m in by_id().items() if not i.startswith("L16:")}
        after = {i: m.mutated for i, m in by_id(edited).items() if not i.startswith("L16:")}
        self.assertEqual(before, after)
        self.assertEqual(by_id()["L6:lit-plus1#2"].id, "s.swift:L6:lit-plus1#2")


if __name__ == "__main__":
    unittest.main()
