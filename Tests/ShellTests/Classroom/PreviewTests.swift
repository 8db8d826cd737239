import Foundation
import Testing

/// `poolschool preview`, run as an instructor runs it: a lesson as one learner sees it, with keys, hints,
/// explanations and each lab's run; on the shipped course and on a lesson written from the guide alone.
@Suite struct PreviewTests {
    @Test func aShippedLessonShowsItsKeysHintsExplanationsAndLab() throws {
        let result = try PoolschoolProcess.run(["preview", "03-borrow-and-backpressure", "--as", "alice"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Preview of 03-borrow-and-backpressure for 'alice'"))
        #expect(result.stdout.contains("Params drawn for this learner: burst = "))
        #expect(result.stdout.contains("Key for lifecycle (version "))
        #expect(result.stdout.contains("Hint 1: It begins with a borrow"))
        #expect(result.stdout.contains("Explanation: Borrow (ask, then receive or wait)"))
        #expect(result.stdout.contains("Lab desk-burst (lab reservation-desk, then lab check desk-burst"))
        #expect(result.stdout.contains("Asks for a prediction first: question burst-waiting"))
        #expect(result.stdout.contains("Explained after a pass: The pool is full at 25"))
        #expect(result.stdout.contains("Blanks filled with their samples: time = 700ms"))
        #expect(result.stdout.contains("✓ active == 25 (it is 25)"))
        #expect(result.stdout.contains("page 5 of 5"))
    }

    @Test func everyShippedLessonPreviewsWithItsLabsHolding() throws {
        let folder = PoolschoolProcess.packageRoot.appendingPathComponent("Lessons")
        let lessons = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && $0.first?.isNumber == true }.sorted()
        #expect(lessons.count >= 16)
        for lesson in lessons {
            let result = try PoolschoolProcess.run(["preview", folder.appendingPathComponent(lesson).path])
            #expect(result.status == 0, "\(lesson): \(result.stderr)")
            #expect(result.stdout.contains("Preview of "), "\(lesson)")
        }
    }

    @Test func theSameLearnerGetsTheSamePreviewAndAnotherGetsOtherNumbers() throws {
        let alice = try PoolschoolProcess.run(["preview", "02-connection-cost", "--as", "alice"])
        let again = try PoolschoolProcess.run(["preview", "02-connection-cost", "--as", "alice"])
        let bob = try PoolschoolProcess.run(["preview", "02-connection-cost", "--as", "bob"])
        #expect(alice.status == 0 && bob.status == 0)
        #expect(alice.stdout == again.stdout)
        let params = { (text: String) in text.split(separator: "\n").first { $0.hasPrefix("Params drawn") } }
        #expect(params(alice.stdout) != nil)
        #expect(params(alice.stdout) != params(bob.stdout))
        // --seed N is a learner too: the same seed, the same numbers.
        let seeded = try PoolschoolProcess.run(["preview", "02-connection-cost", "--seed", "7"])
        let seededAgain = try PoolschoolProcess.run(["preview", "02-connection-cost", "--seed", "7"])
        #expect(seeded.stdout.contains("(seed 7)"))
        #expect(seeded.stdout == seededAgain.stdout)
    }

    @Test func aGuideLessonShowsEveryKindOfKeyInTheLearnersLetters() throws {
        let lesson = try GuideLesson()
        defer { lesson.remove() }
        let result = try PoolschoolProcess.run(["preview", lesson.file, "--as", "carol"])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let out = result.stdout
        #expect(out.contains("Key for share"))
        #expect(out.contains("from = setup / (setup + query)"))
        #expect(out.contains("Key for fixed (version") && out.contains("6 ms (tolerance"))
        #expect(out.contains("Key for mode (version") && out.contains("hidden (a salted hash); try an answer with"))
        #expect(out.contains("Key for pick"))
        #expect(out.contains("\"discard all\" or /discard\\s+all;?/"))
        #expect(out.contains("Key for steps"))
        #expect(out.contains("Hint 1: It is the strictest mode."))
        #expect(out.contains("Explanation: (none)"))
        #expect(out.contains("Lab desk-thirty") && out.contains("Lab desk-again") && out.contains("Lab one-borrow"))
        #expect(out.contains("then lab check desk-again"))
        #expect(out.contains("✓ waiting == 5 (it is 5)"))
        #expect(out.contains("✓ active == 1 (it is 1)"))
        // The multi key names the letters this learner sees: the ones their page shows for those choices.
        let lines = out.split(separator: "\n").map(String.init)
        func shownLetter(_ choice: String) -> String? {
            lines.first { $0.hasSuffix(") " + choice) && $0.count == choice.count + 3 }.map { String($0.prefix(1)) }
        }
        let prepared = try #require(shownLetter("prepared statements"))
        let temporary = try #require(shownLetter("temporary tables"))
        let key = [(prepared, "prepared statements"), (temporary, "temporary tables")].sorted { $0.0 < $1.0 }
            .map { "\($0.0)) \($0.1)" }.joined(separator: "; ")
        #expect(out.contains(key), "\(key)")
    }

    @Test func aHiddenKeyIsCheckedAgainstAGivenAnswer() throws {
        let lesson = try GuideLesson()
        defer { lesson.remove() }
        let right = try PoolschoolProcess.run([
            "preview", lesson.file, "--answer", "mode=statement", "--answer", "hidden-number=40",
            "--answer", "hidden-text=DISCARD  ALL",
        ])
        #expect(right.status == 0, "\(right.stderr)")
        #expect(right.stdout.contains("--answer mode=statement: ✓ matches the key"))
        #expect(right.stdout.contains("--answer hidden-number=40: ✓ matches the key"))
        #expect(right.stdout.contains("--answer hidden-text=DISCARD ALL: ✓ matches the key"))
        // A hint that spells out a hidden answer gives it away; the one for 'mode' does not.
        #expect(right.stdout.contains("⚠ hint 1 contains 'discard all', the hidden answer"))
        #expect(!right.stdout.contains("⚠ hint 1 contains 'statement'"))
        let wrong = try PoolschoolProcess.run(["preview", lesson.file, "--answer", "mode=session"])
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("--answer mode=session: ✗ does not match (wrong)"))
        #expect(wrong.stderr.contains("✗ --answer mode=session does not match the key"))
    }

