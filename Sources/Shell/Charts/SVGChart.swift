import Foundation
import PoolWorld

/// The timeline as an SVG file, for slides: one polyline per series on a shared time axis.
enum SVGChart {
    static let colours = ["#1f77b4", "#2ca02c", "#d62728", "#9467bd", "#ff7f0e"]

    static func timeline(_ series: [ChartSeries], from start: SimDuration, to end: SimDuration, title: String)
        -> String
    {
        let width = 800.0
        let rowHeight = 90.0
        let left = 90.0
        let plot = width - left - 20
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(rowHeight * Double(series.count) + 70))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(Int(left))" y="20" font-size="14">\(escape(title))</text>

            """
        for (index, line) in series.enumerated() {
            let top = 35 + rowHeight * Double(index)
            let bottom = top + rowHeight - 20
            let count = max(1, line.values.count - 1)
            let points = line.values.enumerated().map { offset, value in
                let x = left + plot * Double(offset) / Double(count)
                let y = bottom - (bottom - top) * value / line.scale
                return "\(format(x)),\(format(y))"
            }.joined(separator: " ")
            let colour = colours[index % colours.count]
            svg += "<text x=\"8\" y=\"\(format((top + bottom) / 2))\">\(escape(line.name))</text>\n"
            svg +=
                "<text x=\"8\" y=\"\(format((top + bottom) / 2 + 14))\" fill=\"#666\">max \(TimelineChart.format(line.values.max() ?? 0))\(escape(line.unit))</text>\n"
            svg +=
                "<line x1=\"\(Int(left))\" y1=\"\(format(bottom))\" x2=\"\(Int(left + plot))\" y2=\"\(format(bottom))\" stroke=\"#ccc\"/>\n"
            svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(points)\"/>\n"
        }
        let axis = 35 + rowHeight * Double(series.count)
        svg += "<text x=\"\(Int(left))\" y=\"\(format(axis))\">\(escape("\(start)"))</text>\n"
        svg += "<text x=\"\(Int(left + plot))\" y=\"\(format(axis))\" text-anchor=\"end\">\(escape("\(end)"))</text>\n"
        return svg + "</svg>\n"
    }

    static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
