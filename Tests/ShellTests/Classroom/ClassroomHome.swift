import Foundation

/// A learner's poolschool home that lasts across several runs of the executable, with a lessons folder.
struct ClassroomHome {
    let url: URL
    var path: String { url.path }
    var progressFile: String { path + "/progress.json" }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("classroom-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Runs `poolschool ARGUMENTS` as `learner` with this home, the lessons of `lessons` (default: the shipped
    /// course) and, in `directory`, that project.
    func run(
        _ arguments: [String], input: String = "", learner: String = "dana", lessons: String? = nil,
        directory: String? = nil, environment: [String: String] = [:]
    ) throws -> PoolschoolProcess.Result {
        var variables = ["POOLSCHOOL_HOME": path, "POOLSCHOOL_LEARNER": learner]
        if let lessons { variables["POOLSCHOOL_LESSONS"] = lessons }
        variables.merge(environment) { _, given in given }
        return try PoolschoolProcess.run(
            arguments, input: input, environment: variables,
            directory: directory ?? PoolschoolProcess.packageRoot.path)
    }

    /// `poolschool report --json -`, parsed.
    func report(lessons: String? = nil, directory: String? = nil) throws -> [String: Any] {
        let result = try run(["report", "--json", "-"], lessons: lessons, directory: directory)
        guard result.status == 0,
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        else { throw ReportError(text: result.stdout + result.stderr) }
        return object
    }

    struct ReportError: Error {
        let text: String
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// A question's record in a parsed report.
func questionRecord(_ report: [String: Any], lesson: String, question: String) -> [String: Any]? {
    let lessons = report["lessons"] as? [[String: Any]] ?? []
    let questions = lessons.first { $0["id"] as? String == lesson }?["questions"] as? [[String: Any]] ?? []
    return questions.first { $0["id"] as? String == question }
}
