import Testing

@testable import Shell

/// `load --min-idle`, and a `--pool-size` below the lab's min idle.
@Suite struct LoadMinIdleTests {
    let workload = "--arrival-rate 100/s --hold-mean 5ms --requests 200"

    @Test func minIdleIsAFlagOfLoad() {
        let run = ScriptedSession(["lab", "load --pool-size 10 --min-idle 2 \(workload)"])
        #expect(run.status == .success, "\(run.transcript)")
        #expect(run.transcript.contains("requests     200: completed 200"))
    }

    @Test func aPoolSizeBelowTheLabsMinIdleSaysWhatToChange() {
        let run = ScriptedSession(["lab", "config min_idle=10", "load --pool-size 4 \(workload)"])
        #expect(run.status == .success, "\(run.transcript)")
        #expect(
            run.transcript.contains(
                "(the lab keeps min idle 10, more than --pool-size 4: this run keeps 4; add --min-idle N, or 'config min_idle=N', to choose)"
            ))
        #expect(run.transcript.contains("requests     200: completed 200"))
    }

    @Test func aMinIdleAboveThePoolSizeIsAUsageError() {
        let run = ScriptedSession(["lab", "load --pool-size 4 --min-idle 9 \(workload)"])
        #expect(run.status == .usage)
        #expect(run.transcript.contains("--min-idle must be from 0 to the pool size (4), got 9"))
    }
}
