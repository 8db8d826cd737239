import Foundation
import PoolWorld

/// The clock an async pool (exercise 7) runs on: the grader's virtual time, or real time outside it.
///
/// Read `now` for the instant to hand the state machine (`handle(_:at:into:)`), and sleep with
/// `sleep(until:)` to wait for a timer's instant. In the grader, time moves only when every task is waiting,
/// so a 30-second timeout costs nothing and every run is the same; `Task.sleep` and `ContinuousClock` there
/// measure real time, which the grader's world does not see.
public struct PoolClock: Sendable {
    private let reading: @Sendable () -> SimInstant
    private let sleeping: @Sendable (SimInstant) async throws -> Void

    /// A clock from its two operations (the grader makes one over its virtual time).
    public init(
        now: @escaping @Sendable () -> SimInstant, sleep: @escaping @Sendable (SimInstant) async throws -> Void
    ) {
        reading = now
        sleeping = sleep
    }

    /// The current instant: time since the clock started.
    public var now: SimInstant { reading() }

    /// Suspends until `deadline` (returns at once if it has passed). Throws `CancellationError` as soon as the
    /// task is cancelled, so a cancelled timer task ends without firing.
    public func sleep(until deadline: SimInstant) async throws {
        try await sleeping(deadline)
    }

    /// Suspends for `duration` from now.
    public func sleep(for duration: Duration) async throws {
        try await sleeping(now + SimDuration(duration))
    }

    /// The instant `duration` from now: a deadline to hand the machine or to `sleep(until:)`.
    public func instant(after duration: Duration) -> SimInstant {
        now + SimDuration(duration)
    }

    /// The time left until `instant` (negative once it has passed), as a `Duration`.
    public func duration(until instant: SimInstant) -> Duration {
        Duration(instant - now)
    }

    /// Real time, counted from the moment this is called (what `Connector`s made outside the grader use).
    public static func continuous() -> PoolClock {
        let start = ContinuousClock.now
        let now: @Sendable () -> SimInstant = {
            SimInstant(nanoseconds: SimDuration(ContinuousClock.now - start).nanoseconds)
        }
        return PoolClock(now: now) { deadline in
            let left = deadline - now()
            if left.nanoseconds > 0 { try await Task.sleep(for: Duration(left)) } else { try Task.checkCancellation() }
        }
    }
}

extension SimDuration {
    /// The same length of time as `duration`, to the nanosecond (`SimDuration(.milliseconds(50))`).
    public init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self.init(nanoseconds: seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

extension Duration {
    /// The same length of time as `duration` (`Duration(instant - clock.now)` is the time left).
    public init(_ duration: SimDuration) {
        self = .nanoseconds(duration.nanoseconds)
    }
}
