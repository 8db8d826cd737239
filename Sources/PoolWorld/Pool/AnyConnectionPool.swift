/// Any pool state machine behind one concrete type, so that the simulator runs it at full speed.
///
/// `Simulation.run(_:pools:)` is generic: called from another module with a pool type PoolWorld has never seen
/// (a learner's, in the `poolschool-pool` child), its engine runs unspecialised and spends most of its time
/// looking up generic metadata. Boxed here, the engine is specialised once, in this optimised module, and each
/// event costs one dynamic call into the pool.
public struct AnyConnectionPool: ConnectionPoolStateMachine {
    public private(set) var base: any ConnectionPoolStateMachine

    public init(_ base: any ConnectionPoolStateMachine) {
        self.base = base
    }

    public mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        base.handle(event, at: now, into: &actions)
    }

    public var metrics: PoolMetrics { base.metrics }

    public var maximumConnections: Int { base.maximumConnections }
}

extension Simulation {
    /// Runs `scenario` with pools made by `makePool`, boxed (see `AnyConnectionPool`): the fast way to run a
    /// pool type defined outside PoolWorld. (Its own name: as an overload of `run(_:pools:)` it would capture
    /// every trailing closure, the reference pool's included.)
    public static func runBoxed(_ scenario: Scenario, pools makePool: (Int) -> any ConnectionPoolStateMachine)
        -> SimulationResult
    {
        run(scenario, pools: { index in AnyConnectionPool(makePool(index)) })
    }
}
