import PoolWorld

/// A named world from the source documents: its settings, its story, and the commands that show its figure.
struct LabScenario: Sendable {
    let name: String
    /// One line, for `lab --list`.
    let summary: String
    /// Markdown shown when the scenario starts: what to look for, and the document it comes from.
    let story: String
    /// Lab commands that reproduce the figure, run by `lab NAME` (the world is fresh again afterwards).
    let demo: [String]
    let configure: @Sendable (inout LabSettings) -> Void

    /// The settings this scenario starts from.
    var settings: LabSettings {
        var settings = LabSettings()
        configure(&settings)
        return settings
    }

    static func named(_ name: String) -> LabScenario? {
        catalog.first { $0.name == name }
    }

    static var names: [String] { catalog.map(\.name) }
}
