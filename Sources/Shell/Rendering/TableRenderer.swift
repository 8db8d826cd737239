import Foundation

/// Draws a Markdown table with aligned columns; when it is wider than the terminal, the widest
/// columns give way first and their cells wrap.
struct TableRenderer {
    let width: Int
    let style: Style

    enum Alignment { case left, right, centre }

    func render(_ rows: [String], styleCell: (String) -> String) -> [String] {
        var cells = rows.map(Self.cells)
        var alignments: [Alignment] = []
        if cells.count >= 2, let separator = Self.alignments(cells[1]) {
            alignments = separator
            cells.remove(at: 1)
        }
        let columnCount = cells.map(\.count).max() ?? 0
        guard columnCount > 0 else { return [] }
        cells = cells.map { $0 + Array(repeating: "", count: columnCount - $0.count) }
        alignments += Array(repeating: .left, count: max(0, columnCount - alignments.count))

        // Visible text of each cell, after inline Markdown is applied.
        let plain = cells.map { row in row.map { InlineMarkdown.parse($0).map(\.text).joined() } }
        var widths = (0..<columnCount).map { column in plain.map { Sanitizer.visibleWidth($0[column]) }.max() ?? 0 }
        let separatorsWidth = 3 * (columnCount - 1)
        while widths.reduce(0, +) + separatorsWidth > width,
            let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
            widths[widest] > 6
        {
            widths[widest] -= 1
        }

        var output: [String] = []
        for (rowIndex, row) in plain.enumerated() {
            let wrapped = row.enumerated().map { column, text in
                TextWrapper.wrap(
                    TextWrapper.words(from: [InlineRun(text: text, kind: .plain)]), width: widths[column]
                ) { $0.text }
            }
            let height = wrapped.map(\.count).max() ?? 1
            for lineIndex in 0..<height {
                let line = (0..<columnCount).map { column -> String in
                    let text = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : ""
                    let padded = pad(text, to: widths[column], alignments[column])
                    return rowIndex == 0 ? style.bold(padded) : padded
                }
                output.append(line.joined(separator: style.dim(" │ ")).trimmingTrailingSpaces())
            }
            if rowIndex == 0 {
                output.append(style.dim(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─")))
            }
        }
        return output
    }

    private func pad(_ text: String, to width: Int, _ alignment: Alignment) -> String {
        let missing = max(0, width - Sanitizer.visibleWidth(text))
        switch alignment {
        case .left: return text + String(repeating: " ", count: missing)
        case .right: return String(repeating: " ", count: missing) + text
        case .centre:
            return String(repeating: " ", count: missing / 2) + text
                + String(repeating: " ", count: missing - missing / 2)
        }
    }

    static func cells(_ row: String) -> [String] {
        var trimmed = row.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("|") { trimmed.removeFirst() }
        if trimmed.hasSuffix("|") { trimmed.removeLast() }
        return trimmed.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    static func alignments(_ cells: [String]) -> [Alignment]? {
        var result: [Alignment] = []
        for cell in cells {
            guard !cell.isEmpty, cell.allSatisfy({ $0 == "-" || $0 == ":" }), cell.contains("-") else { return nil }
            switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
            case (true, true): result.append(.centre)
            case (false, true): result.append(.right)
            default: result.append(.left)
            }
        }
        return result
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
