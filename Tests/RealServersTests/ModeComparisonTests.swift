import PoolWorld
import Testing

@testable import RealServers

@Suite struct ModeComparisonTests {
    static let servers = RunningServers(
        postgresPort: 1, bouncerPort: 2, postgresPID: 3, bouncerPID: 4, postgresVersion: "15.18 (Debian)",
        bouncerVersion: "1.18.0", owner: 5)

    @Test func cellsAgreeOnOutcomeAndValueNotOnCommandTags() {
        let ok = ModeCell(text: "ok", failed: false, isValue: false)
        #expect(ok.agrees(with: ModeCell(text: "CREATE TABLE", failed: false, isValue: false)))
        #expect(
            !ModeCell(text: "t", failed: false, isValue: true).agrees(
                with: ModeCell(text: "f", failed: false, isValue: true)))
        let missing = ModeCell(text: "ERROR: prepared statement \"q\" does not exist", failed: true, isValue: false)
        #expect(
            missing.agrees(
                with: ModeCell(text: "ERROR:  prepared statement \"q\" does not exist", failed: true, isValue: false)))
        #expect(!missing.agrees(with: ok))
        var heard = ok
        heard.heard = ["alice hears NOTIFY jobs"]
        #expect(!heard.agrees(with: ok))
    }

    @Test func theWorldsProgramComesFirstThenTheFeaturesItLeavesOut() {
        #expect(ModeStep.program.prefix(ProxyLab.modesProgram.count).map(\.sql) == ProxyLab.modesProgram.map(\.sql))
        #expect(ModeStep.program.contains { $0.sql.contains("WITH HOLD") })
        #expect(ModeStep.program.contains { if case .protocolExecute = $0.kind { true } else { false } })
    }

    @Test func aFailedProtocolExecuteIsExpectedOnlyBeforePgBouncer121() {
        let step = ModeStep.program.first { if case .protocolExecute = $0.kind { true } else { false } }!
        let failed = ModeCell(text: "ERROR: prepared statement \"p1\" does not exist", failed: true, isValue: false)
        let old = VersionDifferences.explainUnsimulated(step, mode: .transaction, real: failed, servers: Self.servers)
        guard case .expected(let reason) = old else {
            Issue.record("expected an explained difference, got \(old)")
            return
        }
        #expect(reason.contains("PgBouncer 1.18.0 predates 1.21's max_prepared_statements"))
        var newer = Self.servers
        newer.bouncerVersion = "1.25.2"
        #expect(
            VersionDifferences.explainUnsimulated(step, mode: .transaction, real: failed, servers: newer) == .differs)
        #expect(
            VersionDifferences.explainUnsimulated(step, mode: .session, real: failed, servers: Self.servers)
                == .notInWorld)
    }

    @Test func anUnexplainedDifferenceIsFlagged() {
        let program = [ModeStep("alice", "SHOW statement_timeout", why: "test")]
        let rows = ModeComparison.compare(
            mode: .transaction, simulated: [ModeCell(text: "5ms", failed: false, isValue: true)],
            real: [ModeCell(text: "0", failed: false, isValue: true)], servers: Self.servers, program: program)
        #expect(rows.map(\.verdict) == [.differs])
        let same = ModeComparison.compare(
            mode: .transaction, simulated: [ModeCell(text: "5ms", failed: false, isValue: true)],
            real: [ModeCell(text: "5ms", failed: false, isValue: true)], servers: Self.servers, program: program)
        #expect(same.map(\.verdict) == [.same])
    }

    @Test func aStatementTimeoutOnlyTheRealServerMetIsLabelledTimingNotHidden() {
        let program = [ModeStep("alice", "CREATE TEMP TABLE cart (id int)", why: "test")]
        let rows = ModeComparison.compare(
            mode: .session, simulated: [ModeCell(text: "CREATE TABLE", failed: false, isValue: false)],
            real: [ModeCell(text: "ERROR: canceling statement due to statement timeout", failed: true, isValue: false)],
            servers: Self.servers, program: program)
        #expect(rows.map(\.verdict) == [.expected(VersionDifferences.timingReason)])
        let otherError = ModeComparison.compare(
            mode: .session, simulated: [ModeCell(text: "CREATE TABLE", failed: false, isValue: false)],
            real: [ModeCell(text: "ERROR: relation \"cart\" already exists", failed: true, isValue: false)],
            servers: Self.servers, program: program)
        #expect(otherError.map(\.verdict) == [.differs])
    }

    @Test func theWorldRunsItsPartOfTheProgramInEveryMode() {
        let session = SimulatedModes.run(.session)
        #expect(session.count == ModeStep.program.count)
        #expect(session.compactMap { $0 }.count == ModeStep.program.filter(\.inWorld).count)
        #expect(session.compactMap { $0 }.allSatisfy { !$0.failed })
        let transaction = SimulatedModes.run(.transaction)
        #expect(transaction.compactMap { $0 }.contains { $0.failed })
    }
}
