import PoolWorld

/// One step of the modes program as the real lab runs it: the world's steps, plus a WITH HOLD cursor and a
/// protocol-level prepared statement, which the world's program leaves out.
public struct ModeStep: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A simple-protocol statement.
        case sql
        /// Parse of a named statement (libpq's PQprepare): the extended protocol, no SQL PREPARE.
        case protocolPrepare(name: String)
        /// Bind and Execute of that statement (PQexecPrepared).
        case protocolExecute(name: String)
    }

    public var client: String
    public var sql: String
    public var kind: Kind
    /// What has gone wrong when the answer differs from session mode's.
    public var why: String

    public init(_ client: String, _ sql: String, kind: Kind = .sql, why: String) {
        self.client = client
        self.sql = sql
        self.kind = kind
        self.why = why
    }

    /// Whether the world can run this step (it has no extended protocol).
    public var inWorld: Bool { kind == .sql }

    /// `alice: SET statement_timeout = '5ms'`, or `alice: Parse p1 (SELECT 42)` for the protocol steps.
    public var title: String {
        switch kind {
        case .sql: "\(client): \(sql)"
        case .protocolPrepare(let name): "\(client): Parse \(name) (\(sql)), protocol level"
        case .protocolExecute(let name): "\(client): Bind/Execute \(name), protocol level"
        }
    }

    /// The world's program (`ProxyLab.modesProgram`), then the features it leaves out.
    public static let program: [ModeStep] =
        ProxyLab.modesProgram.map { ModeStep($0.client, $0.sql, why: $0.why) } + [
            ModeStep("alice", "BEGIN", why: "statement mode refuses transaction blocks"),
            ModeStep("alice", "DECLARE c CURSOR WITH HOLD FOR SELECT 7", why: "a WITH HOLD cursor stays behind"),
            ModeStep("alice", "COMMIT", why: "alice's transaction did not survive"),
            ModeStep("bob", "BEGIN", why: "bob pins the server connection that holds alice's cursor"),
            ModeStep("alice", "FETCH c", why: "alice's cursor is on another server connection"),
            ModeStep("bob", "COMMIT", why: "bob's transaction did not survive"),
            ModeStep(
                "alice", "SELECT 42", kind: .protocolPrepare(name: "p1"), why: "Parse stays on one server connection"),
            ModeStep("bob", "BEGIN", why: "bob pins the server connection that parsed p1"),
            ModeStep(
                "alice", "", kind: .protocolExecute(name: "p1"),
                why: "alice's Bind lands on a server connection that never parsed p1"),
            ModeStep("bob", "COMMIT", why: "bob's transaction did not survive"),
        ]
}

/// What one client saw at one step: a value, a command tag, or an error, and the notifications it heard.
public struct ModeCell: Hashable, Sendable {
    /// `t`, `5ms`, `SET`, `ERROR: prepared statement "q" does not exist`, `(no answer)`.
    public var text: String
    public var failed: Bool
    /// Whether `text` is a returned value (a row) rather than a command tag.
    public var isValue: Bool
    /// `alice hears NOTIFY jobs`: notifications that arrived during this step, by client.
    public var heard: [String]
    /// Set when the client had to reconnect first (statement mode closed it).
    public var reconnected: Bool

    public init(text: String, failed: Bool, isValue: Bool, heard: [String] = [], reconnected: Bool = false) {
        self.text = text
        self.failed = failed
        self.isValue = isValue
        self.heard = heard
        self.reconnected = reconnected
    }

    /// The cell as printed: `(bob reconnects) t; alice hears NOTIFY jobs`.
    public var shown: String {
        (reconnected ? "(reconnects) " : "") + ([text] + heard).joined(separator: "; ")
    }

    /// Whether two runs of a step agree: both failed with the same text, or both succeeded with the same
    /// value (a command tag is not compared: the world says `ok` where PostgreSQL says `CREATE TABLE`), and
    /// the same clients heard the same notifications.
    public func agrees(with other: ModeCell) -> Bool {
        guard failed == other.failed, heard == other.heard else { return false }
        if failed { return ModeCell.normalise(text) == ModeCell.normalise(other.text) }
        if isValue && other.isValue { return text == other.text }
        return true
    }

    static func normalise(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
