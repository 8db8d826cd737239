/// Who sends requests, how often, and what each request does.
public struct Workload: Hashable, Sendable {
    /// How requests arrive.
    public enum Arrivals: Hashable, Sendable {
        /// Open loop, Poisson: independent arrivals at this average rate (queueing theory's "M").
        case poisson(ArrivalRate)
        /// Open loop, evenly spaced at this rate.
        case constant(ArrivalRate)
        /// Closed loop: this many clients, each sending a request, waiting for it, thinking, and again.
        case closedLoop(clients: Int, think: Distribution)
        /// Only the bursts.
        case none
    }

    /// Which app instance (pool) of a fleet gets a request.
    public enum Routing: String, Hashable, Sendable {
        case roundRobin = "round-robin"
        case random
    }

    /// A group of requests that all arrive at the same instant.
    public struct Burst: Hashable, Sendable {
        public var at: SimDuration
        public var count: Int

        public init(at: SimDuration, count: Int) {
            self.at = at
            self.count = count
        }
    }

    public var arrivals: Arrivals
    /// The kinds of request and their relative weights; each request picks one at random.
    public var mix: [(weight: Double, script: RequestScript)]
    public var bursts: [Burst] = []
    /// Stop sending after this many requests (bursts included); nil: no limit.
    public var requestLimit: Int?
    /// Stop sending after this much time; nil: no limit.
    public var duration: SimDuration?
    public var retry = RetryPolicy.never
    public var routing = Routing.roundRobin

    public init(
        arrivals: Arrivals, mix: [(weight: Double, script: RequestScript)], requestLimit: Int? = nil,
        duration: SimDuration? = nil
    ) {
        self.arrivals = arrivals
        self.mix = mix
        self.requestLimit = requestLimit
        self.duration = duration
    }

    /// Requests of one kind only.
    public init(arrivals: Arrivals, script: RequestScript, requestLimit: Int? = nil, duration: SimDuration? = nil) {
        self.init(arrivals: arrivals, mix: [(1, script)], requestLimit: requestLimit, duration: duration)
    }

    /// Problems that make this workload unusable, each a full sentence; empty when it is fine.
    public var problems: [String] {
        var found: [String] = []
        if mix.isEmpty { found.append("the workload needs at least one kind of request") }
        if mix.contains(where: { !($0.weight > 0) || !$0.weight.isFinite }) {
            found.append("every request kind needs a weight above zero")
        }
        if requestLimit == nil && duration == nil {
            if case .none = arrivals {
            } else {
                found.append("the workload needs a request limit or a duration, or it would never end")
            }
        }
        if let requestLimit, requestLimit < 0 { found.append("the request limit must be 0 or more") }
        if case .closedLoop(let clients, _) = arrivals, clients < 1 {
            found.append("a closed loop needs at least one client, got \(clients)")
        }
        if retry.maxAttempts < 1 { found.append("retries need at least one attempt, got \(retry.maxAttempts)") }
        return found
    }

    public static func == (lhs: Workload, rhs: Workload) -> Bool {
        lhs.arrivals == rhs.arrivals && lhs.bursts == rhs.bursts && lhs.requestLimit == rhs.requestLimit
            && lhs.duration == rhs.duration && lhs.retry == rhs.retry && lhs.routing == rhs.routing
            && lhs.mix.map(\.weight) == rhs.mix.map(\.weight) && lhs.mix.map(\.script) == rhs.mix.map(\.script)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(arrivals)
        hasher.combine(requestLimit)
        hasher.combine(mix.map(\.script))
    }
}
