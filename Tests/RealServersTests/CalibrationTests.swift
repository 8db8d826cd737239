import Foundation
import PoolWorld
import Testing

@testable import RealServers

@Suite struct CalibrationTests {
    static func costs(trust: Double, scram: Double, tls: Double, query: Double, tcp: Double) -> ConnectionCosts {
        func sample(_ value: Double) -> Sample { Sample(milliseconds: [value, value, value]) }
        return ConnectionCosts(
            direct: ["trust": sample(trust), "scram": sample(scram), "tls-scram": sample(tls)],
            throughBouncer: [:], keptQuery: sample(query), keptQueryThroughBouncer: sample(query),
            tcpHandshake: sample(tcp), versions: "PostgreSQL 15.18, PgBouncer 1.18.0")
    }

    @Test func takesLoginsApartByDifference() throws {
        let calibration = Calibration(
            costs: Self.costs(trust: 3.0, scram: 10.0, tls: 15.0, query: 0.05, tcp: 0.05), runs: 3)
        #expect(calibration.parts.tcp == 50)
        #expect(calibration.parts.trustAuth == 200)
        #expect(calibration.parts.scramAuth == 7_200)
        #expect(calibration.parts.tls == 5_000)
        #expect(calibration.parts.backendStart == 2_700)
        let measured = try #require(calibration.setup(named: "measured"))
        // The SCRAM login less its SELECT 1: 10 ms - 0.05 ms.
        #expect(measured.total == .microseconds(9_950))
        #expect(calibration.setup(named: "measured-tls-scram")?.total == .microseconds(14_950))
        #expect(calibration.setup(named: "measured-trust")?.total == .microseconds(2_950))
        #expect(calibration.setup(named: "scram") == nil)
    }

    @Test func aFasterSCRAMThanTrustNeverMakesANegativePart() {
        let calibration = Calibration(
            costs: Self.costs(trust: 3.0, scram: 2.0, tls: 1.0, query: 0.05, tcp: 0.05), runs: 3)
        #expect(calibration.parts.tls == 0)
        #expect(calibration.parts.scramAuth == calibration.parts.trustAuth)
    }

    @Test func loadsWhatItSavedAndRefusesNonsense() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let layout = RealLayout(home: home.path)
        #expect(throws: ServerError.self) { try Calibration.load(layout) }
        do {
            _ = try Calibration.load(layout)
        } catch {
            #expect(error.message.contains("no calibration yet: run 'real calibrate'"))
        }
        let calibration = Calibration(
            costs: Self.costs(trust: 3.0, scram: 10.0, tls: 15.0, query: 0.05, tcp: 0.05), runs: 3)
        try calibration.save(layout)
        #expect(try Calibration.load(layout) == calibration)

        try Data("{\"parts\": 3}".utf8).write(to: URL(fileURLWithPath: layout.calibration))
        do {
            _ = try Calibration.load(layout)
            Issue.record("a broken calibration.json was accepted")
        } catch {
            #expect(error.message.contains("is not a calibration poolschool can read"))
            #expect(error.message.contains("run 'real calibrate' again"))
        }

        var negative = calibration
        negative.parts.tls = -5
        try JSONEncoder().encode(negative).write(to: URL(fileURLWithPath: layout.calibration))
        do {
            _ = try Calibration.load(layout)
            Issue.record("a negative part was accepted")
        } catch {
            #expect(error.message.contains("parts.tls is -5 µs; each part must be from 0 to 60000000 µs"))
        }
    }
}
