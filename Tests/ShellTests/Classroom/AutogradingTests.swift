import Course
import Foundation
import Grading
import Testing

/// `.github/classroom/autograding.json`, GitHub Classroom's autograding file, matches the exercise catalog: one
/// test per exercise, its points, a filter that selects exactly that exercise's graded test, and a guard that
/// fails an exercise the learner has not started (its graded test is skipped, which `swift test` counts as a pass).
@Suite struct AutogradingTests {
    struct Autograding: Decodable {
        struct Test: Decodable {
            var name: String
            var setup: String
            var run: String
            var timeout: Int
            var points: Int
        }
        var tests: [Test]
    }

    static let root = PoolschoolProcess.packageRoot

    static func load() throws -> Autograding {
        try JSONDecoder().decode(
            Autograding.self, from: Data(contentsOf: root.appendingPathComponent(".github/classroom/autograding.json")))
    }

    static func guardCommand(_ exercise: GradedExercise) -> String {
        "! grep -Eq '^[[:space:]]*extension \(exercise.typeName): Unattempted [{][}][[:space:]]*$' \(exercise.file)"
    }

    @Test func oneTestPerExerciseWithTheCatalogsNameAndPoints() throws {
        let file = try Self.load()
        let catalog = ExerciseCatalog.load(path: Self.root.appendingPathComponent(ExerciseCatalog.defaultPath).path)
        #expect(catalog.diagnostics.isEmpty)
        #expect(file.tests.count == catalog.exercises.count)
        for (test, entry) in zip(file.tests, catalog.exercises) {
            let graded = try #require(GradedExercise.named(entry.name))
            #expect(test.name == "\(entry.name): \(entry.title)")
            #expect(test.points == entry.points, "\(entry.name)")
            #expect(test.run == Self.guardCommand(graded) + " && swift test --filter ExerciseTests.\(graded.tests)")
            #expect(test.timeout >= 10, "the first build of the tests takes minutes on a runner")
        }
    }

    @Test func eachFilterSelectsOnlyItsExercisesGradedTest() throws {
        // Every test type in every test target, as swift test names them: Target.Type.
        var suites: [String: String] = [:]
        let tests = Self.root.appendingPathComponent("Tests")
        let walker = try #require(FileManager.default.enumerator(atPath: tests.path))
        while let path = walker.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let target = String(path.prefix { $0 != "/" })
            let text = try String(contentsOf: tests.appendingPathComponent(path), encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"(?m)^\s*(?:final\s+)?(?:struct|class|enum)\s+(\w+)"#)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let name = (text as NSString).substring(with: match.range(at: 1))
                suites["\(target).\(name)"] = text
            }
        }
        #expect(suites.count > 50)
        for test in try Self.load().tests {
            let filter = try #require(test.run.components(separatedBy: "--filter ").last)
            let regex = try NSRegularExpression(pattern: filter)
            let selected = suites.keys.filter {
                regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil
            }
            let name = String(test.name.prefix { $0 != ":" })
            let exercise = try #require(GradedExercise.named(name))
            #expect(selected == ["ExerciseTests.\(exercise.tests)"], "\(filter) selects \(selected)")
            // The selected suite grades that exercise's file.
            #expect(suites["ExerciseTests.\(exercise.tests)"]?.contains("@Test(\"\(exercise.file)\"") == true)
        }
    }

    @Test func theGuardFailsAShippedStubAndPassesAStartedExercise() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("autograde-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: project.appendingPathComponent("Exercises"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        for test in try Self.load().tests {
            let guardPart = try #require(test.run.components(separatedBy: " && ").first)
            let name = String(test.name.prefix { $0 != ":" })
            let exercise = try #require(GradedExercise.named(name))
            let stub = try String(contentsOf: Self.root.appendingPathComponent(exercise.file), encoding: .utf8)
            let target = project.appendingPathComponent(exercise.file)
            try stub.write(to: target, atomically: true, encoding: .utf8)
            #expect(try Self.shell(guardPart, in: project) == 1, "\(name): a shipped stub must not earn points")
            let started = stub.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { $0.trimmingCharacters(in: .whitespaces) != UnattemptedMarker.line(for: exercise.typeName) }
                .joined(separator: "\n")
            #expect(started != stub, "\(name): the stub carries its marker")
            try started.write(to: target, atomically: true, encoding: .utf8)
            #expect(try Self.shell(guardPart, in: project) == 0, "\(name): a started exercise goes on to swift test")
        }
    }

    static func shell(_ command: String, in folder: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
