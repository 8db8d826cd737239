import Course
import Foundation

/// `poolschool gradebook FILES|DIR`: merges a class's `report --json` files.
public enum GradebookCommandLine {
    /// Where to write: any of the three, or none for Markdown on standard output.
    public struct Outputs: Sendable {
        public var csv: String?
        public var markdown: String?
        public var html: String?

        public init(csv: String?, markdown: String?, html: String?) {
            self.csv = csv
            self.markdown = markdown
            self.html = html
        }
    }

    /// Largest report read: a whole course's record is tens of kilobytes.
    static let largestReport = 4 << 20

    public static func run(paths: [String], outputs: Outputs, environment: [String: String]) -> ExitStatus {
        let output = GatedOutput(StandardOutput())
        func say(_ text: String) { output.write("poolschool gradebook: " + Sanitizer.clean(text) + "\n", error: true) }
        var files: [String] = []
        for path in paths {
            switch list(path) {
            case .success(let found): files += found
            case .failure(let problem):
                say(problem.message)
                return .usage
            }
        }
        guard !files.isEmpty else {
            say(
                "no report files (*.json) in \(paths.joined(separator: ", ")); make them with `poolschool report --json FILE`"
            )
            return .failure
        }
        var reports: [LearnerReport] = []
        var bad = 0
        var seen: [String: String] = [:]
        for (file, result) in zip(files, read(files)) {
            switch result {
            case .success(let report):
                if let other = seen[report.learner] {
                    say("\(file): learner '\(report.learner)' also has a report in \(other); both are counted")
                }
                seen[report.learner] = file
                reports.append(report)
            case .failure(let problem):
                say("\(file): \(problem.message)")
                bad += 1
            }
        }
        let catalog = ExerciseCatalog.load(
            path: (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(
                ExerciseCatalog.defaultPath))
        let points = Dictionary(catalog.exercises.map { ($0.name, $0.points) }, uniquingKeysWith: { first, _ in first })
        let book = Gradebook(reports: reports, points: points)
        let written: [(String?, () -> String)] = [
            (outputs.csv, book.csv), (outputs.markdown, book.markdown), (outputs.html, book.html),
        ]
        if written.allSatisfy({ $0.0 == nil }) {
            output.write(Sanitizer.clean(book.markdown()), error: false)
        }
        for case (let path?, let render) in written {
            do {
                try render().write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                say("cannot write \(path): \(error.localizedDescription)")
                return .failure
            }
        }
        say("\(reports.count) report(s) merged" + (bad > 0 ? ", \(bad) file(s) could not be read" : ""))
        return bad > 0 ? .failure : .success
    }

    struct Problem: Error {
        let message: String
    }

    /// A file as given, or every `*.json` under a folder (sorted, so the gradebook is the same every time).
    static func list(_ path: String) -> Result<[String], Problem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(Problem(message: "\(path): no such file or folder"))
        }
        guard isDirectory.boolValue else { return .success([path]) }
        guard let walker = FileManager.default.enumerator(atPath: path) else {
            return .failure(Problem(message: "\(path): cannot read the folder"))
        }
        var files: [String] = []
        while let name = walker.nextObject() as? String {
            if name.hasSuffix(".json") { files.append((path as NSString).appendingPathComponent(name)) }
        }
        return .success(files.sorted())
    }

    /// Each file's report, or what is wrong with it; decoded on every core, as a class may hand in thousands.
    static func read(_ files: [String]) -> [Result<LearnerReport, Problem>] {
        let results = ResultBox(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, read(files[index]))
        }
        return results.values
    }

    static func read(_ file: String) -> Result<LearnerReport, Problem> {
        let data: Data
        switch BoundedFile.read(file, limit: largestReport) {
        case .contents(let contents): data = contents
        case .missing: return .failure(Problem(message: "no such file"))
        case .refused(let why), .tooLarge(let why): return .failure(Problem(message: why))
        }
        // Read by the quick reader in the common case; a file it gives up on is decoded by JSONDecoder, which
        // either reads it after all or says what is wrong with it.
        if let tree = ReportJSON.parse(data), let report = LearnerReport(json: tree),
            report.format == LearnerReport.formatName, report.version <= LearnerReport.currentVersion
        {
            return .success(report)
        }
        if let report = try? JSONDecoder().decode(LearnerReport.self, from: data),
            report.format == LearnerReport.formatName, report.version <= LearnerReport.currentVersion
        {
            return .success(report)
        }
        struct Header: Decodable {
            var format: String?
            var version: Int?
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data) else {
            return .failure(Problem(message: "not a poolschool report: not a JSON object"))
        }
        guard header.format == LearnerReport.formatName else {
            let found = header.format.map { "its format is '\($0)'" } ?? "it has no \"format\""
            return .failure(
                Problem(message: "not a poolschool report (\(found)); make one with `poolschool report --json FILE`"))
        }
        guard let version = header.version, version <= LearnerReport.currentVersion else {
            return .failure(
                Problem(
                    message: "report version \(header.version.map(String.init) ?? "missing"); this poolschool reads "
                        + "versions up to \(LearnerReport.currentVersion) (update poolschool)"))
        }
        do {
            return .success(try JSONDecoder().decode(LearnerReport.self, from: data))
        } catch {
            return .failure(Problem(message: "a damaged poolschool report: \(JSONProblem.describe(error))"))
        }
    }
}

/// Results written from many threads, one slot each.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<LearnerReport, GradebookCommandLine.Problem>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Result<LearnerReport, GradebookCommandLine.Problem>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Result<LearnerReport, GradebookCommandLine.Problem>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .failure(GradebookCommandLine.Problem(message: "not read")) }
    }
}
