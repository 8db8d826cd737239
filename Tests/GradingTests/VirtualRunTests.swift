import Testing

@testable import Grading

/// Virtual time: the same interleaving every run, time that moves only when every task waits, and a run that
/// ends (instead of hanging) when nothing can happen any more. In a child process, because a run takes over
/// the process's global executor while it lasts.
@Suite struct VirtualRunTests {
    @Test(.timeLimit(.minutes(3))) func runsRepeatExactlyAndEndWhenStuckOrBusy() async {
        await #expect(processExitsWith: .success) {
            let first = VirtualRunTests.interleaving()
            #expect(first.count == 40)
            #expect(first == VirtualRunTests.interleaving(), "two runs of the same tasks interleaved differently")

            let run = VirtualRun()
            let slept = Shared<SimInstant?>(nil)
            #expect(
                run.run {
                    await run.pass(.seconds(30)); slept.update { $0 = run.now }
                } == .finished)
            #expect(slept.value == SimInstant(nanoseconds: 30_000_000_000), "time jumps to the sleeper's deadline")

            let stuck = VirtualRun().run {
                await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
            }
            #expect(stuck == .stuck)
            let busy = VirtualRun().run(jobBudget: 10_000) {
                while true { await Task.yield() }
            }
            #expect(busy == .busy)
            let overtime = VirtualRun()
            let ticking = overtime.run(timeLimit: .seconds(5)) {
                Task { while true { await overtime.pass(.seconds(1)) } }
                await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
            }
            #expect(ticking == .overtime)
        }
    }

    /// Eight tasks hopping through an actor and sleeping for uneven lengths; the order they log in.
    static func interleaving() -> [String] {
        actor Ledger {
            var lines: [String] = []
            func add(_ line: String) { lines.append(line) }
        }
        let ledger = Ledger()
        let lines = Shared<[String]>([])
        let run = VirtualRun()
        _ = run.run {
            await withTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for step in 0..<5 {
                            await run.pass(.microseconds(Double((task * 7 + step * 3) % 5)))
                            await ledger.add("\(task).\(step)@\(run.now.nanoseconds)")
                        }
                    }
                }
            }
            let all = await ledger.lines
            lines.update { $0 = all }
        }
        return lines.value
    }
}
