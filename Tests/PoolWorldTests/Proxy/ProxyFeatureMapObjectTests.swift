import Testing

@testable import PoolWorld

/// The rest of PgBouncer's feature map: cursors, temporary tables, cached plans and LOAD. What ends with its
/// transaction works in every mode; what outlives it stays on one server connection.
@Suite struct ProxyFeatureMapObjectTests {
    // MARK: WITHOUT HOLD cursors: yes, yes

    @Test(arguments: [PoolMode.session, .transaction])
    func aCursorWithoutHoldLivesInsideItsTransaction(mode: PoolMode) throws {
        let world = proxyWorld(mode)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "BEGIN")
        #expect(try world.answer("alice", "DECLARE c CURSOR FOR SELECT generate_series(1, 5)") == "DECLARE CURSOR")
        #expect(try world.answer("alice", "FETCH 2 FROM c") == "1, 2")
        // Others come and go meanwhile; the transaction keeps alice's server connection.
        #expect(try world.answer("bob", "SELECT 1") == "1")
        #expect(try world.answer("alice", "FETCH ALL FROM c") == "3, 4, 5")
        _ = try world.answer("alice", "COMMIT")
        #expect(try world.answer("alice", "FETCH c") == "ERROR: cursor \"c\" does not exist")
    }

    // MARK: WITH HOLD cursors: yes, never

    @Test func sessionModeKeepsAHoldCursorWithItsClient() throws {
        let world = proxyWorld(.session)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "DECLARE h CURSOR WITH HOLD FOR SELECT generate_series(1, 3)")
        try world.pin("bob")
        #expect(try world.answer("alice", "FETCH ALL FROM h") == "1, 2, 3")
        _ = try world.awaitAnswer("bob")
        #expect(try world.answer("bob", "FETCH h") == "ERROR: cursor \"h\" does not exist")
    }

    @Test(arguments: sharingModes)
    func aHoldCursorStaysOnItsServerConnection(mode: PoolMode) throws {
        let world = proxyWorld(mode)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "DECLARE h CURSOR WITH HOLD FOR SELECT generate_series(1, 3)")
        try world.pin("bob")
        #expect(try world.answer("alice", "FETCH ALL FROM h") == "ERROR: cursor \"h\" does not exist")
        _ = try world.awaitAnswer("bob")
        // bob's pinned connection was alice's: the cursor is his to read now.
        #expect(try world.answer("bob", "FETCH ALL FROM h") == "1, 2, 3")
    }

    // MARK: ON COMMIT DROP temp tables: yes, yes

    @Test(arguments: PoolMode.allCases)
    func anOnCommitDropTableLeavesNothingBehind(mode: PoolMode) throws {
        // In the sharing modes both clients use the one server connection.
        let world = proxyWorld(mode, size: mode == .session ? 2 : 1)
        try world.connectAll("alice", "bob")
        if mode == .statement {
            // Every statement is its own transaction: the table is gone as soon as it is made.
            #expect(try world.answer("alice", "CREATE TEMP TABLE scratch (id int) ON COMMIT DROP") == "CREATE TABLE")
        } else {
            _ = try world.answer("alice", "BEGIN")
            _ = try world.answer("alice", "CREATE TEMP TABLE scratch (id int) ON COMMIT DROP")
            _ = try world.answer("alice", "INSERT INTO scratch VALUES (1)")
            #expect(try world.answer("alice", "SELECT count(*) FROM scratch") == "1")
            _ = try world.answer("alice", "COMMIT")
        }
        #expect(try world.session(ofServer: "s1").tempTables.isEmpty)
        #expect(try world.answer("bob", "CREATE TEMP TABLE scratch (id int) ON COMMIT DROP") == "CREATE TABLE")
    }

    // MARK: PRESERVE / DELETE ROWS temp tables: yes, never

    @Test(arguments: [SQLStatement.OnCommit.preserveRows, .deleteRows])
    func sessionModeKeepsATempTableWithItsClient(onCommit: SQLStatement.OnCommit) throws {
        let world = proxyWorld(.session)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "CREATE TEMP TABLE cart (id int) ON COMMIT \(onCommit.rawValue)")
        try world.pin("bob")
        _ = try world.answer("alice", "BEGIN")
        _ = try world.answer("alice", "INSERT INTO cart VALUES (1)")
        #expect(try world.answer("alice", "SELECT count(*) FROM cart") == "1")
        _ = try world.answer("alice", "COMMIT")
        #expect(try world.answer("alice", "SELECT count(*) FROM cart") == (onCommit == .deleteRows ? "0" : "1"))
        let server = try #require(world.server(of: "alice"))
        _ = try world.disconnect("alice")
        _ = try world.advance(by: .milliseconds(1))
        #expect(try world.session(ofServer: server).tempTables.isEmpty)
    }

    @Test(arguments: sharingModes, [SQLStatement.OnCommit.preserveRows, .deleteRows])
    func aTempTableStaysOnItsServerConnection(mode: PoolMode, onCommit: SQLStatement.OnCommit) throws {
        let world = proxyWorld(mode)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "CREATE TEMP TABLE cart (id int) ON COMMIT \(onCommit.rawValue)")
        try world.pin("bob")
        #expect(try world.answer("alice", "INSERT INTO cart VALUES (1)") == "ERROR: relation \"cart\" does not exist")
        _ = try world.awaitAnswer("bob")
        #expect(
            try world.answer("bob", "CREATE TEMP TABLE cart (id int)") == "ERROR: relation \"cart\" already exists")
    }

    // MARK: Cached plan reset: yes, yes

    @Test(arguments: PoolMode.allCases)
    func discardingPlansBreaksNobody(mode: PoolMode) throws {
        let world = proxyWorld(mode, size: 1)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "SELECT 5 \\parse five")
        #expect(try world.answer("alice", "\\bind_named five \\g") == "5")
        if mode != .session {
            // bob resets the plans of the one server connection that alice's statement is prepared on.
            #expect(try world.answer("bob", "DISCARD PLANS") == "DISCARD PLANS")
        } else {
            #expect(try world.answer("alice", "DISCARD PLANS") == "DISCARD PLANS")
        }
        #expect(try world.answer("alice", "\\bind_named five \\g") == "5")
    }

    // MARK: LOAD: yes, never

    @Test func sessionModeKeepsALoadedLibraryWithItsClient() throws {
        let world = proxyWorld(.session)
        try world.connectAll("alice", "bob")
        #expect(try world.answer("alice", "LOAD 'auto_explain'") == "LOAD")
        try world.pin("bob")
        #expect(try world.answer("alice", "SHOW auto_explain.log_min_duration") == "-1")
    }

    @Test(arguments: sharingModes)
    func aLoadedLibraryStaysOnItsServerConnection(mode: PoolMode) throws {
        let world = proxyWorld(mode)
        try world.connectAll("alice", "bob")
        #expect(try world.answer("alice", "LOAD 'auto_explain'") == "LOAD")
        try world.pin("bob")
        #expect(
            try world.answer("alice", "SHOW auto_explain.log_min_duration")
                == "ERROR: unrecognized configuration parameter \"auto_explain.log_min_duration\"")
        _ = try world.awaitAnswer("bob")
        #expect(try world.answer("bob", "SHOW auto_explain.log_min_duration") == "-1")
    }
}
