/// The three ways the lab logs in, the three rows of lesson 02's table.
public enum LoginMethod: String, CaseIterable, Hashable, Sendable {
    case trust
    case scram
    case tlsScram = "tls-scram"

    /// The role and TLS setting of this login.
    public func info(port: Int, database: String) -> ConnectionInfo {
        switch self {
        case .trust: ConnectionInfo(port: port, database: database, user: ClusterFiles.trustUser)
        case .scram:
            ConnectionInfo(
                port: port, database: database, user: ClusterFiles.scramUser, password: ClusterFiles.scramPassword)
        case .tlsScram:
            ConnectionInfo(
                port: port, database: database, user: ClusterFiles.scramUser, password: ClusterFiles.scramPassword,
                tls: true)
        }
    }

    public var title: String {
        switch self {
        case .trust: "trust"
        case .scram: "SCRAM"
        case .tlsScram: "TLS + SCRAM"
        }
    }
}
