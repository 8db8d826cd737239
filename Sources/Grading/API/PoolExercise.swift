/// A pool a learner writes for exercises 2 to 6: a sans-I/O state machine with the shape of `ReferencePool`.
///
/// The grader creates it with `init(config:)`, then plays the world's part: it sends `PoolEvent`s (borrows,
/// returns, connections opening, timers firing) and carries out the `PoolAction`s the pool appends, checking
/// the pool's contract after every step. `Simulation.run(_:pools:)` and `World` accept the same type, so the
/// pool also runs in `poolschool sim` and the lab.
public protocol PoolExercise: ConnectionPoolStateMachine, SendableMetatype {
    /// A pool with these settings (each exercise says which it uses). Draw any random choice, such as the
    /// lifetime jitter, from `WorldRandom(seed: seed)`, so that a seed replays a run exactly.
    init(config: PoolConfig, seed: UInt64)
}
