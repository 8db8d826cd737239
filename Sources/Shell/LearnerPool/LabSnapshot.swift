import PoolWorld

/// The lab's settings as text, so that the learner-pool child rebuilds exactly the lab the shell has.
///
/// Every pool and database setting is reached through a `config` key, a preset or a scenario, so these three
/// rebuild it; `rebuild` checks that every key reads back the same, and refuses a lab it cannot reproduce.
struct LabSnapshot: Codable, Sendable, Equatable {
    var scenario: String
    var preset: String?
    /// `config` keys and their values, in `LabConfigKey.all`'s order.
    var settings: [[String]]

    init(_ lab: LabState) {
        scenario = lab.scenario.name
        preset = lab.presetName
        settings = LabConfigKey.all.map { [$0.name, $0.read(lab)] }
    }

    /// A lab with these settings (its world is fresh; only its settings matter here).
    func rebuild() throws(ShellError) -> LabState {
        guard let named = LabScenario.named(scenario) else { throw .failed("no lab scenario '\(scenario)'") }
        let lab = LabState(scenario: named)
        if let preset, let found = PoolPreset.named(preset) { lab.apply(found) }
        for pair in settings where pair.count == 2 {
            guard let key = LabConfigKey.named(pair[0]) else { continue }
            guard key.read(lab) != pair[1] else { continue }
            do {
                try key.write(lab, pair[1])
            } catch {
                throw .failed("cannot set \(pair[0])=\(pair[1]) in the pool's process: \(error.message)")
            }
        }
        lab.presetName = preset
        if LabSnapshot(lab) != self {
            throw .failed("the pool's process could not rebuild the lab's settings; 'lab reset' and try again")
        }
        return lab
    }
}
