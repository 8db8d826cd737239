/// Everything a run through the proxy needs: the database, the proxy's configuration, the pods in front of it,
/// the workload and the seed.
///
/// Each pod is an application instance with its own small pool of client connections to the proxy: it opens
/// them on demand, up to `clientsPerPod`, keeps them open, and queues its requests (FIFO, no timeout) when
/// all are busy. Requests are routed to pods as the workload says (closed-loop client `k` lives on pod
/// `k mod pods`). A request that ends with its connection inside a transaction rolls it back before giving
/// the connection back, as application pools do on return.
public struct ProxyScenario: Hashable, Sendable {
    public var database = DatabaseConfig()
    public var proxy = ProxyConfig()
    /// Application instances in front of the proxy.
    public var pods = 1
    /// Client connections each pod may keep open to the proxy.
    public var clientsPerPod = 20
    /// The `[databases]` name the pods connect to; nil: the first entry.
    public var databaseName: String?
    /// The user the pods log in as.
    public var user = "app"
    public var workload: Workload
    /// The seed for every random choice; the same seed replays the same run, event for event.
    public var seed: UInt64 = 1
    public var options = RunOptions()
    /// What passing through the proxy adds to each statement a client runs: the extra leg and PgBouncer's own
    /// work. Measured with pgbench on loopback (PostgreSQL 15, PgBouncer 1.18): 0.05-0.13 ms per query over a
    /// direct connection's; the world takes the middle.
    public var hop = SimDuration.microseconds(90)
    /// A client's login to the proxy (TCP, startup packet, trust authentication, PgBouncer's cached parameters):
    /// pgbench -C through PgBouncer with trust measured 0.3 ms per connect + `SELECT 1` + disconnect, of which
    /// the `SELECT 1` through the proxy is about 0.14 ms; the server connection is already open.
    public var clientLogin = SimDuration.microseconds(150)

    public init(workload: Workload) {
        self.workload = workload
    }

    /// The database the pods connect to.
    public var podDatabase: String { databaseName ?? proxy.databases.first?.name ?? "app" }

    /// Problems that make this scenario unusable, each a full sentence; empty when it is fine.
    public var problems: [String] {
        var found = proxy.problems + workload.problems
        if clientLogin < .zero { found.append("the client login cannot take negative time, got \(clientLogin)") }
        if hop < .zero { found.append("the proxy hop cannot be negative, got \(hop)") }
        if pods < 1 { found.append("the scenario needs at least one pod, got \(pods)") }
        if clientsPerPod < 1 { found.append("each pod needs at least one client connection, got \(clientsPerPod)") }
        if let cores = database.cores, cores < 1 { found.append("the database needs at least one core, got \(cores)") }
        for script in workload.mix.map(\.script) {
            for step in script.steps {
                switch step {
                case .borrowSecond, .releaseSecond:
                    found.append(
                        "script \"\(script.name)\" borrows a second connection; through the proxy a request uses one")
                default: continue
                }
                break
            }
        }
        if let interval = options.sampleInterval, interval <= .zero {
            found.append("the sample interval must be above zero")
        }
        return found
    }
}
