import PoolWorld
import Testing

@testable import Shell

@Suite struct LineFitterTests {
    @Test func breaksBetweenWordsUnderTheValueColumn() {
        let line = "pool      total=25, active=25, idle=0, waiting=175, pending=0, created 25, closed 0"
        let fitted = LineFitter.fit(line, width: 40)
        let lines = fitted.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(fitted)")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("          ") && !$0.hasPrefix("           ") })
        #expect(fitted.replacingOccurrences(of: "\n          ", with: " ") == line, "no word was cut or lost")
    }

    @Test func aWordLongerThanTheLineStaysWhole() {
        let fitted = LineFitter.fit("see /a/very/long/path/that/does/not/fit/anywhere/at/all here", width: 20)
        #expect(fitted.contains("/a/very/long/path/that/does/not/fit/anywhere/at/all"))
    }

    @Test func wideAdminTablesTurnToOneFieldPerLine() {
        let table = AdminTable(columns: ["database", "cl_waiting"], rows: [["app", "1828"], ["other", "0"]])
        #expect(AdminTableView.render(table, width: 80) == table.description)
        let expanded = AdminTableView.render(table, width: 20)
        #expect(
            expanded
                == """
                -[ RECORD 1 ]+------
                database     | app
                cl_waiting   | 1828
                -[ RECORD 2 ]+------
                database     | other
                cl_waiting   | 0
                """)
        #expect(
            AdminTableView.fitTables(in: "before\n" + table.description + "\nafter", width: 20)
                == "before\n" + expanded + "\nafter")
    }
}
