import PoolWorld

/// `max_connections` on the private cluster, reached for real: ordinary logins until PostgreSQL refuses one
/// (the reserved slots), then superuser logins until it refuses those too; beside the world's refusals for
/// the same settings.
public struct SlotRefusals: Hashable, Sendable {
    public var maxConnections: Int
    public var reserved: Int
    /// Backends already open when the test began (PgBouncer's idle server connections).
    public var alreadyOpen: Int
    public var ordinaryOpened: Int
    public var ordinaryRefusal: String?
    public var superuserOpened: Int
    public var superuserRefusal: String?
    /// What the world says for the same settings, when its pool asks for one connection too many.
    public var worldOrdinaryRefusal: String?
    /// The world's text when even the reserved slots are full (superusers only reach it).
    public var worldSuperuserRefusal: String

    /// Fills the real cluster, then closes everything it opened.
    public static func measure(_ lab: RealServerLab) throws(PGError) -> SlotRefusals {
        let admin = try lab.connectAsAdmin()
        let open =
            Int(
                try admin.execute("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'").summary
            )
            ?? 0
        admin.close()
        var connections: [PGConnection] = []
        defer { connections.forEach { $0.close() } }
        var ordinaryRefusal: String?
        // Bounded: no more attempts than there are slots, plus the one that is refused.
        for _ in 0...ClusterFiles.maxConnections {
            do {
                connections.append(try lab.connect(.trust, viaBouncer: false))
            } catch {
                ordinaryRefusal = error.description
                break
            }
        }
        let ordinary = connections.count
        var superuserRefusal: String?
        for _ in 0...ClusterFiles.maxConnections {
            do {
                connections.append(try lab.connectAsAdmin())
            } catch {
                superuserRefusal = error.description
                break
            }
        }
        return SlotRefusals(
            maxConnections: ClusterFiles.maxConnections, reserved: ClusterFiles.superuserReserved, alreadyOpen: open,
            ordinaryOpened: ordinary, ordinaryRefusal: ordinaryRefusal, superuserOpened: connections.count - ordinary,
            superuserRefusal: superuserRefusal, worldOrdinaryRefusal: worldRefusal(),
            worldSuperuserRefusal: DatabaseError.tooManyClients.description)
    }

    /// Runs the world with the same max_connections and a pool one larger than the ordinary slots.
    static func worldRefusal() -> String? {
        var database = DatabaseConfig()
        database.maxConnections = ClusterFiles.maxConnections
        database.superuserReservedConnections = ClusterFiles.superuserReserved
        database.setup = .loopbackTrust
        var pool = PoolConfig()
        pool.maxSize = database.slotsForOrdinaryRoles + 1
        let world = ReferenceWorld(database: database, pool: pool)
        for index in 0..<pool.maxSize { _ = try? world.borrow("c\(index)") }
        // The opens take virtual time; a second is far more than they need.
        _ = try? world.advance(by: .seconds(1))
        for event in world.trace {
            if case .openFailed(_, let error) = event.kind { return error.description }
        }
        return nil
    }
}
