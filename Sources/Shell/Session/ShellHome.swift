import Foundation

/// The learner's poolschool home: history, progress and settings live here.
/// `~/.poolschool/` unless `POOLSCHOOL_HOME` names another folder.
struct ShellHome: Sendable {
    let path: String

    init(path: String) {
        self.path = path
    }

    static func resolve(environment: [String: String]) -> ShellHome {
        if let override = environment["POOLSCHOOL_HOME"], !override.isEmpty {
            return ShellHome(path: override)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return ShellHome(path: (home as NSString).appendingPathComponent(".poolschool"))
    }

    var historyFile: String { (path as NSString).appendingPathComponent("history") }

    /// Creates the folder if it is missing; says exactly why when it cannot.
    func ensureExists() throws(ShellError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .failed("poolschool home '\(path)' is a file, not a folder; move it or set POOLSCHOOL_HOME")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .failed("cannot create poolschool home '\(path)': \(error.localizedDescription)")
        }
    }
}
