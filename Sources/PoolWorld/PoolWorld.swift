/// The simulated world: virtual time, the fake database, the reference pool, the proxy and workloads.
public enum PoolWorld {
    public static let version = "0.1.0"
}
