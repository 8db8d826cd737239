import Foundation
import PoolWorld

/// PgBouncer's `SHOW` tables as psql prints them: the aligned table when it fits the terminal,
/// else one field per line per row, as psql's `\x auto` does.
enum AdminTableView {
    /// Like psql, only a terminal switches: a pipe or a file always gets the aligned table.
    static func render(_ table: AdminTable, for terminal: TerminalInfo) -> String {
        terminal.isInteractive ? render(table, width: terminal.width) : table.description
    }

    static func render(_ table: AdminTable, width: Int) -> String {
        let aligned = table.description
        let widest = aligned.split(separator: "\n").map { Sanitizer.visibleWidth(String($0)) }.max() ?? 0
        guard widest > width else { return aligned }
        return expanded(table, width: width)
    }

    /// `-[ RECORD 1 ]-+-----` then `label | value` lines, the labels padded to one width.
    static func expanded(_ table: AdminTable, width: Int) -> String {
        guard !table.rows.isEmpty else { return "(0 rows)" }
        let labelWidth = table.columns.map(\.count).max() ?? 0
        let valueWidth = table.rows.flatMap { $0 }.map(\.count).max() ?? 0
        var lines: [String] = []
        for (number, row) in table.rows.enumerated() {
            let title = "-[ RECORD \(number + 1) ]"
            let left = max(labelWidth + 1, title.count)
            let right = max(1, min(valueWidth + 1, width - left - 1))
            lines.append(
                title + String(repeating: "-", count: left - title.count) + "+" + String(repeating: "-", count: right))
            for (index, column) in table.columns.enumerated() {
                let value = index < row.count ? row[index] : ""
                let label = column + String(repeating: " ", count: left - 1 - column.count)
                lines.append((label + " | " + value).trimmingTrailingSpaces())
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Finds psql-style tables in already printed text (a header, a `---+---` rule, rows and a
    /// `(N rows)` footer) and shows each that is too wide one field per line.
    static func fitTables(in text: String, width: Int) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 1
        while index < lines.count {
            guard isRule(lines[index]), lines[index].count > width,
                let end = lines[(index + 1)...].firstIndex(where: isFooter)
            else {
                index += 1
                continue
            }
            let table = AdminTable(
                columns: cells(lines[index - 1]), rows: lines[(index + 1)..<end].map(cells))
            let expanded = expanded(table, width: width).split(separator: "\n").map(String.init)
            lines.replaceSubrange((index - 1)...end, with: expanded)
            index += expanded.count
        }
        return lines.joined(separator: "\n")
    }

    private static func isRule(_ line: String) -> Bool {
        line.contains("-+-") && line.allSatisfy { $0 == "-" || $0 == "+" }
    }

    private static func isFooter(_ line: String) -> Bool {
        line.hasPrefix("(") && (line.hasSuffix(" rows)") || line.hasSuffix(" row)"))
    }

    private static func cells(_ line: String) -> [String] {
        line.split(separator: "|", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }
}
