import Course
import Foundation
import Grading
import Testing

/// The catalog (`Exercises/exercises.yaml`) is where an exercise is defined; everything else about it must agree:
/// Grading's named exercises, the stub, the reference solution and the ExerciseTests file.
@Suite struct CatalogAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let catalog = ExerciseCatalog.load(path: root.appendingPathComponent(ExerciseCatalog.defaultPath).path)

    @Test func theCatalogReadsClean() {
        #expect(Self.catalog.diagnostics.isEmpty, "\(Self.catalog.diagnostics.map(\.description))")
        #expect(!Self.catalog.exercises.isEmpty)
    }

    @Test func gradingsNamedExercisesAreTheCatalogs() {
        for graded in GradedExercise.all {
            guard let entry = Self.catalog.entry(named: graded.name) else {
                Issue.record("GradedExercise.\(graded.name) is not in the catalog")
                continue
            }
            #expect(graded.file == entry.file, "\(graded.name): Grading says \(graded.file), the catalog \(entry.file)")
            #expect(
                graded.typeName == entry.type,
                "\(graded.name): Grading says \(graded.typeName), the catalog \(entry.type)")
            #expect(
                graded.tests == entry.tests, "\(graded.name): Grading says \(graded.tests), the catalog \(entry.tests)")
        }
    }

    @Test(arguments: catalog.exercises.map(\.name))
    func theFilesAgreeWithTheEntry(_ name: String) throws {
        let entry = try #require(Self.catalog.entry(named: name))
        let declaration = try NSRegularExpression(pattern: "(struct|enum|actor|class) \(entry.type)\\b")
        for file in [entry.file, entry.solutionFile] {
            let text = try String(contentsOf: Self.root.appendingPathComponent(file), encoding: .utf8)
            let found = declaration.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            #expect(found != nil, "\(file) must declare \(entry.type), the catalog's type for \(name)")
        }
        let tests = try String(contentsOf: Self.root.appendingPathComponent(entry.testFile), encoding: .utf8)
        #expect(tests.contains("struct \(entry.tests)"), "\(entry.testFile) must declare the suite \(entry.tests)")
        #expect(tests.contains("\(entry.type).self"), "\(entry.testFile) must grade \(entry.type)")
    }

    /// Each exercise's grader is proven by a broken set: deliberately wrong implementations that must fail it.
    @Test func everyExerciseHasABrokenSet() {
        let suites =
            BrokenImplementationTests.cases.map(\.suite) + BrokenAsyncPoolTests.cases.map(\.suite)
            + WrongPoolTests.cases.map(\.suite) + [SizingSuite.suite(AddsOneToRoundUp.self)]
        let proven = Set(suites.map(\.exercise))
        for entry in Self.catalog.exercises {
            #expect(
                proven.contains(entry.name), "no broken implementation in GradingTests fails \(entry.name)'s grader")
        }
    }

    /// A broken catalog is caught, not trusted: the same checks fail on an entry that names the wrong type.
    @Test func aWrongTypeIsCaught() throws {
        let entry = try #require(Self.catalog.entry(named: "waiting-pool"))
        let text = try String(contentsOf: Self.root.appendingPathComponent(entry.file), encoding: .utf8)
        let declaration = try NSRegularExpression(pattern: "(struct|enum|actor|class) LeakDetectingPool\\b")
        #expect(declaration.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil)
    }
}
