/// Something going wrong on purpose, injected into a running world from the lab.
public enum Fault: Hashable, Sendable, CustomStringConvertible {
    /// The database restarts: every connection dies and new ones fail while it starts up.
    case restart
    /// An administrator ends one connection (`pg_terminate_backend`), named as traces name it (`c3`).
    case killConnection(String)
    /// A firewall that silently forgets connections idle longer than this (nil removes it).
    case firewall(idleLimit: SimDuration?)
    /// Authentication takes this much longer than usual.
    case slowAuthentication(extra: SimDuration)
    /// Every authentication fails (true) or works again (false).
    case authenticationFails(Bool)
    /// The server's `idle_session_timeout` (nil: off).
    case idleSessionTimeout(SimDuration?)
    /// The server's `idle_in_transaction_session_timeout` (nil: off).
    case idleInTransactionTimeout(SimDuration?)
    /// The server's `max_connections` (takes effect for new connections).
    case maxConnections(Int)

    public var description: String {
        switch self {
        case .restart: "database restart"
        case .killConnection(let name): "administrator terminates \(name)"
        case .firewall(let limit): limit.map { "firewall drops connections idle over \($0)" } ?? "firewall removed"
        case .slowAuthentication(let extra): "authentication \(extra) slower"
        case .authenticationFails(let fails): fails ? "authentication fails" : "authentication works again"
        case .idleSessionTimeout(let value): "idle_session_timeout = \(value.map { "\($0)" } ?? "0")"
        case .idleInTransactionTimeout(let value):
            "idle_in_transaction_session_timeout = \(value.map { "\($0)" } ?? "0")"
        case .maxConnections(let value): "max_connections = \(value)"
        }
    }
}
