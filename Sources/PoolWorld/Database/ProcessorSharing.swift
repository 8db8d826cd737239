/// The server's CPU: a fixed number of cores shared equally by every running query (processor sharing).
///
/// With `n` queries on `k` cores, each query advances at `min(1, k/n)` of full speed, so past `k` concurrent
/// queries throughput stays flat and every query takes longer: the reason an oversized pool makes the
/// database slower, not faster. Instead of updating every job on every change, the CPU keeps one
/// "virtual time", the service each running job has received so far; a job finishes when virtual time
/// reaches its start value plus its work. Only the job with the smallest finish value matters next.
struct ProcessorSharing {
    /// Identifies one statement on one backend.
    struct Job: Hashable {
        var backend: Int32
        var statement: UInt32
    }

    private struct Entry {
        var finish: Double
        var job: Job
    }

    /// Cores, or nil for as many as there are jobs.
    let cores: Int?
    /// Jobs running now.
    private(set) var active = 0
    /// Service received by every job running since the start, in nanoseconds of full-speed CPU.
    private var virtualTime = 0.0
    private var lastUpdate: Int64 = 0
    private var heap: [Entry] = []
    private var cancelled: Set<Job> = []
    /// Core-nanoseconds spent on queries so far, for utilisation.
    private(set) var busyCoreNanoseconds = 0.0

    init(cores: Int?) {
        self.cores = cores
    }

    /// Cores busy right now.
    var busyCores: Int { cores.map { min($0, active) } ?? active }

    private var rate: Double {
        guard let cores, active > cores else { return 1 }
        return Double(cores) / Double(active)
    }

    /// Brings virtual time up to `now`.
    mutating func advance(to now: Int64) {
        let elapsed = Double(now - lastUpdate)
        if elapsed > 0 && active > 0 {
            virtualTime += elapsed * rate
            busyCoreNanoseconds += elapsed * Double(busyCores)
        }
        lastUpdate = max(lastUpdate, now)
    }

    /// Starts a job that needs `work` nanoseconds of one core.
    mutating func start(_ job: Job, work: Int64, now: Int64) {
        advance(to: now)
        active += 1
        push(Entry(finish: virtualTime + Double(max(work, 0)), job: job))
    }

    /// Stops a running job before it finishes (statement timeout, killed backend).
    mutating func cancel(_ job: Job, now: Int64) {
        advance(to: now)
        guard heap.contains(where: { $0.job == job }), !cancelled.contains(job) else { return }
        cancelled.insert(job)
        active -= 1
    }

    /// When the next job will finish if nothing changes, or nil when the CPU is idle.
    mutating func nextCompletion(now: Int64) -> Int64? {
        advance(to: now)
        dropCancelledTop()
        guard let top = heap.first else { return nil }
        let remaining = max(0, top.finish - virtualTime)
        return now + Int64((remaining / rate).rounded(.up))
    }

    /// Removes and returns every job finished by `now`.
    mutating func takeFinished(now: Int64) -> [Job] {
        advance(to: now)
        var done: [Job] = []
        while true {
            dropCancelledTop()
            guard let top = heap.first, top.finish <= virtualTime + 0.5 else { break }
            popTop()
            active -= 1
            done.append(top.job)
        }
        return done
    }

    private mutating func dropCancelledTop() {
        while let top = heap.first, cancelled.contains(top.job) {
            cancelled.remove(top.job)
            popTop()
        }
    }

    private mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].finish < heap[parent].finish else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func popTop() {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return }
        heap[0] = last
        var parent = 0
        while true {
            var smallest = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count {
                if heap[child].finish < heap[smallest].finish { smallest = child }
            }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
