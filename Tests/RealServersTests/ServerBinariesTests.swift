import Foundation
import Testing

@testable import RealServers

@Suite struct ServerBinariesTests {
    static func tree(_ files: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("binaries-\(UUID().uuidString)")
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("#!/bin/sh\n".utf8).write(to: url)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        }
        return root
    }

    @Test func anEmptyMachineNamesEveryPackageAndHowToInstallThem() throws {
        let root = try Self.tree([])
        defer { try? FileManager.default.removeItem(at: root) }
        guard case .failure(let missing) = ServerBinaries.find(root: root.path) else {
            Issue.record("found servers in an empty folder")
            return
        }
        #expect(missing.names == ["postgresql", "pgbouncer", "openssl"])
        #expect(missing.description.contains("install them with 'make real'"))
        #expect(missing.description.contains("apt-get install postgresql pgbouncer openssl"))
        #expect(ServerError(missing).missingPackages)
    }

    @Test func picksTheNewestCompleteServerVersion() throws {
        let root = try Self.tree([
            "usr/lib/postgresql/15/bin/initdb", "usr/lib/postgresql/15/bin/pg_ctl",
            "usr/lib/postgresql/17/bin/initdb",  // no pg_ctl: not a usable server
            "usr/sbin/pgbouncer", "usr/bin/openssl",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        guard case .success(let binaries) = ServerBinaries.find(root: root.path) else {
            Issue.record("did not find the servers")
            return
        }
        #expect(binaries.postgresBin == root.path + "/usr/lib/postgresql/15/bin")
        #expect(binaries.pgbouncer == root.path + "/usr/sbin/pgbouncer")
    }

    @Test func onlyPgBouncerMissingNamesOnlyIt() throws {
        let root = try Self.tree([
            "usr/lib/postgresql/15/bin/initdb", "usr/lib/postgresql/15/bin/pg_ctl", "usr/bin/openssl",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        guard case .failure(let missing) = ServerBinaries.find(root: root.path) else {
            Issue.record("found a PgBouncer that is not there")
            return
        }
        #expect(missing.names == ["pgbouncer"])
    }
}
