import PoolWorld

/// The charts a `load` draws, shared by the shell and the learner-pool child so both draw alike.
enum LoadCharts {
    /// The gauges over time, or nil when the run was too short to sample.
    static func timeline(_ result: SimulationResult, scenario: Scenario, width: Int) -> String? {
        guard result.series.count > 2 else { return nil }
        let rows = TimelineChart.series(from: result.series, cores: scenario.database.cores)
        return TimelineChart.draw(rows, from: .zero, to: result.simulatedTime, width: width)
    }

    /// Two blocks of lines side by side, each under its title; the left one padded to `columnWidth`.
    static func sideBySide(_ left: String, _ right: String, titles: (String, String), columnWidth: Int) -> String {
        let leftLines = [titles.0] + left.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rightLines = [titles.1] + right.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (0..<max(leftLines.count, rightLines.count)).map { index in
            let left = index < leftLines.count ? leftLines[index] : ""
            let right = index < rightLines.count ? rightLines[index] : ""
            let padded =
                left.count < columnWidth ? left + String(repeating: " ", count: columnWidth - left.count) : left
            return (padded + "  " + right).trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}
