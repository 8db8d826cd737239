import PoolWorld
import Testing

@testable import Shell

@Suite struct ChartTests {
    @Test func sparklinesScaleToTheirTopAndFitTheWidth() {
        #expect(Sparkline.draw([0, 1, 2, 4, 8], width: 10) == " ▁▂▄█")
        #expect(Sparkline.draw(Array(repeating: 3, count: 100), width: 20).count == 20)
        #expect(Sparkline.draw([0.01, 100], width: 2) == "▁█", "a tiny value still shows")
    }

    @Test func theTimelineFitsTheWidthAndLabelsItsAxis() {
        let rows = [
            ChartSeries(name: "active", values: [1, 5, 10]), ChartSeries(name: "waiting", values: [0, 50, 0]),
        ]
        let chart = TimelineChart.draw(rows, from: .zero, to: .seconds(2), width: 60)
        let lines = chart.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { Sanitizer.visibleWidth(String($0)) <= 60 })
        #expect(lines[0].hasSuffix("max 10") && lines[1].hasSuffix("max 50"))
        #expect(lines[2].contains("0s") && lines[2].hasSuffix("2s"))
    }
}
