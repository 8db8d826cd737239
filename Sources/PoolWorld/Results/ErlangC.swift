/// Queueing theory for a pool of `c` connections with Poisson arrivals and exponential holds (M/M/c).
///
/// The simulator is checked against these formulas, and lessons use them to size pools.
public struct ErlangC: Hashable, Sendable {
    /// Servers (connections).
    public var servers: Int
    /// Offered load a = λ·h, in Erlangs (average number of busy connections).
    public var offeredLoad: Double
    /// Mean hold time h.
    public var meanHold: SimDuration

    public init(servers: Int, arrivalRate: ArrivalRate, meanHold: SimDuration) {
        self.servers = servers
        self.meanHold = meanHold
        self.offeredLoad = arrivalRate.perSecond * meanHold.seconds
    }

    /// Utilisation ρ = a / c.
    public var utilisation: Double { offeredLoad / Double(servers) }

    /// Whether the queue is stable (ρ < 1); otherwise waits grow without bound.
    public var isStable: Bool { utilisation < 1 }

    /// The probability that an arriving request has to wait: Erlang's C formula.
    ///
    /// Computed through the Erlang B recurrence, which stays accurate for hundreds of servers where the
    /// textbook sum of factorials overflows.
    public var probabilityOfWaiting: Double {
        guard isStable else { return 1 }
        var blocking = 1.0
        for k in 1...max(1, servers) {
            blocking = offeredLoad * blocking / (Double(k) + offeredLoad * blocking)
        }
        let rho = utilisation
        return blocking / (1 - rho + rho * blocking)
    }

    /// Mean time spent waiting, over all requests (those that did not wait count as zero).
    public var meanWait: SimDuration {
        guard isStable else { return SimDuration(nanoseconds: .max) }
        return .seconds(probabilityOfWaiting * meanHold.seconds / (Double(servers) - offeredLoad))
    }
}
