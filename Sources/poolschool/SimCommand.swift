import ArgumentParser
import Foundation
import Shell

struct SimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim", abstract: "Simulate one workload against a pool and print its results. (Not ready yet.)")

    func run() throws {
        FileHandle.standardError.write(
            Data("poolschool sim: not ready yet; it arrives with the simulated world\n".utf8))
        throw ExitCode(ExitStatus.failure.rawValue)
    }
}
