import PoolWorld

/// What `load`, `compare` and the learner-pool child run: the workload flags over a base scenario.
///
/// One description for all three, so that the learner's pool in its child process and the reference pool in
/// the shell run the very same scenario, seed included.
struct LoadPlan: Codable, Sendable {
    var options: WorkloadOptions
    /// A connection per request (`--no-pool`): each is closed as soon as it comes back.
    var noPool = false

    init(options: WorkloadOptions, noPool: Bool = false) {
        self.options = options
        self.noPool = noPool
    }

    /// Reads `load`'s flags (`--svg`, `--pool` and `--presets` are taken out by the caller first).
    static func parse(_ words: [String]) throws(ShellError) -> LoadPlan {
        var words = words
        let noPool = words.contains("--no-pool")
        words.removeAll { $0 == "--no-pool" }
        do {
            return LoadPlan(options: try WorkloadOptions.parse(words), noPool: noPool)
        } catch {
            throw .usage(error.message)
        }
    }

    /// The scenario over `base` (the lab's settings; nil: `poolschool sim`'s defaults), sampled for charts.
    func scenario(base: Scenario?) throws(ShellError) -> Scenario {
        var scenario: Scenario
        do {
            scenario = try options.scenario(base: base)
        } catch {
            throw .usage(error.message)
        }
        if noPool {
            scenario.pool.maxSize = max(scenario.pool.maxSize, 1_000)
            scenario.pool.minIdle = 0
            scenario.pool.maxIdle = nil
            scenario.pool.maxLifetime = .nanoseconds(1)
            scenario.pool.lifetimeJitter = 0
            scenario.warmStart = false
        }
        scenario.options.sampleInterval = LoadRun.sampleInterval(scenario)
        return scenario
    }

    /// Takes `--flag VALUE` or `--flag=VALUE` out of `words`; nil when it is not there.
    static func take(_ flag: String, from words: inout [String]) throws(ShellError) -> String? {
        guard let index = words.firstIndex(where: { $0 == flag || $0.hasPrefix(flag + "=") }) else { return nil }
        if words[index].hasPrefix(flag + "=") {
            let value = String(words[index].dropFirst(flag.count + 1))
            words.remove(at: index)
            guard !value.isEmpty else { throw .usage("\(flag) needs a value") }
            return value
        }
        guard index + 1 < words.count, !words[index + 1].hasPrefix("--") else {
            throw .usage("\(flag) needs a value")
        }
        let value = words[index + 1]
        words.removeSubrange(index...(index + 1))
        return value
    }
}
