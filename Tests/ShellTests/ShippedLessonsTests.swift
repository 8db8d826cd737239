import Course
import Foundation
import Testing

@testable import Shell

/// The course as shipped: every lesson lints clean with the lab's scenarios, and its labs hold.
@Suite struct ShippedLessonsTests {
    static let folder = PoolschoolProcess.packageRoot.appendingPathComponent("Lessons").path

    @Test func everyShippedLessonLintsCleanWithItsLabsRun() {
        let catalog = CourseCatalog.load(folder: Self.folder)
        #expect(catalog.lessons.count >= 16)
        let problems = CourseCommandLine.linter.lint(catalog).map(\.description)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everyLessonCitesDocumentsOfTheBibliographyAndHasQuestions() throws {
        let catalog = CourseCatalog.load(folder: Self.folder)
        let sources = try #require(catalog.sources, "Lessons/SOURCES.md is read with the lessons")
        #expect(sources.entries.count == 5)
        for entry in sources.entries {
            #expect(entry.field("Title") != nil && entry.field("Covers") != nil, "\(entry.key)")
            #expect(entry.field("Document")?.hasSuffix(".txt`") == true, "\(entry.key) names its document")
        }
        for lesson in catalog.lessons {
            #expect(!lesson.sources.isEmpty && lesson.sources.allSatisfy { sources.entry($0) != nil }, "\(lesson.id)")
            #expect(lesson.questions.count >= 3, "\(lesson.id) has \(lesson.questions.count) questions")
            let listed = lesson.sources.allSatisfy {
                sources.entry($0)?.field("Lessons")?.contains(String(lesson.id.prefix(2))) == true
            }
            #expect(listed, "SOURCES.md lists \(lesson.id) under each document it cites")
        }
    }

    /// A lab's story cites its documents by the same keys as the lessons.
    @Test func everyScenarioStoryCitesKeysOfTheBibliography() throws {
        let sources = try #require(CourseCatalog.load(folder: Self.folder).sources)
        for scenario in LabScenario.catalog.dropFirst() {
            let cited = try #require(scenario.story.range(of: "*(sources: "), "\(scenario.name) cites its sources")
            let keys = scenario.story[cited.upperBound...].prefix { $0 != ";" && $0 != ")" }
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(!keys.isEmpty && keys.allSatisfy { sources.entry($0) != nil }, "\(scenario.name): \(keys)")
        }
    }

    @Test func anUnknownSourceIsReportedAtTheSourcesLineWithTheClosestKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("src-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# Sources\n\n## pooling-primer\n\n- **Title:** A primer\n".write(
            to: folder.appendingPathComponent("SOURCES.md"), atomically: true, encoding: .utf8)
        let lesson = "---\nid: 01-a\ntitle: A\norder: 1\nsources: [pooling-primr, pooling-primer]\n---\nText.\n"
        try lesson.write(to: folder.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        let result = try PoolschoolProcess.run(["lint", "--lessons", folder.path])
        #expect(result.status == 1)
        let file = folder.appendingPathComponent("01-a.md").path
        #expect(
            result.stdout.contains(
                "\(file):5: source 'pooling-primr' is not in SOURCES.md; did you mean 'pooling-primer'?"),
            "\(result.stdout)\(result.stderr)")
        try lesson.replacingOccurrences(of: "pooling-primr, ", with: "").write(
            to: folder.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        let clean = try PoolschoolProcess.run(["lint", "--lessons", folder.path])
        #expect(!clean.stdout.contains("SOURCES.md"), "\(clean.stdout)")
        let shown = try PoolschoolProcess.run(["--lessons", folder.path], input: "sources 01-a\n")
        #expect(shown.stdout.contains("pooling-primer: A primer"), "\(shown.stdout)")
    }

    @Test func aLabExpectationThatDoesNotHoldIsReportedOnItsBlock() throws {
        let block = try #require(
            LessonParser.parse(
                "---\nid: t\ntitle: T\norder: 1\nsources: [s.txt]\n---\n```lab\nscenario: reservation-desk\nsteps:\n  - burst 200\n  - release nobody\nexpect:\n  - waiting == 174\n  - nonsense > 1\n```\n",
                file: "t.md"
            ).lesson?.pages.first?.blocks.first)
        guard case .lab(let lab) = block else {
            Issue.record("expected a lab block")
            return
        }
        // After a step fails, the expectations would only fail with it: the step is the one message.
        #expect(
            LabBlockRunner.lint(lab) == [
                "lab step 'release nobody' failed: no borrower named \"nobody\" (there are none; start with borrow nobody)"
            ])
        let problems = LabBlockRunner.lintProblems(
            try #require(
                LessonParser.parse(
                    "---\nid: t\ntitle: T\norder: 1\nsources: [s.txt]\n---\n```lab\nscenario: reservation-desk\nsteps:\n  - burst 200\nexpect:\n  - waiting == 174\n  - nonsense > 1\n```\n",
                    file: "t.md"
                ).lesson?.pages.first?.blocks.first.flatMap { block -> LabBlock? in
                    if case .lab(let lab) = block { return lab }
                    return nil
                }))
        #expect(problems.map(\.line) == [12, 13])
        #expect(
            problems.map(\.message) == [
                "lab expectation 'waiting == 174' does not hold after the steps: it is 175",
                "lab expectation 'nonsense > 1': unknown metric 'nonsense'; use active, idle, waiting, total, pending, created, closed, borrows, waited, timeouts, validations_failed, leaks_reported, db_connections, db_refused, time_s, load_requests, load_completed, load_timeouts, load_errors, load_retries, load_p50_ms, load_p99_ms, load_mean_wait_ms, load_throughput, load_max_waiting, load_db_connections, load_created, load_utilisation",
            ])
    }
}

/// The allow-list of lab steps names lab commands only, and every shipped lesson keeps to it.
@Suite struct LabStepAllowListTests {
    @Test func everyAllowedStepIsALabCommandAndNothingElse() {
        for name in LabSteps.commands {
            let command = CommandTable.standard.command(named: name)
            #expect(command?.group == .lab, "\(name)")
        }
        #expect(LabBlockRunner.table.command(named: "check") == nil)
        #expect(LabBlockRunner.table.command(named: "replay") == nil)
        #expect(LabBlockRunner.table.command(named: "lab") == nil)
    }

    @Test func everyShippedLabStepIsAllowed() {
        for lesson in CourseCatalog.load(folder: ShippedLessonsTests.folder).lessons {
            for page in lesson.pages {
                for case .lab(let lab) in page.blocks {
                    for step in lab.steps { #expect(LabSteps.problem(step) == nil, "\(lesson.id): \(step)") }
                }
            }
        }
    }
}
