import PoolWorld

/// The check that a learner's pool is their own: it must not keep the world's `ReferencePool` (or, for the
/// multiplexer, its `Proxy`) inside and pass the events on.
///
/// Learner code can import any module of the package, so hiding the shipped machines from `Exercises` is not
/// possible without moving them out of the package; instead the grader looks inside the learner's value (its
/// stored properties, through optionals, collections, existentials and class instances) after a few events.
/// A machine hidden in a closure's captures or behind raw pointers escapes it; that takes intent, not a
/// shortcut found by accident.
extension ExerciseSuite {
    public static let ownMachineCheckName = "is a state machine of your own, not the shipped one wrapped"

    /// This suite, plus the check that `Pool` keeps no `ReferencePool` (exercises 2 to 6).
    public func requiringOwnMachine<Pool: PoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        adding {
            var pool = Pool(config: .plain(size: 2, borrowTimeout: .seconds(1)), seed: 1)
            var actions = PoolActions()
            for event in [PoolEvent.start, .borrowRequested(RequestID(1)), .borrowRequested(RequestID(2))] {
                pool.handle(event, at: .start, into: &actions)
            }
            return pool
        }
    }

    /// This suite, plus the check that `Multiplexer` keeps no `Proxy` (exercise 8).
    public func requiringOwnMachine<Multiplexer: MultiplexerExercise>(_ type: Multiplexer.Type) -> ExerciseSuite {
        adding { Multiplexer(config: MultiplexerConfig(poolMode: .transaction, defaultPoolSize: 2)) }
    }

    private func adding(_ make: @escaping @Sendable () -> Any) -> ExerciseSuite {
        let check = Check(name: Self.ownMachineCheckName) { _ in
            let found = ShippedMachine.find(in: make(), path: "self")
            let message = found.map {
                "your code keeps the shipped \($0.type) (at `\($0.path)`) and lets it decide: this exercise asks "
                    + "for a state machine of your own (the shipped one is there to compare with, in the lab)"
            }
            return CheckResult(name: Self.ownMachineCheckName, passed: found == nil, message: message, cases: 1)
        }
        return appending(check)
    }
}

/// Where in a value a shipped machine sits, if anywhere.
enum ShippedMachine {
    static func find(in value: Any, path: String) -> (type: String, path: String)? {
        var budget = 100_000
        return find(in: value, path: path, depth: 0, budget: &budget)
    }

    private static func find(
        in value: Any, path: String, depth: Int, budget: inout Int
    ) -> (type: String, path: String)? {
        if value is ReferencePool { return ("ReferencePool", path) }
        if value is Proxy { return ("Proxy", path) }
        guard depth < 12 else { return nil }
        for (index, child) in Mirror(reflecting: value).children.enumerated() {
            budget -= 1
            guard budget > 0 else { return nil }
            let name = child.label ?? "[\(index)]"
            if let found = find(in: child.value, path: path + "." + name, depth: depth + 1, budget: &budget) {
                return found
            }
        }
        return nil
    }
}
