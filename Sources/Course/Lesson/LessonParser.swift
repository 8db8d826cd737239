import Foundation

/// Reads a lesson file: front matter, pages split at `---`, and the toolkit's fenced blocks.
/// It reports every problem it can find in one pass rather than stopping at the first.
public struct LessonParser {
    public static let blockKinds = ["question", "hint", "explain", "params", "lab"]

    /// Info strings that are code, shown as written. A single lowercase word that is neither this
    /// nor a block kind is taken for a misspelt block kind.
    static let codeLanguages: Set<String> = [
        "sh", "bash", "shell", "zsh", "console", "swift", "sql", "psql", "plpgsql", "postgres", "postgresql", "ini",
        "conf", "cfg", "properties", "yaml", "yml", "json", "toml", "xml", "html", "css", "text", "txt", "plaintext",
        "python", "py", "go", "golang", "java", "kotlin", "scala", "rust", "rs", "javascript", "js", "typescript",
        "ts", "c", "cpp", "ruby", "rb", "markdown", "md", "diff", "log", "output", "csv", "http", "nginx",
        "dockerfile", "make", "makefile", "elixir", "erlang", "haskell", "csharp", "cs", "php", "lua", "hcl",
        "terraform", "redis", "mermaid", "graphql", "proto", "protobuf", "env", "none",
    ]

    public let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// Kept as they are read so that each check stays linear in the size of the file.
    private var questionCount = 0
    private var paramCount = 0
    private var labCount = 0
    /// Labs named after each scenario so far: a second unnamed lab of one scenario becomes `scenario-2`.
    private var unnamedLabs: [String: Int] = [:]
    private var pageQuestionIDs: Set<String> = []
    private var lastQuestionBlock: Int?

