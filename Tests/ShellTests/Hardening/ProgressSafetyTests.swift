import Course
import Foundation
import Testing

@testable import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// Progress survives two shells on one home, killed saves, and homes and files that are not what they
/// should be; each problem is said once, with what and where.
@Suite(.timeLimit(.minutes(2))) struct ProgressSafetyTests {
    static let question = "```question\nid: q\nkind: numeric\nprompt: How many?\nanswer: 42\n```\n"

    let scratch: URL
    let folder: LessonFolder
    var home: URL { scratch.appendingPathComponent("home") }
    var progressFile: URL { home.appendingPathComponent("progress.json") }

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        folder = try LessonFolder()
        try folder.write("a", order: 1, body: Self.question)
        try folder.write("b", order: 2, body: Self.question)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: scratch)
        folder.remove()
    }

    func saved() throws -> Course.Progress {
        try JSONDecoder().decode(Course.Progress.self, from: Data(contentsOf: progressFile))
    }

    func course() -> CourseState {
        CourseState(
            catalog: CourseCatalog.load(folder: folder.path), store: ProgressStore(home: home.path), learner: "ada",
            seed: nil)
    }

    @Test func twoCoursesOnOneHomeKeepBothAnswers() throws {
        defer { cleanUp() }
        let first = course()
        let second = course()  // Both read the (empty) progress before either saves.
        let a = try #require(first.catalog.lesson(id: "a"))
        let b = try #require(second.catalog.lesson(id: "b"))
        first.open(a)
        first.record(a.questions[0], in: a) { $0.solved = true }
        #expect(first.save() == nil)
        second.open(b)
        second.record(b.questions[0], in: b) { $0.attempts = 1 }
        #expect(second.save() == nil)
        let progress = try saved()
        #expect(progress.question("a", "q").solved)
        #expect(progress.question("b", "q").attempts == 1)
        #expect(progress.lesson == "b", "where the learner is comes from the shell that saved last")
        #expect(second.progress.question("a", "q").solved, "the second shell now knows the first one's answer")
    }

    @Test func resetProgressReplacesRatherThanMerges() throws {
        defer { cleanUp() }
        let first = course()
        let a = try #require(first.catalog.lesson(id: "a"))
        first.record(a.questions[0], in: a) { $0.solved = true }
        #expect(first.save() == nil)
        first.resetProgress()
        #expect(first.save() == nil)
        #expect(try saved().lessons.isEmpty)
    }

    @Test func twoShellProcessesOnOneHomeLoseNoAnswer() throws {
        defer { cleanUp() }
        var environment = ProcessInfo.processInfo.environment
        environment["POOLSCHOOL_HOME"] = home.path
        environment["POOLSCHOOL_LEARNER"] = "ada"
        var writers: [Int32] = []
        var pids: [pid_t] = []
        for name in ["one", "two"] {
            let fifo = scratch.appendingPathComponent(name).path
            #expect(mkfifo(fifo, 0o600) == 0)
            writers.append(open(fifo, O_RDWR))
            pids.append(
                try Spawn.start(
                    [PoolschoolProcess.executable.path, "--lessons", folder.path], environment: environment,
                    stdin: fifo))
        }
        // Both shells are up, with empty progress, before either answers.
        for (writer, lesson) in zip(writers, ["a", "b"]) {
            _ = "open \(lesson)\n7\n".withCString { write(writer, $0, strlen($0)) }
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, (try? saved())?.question(lesson, "q").attempts != 1 { usleep(20_000) }
        }
        for (writer, pid) in zip(writers, pids) {
            _ = "quit\n".withCString { write(writer, $0, strlen($0)) }
            close(writer)
            _ = try Spawn.wait(pid, arguments: ["poolschool"], seconds: 20)
        }
        let progress = try saved()
        #expect(progress.question("a", "q").attempts == 1)
        #expect(progress.question("b", "q").attempts == 1)
    }

    @Test func temporariesOfKilledSavesAreRemoved() throws {
        defer { cleanUp() }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let stale = home.appendingPathComponent("progress.json.tmp-99999999")
        try Data("{".utf8).write(to: stale)
        let result = try PoolschoolProcess.run(
            ["--lessons", folder.path], input: "open a\n7\n", environment: ["POOLSCHOOL_HOME": home.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        let left = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty)
    }

    @Test func anUnwritableHomeIsReportedOnceWithWhatAndWhere() throws {
        defer { cleanUp() }
        let blocker = scratch.appendingPathComponent("file")
        try Data().write(to: blocker)
        let badHome = blocker.appendingPathComponent("home").path  // a folder inside a file: cannot exist
        let result = try PoolschoolProcess.run(
            ["--lessons", folder.path], input: "open a\n7\n8\n9\nnext\nopen b\n7\n",
            environment: ["POOLSCHOOL_HOME": badHome])
        let reports = result.stderr.components(separatedBy: "could not save progress").count - 1
        #expect(reports == 1, "\(result.stderr)")
        #expect(result.stderr.contains("cannot create the folder \(badHome) for progress: Not a directory"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test(arguments: ["folder", "dangling", "fifo", "huge"])
    func aProgressPathThatIsNotAFileIsNamed(kind: String) throws {
        defer { cleanUp() }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let path = progressFile.path
        var expected: String
        switch kind {
        case "folder":
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            expected = "your progress file \(path) is a folder, not a file; progress starts fresh"
        case "dangling":
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/nonexistent/p.json")
            expected = "is a symbolic link to '/nonexistent/p.json', which does not exist; progress starts fresh"
        case "fifo":
            #expect(mkfifo(path, 0o600) == 0)
            expected = "is a FIFO (named pipe), not a file; progress starts fresh"
        default:
            try Data(count: 97 << 20).write(to: progressFile)
            expected = "your progress file was unreadable (it is 101711872 bytes; at most 4194304 are read)"
        }
        let result = try PoolschoolProcess.run(
            ["--lessons", folder.path], input: "progress\n", environment: ["POOLSCHOOL_HOME": home.path])
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stdout.contains("ada") || result.stdout.contains("0 of"), "the shell started")
    }
}
