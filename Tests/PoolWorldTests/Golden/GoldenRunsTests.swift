import Testing

@testable import PoolWorld

/// The world's results pinned, run by run: the proof that reshaping the simulators changed no behaviour.
///
/// Each fingerprint was recorded from the code as it stood before the change it guards; a run that now
/// differs in any measured value, percentile, sample or trace line fails here with its full digest. A
/// deliberate behaviour change re-records the fingerprints in the commit that makes it, and says so.
@Suite struct GoldenRunsTests {
    /// Recorded from main at b09ba1c, before the kernel was extracted. The 13 runs with a reference pool were
    /// re-recorded when the kernel met the library presets: `PoolCounters.closedByReason` gained a slot for
    /// the new `max idle` close reason (always 0 here). With that slot dropped, every digest line of all 25
    /// runs was compared with the kernel branch's and found identical.
    static let expected: [String: String] = [
        "closed-loop-mix-bursts-6": "3c0e0207c69b120b",
        "closed-loop-mix-bursts-7": "ae7a5052813dbf47",
        "constant-arrivals-session-state": "b1c5e3fba53658a6",
        "deadlock": "943c1de9edffa57a",
        "fleet-8": "01eedb5856dee284",
        "fleet-9": "a0b2048a8e244cc7",
        "lab-pool-world": "f337177bda1ede69",
        "lab-proxy-world": "5ff5a5bf49c99175",
        "mmc-1": "a66c449db8ee7a34",
        "mmc-2": "20c7d7eb70cf61a1",
        "mmc-3": "ee530555929b9256",
        "overload-retries-4": "10ac20aae957611a",
        "overload-retries-5": "781c7bff1c070462",
        "proxy-lab-fan-in": "15bb27ba3a729ff7",
        "proxy-lab-fleet": "a9e8f987494b29ce",
        "proxy-lab-modes": "ef0f509506003cf9",
        "proxy-overload": "991201afbd7b1763",
        "proxy-session-1": "d3318ca61f44828c",
        "proxy-session-2": "8084c90285604623",
        "proxy-statement-1": "b35e249edce218c5",
        "proxy-statement-2": "6afd94a0e26f3a8a",
        "proxy-transaction-1": "f07e425697a0c961",
        "proxy-transaction-2": "2201e9aa7d884f78",
        "stopped-early": "b4a9e30473967473",
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