    public static func parse(_ text: String, file: String) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        var parser = LessonParser(file: file)
        let lesson = parser.parse(text)
        return (lesson, parser.diagnostics)
    }

    private init(file: String) {
        self.file = file
    }

    private mutating func parse(_ text: String) -> Lesson? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else {
            report(
                1,
                "a lesson starts with front matter: a '---' line, 'key: value' lines (id, title, order, sources), and '---'"
            )
            return nil
        }
        let front = FrontMatter.decode(lines[1..<end].joined(separator: "\n"), offset: 1)
        diagnostics += front.problems.map { Diagnostic(file: file, line: $0.line, message: $0.message) }
        let pages = parsePages(lines, from: end + 1)
        guard let matter = front.matter else { return nil }
        return Lesson(
            id: matter.id, title: matter.title, order: matter.order, sources: matter.sources, requires: matter.requires,
            minutes: matter.minutes, file: file, pages: pages, lines: matter.lines)
    }

    private mutating func parsePages(_ lines: [String], from start: Int) -> [Page] {
        var pages: [Page] = [Page(blocks: [])]
        var prose: [String] = []
        var index = start

        func flushProse() {
            let text = prose.joined(separator: "\n").trimmingCharacters(in: .newlines)
            if !text.trimmingCharacters(in: .whitespaces).isEmpty { pages[pages.count - 1].blocks.append(.prose(text)) }
            prose = []
        }

        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            if let fence = Fence(line) {
                // Find the closing fence; an unclosed one runs to the end and is reported.
                var close = index + 1
                while close < lines.count, !fence.closes(lines[close]) { close += 1 }
                if close == lines.count { report(lineNumber, "this ``` block is never closed") }
                let body = lines[(index + 1)..<min(close, lines.count)].joined(separator: "\n")
                if Self.blockKinds.contains(fence.kind) {
                    flushProse()
                    handleBlock(fence.kind, body: body, line: lineNumber, page: &pages[pages.count - 1])
                } else {
                    if fence.looksLikeBlockKind, !Self.codeLanguages.contains(fence.kind) {
                        let hint =
                            EditDistance.suggestion(for: fence.kind, among: Self.blockKinds).map {
                                "; did you mean '\($0)'?"
                            } ?? ""
                        report(
                            lineNumber,
                            "unknown block kind '\(fence.kind)'\(hint) (blocks: \(Self.blockKinds.joined(separator: ", ")); or name a code language such as sh or sql)"
                        )
                    }
                    prose += lines[index...min(close, lines.count - 1)]
                }
                index = close + 1
                continue
            }
            let isBreak =
                line.trimmingCharacters(in: .whitespaces) == "---"
                && (index == start || lines[index - 1].trimmingCharacters(in: .whitespaces).isEmpty)
            if isBreak {
                flushProse()
                pages.append(Page(blocks: []))
                pageQuestionIDs = []
                lastQuestionBlock = nil
            } else {
                prose.append(line)
            }
            index += 1
        }
        flushProse()
        return pages.filter { !$0.blocks.isEmpty }
    }

    private mutating func handleBlock(_ kind: String, body: String, line: Int, page: inout Page) {
        switch kind {
        case "question":
            questionCount += 1
            guard questionCount <= LessonLimits.questionsPerLesson else {
                if questionCount == LessonLimits.questionsPerLesson + 1 {
                    report(line, "more than \(LessonLimits.questionsPerLesson) questions in one lesson; split it")
                }
                return
            }
            switch YAMLBlock.parse(body, offset: line) {
            case .failure(let error): report(error.line, error.message)
            case .success(let block):
                var decoder = QuestionDecoder(block: block, line: line)
                let question = decoder.decode()
                decoder.problems.forEach { report($0.line, $0.message) }
                if let question {
                    if !pageQuestionIDs.insert(question.id).inserted {
                        report(line, "duplicate question id '\(question.id)' on this page")
                    }
                    lastQuestionBlock = page.blocks.count
                    page.blocks.append(.question(question))
                }
            }
        case "hint", "explain":
            guard let last = lastQuestionBlock, case .question(var question) = page.blocks[last] else {
                report(line, "this \(kind) block has no question above it on the same page")
                return
            }
            let text = body.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { report(line, "this \(kind) block is empty") }
            if kind == "hint" {
                guard question.hints.count < LessonLimits.hintsPerQuestion else {
                    report(line, "question '\(question.id)' has more than \(LessonLimits.hintsPerQuestion) hints")
                    return
                }
                question.hints.append(text)
            } else if question.explanation != nil {
                report(line, "question '\(question.id)' already has an explain block; merge them")
            } else {
                question.explanation = text
            }
            page.blocks[last] = .question(question)
        case "params":
            var specs: [ParamSpec] = []
            for (offset, text) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
                paramCount += 1
                guard paramCount <= LessonLimits.paramsPerLesson else {
                    report(line + 1 + offset, "more than \(LessonLimits.paramsPerLesson) params in one lesson")
                    break
                }
                do {
                    specs.append(try ParamSpec.parse(trimmed, line: line + 1 + offset))
                } catch {
                    report(line + 1 + offset, "params: \(error.message)")
                }
            }
            page.blocks.append(.params(specs))
        default:  // lab
            labCount += 1
            guard labCount <= LessonLimits.labsPerLesson else {
                if labCount == LessonLimits.labsPerLesson + 1 {
                    report(line, "more than \(LessonLimits.labsPerLesson) lab blocks in one lesson; split it")
                }
                return
            }
            switch LabBlockDecoder.decode(body, line: line) {
            case .failure(let error): report(error.line, error.message)
            case .success(var lab):
                if !lab.idIsExplicit {
                    unnamedLabs[lab.id, default: 0] += 1
                    if let count = unnamedLabs[lab.id], count > 1 { lab.id += "-\(count)" }
                }
                page.blocks.append(.lab(lab))
            }
        }
    }

    private mutating func report(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message: message))
    }
}

/// A fence line: three or more backticks or tildes and an info string.
private struct Fence {
    let marker: Character
    let length: Int
    let kind: String
    /// A single lowercase word: a block kind, a language, or a typo of a block kind.
    let looksLikeBlockKind: Bool

    init?(_ line: String) {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let run = line.prefix { $0 == first }.count
        guard run >= 3 else { return nil }
        marker = first
        length = run
        let info = line.dropFirst(run).trimmingCharacters(in: .whitespaces)
        kind = String(info.split(separator: " ").first ?? "")
        looksLikeBlockKind = !kind.isEmpty && kind.allSatisfy { $0.isLowercase && $0.isLetter }
    }

    func closes(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count >= length && trimmed.allSatisfy { $0 == marker }
    }
}
