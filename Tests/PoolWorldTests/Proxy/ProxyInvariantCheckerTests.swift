import Testing

@testable import PoolWorld

/// The simulator's invariant checker catches each kind of broken proxy action, so that "no violations" in the
/// random worlds means something. The broken actions are fed to the engine directly, as a faulty proxy would.
@Suite struct ProxyInvariantCheckerTests {
    /// alice holds s1 inside a transaction; bob and carol wait in line for the pool's only connection.
    func busyEngine() -> (engine: ProxyEngine, alice: ClientID, bob: ClientID, carol: ClientID) {
        var scenario = ProxyLab.modesScenario(mode: .transaction)
        scenario.proxy.defaultPoolSize = 1
        scenario.options.checkInvariants = true
        var engine = ProxyEngine(scenario: scenario)
        let alice = engine.connectClient(name: "alice", database: "app", user: "app")
        let bob = engine.connectClient(name: "bob", database: "app", user: "app")
        let carol = engine.connectClient(name: "carol", database: "app", user: "app")
        engine.run(until: 1_000_000)  // past the clients' 0.15 ms logins
        engine.send(.query(.begin, text: "BEGIN"), from: alice)
        engine.run(until: 5_000_000)
        engine.send(.query(.selectValue("1"), text: "SELECT 1"), from: bob)
        engine.send(.query(.selectValue("2"), text: "SELECT 2"), from: carol)
        engine.run(until: 6_000_000)
        return (engine, alice, bob, carol)
    }

    @Test func aHealthyRunHasNoViolations() {
        var (engine, alice, _, _) = busyEngine()
        engine.send(.query(.commit, text: "COMMIT"), from: alice)
        engine.run(until: 10_000_000)
        #expect(engine.violations.isEmpty)
        #expect(engine.clients.allSatisfy { $0.message == nil })
    }

    @Test func assigningALinkedServerConnectionIsCaught() {
        var (engine, _, bob, _) = busyEngine()
        engine.perform(.assign(ServerID(1), to: bob))
        #expect(
            engine.violations.map(\.message).contains(
                "pgbouncer assigned s1 to bob while it is not free (linked to alice)"))
    }

    @Test func servingALaterWaiterFirstIsCaught() {
        var (engine, alice, _, carol) = busyEngine()
        engine.perform(.release(ServerID(1), from: alice, .transactionEnd))
        engine.perform(.assign(ServerID(1), to: carol))
        #expect(engine.violations.map(\.message) == ["pgbouncer served carol before bob, which waited longer"])
    }

    @Test func openingAboveThePoolSizeOrTwoLoginsAtOnceIsCaught() {
        var (engine, _, _, _) = busyEngine()
        engine.perform(.openServer(ServerID(2), pool: 0))
        engine.perform(.openServer(ServerID(3), pool: 0))
        let messages = engine.violations.map(\.message)
        #expect(messages.contains("pool app/app has 2 server connections, above its size 1 + reserve 0"))
        #expect(messages.contains("pool app/app logs in 2 server connections at once"))
    }

    @Test func answeringAQueryTwiceIsCaught() {
        var (engine, alice, _, _) = busyEngine()
        engine.answer(alice, StatementResult(.success("again")))
        #expect(engine.violations.map(\.message) == ["alice got a second answer to one query: again"])
    }

    @Test func forwardingToAServerConnectionOfAnotherClientIsCaught() {
        var (engine, _, bob, _) = busyEngine()
        engine.perform(.forward(bob, ServerID(1)))
        #expect(
            engine.violations.map(\.message).contains(
                "pgbouncer forwarded bob's query to s1, which is not its free server"))
    }
}
