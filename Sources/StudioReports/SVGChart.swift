import Foundation

/// A small line-and-band chart drawn as inline SVG, with year ticks along the bottom and nice
/// value ticks up the side. No script and nothing fetched: the report stays one file.
struct SVGChart {
    /// A shaded band between a lower and an upper series.
    struct Band {
        var lower: [Double]
        var upper: [Double]
        var colour: String
        var label: String
    }

    /// A line, solid or dashed, or bars. A stepped line holds each value level across its year,
    /// for a level that changes only between years (a budget per period).
    struct Series {
        var values: [Double]
        var colour: String
        var label: String
        var dashed = false
        var bars = false
        var stepped = false
    }

    var title: String
    var xLabels: [String]
    var unit: ValueUnit
    var bands: [Band] = []
    var series: [Series] = []
    var width = 720.0
    var height = 300.0
    /// The lowest value shown; by default 0 or the lowest value.
    var floor: Double?

    private let left = 80.0
    private let right = 16.0
    private let top = 36.0
    private let bottom = 64.0

    /// The chart as an `<svg>` element.
    func render() -> String {
        let all = bands.flatMap { $0.lower + $0.upper } + series.flatMap(\.values)
        let finite = all.filter(\.isFinite)
        var low = floor ?? min(0, finite.min() ?? 0)
        var high = max(finite.max() ?? 1, low + 1e-9)
        let step = Self.niceStep((high - low) / unit.divisor / 5) * unit.divisor
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let count = max(xLabels.count, 1)
        func x(_ index: Int) -> Double { left + plotWidth * (Double(index) + 0.5) / Double(count) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / (high - low)) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(escape(title))">
            <text x="\(left)" y="20" class="title">\(escape(title))</text>

            """
        var tick = low
        while tick <= high + step / 2 {
            let ty = format(y(tick))
            svg += "<line x1=\"\(left)\" y1=\"\(ty)\" x2=\"\(width - right)\" y2=\"\(ty)\" class=\"grid\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(ty)\" class=\"tick\" text-anchor=\"end\" dominant-baseline=\"middle\">\(unit.label(tick))</text>\n"
            tick += step
        }
        svg += "<text x=\"14\" y=\"\(format(top + plotHeight / 2))\" class=\"axis\" transform=\"rotate(-90 14 \(format(top + plotHeight / 2)))\" text-anchor=\"middle\">\(escape(unit.name))</text>\n"
        for (index, label) in xLabels.enumerated() {
            svg += "<text x=\"\(format(x(index)))\" y=\"\(format(height - bottom + 18))\" class=\"tick\" text-anchor=\"middle\">\(escape(label))</text>"
        }
        svg += "\n"
        for band in bands {
            let upper = band.upper.enumerated().map { "\(format(x($0.offset))),\(format(y($0.element)))" }
            let lower = band.lower.enumerated().reversed().map { "\(format(x($0.offset))),\(format(y($0.element)))" }
            svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(band.colour)\" stroke=\"none\"/>\n"
        }
        let barWidth = plotWidth / Double(count) * 0.6
        for line in series {
            if line.bars {
                for (index, value) in line.values.enumerated() where value.isFinite {
                    let top = y(max(value, low))
                    svg += "<rect x=\"\(format(x(index) - barWidth / 2))\" y=\"\(format(top))\" width=\"\(format(barWidth))\" height=\"\(format(y(low) - top))\" fill=\"\(line.colour)\"/>"
                }
                svg += "\n"
                continue
            }
            let halfYear = line.stepped ? plotWidth / Double(count) / 2 : 0
            let points = line.values.enumerated().filter { $0.element.isFinite }.flatMap { index, value in
                Set([x(index) - halfYear, x(index) + halfYear]).sorted().map { "\(format($0)),\(format(y(value)))" }
            }
            let dash = line.dashed ? " stroke-dasharray=\"6 4\"" : ""
            svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2\"\(dash)/>\n"
        }
        // The legend, along the bottom, on a second row when the first is full.
        var legendX = left
        var legendY = height - 22
        for (label, colour, dashed) in bands.map({ ($0.label, $0.colour, false) }) + series.map({ ($0.label, $0.colour, $0.dashed) }) {
            // Wide (CJK) characters take about 12 px at the legend's size, others about 7.
            let textWidth = label.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2E80 ? 12 : 7) }
            let entryWidth = 40 + textWidth
            if legendX + entryWidth > width - right {
                legendX = left
                legendY += 14
            }
            let dash = dashed ? " stroke-dasharray=\"6 4\"" : ""
            svg += "<line x1=\"\(format(legendX))\" y1=\"\(format(legendY))\" x2=\"\(format(legendX + 18))\" y2=\"\(format(legendY))\" stroke=\"\(colour)\" stroke-width=\"8\"\(dash)/>"
            svg += "<text x=\"\(format(legendX + 24))\" y=\"\(format(legendY))\" class=\"legend\" dominant-baseline=\"middle\">\(escape(label))</text>"
            legendX += entryWidth
        }
        return svg + "\n</svg>"
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 5, 10] where factor * power >= raw { return factor * power }
        return 10 * power
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// How values are written on an axis: yuan in 万元 or 亿元 as a planner writes them, or counts
/// and shares.
struct ValueUnit {
    /// The axis title.
    var name: String
    /// What one axis unit is worth.
    var divisor: Double
    /// Decimal places of the tick labels.
    var digits: Int

    /// Yuan in 亿元 when values reach 100,000,000, in 万元 otherwise.
    static func yuan(maximum: Double, chinese: Bool) -> ValueUnit {
        if maximum >= 100_000_000 {
            return ValueUnit(name: chinese ? "亿元" : "100 million yuan (亿元)", divisor: 100_000_000, digits: 2)
        }
        return ValueUnit(name: chinese ? "万元" : "10,000 yuan (万元)", divisor: 10_000, digits: 0)
    }

    /// A plain count.
    static func count(_ name: String) -> ValueUnit { ValueUnit(name: name, divisor: 1, digits: 0) }

    /// A share shown in percent.
    static func share(_ name: String) -> ValueUnit { ValueUnit(name: name, divisor: 0.01, digits: 0) }

    /// A tick's label.
    func label(_ value: Double) -> String {
        let scaled = value / divisor
        return digits == 0 ? PlainNumber.grouped(scaled) : String(format: "%.\(digits)f", scaled)
    }
}

/// Text made safe inside HTML and SVG.
func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
