import Testing

@testable import PoolWorld

/// The world's results pinned, run by run: the proof that reshaping the simulators changed no behaviour.
///
/// Each fingerprint was recorded from the code as it stood before the change it guards; a run that now
/// differs in any measured value, percentile, sample or trace line fails here with its full digest. A
/// deliberate behaviour change re-records the fingerprints in the commit that makes it, and says so.
@Suite struct GoldenRunsTests {
    /// Recorded from main at b09ba1c, before the kernel was extracted.
    static let expected: [String: String] = [
        "closed-loop-mix-bursts-6": "f0c6755e0331c4b9",
        "closed-loop-mix-bursts-7": "81838f02025d433f",
        "constant-arrivals-session-state": "0e88345784b9086e",
        "deadlock": "24233a76835e20b4",
        "fleet-8": "fabec78cb9255a54",
        "fleet-9": "cab81e4aaad02de1",
        "lab-pool-world": "f337177bda1ede69",
        "lab-proxy-world": "5ff5a5bf49c99175",
        "mmc-1": "068d73ab354748fc",
        "mmc-2": "e65f1556574abfeb",
        "mmc-3": "f1c22167f0989f2e",
        "overload-retries-4": "5c791e84de9b8bd0",
        "overload-retries-5": "f446a851b740ac4a",
        "proxy-lab-fan-in": "15bb27ba3a729ff7",
        "proxy-lab-fleet": "1c1730147f25e4a4",
        "proxy-lab-modes": "ef0f509506003cf9",
        "proxy-overload": "991201afbd7b1763",
        "proxy-session-1": "d3318ca61f44828c",
        "proxy-session-2": "8084c90285604623",
        "proxy-statement-1": "b35e249edce218c5",
        "proxy-statement-2": "6afd94a0e26f3a8a",
        "proxy-transaction-1": "f07e425697a0c961",
        "proxy-transaction-2": "2201e9aa7d884f78",
        "stopped-early": "6e360527bc60417b",
        "toy-pool": "95d4fd3ac4c4df3a",
    ]

    @Test(arguments: GoldenScenarios.all.map(\.name))
    func theRunIsUnchanged(_ name: String) throws {
        let scenario = try #require(GoldenScenarios.all.first { $0.name == name })
        let digest = scenario.run()
        #expect(digest.lines.count > 10, "the digest of \(name) is too thin to pin anything")
        guard digest.fingerprint != Self.expected[name] else { return }
        // The opening of each of the first lines, enough to tell which kind of value moved.
        let opening = digest.lines.prefix(80).map { String($0.prefix(160)) }.joined(separator: "\n")
        Issue.record(
            "\(name) now digests to \(digest.fingerprint), not \(Self.expected[name] ?? "nothing"):\n\(opening)")
    }
}
