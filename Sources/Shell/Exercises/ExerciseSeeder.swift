import Course
import Foundation
import Grading

/// `start EXERCISE`: seeds an exercise that builds on another (the catalog's `builds-on`) with the learner's
/// own passing code of that one, so a learner extends their pool rather than retyping it.
///
/// The new file is the new exercise's instructions (the stub's opening comment) above the learner's code, with
/// the type renamed to the new exercise's (and the learner's other top-level types prefixed with it, so both
/// files compile side by side), and without the `Unattempted` line: the exercise is started. The file it
/// replaces is kept as a backup; a file already started is replaced only when forced.
struct ExerciseSeeder {
    let root: String
    let home: ShellHome

    /// Writes the seeded file; returns the backup of the file it replaced.
    func start(_ entry: ExerciseEntry, from base: ExerciseEntry, passed: Bool, force: Bool) throws(ShellError)
        -> String
    {
        guard passed else {
            throw .failed(
                "\(entry.name) starts from your \(base.name) once it passes, and it has not passed yet: "
                    + "`check \(base.name)` first (or edit \(entry.file) by hand)")
        }
        let target = try read(entry.file)
        if UnattemptedMarker.lineNumber(in: target, typeName: entry.type) == nil && !force {
            throw .failed(
                "\(entry.file) is already started (its Unattempted line is gone), so it is kept: "
                    + "`start \(entry.name) --force` replaces it with your \(base.name), keeping a backup")
        }
        let seeded = Self.compose(
            instructions: target, newType: entry.type, code: try read(base.file), oldType: base.type)
        let backup = BackupFile(home: home).path(for: entry.file)
        do {
            try FileManager.default.createDirectory(
                atPath: (backup as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try target.write(toFile: backup, atomically: true, encoding: .utf8)
        } catch {
            throw .failed(
                "could not keep a backup of \(entry.file) at \(backup): \(error.localizedDescription); nothing changed")
        }
        do {
            try seeded.write(toFile: path(entry.file), atomically: true, encoding: .utf8)
        } catch {
            throw .failed("could not write \(entry.file): \(error.localizedDescription)")
        }
        return backup
    }

    /// The new file: the opening comment of `instructions`, then `code` without its own opening comment, its
    /// types renamed and any `Unattempted` line dropped.
    static func compose(instructions: String, newType: String, code: String, oldType: String) -> String {
        let header = openingComment(instructions)
        var body = Array(
            code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropFirst(
                openingComment(code).count))
        while body.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { body.removeFirst() }
        var renames = [oldType: newType]
        for name in topLevelTypes(in: body) where name != oldType {
            renames[name] = newType + name
        }
        let renamed = body.map { line in
            renames.reduce(line) { text, rename in
                text.replacingOccurrences(
                    of: "\\b\(rename.key)\\b", with: rename.value, options: .regularExpression)
            }
        }
        let kept = renamed.filter { !$0.trimmingCharacters(in: .whitespaces).hasSuffix(": Unattempted {}") }
        return (header + [""] + kept).joined(separator: "\n")
    }

    /// The leading `//` lines (and blank lines between them) of a Swift file.
    static func openingComment(_ text: String) -> [String] {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("//") || (trimmed.isEmpty && !lines.isEmpty) else { break }
            lines.append(String(line))
        }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Names of the types declared at the top level and visible to the module (not `private`/`fileprivate`):
    /// two files of one module may not both declare them.
    static func topLevelTypes(in lines: [String]) -> [String] {
        let pattern =
            #"^(?:(?:@\w+|public|internal|package|final|indirect)\s+)*(?:struct|enum|class|actor|protocol|typealias)\s+([A-Za-z_]\w*)"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return lines.compactMap { line in
            let range = NSRange(line.startIndex..., in: line)
            guard let match = regex.firstMatch(in: line, range: range), let name = Range(match.range(at: 1), in: line)
            else { return nil }
            return String(line[name])
        }
    }

    private func path(_ file: String) -> String { (root as NSString).appendingPathComponent(file) }

    private func read(_ file: String) throws(ShellError) -> String {
        guard let data = FileManager.default.contents(atPath: path(file)),
            let text = String(data: data, encoding: .utf8)
        else { throw .failed("cannot read \(file) (run this in the course's project folder)") }
        return text
    }
}
