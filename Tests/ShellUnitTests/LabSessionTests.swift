import Foundation
import Testing

@testable import Shell

/// The lab in the shell, driven as a learner types it.
@Suite(.timeLimit(.minutes(1))) struct LabSessionTests {
    @Test func theReservationDeskServes25AndQueues175() {
        let run = ScriptedSession(["lab reservation-desk", "burst 200", "stats"])
        #expect(run.transcript.contains("200 requests arrived: 25 hold a connection, 175 wait."))
        let stats = run.transcript.components(separatedBy: "reservation-desk (PostgreSQL 18)\npool").last ?? ""
        #expect(stats.hasPrefix("      total=25, active=25, idle=0, waiting=175, pending=0"))
        #expect(run.status == .success)
    }

    @Test(arguments: LabScenario.names)
    func everyScenarioRunsFromAFreshShell(name: String) {
        let run = ScriptedSession(["lab \(name)"])
        #expect(run.status == .success, "\(run.transcript)")
        #expect(!run.transcript.contains("violation"))
        #expect(run.transcript.contains("Lab: \(name)"))
    }

    @Test func scenariosShowTheDocumentsFigures() {
        let setup = ScriptedSession(["lab setup-cost"]).transcript
        #expect(setup.contains("latency      p50 24 ms"), "18 ms setup + 6 ms query per request")
        #expect(setup.contains("latency      p50 6 ms"), "a warm pool pays only the query")
        let ceiling = ScriptedSession(["lab throughput-ceiling"]).transcript
        #expect(ceiling.contains("throughput   399.3/s"), "20 × 50 ms caps at 400/s")
        let deadlock = ScriptedSession(["lab pool-locking-deadlock"]).transcript
        #expect(deadlock.contains("unfinished 4"))
        #expect(deadlock.contains("requests     400: completed 400"))
        let fleet = ScriptedSession(["lab fleet"]).transcript
        #expect(fleet.contains("FATAL: remaining connection slots are reserved for roles with the SUPERUSER attribute"))
        let leak = ScriptedSession(["lab leak"]).transcript
        #expect(leak.contains("possible leak: c1 held by a for 5s (not reclaimed)"))
        #expect(
            leak.contains(
                "connection not available, request timed out after 2000ms (total=5, active=5, idle=0, waiting=1)"))
        let firewall = ScriptedSession(["lab firewall"]).transcript
        #expect(firewall.contains("b on c1: SELECT 1 → could not receive data from server"))
        #expect(firewall.contains("c1 closed (validation failed)"))
        #expect(firewall.contains("c1 closed (max lifetime)"))
    }

    @Test func invalidSettingsNameTheValidRangeAndChangeNothing() {
        let run = ScriptedSession([
            "lab", "config max_size=0", "config max_size=20 borrow_timeout=soon", "config maxsize=3", "config",
        ])
        #expect(
            run.transcript.contains(
                "session:2: config: max_size must be a whole number from 1 to 1000, got '0'\nusage: config [KEY=VALUE ...]"
            ))
        #expect(
            run.transcript.contains(
                "borrow_timeout must be a duration above zero such as 250ms, 30s or 5m, or none, got 'soon'"))
        #expect(run.transcript.contains("unknown setting 'maxsize'; did you mean 'max_size'?"))
        #expect(run.transcript.contains("max_size                       │ 10"), "the failed change left max_size alone")
        #expect(run.status == .usage)
    }

    @Test func borrowReleaseLeakAndQueryTellWhatHappened() {
        let run = ScriptedSession([
            "lab", "borrow as a", "query a SET statement_timeout = '5ms'", "query a SHOW statement_timeout",
            "release a",
            "release a", "leak nobody", "query",
        ])
        #expect(run.transcript.contains("a on c10: SHOW statement_timeout → 5ms"))
        #expect(run.transcript.contains("session:6: no borrower named \"a\""))
        #expect(run.transcript.contains("session:8: query: expected a borrower and SQL, e.g. query a SELECT 1"))
    }

    @Test func faultsAndTheirErrors() {
        let run = ScriptedSession(["lab", "borrow as a", "fault restart", "fault meltdown", "fault firewall"])
        #expect(run.transcript.contains("database restart"))
        #expect(run.transcript.contains("unknown fault 'meltdown'"))
        #expect(run.transcript.contains("firewall needs a duration such as 30s, or off"))
    }

    @Test func chartsFitAnEightyColumnTerminalAndAnSVGIsWritten() throws {
        let svg = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID().uuidString).svg")
        defer { try? FileManager.default.removeItem(at: svg) }
        let run = ScriptedSession(["load --arrival-rate 300/s --hold-mean 40ms --requests 3000 --svg \(svg.path)"])
        for line in run.transcript.split(separator: "\n") where !line.hasPrefix("wrote") && !line.hasPrefix("error") {
            #expect(Sanitizer.visibleWidth(String(line)) <= 80, "\(line)")
        }
        #expect(run.transcript.contains("◂ p50"))
        #expect(run.transcript.contains("waiting  "))
        let text = try String(contentsOf: svg, encoding: .utf8)
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(text.components(separatedBy: "<polyline").count == 5, "active, idle, waiting and db cpu")
        #expect(text.hasSuffix("</svg>\n"))
    }

    @Test func theSameLoadTwiceGivesTheSameResults() {
        let line = "load --arrival-rate 400/s --hold-mean 40ms --requests 5000 --seed 7"
        let strip = { (text: String) in
            text.split(separator: "\n").filter { !$0.hasPrefix("time ") }.joined(separator: "\n")
        }
        #expect(strip(ScriptedSession([line]).transcript) == strip(ScriptedSession([line]).transcript))
    }

    @Test func ctrlCStopsALoadAndTheWorldStaysUsable() {
        let output = CapturedOutput()
        let session = ShellSession(output: output, home: ShellHome(path: "/tmp"))
        session.interrupt.raise()
        session.execute("load --arrival-rate 400/s --hold-mean 40ms --requests 100000")
        session.execute("borrow as a --wait")
        #expect(output.text.contains("stopped by Ctrl-C after"))
        #expect(output.text.contains("a got c"))
    }

    @Test func badLoadFlagsGetSpecificErrors() {
        let run = ScriptedSession(["load --arival-rate 400/s", "load --arrival-rate fast", "load --hold-mean 40"])
        #expect(run.transcript.contains("unknown flag --arival-rate; did you mean --arrival-rate?"))
        #expect(run.transcript.contains("--arrival-rate: "))
        #expect(
            run.transcript.contains("--arrival-rate is required (e.g. 400/s), unless --clients N runs a closed loop"))
        #expect(run.status == .usage)
    }
}
