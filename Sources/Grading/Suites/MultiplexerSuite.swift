import PoolWorld

/// The suite of exercise 8: six clients on a pool of one or two server connections, in each pool mode,
/// against PoolWorld's fake PostgreSQL.
public enum MultiplexerSuite {
    public static func suite<Mux: MultiplexerExercise>(_ type: Mux.Type) -> ExerciseSuite {
        ExerciseSuite(
            exercise: GradedExercise.multiplexer.name,
            checks: [
                check(
                    type, "transaction mode: many clients share few servers, one client per server at a time", 1,
                    Mode(.transaction, poolSize: 2)),
                check(
                    type, "session mode: a server is a client's until it leaves, then reset with DISCARD ALL", 2,
                    Mode(.session, poolSize: 2)),
                check(
                    type, "statement mode refuses BEGIN: transaction blocks not allowed in statement pooling mode", 3,
                    Mode(.statement, poolSize: 2)),
                check(type, "clients wait for a server first come, first served", 4, Mode(.transaction, poolSize: 1)),
                check(
                    type, "replies that arrive late: clients queue for a busy server, in every mode", 5,
                    Mode(.statement, poolSize: 1, late: true), Mode(.transaction, poolSize: 2, late: true),
                    Mode(.session, poolSize: 2, late: true)),
                check(
                    type, "server_reset_query_always: a server is reset whenever it changes hands", 6,
                    Mode(.transaction, poolSize: 2, resetAlways: true), Mode(.statement, poolSize: 1, resetAlways: true)
                ),
                check(
                    type, "a client that leaves inside a transaction takes its server with it (PgBouncer closes it)", 7,
                    Mode(.transaction, poolSize: 2, leaves: true), Mode(.session, poolSize: 2, leaves: true)),
            ])
    }

    /// How a check's clients and servers behave.
    struct Mode: Sendable {
        var mode: PoolMode
        var poolSize: Int
        var late = false
        var resetAlways = false
        /// Clients often disconnect in the middle of a transaction.
        var leaves = false

        init(_ mode: PoolMode, poolSize: Int, late: Bool = false, resetAlways: Bool = false, leaves: Bool = false) {
            self.mode = mode
            self.poolSize = poolSize
            self.late = late
            self.resetAlways = resetAlways
            self.leaves = leaves
        }

        var config: MultiplexerConfig {
            var config = MultiplexerConfig(poolMode: mode, defaultPoolSize: poolSize)
            config.serverResetQueryAlways = resetAlways
            return config
        }
    }

    /// A check whose cases cycle through `modes`.
    static func check<Mux: MultiplexerExercise>(_ type: Mux.Type, _ name: String, _ number: Int, _ modes: Mode...)
        -> Check
    {
        PropertyCheck<Mode, ClientStep>(
            name: name, number: number, cases: 8, steps: 40,
            draw: { random, count in
                let mode = modes[random.below(modes.count)]
                return (mode, steps(count, mode, random: &random))
            },
            execute: { mode, steps, _, recording in
                var harness = MultiplexerHarness<Mux>(config: mode.config, recording: recording, lateReplies: mode.late)
                harness.runAndFinish(steps)
                return .init(violation: harness.violation, trace: harness.log.lines)
            }
        ).check
    }

    /// Clients that run short transactions (some of which fail) and single statements; in session mode some
    /// SET and PREPARE too; with late replies, servers answer in their own time.
    static func steps(_ count: Int, _ mode: Mode, random: inout WorldRandom) -> [ClientStep] {
        var inTransaction = Set<Int>()
        return (0..<count).map { _ in
            if mode.late, random.below(3) == 0 { return .serverAnswers(random.below(4)) }
            let client = 1 + random.below(6)
            let roll = random.below(20)
            if inTransaction.contains(client) {
                switch roll {
                case 0..<9: return .send(client: client, .selectValue("1"))
                case 9..<11: return .send(client: client, .divisionByZero)
                case 11..<14 where mode.leaves:
                    inTransaction.remove(client)
                    return .disconnect(client: client)
                case 14..<16:
                    inTransaction.remove(client)
                    return .send(client: client, .rollback)
                default:
                    inTransaction.remove(client)
                    return .send(client: client, .commit)
                }
            }
            switch roll {
            case 0..<5: return .send(client: client, .selectValue("\(roll)"))
            case 5: return .send(client: client, .divisionByZero)
            case 6..<10:
                if mode.mode != .statement { inTransaction.insert(client) }
                return .send(client: client, .begin)
            case 10..<13 where mode.mode == .session || mode.resetAlways:
                return .send(client: client, .set(name: "statement_timeout", value: "5ms", local: false))
            case 13..<15 where mode.mode == .session:
                return .send(client: client, .prepare(name: "s\(client)", statement: .selectValue("1")))
            case 15..<18: return .disconnect(client: client)
            default: return .send(client: client, .selectValue("2"))
            }
        }
    }
}
