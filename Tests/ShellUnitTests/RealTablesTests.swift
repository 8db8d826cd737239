import PoolWorld
import RealServers
import Testing

@testable import Shell

/// The `real` tables and flags, without servers: what the learner reads, from fixed figures.
@Suite struct RealTablesTests {
    static func sample(_ values: [Double]) -> Sample { Sample(milliseconds: values) }

    static let costs = ConnectionCosts(
        direct: ["trust": sample([3, 3.2, 4]), "scram": sample([10, 11, 12]), "tls-scram": sample([15, 16, 30])],
        throughBouncer: ["trust": sample([0.3, 0.4]), "scram": sample([9, 9]), "tls-scram": sample([])],
        keptQuery: sample([0.05, 0.05, 0.05]), keptQueryThroughBouncer: sample([0.1, 0.1]),
        tcpHandshake: sample([0.05]), versions: "PostgreSQL 15.18, PgBouncer 1.18.0")

    @Test func theMeasureTableIsLessonTwosWithTheLearnersMediansP95sAndRatios() {
        let table = MeasureTable.markdown(Self.costs)
        #expect(table.contains("| SCRAM password, no TLS | about 9.7 ms | 11 ms / 12 ms | 220× |"))
        #expect(table.contains("| trusted login over loopback TCP | about 2.9 ms | 3.2 ms / 4 ms | 64× |"))
        #expect(table.contains("| TLS 1.3 plus SCRAM | about 15 ms | 16 ms / 30 ms | 320× |"))
        #expect(table.contains("| through PgBouncer, TLS plus SCRAM | – | not measured | – |"))
        #expect(table.contains("| a `SELECT 1` on a kept connection | 0.03 to 0.08 ms | 0.05 ms / 0.05 ms | 1× |"))
        #expect(table.contains("costs 220× a kept connection's query with SCRAM, 64× with trust"))
    }

    @Test func aModesCellCannotBreakTheTable() {
        #expect(ModesTable.escape("a | b") == "a \\| b")
        #expect(!ModesTable.escape("ERROR: \u{1B}[31mred").contains("\u{1B}"))
    }

    @Test func flagsTakeTheirRangeAndSayWhatTheyAccept() throws {
        #expect(try RealCommandLine.number([], flag: "--runs", default: 30, range: 1...500) == 30)
        #expect(try RealCommandLine.number(["--runs", "7"], flag: "--runs", default: 30, range: 1...500) == 7)
        #expect(try RealCommandLine.number(["--runs=9"], flag: "--runs", default: 30, range: 1...500) == 9)
        #expect(throws: ShellError.usage("--runs takes a whole number from 1 to 500, got 0")) {
            try RealCommandLine.number(["--runs", "0"], flag: "--runs", default: 30, range: 1...500)
        }
        #expect(throws: ShellError.usage("expected --clients N, got '--runs 3'")) {
            try RealCommandLine.number(["--runs", "3"], flag: "--clients", default: 12, range: 1...50)
        }
    }
}
