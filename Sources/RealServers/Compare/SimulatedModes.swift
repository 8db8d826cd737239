import PoolWorld

/// The modes program in the world: the same clients, the same steps, PgBouncer in one mode with pools of 2.
public enum SimulatedModes {
    /// One cell per step; nil for a step the world cannot run (the extended protocol).
    public static func run(_ mode: PoolMode, program: [ModeStep] = ModeStep.program) -> [ModeCell?] {
        let world = ProxyWorld(scenario: ProxyLab.modesScenario(mode: mode))
        for name in ["alice", "bob"] { _ = try? world.connect(name) }
        return program.map { step -> ModeCell? in
            guard step.inWorld else { return nil }
            var reconnected = false
            if world.closedWith(step.client) != nil {
                _ = try? world.connect(step.client)
                reconnected = true
            }
            let lines = (try? world.query(step.client, step.sql, limit: .minutes(1))) ?? []
            var heard: [String] = []
            for line in lines {
                guard case .clientNotified(let client?, _, let channel, _, _) = line.kind else { continue }
                heard.append("\(client) hears NOTIFY \(channel)")
            }
            if let closed = world.closedWith(step.client) {
                return ModeCell(
                    text: closed.description, failed: true, isValue: false, heard: heard, reconnected: reconnected)
            }
            guard let result = world.lastResult(of: step.client) else {
                return ModeCell(
                    text: "(no answer)", failed: true, isValue: false, heard: heard, reconnected: reconnected)
            }
            let isValue =
                !step.sql.uppercased().hasPrefix("SET")
                && (step.sql.uppercased().hasPrefix("SELECT")
                    || step.sql.uppercased().hasPrefix("SHOW") || step.sql.uppercased().hasPrefix("EXECUTE")
                    || step.sql.uppercased().hasPrefix("FETCH"))
            return ModeCell(
                text: result.summary.isEmpty ? "ok" : result.summary, failed: result.error != nil,
                isValue: isValue && result.error == nil && !result.summary.isEmpty, heard: heard,
                reconnected: reconnected)
        }
    }
}
