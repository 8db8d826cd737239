import Foundation
import Testing

/// The library presets as a learner meets them at the shell: `config preset=`, `--preset`, `stats` and
/// `compare --presets`, through the real executable on a pipe.
@Suite(.timeLimit(.minutes(1))) struct PresetShellTests {
    @Test func configPresetSetsThePoolAndStatsSaysWhichRuns() throws {
        let result = try PoolschoolProcess.run(
            [], input: "config preset=go\nstats\nconfig\nconfig max_size=20\nstats\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("preset=go; fresh world at t=0s."))
        #expect(result.stdout.contains("preset    go (Go 1.25 database/sql)\n"))
        #expect(result.stdout.contains("preset    go (Go 1.25 database/sql, changed since)"))
    }

    @Test func anUnknownPresetIsAUsageErrorThatListsThem() throws {
        let result = try PoolschoolProcess.run([], input: "config preset=c3p0\nstats\n")
        #expect(result.status == 2)
        #expect(
            result.stderr.contains(
                "unknown pool preset 'c3p0'; the presets are hikaricp, sqlalchemy, node-postgres, go, pgx, deadpool, "
                    + "postgres-nio"), "\(result.stderr)")
        #expect(!result.stdout.contains("preset    "), "the world kept its settings")
    }

    @Test func loadAndSimTakeAPreset() throws {
        let load = try PoolschoolProcess.run(
            [], input: "load --preset pgx --arrival-rate 100/s --hold-mean 20ms --requests 1000\n")
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stdout.contains("preset       pgx (pgx v5 pgxpool)"))
        let sim = try PoolschoolProcess.run(["sim", "--preset", "nope", "--arrival-rate", "10/s", "--hold-mean", "1ms"])
        #expect(sim.status == 2)
        #expect(sim.stderr.contains("--preset: no pool preset 'nope'; the presets are hikaricp,"), "\(sim.stderr)")
        let json = try PoolschoolProcess.run([
            "sim", "--preset", "sqlalchemy", "--arrival-rate", "400/s", "--hold-mean", "40ms", "--requests", "3000",
            "--json",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        // 400/s of 40 ms holds need 16 connections; SQLAlchemy's 5 + 10 overflow cannot keep up, so many wait.
        #expect(json.stdout.contains("\"max_db_connections\": 15,"), "\(json.stdout)")
    }

    /// The burst lesson 13's lab shows: Go keeps two idle connections and closes the rest as they come back,
    /// so it opens far more connections than HikariCP for the same work.
    @Test func comparePresetsRunsOneWorkloadThroughEach() throws {
        let result = try PoolschoolProcess.run(
            [],
            input:
                "compare --presets hikaricp,sqlalchemy,node-postgres,go --arrival-rate 200/s --hold-mean 20ms --requests 4000 --seed 2\n"
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Seed 2, 4000 requests, the same for every pool: hikaricp is HikariCP 6;"))
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.contains("hikaricp") && $0.contains("go") && !$0.contains("Seed") })
        #expect(header.contains("sqlalchemy") && header.contains("node-postgres"))
        let opened = try #require(lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("opened") })
        let counts = opened.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "│" }).compactMap { Int($0) }
        try #require(counts.count == 4, "\(opened)")
        #expect(counts[3] > counts[0] * 5, "Go churns: \(counts)")
        #expect(counts[0] == 10, "HikariCP opens its ten at start and keeps them: \(counts)")
        let violations = try #require(lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("violations") })
        #expect(
            violations.split(whereSeparator: { $0 == " " || $0 == "|" || $0 == "│" }).compactMap { Int($0) } == [
                0, 0, 0, 0,
            ])
    }

    @Test func allSevenPresetsFitAnEightyColumnTerminal() throws {
        let result = try PoolschoolProcess.run(
            [],
            input: "compare --presets "
                + ["hikaricp", "sqlalchemy", "node-postgres", "go", "pgx", "deadpool", "postgres-nio"]
                .joined(separator: ",") + " --arrival-rate 100/s --hold-mean 10ms --requests 500\n")
        #expect(result.status == 0, "\(result.stderr)")
        let table = result.stdout.split(separator: "\n").dropFirst(2)
        #expect(table.allSatisfy { $0.count <= 80 }, "\(result.stdout)")
        #expect(
            result.stdout.contains("postgres-nio") && result.stdout.components(separatedBy: "violations").count == 3)
    }

    @Test func comparePresetsRefusesAnUnknownName() throws {
        let result = try PoolschoolProcess.run([], input: "compare --presets hikaricp,c3p0 --arrival-rate 10/s\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown pool preset 'c3p0'; the presets are hikaricp,"))
    }
}
