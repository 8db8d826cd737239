import Foundation
import PoolWorld
import Synchronization

/// Takes over the Swift runtime's global executor while a `VirtualRun` runs, so that every task of a check
/// (the grader's and the learner's) runs on one thread, one job at a time, in the order it became ready.
///
/// The runtime calls `swift_task_enqueueGlobal_hook`, when set, for every job bound for the global
/// executor: new tasks, tasks resumed by a continuation, default actors with work, `Task.yield`. The hook is
/// installed once; outside a run it hands each job to the runtime's own executor, unchanged.
enum JobCapture {
    private typealias Original = @convention(thin) (UnownedJob) -> Void
    private typealias Hook = @convention(thin) (UnownedJob, Original) -> Void

    /// The jobs of the run in progress; nil when no run is capturing.
    private static let queue = Mutex<[UnownedJob]?>(nil)
    /// Jobs left when a run ends belong to tasks that are abandoned with it; they are kept, never run, so
    /// that nothing of one check runs during the next.
    private static let abandoned = Mutex<[UnownedJob]>([])
    /// One run at a time in a process.
    static let exclusive = NSLock()

    /// Whether the hook could be installed (it can wherever the Swift runtime exports it).
    static let installed: Bool = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "swift_task_enqueueGlobal_hook") else { return false }
        symbol.assumingMemoryBound(to: Hook?.self).pointee = { job, original in
            let captured = JobCapture.queue.withLock { jobs in
                guard jobs != nil else { return false }
                jobs!.append(job)
                return true
            }
            if !captured { original(job) }
        }
        return true
    }()

    static func begin() {
        queue.withLock { $0 = [] }
    }

    static func end() {
        let left = queue.withLock { jobs in
            defer { jobs = nil }
            return jobs ?? []
        }
        abandoned.withLock { $0 += left }
    }

    static func append(_ job: UnownedJob) {
        queue.withLock { $0?.append(job) }
    }

    static func next() -> UnownedJob? {
        queue.withLock { jobs in jobs?.isEmpty == false ? jobs!.removeFirst() : nil }
    }

    /// Waits up to `limit` of real time for a job from outside the run (a real `Task.sleep` ending, a
    /// Dispatch callback). Only pools that step outside virtual time need it.
    static func waitForWork(upTo limit: Duration) -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if queue.withLock({ $0?.isEmpty == false }) { return true }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return queue.withLock { $0?.isEmpty == false }
    }
}

/// The executor a captured job runs on: whatever it enqueues back comes to the same queue.
final class CapturedExecutor: SerialExecutor {
    static let shared = CapturedExecutor()

    func enqueue(_ job: UnownedJob) {
        JobCapture.append(job)
    }
}
