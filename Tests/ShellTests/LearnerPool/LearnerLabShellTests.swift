import Foundation
import Testing

/// `lab --pool EXERCISE` through the real executable: the lab's commands go to the learner's pool in a
/// long-lived child; when that pool traps or loops, the shell says so and the lab is the reference one again.
@Suite(.timeLimit(.minutes(1))) struct LearnerLabShellTests {
    @Test func aLearnerBorrowsAndLeaksTheirOwnPoolsConnections() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell([
            "lab --pool waiting-pool", "borrow a", "borrow b", "leak a", "advance 1s", "stats", "release b", "stats",
            "lab reset", "stats",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Your pool (SoundPool, from waiting-pool) runs the lab's world at t=0.000s."))
        #expect(result.stdout.contains("t=0.000s a leaked c1: it will never be returned"))
        #expect(result.stdout.contains("t=1.000s  your pool: SoundPool (waiting-pool), PostgreSQL 18"))
        #expect(result.stdout.contains("pool      total=2, active=2, idle=0, waiting=0, pending=0\nborrowers b → c2"))
        // The leaked connection stays lent: returning b's leaves one active, one idle.
        #expect(result.stdout.contains("pool      total=2, active=1, idle=1, waiting=0, pending=0"))
        #expect(result.stdout.contains("Fresh world: default, at t=0s."))
        #expect(result.stdout.hasSuffix(" 0 queries on 4 cores\n"))
        #expect(
            result.stdout.components(separatedBy: "your pool: SoundPool").count == 3, "the last stats is the reference")
    }

    @Test func aTrapInTheLearnersLabIsReportedAndTheReferenceTakesOver() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell(["lab --pool waiting-pool", "burst 200", "stats"], ["FIXTURE_POOL": "trap"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("waiting-pool: your pool crashed (SIGILL: a trap"), "\(result.stderr)")
        #expect(result.stderr.contains("Fatal error: Index out of range"))
        #expect(result.stderr.contains("The lab is back on the reference pool; 'lab --pool waiting-pool' starts yours"))
        #expect(result.stdout.contains("t=0.000s  default (PostgreSQL 18)"), "stats answered by the reference lab")
    }

    @Test func aLoopInTheLearnersLabIsStoppedAndTheShellCarriesOn() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell(
            ["lab --pool waiting-pool", "borrow a", "stats"],
            ["FIXTURE_POOL": "loop", "POOLSCHOOL_POOL_CPU_SECONDS": "1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("waiting-pool: your pool used 1 s of CPU without finishing"), "\(result.stderr)")
        #expect(result.stdout.contains("t=0.000s  default (PostgreSQL 18)"))
    }

    @Test func configEndsTheLearnersLabAndSaysHowToComeBack() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell(["lab --pool waiting-pool", "config max_size=3", "stats"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "max_size=3; fresh world at t=0s. It runs the reference pool; 'lab --pool waiting-pool' runs yours "
                    + "with these settings."))
        #expect(!result.stdout.contains("your pool: SoundPool"), "stats answered by the reference lab")
    }

    @Test func aLearnersLabCommandErrorIsAnErrorWithTheLabStillTheirs() throws {
        let project = try PoolProject()
        defer { project.remove() }
        let result = try project.shell(["lab --pool waiting-pool", "release nobody", "stats"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no borrower named \"nobody\""), "\(result.stderr)")
        #expect(result.stdout.contains("your pool: SoundPool (waiting-pool)"))
    }
}
