import Foundation
import Testing

@testable import RealServers

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct ChildProcessTests {
    @Test func aServerProgramInheritsNoneOfPoolschoolsFiles() throws {
        #expect(ChildProcess.closeFrom != nil, "glibc 2.34+ has posix_spawn_file_actions_addclosefrom_np")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fd-\(UUID().uuidString)").path
        // Open without O_CLOEXEC, as a file written elsewhere in the process may be at that instant.
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o600)
        try #require(descriptor >= 3)
        defer {
            close(descriptor)
            unlink(path)
        }
        let inherited = try ChildProcess.run(["/bin/sh", "-c", "[ -e /proc/$$/fd/\(descriptor) ]"])
        #expect(inherited.status == 1, "the child still holds descriptor \(descriptor)")
        let own = try ChildProcess.run(["/bin/sh", "-c", "[ -e /proc/$$/fd/1 ]"])
        #expect(own.status == 0, "the child's standard output is its log")
    }

    @Test func aProgramPastItsTimeIsStoppedAndSaysSo() {
        #expect(throws: ServerError("sleep did not finish within 0 s; stopped it")) {
            try ChildProcess.run(["/bin/sleep", "5"], seconds: 0.2)
        }
    }
}
