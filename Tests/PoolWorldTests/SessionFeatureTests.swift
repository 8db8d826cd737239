import Testing

@testable import PoolWorld

/// The session features that PgBouncer's feature map is about, on one server connection: which of them
/// outlive a transaction (and so can leak through a transaction pooler) and which end with it.
@Suite struct SessionFeatureTests {
    @Test func cursorsWithoutHoldEndWithTheirTransactionAndWithHoldOutliveIt() throws {
        var database = Database(config: DatabaseConfig())
        let ref = try connected(&database)
        #expect(
            exec(&database, ref, "DECLARE c CURSOR FOR SELECT generate_series(1, 5)")
                == "ERROR: DECLARE CURSOR can only be used in transaction blocks")
        _ = exec(&database, ref, "BEGIN")
        #expect(exec(&database, ref, "DECLARE c CURSOR FOR SELECT generate_series(1, 5)") == "DECLARE CURSOR")
        #expect(exec(&database, ref, "DECLARE h CURSOR WITH HOLD FOR SELECT generate_series(1, 5)") == "DECLARE CURSOR")
        #expect(exec(&database, ref, "FETCH 2 FROM c") == "1, 2")
        #expect(exec(&database, ref, "FETCH c") == "3")
        _ = exec(&database, ref, "COMMIT")
        #expect(exec(&database, ref, "FETCH c") == "ERROR: cursor \"c\" does not exist")
        #expect(exec(&database, ref, "FETCH ALL FROM h") == "1, 2, 3, 4, 5")
        #expect(exec(&database, ref, "FETCH h") == "(0 rows)")
        #expect(try #require(database.backend(ref)).session.summary == "CURSOR h WITH HOLD")
        #expect(exec(&database, ref, "DISCARD ALL") == "DISCARD ALL")
        #expect(exec(&database, ref, "CLOSE h") == "ERROR: cursor \"h\" does not exist")
    }

    @Test func aRolledBackTransactionTakesItsHoldCursorsWithIt() throws {
        var database = Database(config: DatabaseConfig())
        let ref = try connected(&database)
        _ = exec(&database, ref, "DECLARE kept CURSOR WITH HOLD FOR SELECT 7")
        _ = exec(&database, ref, "BEGIN")
        _ = exec(&database, ref, "DECLARE lost CURSOR WITH HOLD FOR SELECT 8")
        #expect(
            exec(&database, ref, "DECLARE kept CURSOR WITH HOLD FOR SELECT 9")
                == "ERROR: cursor \"kept\" already exists")
        _ = exec(&database, ref, "ROLLBACK")
        #expect(exec(&database, ref, "FETCH lost") == "ERROR: cursor \"lost\" does not exist")
        #expect(exec(&database, ref, "FETCH kept") == "7")
    }

    @Test func tempTablesFollowTheirOnCommitAction() throws {
        var database = Database(config: DatabaseConfig())
        let ref = try connected(&database)
        _ = exec(&database, ref, "BEGIN")
        _ = exec(&database, ref, "CREATE TEMP TABLE scratch (id int) ON COMMIT DROP")
        _ = exec(&database, ref, "CREATE TEMP TABLE batch (id int) ON COMMIT DELETE ROWS")
        _ = exec(&database, ref, "CREATE TEMP TABLE kept (id int) ON COMMIT PRESERVE ROWS")
        for table in ["scratch", "batch", "kept"] { _ = exec(&database, ref, "INSERT INTO \(table) VALUES (1)") }
        #expect(exec(&database, ref, "SELECT count(*) FROM scratch") == "1")
        _ = exec(&database, ref, "COMMIT")
        #expect(exec(&database, ref, "SELECT count(*) FROM scratch") == "ERROR: relation \"scratch\" does not exist")
        #expect(exec(&database, ref, "SELECT count(*) FROM batch") == "0")
        #expect(exec(&database, ref, "SELECT count(*) FROM kept") == "1")
        // Outside a block each statement commits by itself: the row is gone as soon as it is inserted.
        _ = exec(&database, ref, "INSERT INTO batch VALUES (2)")
        #expect(exec(&database, ref, "SELECT count(*) FROM batch") == "0")
        #expect(exec(&database, ref, "CREATE TEMP TABLE once (id int) ON COMMIT DROP") == "CREATE TABLE")
        #expect(exec(&database, ref, "SELECT count(*) FROM once") == "ERROR: relation \"once\" does not exist")
    }

    @Test func aLoadedLibraryDefinesItsParametersAndSurvivesDiscardAll() throws {
        var database = Database(config: DatabaseConfig())
        let ref = try connected(&database)
        #expect(
            exec(&database, ref, "SHOW auto_explain.log_min_duration")
                == "ERROR: unrecognized configuration parameter \"auto_explain.log_min_duration\"")
        #expect(
            exec(&database, ref, "LOAD 'auto_exploit'")
                == "ERROR: could not access file \"auto_exploit\": No such file or directory")
        #expect(exec(&database, ref, "LOAD 'auto_explain'") == "LOAD")
        #expect(exec(&database, ref, "SHOW auto_explain.log_min_duration") == "-1")
        _ = exec(&database, ref, "DISCARD ALL")
        #expect(exec(&database, ref, "SHOW auto_explain.log_min_duration") == "-1")
        #expect(try #require(database.backend(ref)).session.summary == "LOAD auto_explain")
    }

    @Test func discardPlansKeepsPreparedStatements() throws {
        var database = Database(config: DatabaseConfig())
        let ref = try connected(&database)
        _ = exec(&database, ref, "PREPARE p AS SELECT 5")
        #expect(exec(&database, ref, "DISCARD PLANS") == "DISCARD PLANS")
        #expect(exec(&database, ref, "EXECUTE p") == "5")
    }
}
