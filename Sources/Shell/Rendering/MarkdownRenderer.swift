import Foundation

/// Renders Markdown for a terminal: headings, emphasis, lists, quotes, code blocks, tables and
/// rules, wrapped to the width. Input is sanitised first, so lesson text can never drive the terminal.
struct MarkdownRenderer: Sendable {
    let width: Int
    let style: Style
    /// How many quotes this one is inside: past `deepestQuote` further `>` are text, so that a lesson of
    /// thousands of `>` renders instead of overflowing the stack.
    private var quoteDepth = 0
    static let deepestQuote = 8

    init(width: Int, style: Style) {
        self.width = max(20, width)
        self.style = style
    }

    func render(_ markdown: String) -> String {
        let lines = Sanitizer.clean(markdown).replacingTabs().split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
        var output: [String] = []
        var index = 0
        var paragraph: [String] = []

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            output += wrapInline(paragraph.joined(separator: " "), indent: "", hanging: "")
            paragraph = []
        }
        func blankLine() {
            if let last = output.last, !last.isEmpty { output.append("") }
        }

        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingLeadingSpaces()
            if trimmed.isEmpty {
                flushParagraph()
                blankLine()
                index += 1
            } else if let fence = CodeFence(opening: trimmed) {
                flushParagraph()
                index += 1
                while index < lines.count, !fence.closes(lines[index]) {
                    // A long code line continues below, indented two more, rather than running off the edge.
                    let own = lines[index].prefix { $0 == " " }.count
                    let fitted = LineFitter.fitLine(lines[index], width: max(20, width - 4), hanging: own + 2)
                    for part in fitted.split(separator: "\n", omittingEmptySubsequences: false) {
                        output.append("    " + style.cyan(String(part)))
                    }
                    index += 1
                }
                index += 1
                blankLine()
            } else if let heading = Heading(trimmed) {
                flushParagraph()
                blankLine()
                output += render(heading)
                index += 1
            } else if isRule(trimmed) {
                flushParagraph()
                output.append(style.dim(String(repeating: "─", count: width)))
                index += 1
            } else if trimmed.hasPrefix("|") {
                flushParagraph()
                var rows: [String] = []
                while index < lines.count, lines[index].trimmingLeadingSpaces().hasPrefix("|") {
                    rows.append(lines[index].trimmingLeadingSpaces())
                    index += 1
                }
                output += TableRenderer(width: width, style: style).render(rows) { self.styledInline($0) }
            } else if trimmed.hasPrefix(">") {
                flushParagraph()
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmingLeadingSpaces().hasPrefix(">") {
                    var text = String(lines[index].trimmingLeadingSpaces().dropFirst()).trimmingLeadingSpaces()
                    if quoteDepth + 1 >= Self.deepestQuote {
                        while text.hasPrefix(">") { text = String(text.dropFirst()).trimmingLeadingSpaces() }
                    }
                    quoted.append(text)
                    index += 1
                }
                var nested = MarkdownRenderer(width: width - 2, style: style)
                nested.quoteDepth = quoteDepth + 1
                let inner = nested.render(quoted.joined(separator: "\n"))
                for innerLine in inner.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                    output.append(style.dim("│ ") + innerLine)
                }
            } else if let item = ListItem(line) {
                flushParagraph()
                var text = item.text
                index += 1
                // Continuation lines: indented text that is not a new item or a block of its own.
                while index < lines.count, ListItem(lines[index]) == nil, !lines[index].trimmingLeadingSpaces().isEmpty,
                    lines[index].hasPrefix(" ")
                {
                    text += " " + lines[index].trimmingLeadingSpaces()
                    index += 1
                }
                let indent = String(repeating: " ", count: item.depth * 2)
                let marker = item.marker + " "
                output += wrapInline(
                    text,
                    indent: indent + style.dim(marker),
                    hanging: indent + String(repeating: " ", count: Sanitizer.visibleWidth(marker))
                )
            } else {
                paragraph.append(trimmed.trimmingTrailingSpaces())
                // Two trailing spaces are Markdown's hard line break.
                if line.hasSuffix("  ") { flushParagraph() }
                index += 1
            }
        }
        flushParagraph()
        while output.last == "" { output.removeLast() }
        return output.isEmpty ? "" : output.joined(separator: "\n") + "\n"
    }

    private func render(_ heading: Heading) -> [String] {
        let text = InlineMarkdown.parse(heading.text).map(\.text).joined()
        switch heading.level {
        case 1:
            return [
                style.bold(text), style.dim(String(repeating: "=", count: min(width, Sanitizer.visibleWidth(text)))),
            ]
        case 2:
            return [
                style.bold(text), style.dim(String(repeating: "-", count: min(width, Sanitizer.visibleWidth(text)))),
            ]
        default:
            return [style.bold(text)]
        }
    }

    private func isRule(_ line: String) -> Bool {
        let compact = line.filter { !$0.isWhitespace }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    private func wrapInline(_ text: String, indent: String, hanging: String) -> [String] {
        let indentWidth = Sanitizer.visibleWidth(indent)
        let words = TextWrapper.words(from: InlineMarkdown.parse(text))
        let lines = TextWrapper.wrap(words, width: width - indentWidth) { styled($0.text, $0.kind) }
        return lines.enumerated().map { ($0.offset == 0 ? indent : hanging) + $0.element }
    }

    func styledInline(_ text: String) -> String {
        InlineMarkdown.parse(text).map { styled($0.text, $0.kind) }.joined()
    }

    private func styled(_ text: String, _ kind: InlineRun.Kind) -> String {
        switch kind {
        case .plain: text
        case .strong: style.bold(text)
        case .emphasis: style.italic(text)
        case .code: style.cyan(text)
        case .link: style.underline(text)
        }
    }
}

extension String {
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " })
    }

    func replacingTabs() -> String {
        contains("\t") ? replacingOccurrences(of: "\t", with: "    ") : self
    }
}
