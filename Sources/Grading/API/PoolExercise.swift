import PoolWorld

/// A pool a learner writes for exercises 2 to 6: a sans-I/O state machine with the shape of `ReferencePool`.
///
/// The grader creates it with `init(config:)`, then plays the world's part: it sends `PoolEvent`s (borrows,
/// returns, connections opening, timers firing) and carries out the `PoolAction`s the pool appends, checking
/// the pool's contract after every step. The lab and `poolschool sim` run the same type in PoolWorld.
public protocol PoolExercise: ConnectionPoolStateMachine, SendableMetatype {
    /// A pool with these settings (each exercise says which it uses). Draw any random choice, such as the
    /// lifetime jitter, from `WorldRandom(seed: seed)`, so that a seed replays a run exactly.
    init(config: PoolConfig, seed: UInt64)

    /// The settings the pool was made with (the stubs keep them in `let config`).
    var config: PoolConfig { get }
}

extension PoolExercise {
    /// The most connections open or opening at once: always `config.maxSize + config.maxOverflow`, so a pool
    /// need not say it (a pool that declares its own must give this value; the grader checks).
    public var maximumConnections: Int { config.maxSize + config.maxOverflow }

    /// Only for pools written before `config` was required, which declare `maximumConnections` themselves and
    /// so never reach this.
    @available(*, deprecated, message: "keep the settings from init(config:seed:) in `let config: PoolConfig`")
    public var config: PoolConfig {
        fatalError(
            "\(Self.self) has no `config`: keep the settings from init(config:seed:) in `let config: PoolConfig`")
    }
}
