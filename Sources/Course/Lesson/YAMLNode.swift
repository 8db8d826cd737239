import Yams

/// Reads a YAML block with Yams and keeps line numbers, so every message can point at its line.
struct YAMLBlock {
    /// Lines of the file before the block's first YAML line.
    let offset: Int
    let entries: [(key: String, value: Node, line: Int)]

    /// Parses `text` (starting at file line `offset + 1`); errors carry the file line.
    static func parse(_ text: String, offset: Int) -> Result<YAMLBlock, LineError> {
        if let problem = YAMLGuard.problem(text) {
            return .failure(LineError(line: offset + problem.line, message: problem.message))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            return .failure(LineError(line: offset + (error.line ?? 1), message: "not valid YAML: \(error.problem)"))
        } catch {
            return .failure(LineError(line: offset + 1, message: "not valid YAML: \(error)"))
        }
        guard let node else { return .success(YAMLBlock(offset: offset, entries: [])) }
        guard case .mapping(let mapping) = node else {
            return .failure(LineError(line: offset + 1, message: "expected 'key: value' lines"))
        }
        var entries: [(String, Node, Int)] = []
        for (key, value) in mapping {
            entries.append((key.string ?? "\(key)", value, offset + (key.mark?.line ?? 1)))
        }
        return .success(YAMLBlock(offset: offset, entries: entries))
    }

    func value(_ key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    func line(_ key: String) -> Int {
        entries.first { $0.key == key }?.line ?? offset
    }
}

struct LineError: Error {
    let line: Int
    let message: String
}

extension YamlError {
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
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
