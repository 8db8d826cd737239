/// The suite of exercise 8: six clients on a pool of one or two server connections, in each pool mode,
/// against PoolWorld's fake PostgreSQL.
public enum MultiplexerSuite {
    public static func suite<Mux: MultiplexerExercise>(_ type: Mux.Type) -> ExerciseSuite {
        ExerciseSuite(
            exercise: GradedExercise.multiplexer.name,
            checks: [
                check(
                    type, "transaction mode: many clients share few servers, one client per server at a time", 1,
                    mode: .transaction, poolSize: 2),
                check(
                    type, "session mode: a server is a client's until it leaves, then reset with DISCARD ALL", 2,
                    mode: .session, poolSize: 2),
                check(
                    type, "statement mode refuses BEGIN: transaction blocks not allowed in statement pooling mode", 3,
                    mode: .statement, poolSize: 2),
                check(type, "clients wait for a server first come, first served", 4, mode: .transaction, poolSize: 1),
            ])
    }

    static func check<Mux: MultiplexerExercise>(
        _ type: Mux.Type, _ name: String, _ number: Int, mode: PoolMode, poolSize: Int
    ) -> Check {
        PropertyCheck<MultiplexerConfig, ClientStep>(
            name: name, number: number, cases: 8, steps: 40,
            draw: { random, count in
                (MultiplexerConfig(mode: mode, poolSize: poolSize), steps(count, mode: mode, random: &random))
            },
            execute: { config, steps, _, recording in
                var harness = MultiplexerHarness<Mux>(config: config, recording: recording)
                harness.runAndFinish(steps)
                return .init(violation: harness.violation, trace: harness.log.lines)
            }
        ).check
    }

    /// Clients that run short transactions and single statements; in session mode some SET and PREPARE too.
    static func steps(_ count: Int, mode: PoolMode, random: inout WorldRandom) -> [ClientStep] {
        var inTransaction = Set<Int>()
        return (0..<count).map { _ in
            let client = 1 + random.below(6)
            let roll = random.below(20)
            if inTransaction.contains(client) {
                if roll < 12 { return .send(client: client, .selectValue("1")) }
                inTransaction.remove(client)
                return .send(client: client, .commit)
            }
            switch roll {
            case 0..<6: return .send(client: client, .selectValue("\(roll)"))
            case 6..<10:
                if mode != .statement { inTransaction.insert(client) }
                return .send(client: client, .begin)
            case 10..<13 where mode == .session:
                return .send(client: client, .set(name: "statement_timeout", value: "5ms", local: false))
            case 13..<15 where mode == .session:
                return .send(client: client, .prepare(name: "s\(client)", statement: .selectValue("1")))
            case 15..<18: return .disconnect(client: client)
            default: return .send(client: client, .selectValue("2"))
            }
        }
    }
}
