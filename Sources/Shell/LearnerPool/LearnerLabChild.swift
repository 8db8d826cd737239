import Foundation
import Grading
import PoolWorld

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The child's side of `lab --pool EXERCISE`: a world running the learner's pool, driven one lab command per
/// line on standard input. Each answer is its output lines and then `LearnerLabChild.end` with a status.
///
/// Answers go to the original standard output only; the process's standard output is pointed at standard
/// error first, so whatever the learner's pool prints lands in the shell's log and never in an answer.
enum LearnerLabChild {
    /// Ends each answer: `\u{1}end 0` (done), `1` (failed), `2` (a usage error).
    static let end = "\u{1}end "

    static func serve<Pool: PoolExercise>(_ type: Pool.Type, exercise: String, lab snapshot: LabSnapshot) -> Int32 {
        let answers = dup(1)
        dup2(2, 1)
        let out = FileHandle(fileDescriptor: answers, closeOnDealloc: false)
        func answer(_ lines: [String], _ status: Int) {
            let text = lines.map { $0.replacingOccurrences(of: "\u{1}", with: "^A") + "\n" }.joined()
            out.write(Data((text + end + "\(status)\n").utf8))
        }
        let world: World<Pool>
        do {
            let settings = try snapshot.rebuild()
            var scenario = settings.baseScenario
            scenario.warmStart = scenario.pool.minIdle > 0
            scenario.options.checkInvariants = true
            world = World(scenario: scenario) { index in
                Pool(config: scenario.pool, seed: Simulation.poolSeed(scenario.seed, index))
            }
        } catch {
            answer([error.message], 1)
            return 1
        }
        var lab = LearnerLabSession(world: world, exercise: exercise, typeName: String(describing: type))
        answer(["Your pool (\(lab.typeName), from \(exercise)) runs the lab's world at \(world.now)."], 0)
        while let line = readLine() {
            let (lines, status) = lab.run(line)
            answer(lines, status)
        }
        return 0
    }
}

/// The lab commands the learner's world answers, with the reference lab's words.
struct LearnerLabSession<Pool: PoolExercise> {
    let world: World<Pool>
    let exercise: String
    let typeName: String
    var nextBorrower = 1

    mutating func run(_ line: String) -> (lines: [String], status: Int) {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let command = words.first else { return ([], 0) }
        let arguments = Array(words.dropFirst())
        do {
            switch command {
            case "borrow":
                guard arguments.count <= 1 else { return (["expected at most one borrower name"], 2) }
                return (show(try world.borrow(arguments.first ?? freshName())), 0)
            case "release", "leak":
                guard arguments.count == 1 else { return (["expected one borrower name, e.g. \(command) a"], 2) }
                return (show(command == "release" ? try world.release(arguments[0]) : try world.leak(arguments[0])), 0)
            case "advance":
                guard arguments.count == 1 else { return (["expected one duration, e.g. advance 30s"], 2) }
                let duration = try SimDuration(parsing: arguments[0])
                return (show(try world.advance(by: duration)) + ["now \(world.now)"], 0)
            case "burst":
                guard arguments.count == 1, let count = Int(arguments[0]), (1...100_000).contains(count) else {
                    return (["expected a count from 1 to 100000, e.g. burst 200"], 2)
                }
                guard world.liveRequests + count <= 200_000 else {
                    return (["the world already holds \(world.liveRequests) requests; at most 200000 at once"], 1)
                }
                let script = RequestScript.hold(.constant(.milliseconds(100)), name: "burst")
                return (show(try world.burst(count, script: script)), 0)
            case "query":
                guard arguments.count >= 2 else { return (["expected a borrower and SQL, e.g. query a SELECT 1"], 2) }
                let sql = arguments.dropFirst().joined(separator: " ")
                return (show(try world.query(arguments[0], sql)), 0)
            case "stats":
                return (stats(), 0)
            case "events":
                let count = arguments.first.flatMap(Int.init) ?? 20
                let trace = world.trace.suffix(max(1, min(count, 1_000_000)))
                return (trace.isEmpty ? ["nothing has happened yet"] : trace.map(\.description), 0)
            default:
                return (["'\(command)' does not run in your pool's lab"], 2)
            }
        } catch {
            return ([error.message], 1)
        }
    }

    mutating func freshName() -> String {
        let taken = Set(world.borrowerSummary.map(\.name))
        while taken.contains("b\(nextBorrower)") { nextBorrower += 1 }
        defer { nextBorrower += 1 }
        return "b\(nextBorrower)"
    }

    /// Trace lines, the middle of a long run elided as the reference lab does.
    func show(_ events: [TraceEvent]) -> [String] {
        let lines = events.map(\.description)
        guard lines.count > 16 else { return lines }
        return Array(lines.prefix(6)) + ["… \(lines.count - 10) more events ('events \(lines.count)' shows them all)"]
            + Array(lines.suffix(4))
    }

    func stats() -> [String] {
        var lines = ["\(world.now)  your pool: \(typeName) (\(exercise)), \(ModelledVersions.postgreSQL)"]
        for (index, metrics) in world.poolMetrics.enumerated() {
            let label = world.poolMetrics.count > 1 ? "pool app\(index + 1)" : "pool"
            lines.append(
                "\(label.padding(toLength: 10, withPad: " ", startingAt: 0))\(metrics), pending=\(metrics.pending)")
        }
        let held = world.borrowerSummary.map { "\($0.name) → \($0.connection ?? "waiting")" }
        if !held.isEmpty { lines.append("borrowers " + held.joined(separator: ", ")) }
        lines.append("database  " + world.database.summary)
        lines += world.violations.prefix(5).map { "violation: \($0)" }
        return lines
    }
}
