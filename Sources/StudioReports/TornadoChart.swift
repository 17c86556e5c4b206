import Foundation

/// A tornado chart drawn as inline SVG: one row per input, largest first, with a bar from zero
/// to the output's change when the input is moved down and another when it is moved up, and the
/// inputs' names down the left.
struct TornadoChart {
    /// One input's row.
    struct Row {
        /// The input's name.
        var label: String
        /// The change when moved down (nil: not moved).
        var low: Double?
        /// The change when moved up (nil: not moved).
        var high: Double?
    }

    var title: String
    var rows: [Row]
    var unit: ValueUnit
    /// The legend's labels for the moved-down and moved-up bars.
    var lowLabel: String
    var highLabel: String
    var width = 760.0

    private let left = 300.0
    private let right = 24.0
    private let top = 36.0
    private let rowHeight = 22.0
    private let bottom = 56.0

    private static let lowColour = "#3182bd"
    private static let highColour = "#e6550d"

    /// The chart as an `<svg>` element.
    func render() -> String {
        let values = rows.flatMap { [$0.low, $0.high] }.compactMap { $0 }.filter(\.isFinite)
        let extent = max(values.map(abs).max() ?? 1, 1e-9)
        let step = SVGChart.niceStep(extent / unit.divisor / 3) * unit.divisor
        let bound = (extent / step).rounded(.up) * step
        let plotWidth = width - left - right
        let height = top + rowHeight * Double(max(rows.count, 1)) + bottom
        func x(_ value: Double) -> Double { left + plotWidth * (value + bound) / (2 * bound) }
        func format(_ value: Double) -> String { String(format: "%.1f", value) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(escape(title))">
            <text x="8" y="20" class="title">\(escape(title))</text>

            """
        let plotBottom = top + rowHeight * Double(rows.count)
        var tick = -bound
        while tick <= bound + step / 2 {
            let tx = format(x(tick))
            svg += "<line x1=\"\(tx)\" y1=\"\(format(top))\" x2=\"\(tx)\" y2=\"\(format(plotBottom))\" class=\"grid\"/>"
            svg += "<text x=\"\(tx)\" y=\"\(format(plotBottom + 14))\" class=\"tick\" text-anchor=\"middle\">\(unit.label(tick))</text>\n"
            tick += step
        }
        svg += "<text x=\"\(format(left + plotWidth / 2))\" y=\"\(format(plotBottom + 30))\" class=\"axis\" text-anchor=\"middle\">\(escape(unit.name))</text>\n"
        for (index, row) in rows.enumerated() {
            let rowTop = top + rowHeight * Double(index)
            svg += "<text x=\"\(format(left - 8))\" y=\"\(format(rowTop + rowHeight / 2))\" class=\"tick\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escape(row.label))</text>"
            for (value, colour, offset) in [(row.low, Self.lowColour, 0.15), (row.high, Self.highColour, 0.5)] {
                guard let value, value.isFinite else { continue }
                let start = min(x(0), x(value))
                svg += "<rect x=\"\(format(start))\" y=\"\(format(rowTop + rowHeight * offset))\" width=\"\(format(abs(x(value) - x(0))))\" height=\"\(format(rowHeight * 0.35))\" fill=\"\(colour)\"/>"
            }
            svg += "\n"
        }
        svg += "<line x1=\"\(format(x(0)))\" y1=\"\(format(top))\" x2=\"\(format(x(0)))\" y2=\"\(format(plotBottom))\" stroke=\"#222\" stroke-width=\"1\"/>\n"
        let legendY = height - 12
        var legendX = left
        for (label, colour) in [(lowLabel, Self.lowColour), (highLabel, Self.highColour)] {
            svg += "<line x1=\"\(format(legendX))\" y1=\"\(format(legendY))\" x2=\"\(format(legendX + 18))\" y2=\"\(format(legendY))\" stroke=\"\(colour)\" stroke-width=\"8\"/>"
            svg += "<text x=\"\(format(legendX + 24))\" y=\"\(format(legendY))\" class=\"legend\" dominant-baseline=\"middle\">\(escape(label))</text>"
            legendX += 40 + label.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2E80 ? 12 : 7) }
        }
        return svg + "\n</svg>"
    }
}
