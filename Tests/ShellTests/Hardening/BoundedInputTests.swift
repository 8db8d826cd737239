import Foundation
import Testing

/// Every number a learner types is checked against its range before it becomes nanoseconds or counts:
/// the shell answers with the range, never a crash, an allocation of gigabytes or a hang.
@Suite(.timeLimit(.minutes(2))) struct BoundedInputTests {
    @Test(arguments: [
        ("advance 1000000h", "use 0 to 168h (7 days)"),
        ("advance 99999999999999999999999s", "use 0 to 168h (7 days)"),
        ("load --arrival-rate 1e-12/s", "use 1/h to 1000000/s"),
        ("load --arrival-rate 1e12/s", "use 1/h to 1000000/s"),
        ("load --arrival-rate 10/s --retries 9223372036854775807", "--retries takes a whole number from 0 to 100"),
        ("load --arrival-rate 10/s --max-overflow 9223372036854775807", "from 0 to 10000"),
        ("load --arrival-rate 10/s --requests 9223372036854775807", "from 1 to 10000000"),
        ("load --arrival-rate 10/s --requests 99999999999999999999999", "from 1 to 10000000, got '9999"),
        ("load --arrival-rate 10/s --instances 1000000 --warm", "--instances takes a whole number from 1 to 1000"),
        ("load --arrival-rate 10/s --clients 4000000000 --warm", "--clients takes a whole number from 1 to 100000"),
        ("load --arrival-rate 10/s --pool-size 100000000 --warm", "--pool-size takes a whole number from 1 to 10000"),
        ("load --arrival-rate 10/s --instances 1000 --pool-size 10000 --warm", "connections; at most 100000"),
        ("load --arrival-rate 10/s --hold-mean 999999h", "use 0 to 168h (7 days)"),
        ("fault max-connections 99999999999", "max-connections takes a whole number from 1 to 100000"),
        ("events 0", "N takes a whole number from 1 to 1000000"),
        ("burst 1e9", "burst takes a whole number from 1 to 100000"),
    ])
    func outOfRangeNumbersNameTheirRange(line: String, expected: String) throws {
        let result = try PoolschoolProcess.run([], input: "lab\n\(line)\nstats\n")
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stdout.contains("pool "), "the shell went on to 'stats'")
    }

    @Test func pgSleepBeyondTheWorldsLongestDurationIsAnSQLError() throws {
        let result = try PoolschoolProcess.run(
            [], input: "lab\nborrow as a\nquery a SELECT pg_sleep(1e10)\nquery a SELECT 1\n")
        #expect(result.stdout.contains("pg_sleep(1e10) sleeps longer than the world allows: use 0 to 604800 seconds"))
        #expect(result.stdout.contains("SELECT 1"))
    }

    @Test func simFlagsAreCheckedByTheSameRanges() throws {
        let result = try PoolschoolProcess.run(
            ["sim", "--arrival-rate", "10/s", "--hold-mean", "1ms", "--instances", "100000", "--warm"])
        #expect(result.status == 64 || result.status == 2 || result.status == 1)
        #expect(result.stderr.contains("--instances takes a whole number from 1 to 1000"), "\(result.stderr)")
    }

    @Test func borrowWaitThatCanNeverBeServedStopsWithAMessage() throws {
        let result = try PoolschoolProcess.run(
            [],
            input:
                "lab\nconfig borrow_timeout=none\nconfig min_idle=0\nlab reset\nfault auth-fails on\nborrow --wait\nstats\n"
        )
        #expect(result.stderr.contains("stopped after 10m of virtual time: b1 still waits for a connection"))
        #expect(result.stdout.contains("waiting=1"))
        #expect(result.status == 1)
    }

    @Test func searchTextIsBounded() throws {
        let result = try PoolschoolProcess.run(
            ["--lessons", ShippedLessonsTests.folder], input: "search \(String(repeating: "a", count: 8_000))b\n")
        #expect(result.stderr.contains("search for at most 100 characters, got 8001"))
    }

    @Test func burstsAddUpToABoundedWorld() throws {
        let result = try PoolschoolProcess.run([], input: "lab\nburst 100000\nburst 100000\nburst 1\nstats\n")
        #expect(result.stderr.contains("the world already holds 200000 requests; at most 200000 at once"))
        #expect(result.stdout.contains("waiting="))
    }

    @Test func didYouMeanOnAMegabyteLineComparesNothing() throws {
        let megabyte = String(repeating: "borow", count: 200_000)
        let word = String(repeating: "borow", count: 3_000)
        let result = try PoolschoolProcess.run([], input: "\(megabyte)\n\(word)\nborow\n")
        #expect(result.stderr.contains("a line of 1000000 bytes is too long; at most 16384 are read"))
        #expect(result.stderr.contains("type 'help' to list the commands"))
        #expect(result.stderr.contains("unknown command 'borow'; did you mean 'borrow'?"))
    }
}
