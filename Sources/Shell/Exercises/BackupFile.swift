import Foundation

/// Where a learner's file goes before the course replaces it (`reset`, `start`): the poolschool home's
/// `backups/`, outside the package, so a backup is never compiled into it.
struct BackupFile {
    let home: ShellHome

    /// `~/.poolschool/backups/02-fixed-size-pool.swift.20261126-091500`.
    func path(for file: String) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let name = (file as NSString).lastPathComponent + "." + formatter.string(from: Date())
        return ((home.path as NSString).appendingPathComponent("backups") as NSString).appendingPathComponent(name)
    }
}
