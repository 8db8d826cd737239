import Foundation
import Testing

@testable import Shell

/// The gradebook's quick JSON reader reads a report exactly as `JSONDecoder` does, and gives up (never crashes)
/// on anything that is not strict JSON, so that `JSONDecoder` can say what is wrong.
@Suite struct ReportJSONTests {
    static func sample(learner: String) -> LearnerReport {
        LearnerReport(
            learner: learner,
            lessons: [
                .init(
                    id: "01-a", title: "A \"quoted\" title / é", pages: 3, pagesSeen: 2,
                    questions: [
                        .init(
                            id: "q", version: "abc", answeredVersion: nil, attempts: 2, hints: 1, explained: false,
                            right: true,
                            earlier: [.init(version: nil, attempts: 3, hints: 0, explained: true, right: false)])
                    ],
                    labs: [.init(id: "lab-1", page: 2, scenario: "reservation-desk", passed: true)])
            ],
            exercises: [
                .init(
                    name: "waiting-pool", title: "Waiting", points: 15, score: 0, status: "failed", hints: 2,
                    rules: [.init(name: "times out\nafter 30 s", passed: false, reached: true)])
            ],
            totals: .init(questions: 1, right: 1, explained: 0, labs: 1, labsPassed: 1, points: 0, maxPoints: 15))
    }

    @Test(arguments: ["dana", "Zoë \"Z\" O'Neil", "tab\there", "emoji 😀", "back\\slash", "=SUM(A1)"])
    func aReportReadsBackAsJSONDecoderReadsIt(learner: String) throws {
        let report = Self.sample(learner: learner)
        for data in [Data(report.json().utf8), try JSONEncoder().encode(report)] {
            let tree = try #require(ReportJSON.parse(data))
            #expect(LearnerReport(json: tree) == report)
            #expect(try JSONDecoder().decode(LearnerReport.self, from: data) == report)
        }
    }

    @Test func escapesAndNumbersFollowTheStandard() throws {
        let text = #"{"a": "\u00e9\ud83d\ude00\n\/", "b": [-0.5e2, 0, 12, true, false, null], "c": {}}"#
        let tree = try #require(ReportJSON.parse(Data(text.utf8)))
        #expect(tree["a"]?.string == "é😀\n/")
        #expect(tree["b"] == .array([.number(-50), .number(0), .number(12), .bool(true), .bool(false), .null]))
        #expect(tree["c"] == .object([]))
        #expect(tree["b"]?.array?[1].int == 0)
        #expect(ReportJSON.number(1.5).int == nil)
    }

    @Test(arguments: [
        "", "{", "{\"a\":}", "[1,]", "{\"a\" 1}", "01", "1.", "+1", "\"\\x\"", "\"\u{01}\"", "\"\\ud83d\"", "nul",
        "{} {}", "[1 2]", "\"abc", "1e999",
    ])
    func notJSONIsGivenUpOn(text: String) {
        #expect(ReportJSON.parse(Data(text.utf8)) == nil, "\(text)")
    }

    @Test func deepNestingIsGivenUpOnWithoutExhaustingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(ReportJSON.parse(Data(deep.utf8)) == nil)
        let fine = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        #expect(ReportJSON.parse(Data(fine.utf8)) != nil)
    }

    @Test func aFieldOfTheWrongTypeIsNoReport() throws {
        var text = Self.sample(learner: "x").json()
        text = text.replacingOccurrences(of: "\"attempts\" : 2", with: "\"attempts\" : 2.5")
        let tree = try #require(ReportJSON.parse(Data(text.utf8)))
        #expect(LearnerReport(json: tree) == nil)
        #expect((try? JSONDecoder().decode(LearnerReport.self, from: Data(text.utf8))) == nil)
    }

    @Test func aHostileFileIsNamedByTheGradebook() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let deep = folder.url.appendingPathComponent("deep.json")
        try Data((String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000)).utf8).write(to: deep)
        let result = try PoolschoolProcess.run(["gradebook", deep.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(deep.path): not a poolschool report"), "\(result.stderr)")
    }
}
