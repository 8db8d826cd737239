import Foundation

/// The course's bibliography, `SOURCES.md` beside the lessons: a `## key` heading per document, then lines
/// such as `- **Title:** …`. Lessons cite documents by key in their `sources:`.
public struct SourceList: Sendable, Equatable {
    /// One document: its key and the `- **Field:** text` lines under its heading.
    public struct Entry: Sendable, Equatable {
        public let key: String
        public let line: Int
        public var fields: [(name: String, text: String)] = []

        public func field(_ name: String) -> String? {
            fields.first { $0.name.lowercased() == name.lowercased() }?.text
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.key == b.key && a.line == b.line && a.fields.map(\.name) == b.fields.map(\.name)
                && a.fields.map(\.text) == b.fields.map(\.text)
        }
    }

    public static let fileName = "SOURCES.md"
    public let file: String
    public let entries: [Entry]

    public var keys: [String] { entries.map(\.key) }

    public func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }

    /// The list in `folder`, or nil when the course has none (then lessons may cite any document).
    static func load(folder: String) -> SourceList? {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard case .contents(let data) = BoundedFile.read(path, limit: LessonLimits.fileBytes),
            let text = String(data: data, encoding: .utf8)
        else { return nil }
        return parse(text, file: path)
    }

    static func parse(_ text: String, file: String) -> SourceList {
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("## ") {
                let key = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
                entries.append(Entry(key: key.trimmingCharacters(in: CharacterSet(charactersIn: "`")), line: index + 1))
            } else if line.hasPrefix("- **"), !entries.isEmpty,
                let close = line.range(of: ":**", range: line.index(line.startIndex, offsetBy: 4)..<line.endIndex)
            {
                let name = String(line[line.index(line.startIndex, offsetBy: 4)..<close.lowerBound])
                let value = line[close.upperBound...].trimmingCharacters(in: .whitespaces)
                entries[entries.count - 1].fields.append((name, value))
            }
        }
        return SourceList(file: file, entries: entries)
    }
}
