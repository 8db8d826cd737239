import Testing

@testable import RealServers

@Suite struct PGErrorTests {
    @Test func readsTheServersPartOfALibpqLoginFailure() {
        let error = PGError(
            connectionMessage:
                "connection to server at \"127.0.0.1\", port 5433 failed: FATAL:  sorry, too many clients already\n")
        #expect(error.severity == "FATAL")
        #expect(error.description == "FATAL: sorry, too many clients already")
    }

    @Test func keepsLibpqsOwnTextWhenTheServerSaidNothing() {
        let error = PGError(
            connectionMessage:
                "connection to server at \"127.0.0.1\", port 1 failed: Connection refused\n\tIs the server running?\n")
        #expect(error.severity == "")
        #expect(error.description == "connection to server at \"127.0.0.1\", port 1 failed: Connection refused")
    }

    @Test func quotesConnectionStringValues() {
        var info = ConnectionInfo(port: 5433, database: "db", user: "o'neil", password: "a\\b c")
        info.timeout = 3
        #expect(info.conninfo.contains("user='o\\'neil'"))
        #expect(info.conninfo.contains("password='a\\\\b c'"))
        #expect(info.conninfo.contains("host='127.0.0.1'"))
        #expect(info.conninfo.contains("sslmode='disable'"))
        #expect(ConnectionInfo(port: 1, database: "d", user: "u", tls: true).conninfo.contains("sslmode='require'"))
    }
}
