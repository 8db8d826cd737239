import PoolWorld

/// Connections and database CPU over virtual time, one labelled row per series, fitted to the width:
///
///     active   ▂▅█████████▆▃▁   25
///     waiting  ▁▇██▇▆▅▄▃▂▁       175
///              0s           0.8s
enum TimelineChart {
    static func draw(_ series: [ChartSeries], from start: SimDuration, to end: SimDuration, width: Int) -> String {
        let label = (series.map(\.name.count).max() ?? 0) + 2
        let plot = max(10, width - label - 10)
        var lines: [String] = []
        for line in series {
            let peak = line.values.max() ?? 0
            lines.append(
                line.name.padding(toLength: label, withPad: " ", startingAt: 0)
                    + Sparkline.draw(line.values, width: plot, scale: line.scale).padding(
                        toLength: plot, withPad: " ", startingAt: 0)
                    + "  max " + format(peak) + line.unit)
        }
        let left = "\(start)"
        let right = "\(end)"
        let gap = max(1, plot - left.count - right.count)
        lines.append(String(repeating: " ", count: label) + left + String(repeating: " ", count: gap) + right)
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : SimReport.fixed(value, 1)
    }

    /// The usual rows from sampled gauges: active, idle, waiting, and database CPU when it has cores.
    static func series(from points: [SeriesPoint], cores: Int?) -> [ChartSeries] {
        let active = points.map { Double($0.poolActive) }
        let idle = points.map { Double($0.poolIdle) }
        let connections = max(active.max() ?? 0, idle.max() ?? 0)
        var rows = [
            ChartSeries(name: "active", values: active, scale: connections),
            ChartSeries(name: "idle", values: idle, scale: connections),
            ChartSeries(name: "waiting", values: points.map { Double($0.poolWaiting) }),
        ]
        if let cores {
            rows.append(
                ChartSeries(
                    name: "db cpu", values: points.map { Double($0.busyCores) / Double(cores) * 100 }, scale: 100,
                    unit: "%"))
        }
        return rows
    }
}
