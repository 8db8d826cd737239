/// Rows of an admin view as plain text, the way psql prints them.
///
/// Column names are centred over their column, numbers are right-aligned and text left-aligned, and a
/// `(N rows)` footer closes the table: what a learner sees after `SHOW POOLS;` in a real admin console.
public struct AdminTable: Hashable, Sendable, CustomStringConvertible {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The table, one line per row, with a header, a rule and a footer.
    public var description: String {
        var widths = columns.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func centred(_ text: String, _ width: Int) -> String {
            let spare = width - text.count
            let left = spare / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: spare - left)
        }
        // psql aligns by column type: a column of numbers to the right, anything else to the left.
        let numeric = columns.indices.map { column in
            rows.allSatisfy { column >= $0.count || $0[column].isEmpty || Self.isNumeric($0[column]) }
        }
        func aligned(_ text: String, _ column: Int) -> String {
            let pad = String(repeating: " ", count: max(0, widths[column] - text.count))
            return numeric[column] ? pad + text : text + pad
        }
        var lines: [String] = []
        lines.append(columns.indices.map { " " + centred(columns[$0], widths[$0]) + " " }.joined(separator: "|"))
        lines.append(widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+"))
        for row in rows {
            lines.append(
                columns.indices.map { " " + aligned($0 < row.count ? row[$0] : "", $0) + " " }
                    .joined(separator: "|"))
        }
        lines.append(rows.count == 1 ? "(1 row)" : "(\(rows.count) rows)")
        // psql leaves no trailing blanks.
        return lines.map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// A number as a numeric column holds it (`12`, `-3`, `0.5`); an address such as `127.0.0.1` is text.
    private static func isNumeric(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isNumber || $0 == "-" || $0 == "." }
            && text.filter { $0 == "." }.count <= 1 && text.dropFirst().allSatisfy { $0 != "-" }
    }
}
