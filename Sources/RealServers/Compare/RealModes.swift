import Foundation
import PoolWorld

/// The modes program against the real PgBouncer in one mode, beside the world's run of it.
public enum RealModes {
    /// Runs the program through PgBouncer's `MODE_db` with two clients, alice and bob.
    public static func run(_ lab: RealServerLab, mode: PoolMode, program: [ModeStep] = ModeStep.program)
        throws(PGError) -> [ModeCell]
    {
        let database = "\(mode.rawValue)_db"
        try lab.resetPool(database)
        var clients: [String: PGConnection] = [:]
        for name in ["alice", "bob"] { clients[name] = try lab.connect(.trust, viaBouncer: true, database: database) }
        defer { clients.values.forEach { $0.close() } }
        var cells: [ModeCell] = []
        for step in program {
            var reconnected = false
            if clients[step.client]?.isOpen != true {
                clients[step.client] = try lab.connect(.trust, viaBouncer: true, database: database)
                reconnected = true
            }
            let connection = clients[step.client]!
            var cell: ModeCell
            do {
                let reply: PGReply
                switch step.kind {
                case .sql: reply = try connection.execute(step.sql)
                case .protocolPrepare(let name): reply = try connection.prepare(name, step.sql)
                case .protocolExecute(let name): reply = try connection.executePrepared(name)
                }
                let value = reply.rows.first?.first ?? ""
                let text = value.isEmpty ? (reply.command.isEmpty ? "ok" : reply.command) : value
                // Warnings first, as the world prints them: `WARNING: there is no transaction in progress; COMMIT`.
                cell = ModeCell(
                    text: (connection.takeNotices() + [text]).joined(separator: "; "), failed: false,
                    isValue: !value.isEmpty)
            } catch {
                cell = ModeCell(text: error.description, failed: true, isValue: false)
            }
            cell.reconnected = reconnected
            if step.sql.uppercased().hasPrefix("NOTIFY") || step.sql.uppercased() == "COMMIT" {
                // A notification travels asynchronously: wait for it a moment (bounded), for any client.
                let deadline = ContinuousClock.now + .milliseconds(300)
                while ContinuousClock.now < deadline,
                    !clients.values.contains(where: { $0.waitForInput(milliseconds: 10) })
                {}
            }
            for name in ["alice", "bob"] {
                for note in clients[name]?.notifications() ?? [] {
                    cell.heard.append("\(name) hears NOTIFY \(note.channel)")
                }
            }
            cells.append(cell)
        }
        return cells
    }
}

/// One row of `real modes`: a step, the world's answer and the real one, and whether they differ.
public struct ModeComparison: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        case same
        /// The world does not run this step (the extended protocol).
        case notInWorld
        /// A difference the installed versions explain.
        case expected(String)
        /// A difference nothing explains: the world is wrong here, or the machine is odd.
        case differs
    }

    public var step: ModeStep
    public var simulated: ModeCell?
    public var real: ModeCell
    public var verdict: Verdict

    /// Compares the two runs step by step; `servers` gives the versions that explain a difference.
    public static func compare(
        mode: PoolMode, simulated: [ModeCell?], real: [ModeCell], servers: RunningServers,
        program: [ModeStep] = ModeStep.program
    ) -> [ModeComparison] {
        program.indices.map { index in
            let step = program[index]
            let sim = index < simulated.count ? simulated[index] : nil
            let cell = real[index]
            guard let sim else {
                return ModeComparison(
                    step: step, simulated: nil, real: cell,
                    verdict: VersionDifferences.explainUnsimulated(step, mode: mode, real: cell, servers: servers))
            }
            if sim.agrees(with: cell) { return ModeComparison(step: step, simulated: sim, real: cell, verdict: .same) }
            let reason = VersionDifferences.explain(step, simulated: sim, real: cell, servers: servers)
            return ModeComparison(
                step: step, simulated: sim, real: cell, verdict: reason.map { .expected($0) } ?? .differs)
        }
    }
}
