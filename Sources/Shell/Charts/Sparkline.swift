/// `▁▂▅█▇▃`: a series squeezed into `width` characters, each the mean of the samples it covers.
enum Sparkline {
    static let levels: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func draw(_ values: [Double], width: Int, scale: Double? = nil) -> String {
        guard !values.isEmpty, width > 0 else { return "" }
        let top = max(scale ?? 0, values.max() ?? 0)
        return String(
            resample(values, to: width).map { value in
                guard top > 0, value > 0 else { return levels[0] }
                // Anything above zero shows at least the lowest bar: a single waiter is worth seeing.
                return levels[max(1, min(8, Int((value / top * 8).rounded())))]
            })
    }

    /// Averages samples into `width` columns (or repeats them, when there are fewer samples than columns).
    static func resample(_ values: [Double], to width: Int) -> [Double] {
        (0..<min(width, max(values.count, 1))).map { column in
            let start = column * values.count / min(width, values.count)
            let end = max(start + 1, (column + 1) * values.count / min(width, values.count))
            let slice = values[start..<min(end, values.count)]
            return slice.reduce(0, +) / Double(slice.count)
        }
    }
}
