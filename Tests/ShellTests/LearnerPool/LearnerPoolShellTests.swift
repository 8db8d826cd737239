import Foundation
import Testing

/// `load --pool`, `compare EXERCISE` and `sim --pool` through the real executable: the learner's pool runs in a
/// child process the shell builds on demand, and whatever that pool does, the shell carries on.
@Suite(.timeLimit(.minutes(1))) struct LearnerPoolShellTests {
    let load = "load --pool waiting-pool --arrival-rate 100/s --hold-mean 20ms --requests 2000 --seed 3"

    @Test func aSoundPoolRunsTheWorkloadAndTheSameSeedGivesTheSameRun() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell([load, load, "stats"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "requests     2000: completed 2000").count == 3)
        // Everything but the wall-clock time is the same, event for event.
        let runs = result.stdout.components(separatedBy: "requests     2000").dropFirst().map { run in
            run.split(separator: "\n").filter { !$0.hasPrefix("time ") && !$0.hasPrefix("pool") }.prefix(6)
        }
        #expect(runs.count == 2 && runs[0] == runs[1])
        #expect(project.builds == 1, "the second load found the child up to date")
        #expect(result.stdout.contains("pool      total="), "the lab's own world is still there")
    }

    @Test func aPoolThatTrapsIsReportedAndTheShellCarriesOn() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell([load, "stats"], ["FIXTURE_POOL": "trap"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("waiting-pool: your pool crashed (SIGILL: a trap"), "\(result.stderr)")
        #expect(result.stderr.contains("Index out of range"), "the runtime's message reaches the learner")
        #expect(result.stdout.contains("pool      total="), "stats ran after the crash")
    }

    @Test func aPoolThatLoopsForeverIsStoppedByItsCPULimit() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell(
            [load, "stats"], ["FIXTURE_POOL": "loop", "POOLSCHOOL_POOL_CPU_SECONDS": "1"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "waiting-pool: your pool used 1 s of CPU without finishing the run (an endless loop in "
                    + "handle(_:at:into:)?) and was stopped"), "\(result.stderr)")
        #expect(result.stdout.contains("pool      total="), "stats ran after the loop was stopped")
    }

    @Test func aPoolThatDoesNotCompileShowsTheErrorAtItsLine() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell([load, "stats"], ["FIXTURE_BUILD": "fail"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("… building your pool (swift build -c release --product poolschool-pool"))
        #expect(
            result.stderr.contains(
                "your pool does not build:\nExercises/03-waiting-pool.swift:25:9: cannot find 'conections' in scope"),
            "\(result.stderr)")
        #expect(result.stdout.contains("pool      total="), "stats ran after the failed build")
    }

    @Test func aPoolNotStartedOrNotAPoolIsRefusedBeforeAnyBuild() throws {
        let project = try PoolProject(started: false)
        defer { project.remove() }
        let notStarted = try project.shell([load])
        #expect(notStarted.stderr.contains("waiting-pool: not started, so there is no pool of yours to run yet."))
        let notAPool = try project.shell(["load --pool async-pool --arrival-rate 10/s"])
        #expect(notAPool.status == 2)
        #expect(
            notAPool.stderr.contains(
                "'async-pool' is not a pool exercise; the pools that run in the world are fixed-size-pool, "
                    + "waiting-pool, leak-detection, stale-connections, warm-up"))
        #expect(project.builds == 0)
    }

    @Test func compareShowsTheLearnersPoolBesideTheReference() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell([
            "compare waiting-pool --arrival-rate 400/s --hold-mean 40ms --requests 3000 --seed 5"
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("the reference pool (pool) and yours (SoundPool, from waiting-pool)"))
        let header = result.stdout.split(separator: "\n").first { $0.contains("reference") && $0.contains("yours") }
        #expect(header != nil, "a table with a column per pool: \(result.stdout)")
        #expect(result.stdout.contains("yours: waiting-pool"), "the charts are titled side by side")
        let timeouts = result.stdout.split(separator: "\n").first { $0.contains("timeouts") }
        #expect(timeouts != nil)
    }

    @Test func simRunsTheLearnersPoolFromTheCommandLine() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try PoolschoolProcess.run(
            [
                "sim", "--pool", "waiting-pool", "--arrival-rate", "100/s", "--hold-mean", "20ms", "--requests",
                "1000", "--json",
            ], environment: project.environment(), directory: project.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{\"requests\": 1000, \"completed\": 1000,"), "\(result.stdout)")
        let traced = try PoolschoolProcess.run(
            ["sim", "--pool", "waiting-pool", "--arrival-rate", "100/s", "--hold-mean", "20ms", "--trace"],
            environment: project.environment(), directory: project.path)
        #expect(traced.status == 2)
        #expect(traced.stderr.contains("--trace prints the reference pool's events; leave it out with --pool"))
        #expect(project.builds == 1, "a usage error builds nothing")
    }
}
