/// A real library's pool as the reference pool plays it: that library's documented defaults and behaviours.
///
/// Each preset lives in its own file, which names where every default comes from. What a library does that
/// the reference pool cannot express is said in `notModelled`, so a lesson never claims more than the world
/// shows.
public struct PoolPreset: Hashable, Sendable {
    /// What `config preset=NAME` and `--preset NAME` take: `hikaricp`.
    public let name: String
    /// Other spellings accepted: `hikari`.
    public let aliases: [String]
    /// The library and the version its defaults are from: `HikariCP 6.3`.
    public let library: String
    /// The reference pool's settings that behave like the library's defaults.
    public let config: PoolConfig
    /// What the library does that the world does not play, one sentence.
    public let notModelled: String

    public init(name: String, aliases: [String] = [], library: String, config: PoolConfig, notModelled: String) {
        self.name = name
        self.aliases = aliases
        self.library = library
        self.config = config
        self.notModelled = notModelled
    }

    /// The seven libraries the course compares, in the order lesson 13 discusses them.
    public static let all: [PoolPreset] = [
        .hikariCP, .sqlAlchemy, .nodePostgres, .goDatabaseSQL, .pgxpool, .deadpool, .postgresNIO,
    ]

    /// The names `named(_:)` takes (aliases not included).
    public static var names: [String] { all.map(\.name) }

    /// The preset called `name` or one of its aliases, ignoring case.
    public static func named(_ name: String) -> PoolPreset? {
        let wanted = name.lowercased()
        return all.first { $0.name == wanted || $0.aliases.contains(wanted) }
    }

    /// The preset called `name`, or an error that lists the names.
    public static func lookup(_ name: String) throws(InputError) -> PoolPreset {
        guard let preset = named(name) else {
            throw InputError("no pool preset '\(name)'; the presets are \(names.joined(separator: ", "))")
        }
        return preset
    }
}
