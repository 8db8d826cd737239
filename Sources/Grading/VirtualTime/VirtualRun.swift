import Foundation
import PoolWorld
import Synchronization

/// Runs async code deterministically on the calling thread, in virtual time.
///
/// All tasks run one job at a time (see `JobCapture`). Virtual time moves only when no job is ready: then
/// the earliest sleeper wakes, and the clock jumps to its deadline. So a run never sleeps for real, gives the
/// same interleaving every time, and cannot be starved on a one-core machine. A run that can make no more
/// progress (every task waits for something nobody will do) ends as `stuck` instead of hanging.
final class VirtualRun: Sendable {
    enum Ending: Equatable, Sendable {
        /// The body returned.
        case finished
        /// Nothing could run and nothing was scheduled: some task waits for ever.
        case stuck
        /// More than the job budget ran: something keeps itself busy (a loop of `Task.yield`).
        case busy
        /// `stop` said so.
        case stopped
        /// Virtual time passed `timeLimit` while the body still waited (timers kept firing, nothing ended).
        case overtime
    }

    private struct Sleeper {
        var deadline: Int64
        var id: Int
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Int64 = 0
        var sleepers: [Sleeper] = []
        var nextID = 0
    }

    private let state = Mutex(State())

    /// The current virtual instant.
    var now: SimInstant { SimInstant(nanoseconds: state.withLock { $0.now }) }

    /// The clock a learner's pool gets.
    var clock: PoolClock {
        PoolClock(now: { [self] in now }, sleep: { [self] in try await sleep(until: $0) })
    }

    /// Suspends until `deadline`; at once if it has passed, unless `settling`, which waits for every ready
    /// job to run first. Throws `CancellationError` when the task is cancelled.
    func sleep(until deadline: SimInstant, settling: Bool = false) async throws {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let early: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline.nanoseconds < state.now || (deadline.nanoseconds == state.now && !settling) {
                        return .success(())
                    }
                    state.sleepers.append(Sleeper(deadline: deadline.nanoseconds, id: id, continuation: continuation))
                    return nil
                }
                if let early { continuation.resume(with: early) }
            }
        } onCancel: {
            let continuation = state.withLock { state in
                state.sleepers.firstIndex { $0.id == id }.map { state.sleepers.remove(at: $0).continuation }
            }
            continuation?.resume(throwing: CancellationError())
        }
    }

    /// Waits until every task that can run has run, without moving time.
    func settle() async {
        try? await sleep(until: now, settling: true)
    }

    /// Sleeps `duration` of virtual time (the grader's own waits; not cancellable).
    func pass(_ duration: SimDuration) async {
        try? await sleep(until: now + duration, settling: true)
    }

    /// Wakes the earliest sleeper (the first to ask, among equals), moving time to its deadline.
    private func wakeEarliest() -> Bool {
        let continuation = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard
                let index = state.sleepers.indices.min(by: {
                    (state.sleepers[$0].deadline, state.sleepers[$0].id)
                        < (state.sleepers[$1].deadline, state.sleepers[$1].id)
                })
            else { return nil }
            let sleeper = state.sleepers.remove(at: index)
            state.now = max(state.now, sleeper.deadline)
            return sleeper.continuation
        }
        continuation?.resume()
        return continuation != nil
    }

    /// Runs `body` to its end (or until it is stuck, busy, or `stop` holds). Call it from synchronous code,
    /// once per run; it blocks the calling thread, which is the only one that runs the body's tasks meanwhile.
    func run(
        jobBudget: Int = 2_000_000, quietWait: Duration = .milliseconds(300), timeLimit: SimDuration = .minutes(10),
        stop: @escaping @Sendable () -> Bool = { false },
        _ body: @escaping @Sendable () async -> Void
    ) -> Ending {
        precondition(JobCapture.installed, "this Swift runtime does not let the grader run tasks in virtual time")
        JobCapture.exclusive.lock()
        defer { JobCapture.exclusive.unlock() }
        JobCapture.begin()
        defer { JobCapture.end() }
        let finished = Atomic(false)
        Task {
            await body()
            finished.store(true, ordering: .releasing)
        }
        let executor = CapturedExecutor.shared.asUnownedSerialExecutor()
        var jobs = 0
        while true {
            if let job = JobCapture.next() {
                job.runSynchronously(on: executor)
                jobs += 1
                if jobs > jobBudget { return .busy }
                if jobs % 1024 == 0, stop() { return .stopped }
                continue
            }
            if finished.load(ordering: .acquiring) { return .finished }
            if stop() { return .stopped }
            if now.sinceStart > timeLimit { return .overtime }
            if wakeEarliest() { continue }
            if !JobCapture.waitForWork(upTo: quietWait) { return .stuck }
        }
    }
}
