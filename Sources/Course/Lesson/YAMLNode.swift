import Foundation
import Yams

/// Reads a YAML block with Yams and keeps line numbers, so every message can point at its line.
struct YAMLBlock {
    /// Lines of the file before the block's first YAML line.
    let offset: Int
    var entries: [(key: String, value: Node, line: Int, column: Int)]

    /// Parses `text` (starting at file line `offset + 1`); errors carry the file line.
    static func parse(_ text: String, offset: Int) -> Result<YAMLBlock, LineError> {
        if let problem = YAMLGuard.problem(text) {
            return .failure(LineError(line: offset + problem.line, message: problem.message, code: "limit"))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            if let duplicate = duplicateKey(error.problem, in: text) {
                return .failure(
                    LineError(
                        line: offset + duplicate.line,
                        message:
                            "key '\(duplicate.key)' is given twice (also at line \(offset + duplicate.first)); keep one",
                        code: "duplicate-key"))
            }
            let line = error.mark?.line ?? 1
            if let quoted = unclosedQuote(in: text, before: line) {
                return .failure(
                    LineError(
                        line: offset + quoted,
                        message: "not valid YAML: the quoted value on this line is not closed on it (\(error.problem))",
                        code: "yaml"))
            }
            return .failure(
                LineError(
                    line: offset + line, message: "not valid YAML: \(error.problem)", code: "yaml",
                    column: error.mark?.column))
        } catch {
            return .failure(LineError(line: offset + 1, message: "not valid YAML: \(error)", code: "yaml"))
        }
        guard let node else { return .success(YAMLBlock(offset: offset, entries: [])) }
        guard case .mapping(let mapping) = node else {
            return .failure(LineError(line: offset + 1, message: "expected 'key: value' lines", code: "yaml"))
        }
        var entries: [(String, Node, Int, Int)] = []
        for (key, value) in mapping {
            entries.append((key.string ?? "\(key)", value, offset + (key.mark?.line ?? 1), key.mark?.column ?? 1))
        }
        return .success(YAMLBlock(offset: offset, entries: entries))
    }

    /// Yams refuses a mapping with a key given twice, at the mapping's start; the second one is what to fix.
    static func duplicateKey(_ problem: String, in text: String) -> (key: String, line: Int, first: Int)? {
        guard problem.contains("duplicated key"),
            let open = problem.range(of: "key(s): '"),
            let close = problem[open.upperBound...].firstIndex(of: "'")
        else { return nil }
        let key = String(problem[open.upperBound..<close])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { _, row in
            row.hasPrefix(key) && row.dropFirst(key.count).drop { $0 == " " }.first == ":"
        }
        guard lines.count >= 2 else { return nil }
        return (key, lines[1].offset + 1, lines[0].offset + 1)
    }

    /// A value whose quote is left open runs on into the lines below, and libyaml stumbles only later;
    /// the line where the quote opened is the one to fix. Its 1-based line in `text`, if any before `line`.
    static func unclosedQuote(in text: String, before line: Int) -> Int? {
        for (index, row) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(line - 1).enumerated()
        {
            let trimmed = row.trimmingCharacters(in: .whitespaces)
            var value = Substring(trimmed)
            if trimmed.hasPrefix("- ") {
                value = value.dropFirst(2)
            } else if let colon = trimmed.range(of: ": ") {
                value = trimmed[colon.upperBound...]
            } else {
                continue
            }
            value = value.drop { $0 == " " }
            guard let quote = value.first, quote == "\"" || quote == "'" else { continue }
            var rest = value.dropFirst()
            var closed = false
            while let next = rest.first {
                rest = rest.dropFirst()
                if quote == "\"", next == "\\" {
                    rest = rest.dropFirst()
                } else if next == quote {
                    // In single quotes '' is a quote inside the value.
                    if quote == "'", rest.first == "'" {
                        rest = rest.dropFirst()
                    } else {
                        closed = true
                        break
                    }
                }
            }
            if !closed { return index + 1 }
        }
        return nil
    }

    func value(_ key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    func line(_ key: String) -> Int {
        entries.first { $0.key == key }?.line ?? offset
    }

    /// The file line of a list's `index`th item: its own line in a block list, the key's line otherwise.
    func itemLine(_ key: String, _ index: Int) -> Int {
        if case .sequence(let items)? = value(key), index < items.count,
            let mark = items[items.startIndex + index].mark
        {
            return offset + mark.line
        }
        return line(key)
    }

    /// Misspelt keys are read as the key they are closest to, when that key is not given as well, so one
    /// typo gives one message rather than a second about the key it was meant to be.
    func resolvingTypos(known: [String], message: (String, String?) -> String) -> (YAMLBlock, [LineError]) {
        var problems: [LineError] = []
        let given = Set(entries.map(\.key))
        var resolved = self
        for index in entries.indices where !known.contains(entries[index].key) {
            let key = entries[index].key
            let suggestion = EditDistance.suggestion(for: key, among: known)
            problems.append(
                LineError(
                    line: entries[index].line, message: message(key, suggestion), code: "unknown-key",
                    column: entries[index].column))
            if let suggestion, !given.contains(suggestion) { resolved.entries[index].key = suggestion }
        }
        return (resolved, problems)
    }
}

extension YamlError {
    /// Where the fault is. A scanner error's own mark is where libyaml gave up (for `order 2`, a missing
    /// colon, the line after); its context marks where the faulty key or quoted text began.
    var mark: Mark? {
        switch self {
        case .scanner(let context?, _, _, _)
        where context.text.contains("simple key") || context.text.contains("quoted"):
            return context.mark
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark
        default:
            return nil
        }
    }

    var problem: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(self)"
        }
    }
}

extension Node {
    /// A scalar's text as written, or the items of a flow or block list as texts.
    var strings: [String]? {
        switch self {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence): return sequence.compactMap { $0.scalar?.string }
        default: return nil
        }
    }
}
