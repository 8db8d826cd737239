/// One line of a chart over time: a name and a value per sample.
struct ChartSeries: Sendable {
    let name: String
    let values: [Double]
    /// The top of the scale (at least the largest value), so related series share one.
    let scale: Double
    /// How values print: `25`, `80%`.
    let unit: String

    init(name: String, values: [Double], scale: Double? = nil, unit: String = "") {
        self.name = name
        self.values = values
        self.scale = max(scale ?? 0, values.max() ?? 0, 1e-9)
        self.unit = unit
    }
}
