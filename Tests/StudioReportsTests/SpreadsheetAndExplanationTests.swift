@testable import StudioReports
import StudioScenario
import StudioSimulation
import Testing
import _TestSupport

@Suite("Spreadsheets, progress and plain-words explanations")
struct SpreadsheetAndExplanationTests {
    @Test("summary.csv can carry Chinese headings; the tidy file keeps English names")
    func chineseHeadings() throws {
        let scenario = try Fixtures.shippedScenario("nanchang-baseline").with { $0.simulation.replications = 100 }
        let files = ForecastFiles(forecast: try MonteCarloEngine(scenario: scenario).run(threads: 1))
        let header = files.summaryCSV(labels: .zh).split(separator: "\n")[0]
        #expect(header.hasPrefix("情景,年份,新命名数_均值,在册工作室数_均值"))
        #expect(header.contains("净支出_P95") && header.contains("年度超预算_均值"))
        #expect(files.summaryCSV(labels: .zh).split(separator: "\n")[1] == files.summaryCSV().split(separator: "\n")[1])
        #expect(files.forecastCSV().hasPrefix("scenario,year,metric,statistic,value"))
        #expect(ChineseLabels.metric("tranche_2") == "第2笔补助")
    }

    @Test("The progress line shows the share done, the rate and the time left")
    func progressLine() {
        let line = ProgressBar.line(done: 12_288, total: 20_000, elapsed: 2)
        #expect(line == "[##############..........]  12,288/20,000  6,144/s  2 s left")
        #expect(ProgressBar.line(done: 5, total: 5, elapsed: 1).hasPrefix("[########################]"))
    }

    @Test("explain says the baseline in Chinese, each rule with its article")
    func explainChinese() throws {
        let lines = ScenarioExplanation(scenario: try Fixtures.shippedScenario("nanchang-baseline")).lines()
        let text = lines.joined(separator: "\n")
        #expect(text.contains("每个命名工作室补助 100 万元，分 3 次拨付（30 万元、30 万元、40 万元）"))
        #expect(text.contains("年度创建任务数量（名额）：每年 5 个（第七条）。"))
        #expect(text.contains("连续 2 次不合格撤销命名并摘牌（第十一条）"))
        #expect(text.contains("第十二条第三款") && text.contains("第十五条") && text.contains("年度预算 800 万元"))
        #expect(lines.filter { !$0.contains("第") && !$0.contains("预算") && !$0.contains("情景") }.isEmpty)
    }

    @Test("explain --lang en says it in English")
    func explainEnglish() throws {
        let scenario = try Fixtures.shippedScenario("score-assessment")
        let text = ScenarioExplanation(scenario: scenario, language: .en).lines().joined(separator: "\n")
        #expect(text.contains("Each named studio is granted 1,000,000 yuan in 3 tranches (300,000 yuan, 300,000 yuan, 400,000 yuan)"))
        #expect(text.contains("Assessment by score") && text.contains("(Art. 14)"))
    }
}

@Suite("The HTML report")
struct HTMLReportTests {
    static func report(language: ScenarioExplanation.Language) throws -> String {
        let scenario = try Fixtures.shippedScenario("nanchang-baseline").with { $0.simulation.replications = 300 }
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 2)
        return HTMLReport(forecast: forecast, scenario: scenario, language: language).render()
    }

    @Test("One self-contained page with the five charts and the key table, in Chinese by default")
    func chineseReport() throws {
        let html = try Self.report(language: .zh)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 5)
        for title in ["年度净支出（扇形图）", "累计净支出与期间预算", "在册工作室与撤销命名", "各批次未撤销比例", "年度超预算概率"] {
            #expect(html.contains(title), "\(title)")
        }
        #expect(html.contains("万元"))
        #expect(html.contains("<table>") && html.contains("<td>2035</td>"))
        // Nothing is fetched and nothing runs.
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("href="))
        #expect(!html.contains("NaN") && !html.contains("inf"))
    }

    @Test("--lang en labels the report in English, with money still in 万元")
    func englishReport() throws {
        let html = try Self.report(language: .en)
        #expect(html.contains("Annual net outflow (fan chart)") && html.contains("lang=\"en\""))
        #expect(html.contains("10,000 yuan (万元)"))
    }

    @Test("Ticks are 1, 2 or 5 times a power of ten, and large sums switch to 亿元")
    func axes() {
        #expect(SVGChart.niceStep(0.13) == 0.2)
        #expect(SVGChart.niceStep(3) == 5)
        #expect(SVGChart.niceStep(700) == 1000)
        #expect(ValueUnit.yuan(maximum: 250_000_000, chinese: true).name == "亿元")
        #expect(ValueUnit.yuan(maximum: 250_000_000, chinese: true).label(150_000_000) == "1.50")
        #expect(ValueUnit.yuan(maximum: 5_000_000, chinese: true).label(4_500_000) == "450")
    }

    @Test("A stepped line holds each year's level across the year and jumps between years")
    func steppedLine() throws {
        var chart = SVGChart(title: "t", xLabels: ["2026", "2027", "2028"], unit: .count("n"))
        chart.series = [.init(values: [10, 10, 20], colour: "#000", label: "budget", stepped: true)]
        let svg = chart.render()
        let polyline = try #require(svg.components(separatedBy: "<polyline points=\"").dropFirst().first)
        let points = polyline.prefix { $0 != "\"" }.split(separator: " ").map { $0.split(separator: ",").map { Double($0)! } }
        // Two points a year: the level from the year's left edge to its right edge.
        #expect(points.count == 6)
        for year in 0..<3 { #expect(points[2 * year][1] == points[2 * year + 1][1]) }
        // The jump to 20 stands at the boundary between 2027 and 2028, straight up.
        #expect(points[3][0] == points[4][0])
        #expect(points[4][1] < points[3][1])
        #expect(points[0][1] == points[3][1])
    }
}
