"""The score and the list of equivalent mutants (no Swift compiled)."""

import os
import tempfile
import unittest

import operators
import run


def mutant(mutant_id):
    return operators.Mutant(mutant_id, "s.swift", 1, "flip-lt", "a < b", "a <= b", "")


class ScoreTests(unittest.TestCase):
    def test_equivalent_survivors_leave_the_score_and_killed_ones_stay_in_it(self):
        graded = [mutant(i) for i in ("a", "b", "c", "d")]
        outcomes = {
            "a": ("killed", "killed by 'first check': lent twice", 0.1),
            "b": ("survived", "", 0.1),
            "c": ("survived", "", 0.1),
            "d": ("killed", "timed out after 20 s", 0.1),
        }
        summary, survivors = run.tally(graded, outcomes, {"c": "same behaviour", "d": "thought so"})
        self.assertEqual([m.id for m in survivors], ["b"])
        self.assertEqual((summary["killed"], summary["non_equivalent"], summary["equivalent"]), (2, 3, 1))
        self.assertAlmostEqual(summary["score"], 0.6667)
        self.assertEqual(summary["killed_but_listed_equivalent"], ["d"])
        self.assertEqual(summary["kills_by_check"], {"first check": 1, "timed out after 20 s": 1})

    def test_an_equivalent_without_a_reason_is_refused(self):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as file:
            file.write("# comment\n\ns.swift:L1:flip-lt  same behaviour\ns.swift:L2:flip-gt\n")
        try:
            with self.assertRaises(SystemExit) as refused:
                run.load_equivalents(file.name)
            self.assertIn(":4: 's.swift:L2:flip-gt' has no reason", str(refused.exception))
        finally:
            os.remove(file.name)

    def test_the_checked_in_list_reads(self):
        equivalents = run.load_equivalents(os.path.join(run.HERE, "equivalent.txt"))
        self.assertTrue(all(reason for reason in equivalents.values()))
        self.assertTrue(all(":L" in mutant_id for mutant_id in equivalents))


if __name__ == "__main__":
    unittest.main()