    @Test func aLabCheckThatDoesNotHoldFailsThePreview() throws {
        let lesson = try GuideLesson(lab2Expect: "waiting == 999")
        defer { lesson.remove() }
        let result = try PoolschoolProcess.run(["preview", lesson.file])
        #expect(result.status == 1)
        #expect(result.stdout.contains("✗ waiting == 999 (it is 5)"))
        #expect(result.stderr.contains("✗ desk-again: expectation waiting == 999 (it is 5) does not hold"))
    }

    @Test func badRequestsAreUsageErrorsThatSayWhatIsAccepted() throws {
        let lesson = try GuideLesson()
        defer { lesson.remove() }
        let unknownQuestion = try PoolschoolProcess.run(["preview", lesson.file, "--answer", "nope=1"])
        #expect(unknownQuestion.status == 2)
        #expect(unknownQuestion.stderr.contains("--answer names no question 'nope' of 90-from-the-guide"))
        #expect(unknownQuestion.stderr.contains("share, fixed, mode"))
        let noEquals = try PoolschoolProcess.run(["preview", lesson.file, "--answer", "mode"])
        #expect(noEquals.status == 2)
        #expect(noEquals.stderr.contains("--answer 'mode' must be QID=TEXT"))
        let both = try PoolschoolProcess.run(["preview", lesson.file, "--as", "a", "--seed", "3"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("give --seed N or --as NAME, not both"))
        let typo = try PoolschoolProcess.run(["preview", "03-borow-and-backpressure"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("no lesson '03-borow-and-backpressure'"))
        #expect(typo.stderr.contains("did you mean '03-borrow-and-backpressure'?"))
        let nothing = try PoolschoolProcess.run(["preview"])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("name a lesson"))
        let broken = lesson.folder.url.appendingPathComponent("91-broken.md")
        try "---\nid: 91-broken\n---\n".write(to: broken, atomically: true, encoding: .utf8)
        let unreadable = try PoolschoolProcess.run(["preview", broken.path])
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr.contains("cannot read the lesson"))
        #expect(unreadable.stderr.contains("91-broken.md:"))
    }

    @Test func helpListsPreviewReportAndGradebook() throws {
        let result = try PoolschoolProcess.run(["--help"])
        for command in ["preview", "report", "gradebook"] {
            #expect(result.stdout.contains("  \(command) "), "\(command)")
        }
        let preview = try PoolschoolProcess.run(["help", "preview"])
        #expect(preview.stdout.contains("--all-seeds"))
        #expect(preview.stdout.contains("--answer"))
    }
}
