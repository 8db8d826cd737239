import Foundation

/// Reads a lesson file: front matter, pages split at `---`, and the toolkit's fenced blocks.
/// It reports every problem it can find in one pass rather than stopping at the first, and each
/// mistake once: what a broken block would have held is remembered as broken, not reported again
/// by the blocks and checks that depend on it.
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

    /// A lesson as read: loadable when its front matter is whole, and always as far as it could be read.
    public struct Reading: Sendable {
        public let lesson: Lesson?
        /// The lesson with whatever front matter could be read, so lint checks its pages even when the
        /// front matter is broken (the shell never shows it).
        public let draft: Lesson?
        public let diagnostics: [Diagnostic]
    }

    /// The question hints and explanations attach to.
    enum Anchor {
        case none
        /// A question block that could not be read: what follows it belongs to it, silently.
        case broken
        case question(Int)
    }

    public let file: String
    var diagnostics: [Diagnostic] = []
    /// Kept as they are read so that each check stays linear in the size of the file.
    var questionCount = 0
    var paramCount = 0
    var labCount = 0
    /// Labs named after each scenario so far: a second unnamed lab of one scenario becomes `scenario-2`.
    var unnamedLabs: [String: Int] = [:]
    /// Question ids of the whole lesson with their lines: progress is kept per lesson and question id.
    var questionLines: [String: Int] = [:]
    var anchor = Anchor.none
    var unreadParams: Set<String> = []

    public static func parse(_ text: String, file: String) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        let reading = read(text, file: file)
        return (reading.lesson, reading.diagnostics)
    }

    public static func read(_ text: String, file: String) -> Reading {
        var parser = LessonParser(file: file)
        let draft = parser.parse(text)
        let complete = draft.map { parser.frontMatterComplete && !$0.id.isEmpty } ?? false
        return Reading(lesson: complete ? draft : nil, draft: draft, diagnostics: parser.diagnostics)
    }

    private var frontMatterComplete = false

    private init(file: String) {
        self.file = file
    }

    private mutating func parse(_ text: String) -> Lesson? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var matter = FrontMatter.missing
        var bodyStart = 0
        // '--' or '----' where '---' was meant opens or closes the front matter all the same, and is reported.
        func isDashes(_ line: String) -> Bool { line.count >= 2 && line.allSatisfy { $0 == "-" } }
        if let first = lines.first, isDashes(first), first != "---" {
            report(1, "the front matter's opening line must be exactly '---', not '\(first)'", code: "front-matter")
            lines[0] = "---"
        }
        if lines.first == "---", let close = lines.dropFirst().firstIndex(where: isDashes), lines[close] != "---",
            !lines[1..<close].contains(where: { $0.hasPrefix("#") || Fence($0) != nil })
        {
            report(
                close + 1, "the front matter's closing line must be exactly '---', not '\(lines[close])'",
                code: "front-matter")
            lines[close] = "---"
        }
        if lines.first == "---" {
            // Front matter ends at the first '---'. When what lies before it is not YAML because the lesson's
            // text (a heading or a fence) has started, the closing line is missing: that is the one mistake.
            let close = lines.dropFirst().firstIndex(of: "---") ?? lines.count
            var front = FrontMatter.decode(lines[1..<close].joined(separator: "\n"), offset: 1)
            let broken = close == lines.count || front.problems.contains { $0.code == "yaml" }
            let text = lines[1..<close].firstIndex { $0.hasPrefix("#") || Fence($0) != nil }
            if broken, let text {
                report(
                    1,
                    "the front matter that opens here is never closed; end it with a '---' line before line \(text + 1)",
                    code: "front-matter")
                front = FrontMatter.decode(lines[1..<text].joined(separator: "\n"), offset: 1)
                front.matter.complete = false
                bodyStart = text
            } else if close == lines.count {
                report(
                    1, "the front matter that opens here is never closed; end it with a '---' line",
                    code: "front-matter")
                return nil
            } else {
                bodyStart = close + 1
            }
            front.problems.forEach { diagnostics.append(Diagnostic(file: file, $0)) }
            matter = front.matter
        } else if let close = lines.firstIndex(of: "---"), close > 0,
            lines[..<close].allSatisfy({
                $0.isEmpty
                    || $0.range(of: #"^[A-Za-z_-]+\s*:"#, options: String.CompareOptions.regularExpression) != nil
            })
        {
            // 'key: value' lines and a '---': front matter whose opening line is missing.
            report(1, "the front matter has no opening '---' line; add one above line 1", code: "front-matter")
            let front = FrontMatter.decode(lines[..<close].joined(separator: "\n"), offset: 0)
            front.problems.forEach { diagnostics.append(Diagnostic(file: file, $0)) }
            matter = front.matter
            matter.complete = false
            bodyStart = close + 1
        } else {
            report(
                1,
                "a lesson starts with front matter: a '---' line, 'key: value' lines (id, title, order, sources), and '---'",
                code: "front-matter")
        }
        frontMatterComplete = matter.complete
        let pages = parsePages(lines, from: bodyStart)
        // A draft without an id is linted under its file name, so its messages still say where they are.
        let fallbackID = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        var lesson = Lesson(
            id: matter.id.isEmpty ? fallbackID : matter.id, title: matter.title, order: matter.order,
            sources: matter.sources, requires: matter.requires, minutes: matter.minutes, file: file, pages: pages,
            lines: matter.lines)
        lesson.unreadParams = unreadParams
        return lesson
    }

    private mutating func parsePages(_ lines: [String], from start: Int) -> [Page] {
        var pages: [Page] = [Page(blocks: [])]
        var prose: [String] = []
        var proseStart = start
        var index = start

        func flushProse() {
            // Lines are kept whole (blank ones too) so a placeholder's line can be found again.
            guard let first = prose.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                prose = []
                return
            }
            let text = prose[first...].joined(separator: "\n").trimmingCharacters(in: .newlines)
            pages[pages.count - 1].blocks.append(.prose(text))
            pages[pages.count - 1].lines.append(proseStart + first + 1)
            prose = []
        }
        func appendProse(_ text: [String], at line: Int) {
            if prose.isEmpty { proseStart = line }
            prose += text
        }

        while index < lines.count {
            let line = lines[index]
            let lineNumber = index + 1
            if let fence = Fence(line) {
                // Find the closing fence; an unclosed one runs to the end and is reported, not read.
                var close = index + 1
                while close < lines.count, !fence.closes(lines[close]) { close += 1 }
                if close == lines.count {
                    report(lineNumber, "this ``` block is never closed; close it with a line of ```", code: "fence")
                    appendProse(Array(lines[index...]), at: index)
                    break
                }
                let body = lines[(index + 1)..<close].joined(separator: "\n")
                if Self.blockKinds.contains(fence.kind), let inner = swallowedBlock(lines, from: index + 1, to: close) {
                    // Its closing fence is missing: it ran on over the next block. Reading it would only report
                    // what it swallowed; what it meant to hold is broken, silently.
                    flushProse()
                    report(
                        lineNumber,
                        "this ```\(fence.kind) block is not closed before the ```\(Fence(lines[inner])!.kind) block at line \(inner + 1); add its closing ``` line",
                        code: "fence")
                    if fence.kind == "params" { _ = readParams(body, line: lineNumber, quiet: true) }
                    silenceSwallowed(lines, from: index + 1, to: close)
                    anchor = .broken
                } else if Self.blockKinds.contains(fence.kind) {
                    flushProse()
                    handleBlock(fence.kind, body: body, line: lineNumber, page: &pages[pages.count - 1])
                } else if let inner = swallowedBlock(lines, from: index + 1, to: close) {
                    // A fence line is missing: this code block ran on over a toolkit block. One message; what the
                    // swallowed block held is broken, so its hints do not report it missing again.
                    report(
                        lineNumber,
                        "this ``` block runs on to line \(close + 1) and takes in the ```\(lines[inner].drop { $0 == "`" || $0 == "~" }) block at line \(inner + 1); a fence line is missing",
                        code: "fence")
                    anchor = .broken
                    silenceSwallowed(lines, from: index + 1, to: close)
                    // Param lines just above it are a params block whose opening fence is what went missing.
                    let loose = prose.filter {
                        $0.range(of: #"^\s*[A-Za-z][A-Za-z0-9_]*\s*="#, options: .regularExpression) != nil
                    }
                    _ = readParams(loose.joined(separator: "\n"), line: lineNumber, quiet: true)
                    appendProse(Array(lines[index...close]), at: index)
                } else {
                    if fence.looksLikeBlockKind, !Self.codeLanguages.contains(fence.kind) {
                        misspeltBlock(fence.kind, body: body, line: lineNumber)
                    }
                    appendProse(Array(lines[index...close]), at: index)
                }
                index = close + 1
                continue
            }
            if line.trimmingCharacters(in: .whitespaces) == "---" {
                if index == start || lines[index - 1].trimmingCharacters(in: .whitespaces).isEmpty {
                    flushProse()
                    pages.append(Page(blocks: []))
                    anchor = .none
                    index += 1
                    continue
                }
                pageBreakWarning(lineNumber)
            }
            appendProse([line], at: index)
            index += 1
        }
        flushProse()
        return pages.filter { !$0.blocks.isEmpty }
    }

    /// The params blocks inside a block that ran on over them: their names are known, so their uses are not
    /// reported again.
    private mutating func silenceSwallowed(_ lines: [String], from start: Int, to end: Int) {
        var index = start
        while index < end {
            guard let inner = Fence(lines[index]), inner.kind == "params" else {
                index += 1
                continue
            }
            var close = index + 1
            while close < end, !inner.closes(lines[close]) { close += 1 }
            _ = readParams(lines[(index + 1)..<close].joined(separator: "\n"), line: index + 1, quiet: true)
            index = close + 1
        }
    }

    /// The index of the first toolkit block's fence (```question, ```hint…) inside a code block, if any.
    private func swallowedBlock(_ lines: [String], from start: Int, to end: Int) -> Int? {
        (start..<end).first { index in
            guard let inner = Fence(lines[index]) else { return false }
            return Self.blockKinds.contains(inner.kind)
        }
    }

    /// `---` turns the page only with a blank line above it; under a line of text Markdown reads it as
    /// that line's heading underline, and the two pages silently run together.
    private mutating func pageBreakWarning(_ line: Int) {
        let message =
            "'---' right under a line of text is not a page break (Markdown reads it as that line's heading "
            + "underline), so the two pages run together; put a blank line above it, or write '## heading' for a heading"
        diagnostics.append(
            Diagnostic(file: file, line: line, column: 1, severity: .warning, code: "page-break", message: message))
    }

    mutating func report(_ line: Int, _ message: String, code: String, column: Int? = nil) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, code: code, message: message))
    }

    mutating func report(_ error: LineError) {
        diagnostics.append(Diagnostic(file: file, error))
    }
}
