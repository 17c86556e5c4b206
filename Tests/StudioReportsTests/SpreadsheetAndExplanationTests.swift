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
        #expect(ChineseLabels.metric(.tranche(2)) == "第2笔补助")
    }

    @Test("first_breach_year's Chinese heading says it is this year's first breach, not a year")
    func firstBreachHeading() throws {
        // 0 or 1 per replication, as 年度超预算 is: its mean is the chance this year is the first breach.
        #expect(ChineseLabels.metric(.firstBreachYear) == "当年首次超预算")
        let scenario = try Fixtures.shippedScenario("tight-budget").with { $0.simulation.replications = 50 }
        let files = ForecastFiles(forecast: try MonteCarloEngine(scenario: scenario).run(threads: 1))
        let header = files.summaryCSV(labels: .zh).split(separator: "\n")[0]
        #expect(header.contains("年度超预算_均值,期内曾超预算_均值,当年首次超预算_均值"))
        #expect(!header.contains("年份_"))
    }

    @Test("The progress line shows the share done, the rate and the time left")
    func progressLine() {
        let line = ProgressBar.line(done: 12_288, total: 20_000, elapsed: 2)
        #expect(line == "[##############..........]  12,288/20,000  6,144/s  2 s left")
        #expect(ProgressBar.line(done: 5, total: 5, elapsed: 1).hasPrefix("[########################]"))
    }

    @Test(
        "Counts a library caller may pass draw a bar of full width, not a negative one",
        arguments: [(-5, 10), (Int.min, 10), (7, -3), (Int.max, Int.min)])
    func progressLineOfAnyCounts(done: Int, total: Int) {
        let bar = ProgressBar.line(done: done, total: total, elapsed: 2).prefix(26)
        #expect(bar.count == 26 && bar.hasPrefix("[") && bar.hasSuffix("]"))
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

    /// A scenario whose quota, pass probabilities and budget change by year, with its own
    /// skill-upgrade amounts and fraud by applicants.
    static let yearByYear = """
        start_year: 2026
        horizon_years: 3
        quota:
          per_year: [5, 6, 7]
        assessment:
          pass_probability:
            in_cycle: [0.93, 0.9, 0.88, 0.85]
        applicants:
          pool: 10
        subsidies:
          training:
            upgrades_per_studio_year:
              senior: 1
            amounts_yuan:
              senior: 2500
        fraud:
          detection_probability: 0.01
          applicant_detection_probability: 0.02
        budget:
          annual_yuan: [8000000, 8500000, 9000000]
        existing_studios:
          - named_year: 2025
            count: 2
            tranches_paid: 1
            subsidies_paid_yuan: 45000
        """

    @Test("explain labels lists with their years, prints the scenario's amounts and names applicant fraud, in Chinese")
    func explainYearByYearChinese() throws {
        let lines = ScenarioExplanation(scenario: try Fixtures.scenario(Self.yearByYear)).lines()
        let text = lines.joined(separator: "\n")
        #expect(text.contains("年度创建任务数量（名额）：2026 年 5 个，2027 年 6 个，2028 年 7 个（第七条）"))
        #expect(text.contains("考评合格概率：补助周期第 2 年 93%，第 3 年 90%，第 4 年 88%，第 5 年 85%，周期后 95%"))
        #expect(text.contains("高级工 2500 元") && text.contains("首席技师 2 万元") && !text.contains("500–20000"))
        #expect(text.contains("已拨付的补助资金全部收回（含第十二条补助）（第十五条）"))
        #expect(text.contains("申报工作室弄虚作假：每年发现概率 2%，取消申评资格并永久不得再次申报（第十五条）"))
        #expect(text.contains("年度预算 2026 年 800 万元，2027 年 850 万元，2028 年 900 万元"))
        #expect(text.contains("每个已获第十二条补助 4.5 万元"))
        // Art. 6 (units with an establishment are not eligible) is not modelled.
        #expect(!text.contains("第六条"))
        #expect(lines.filter { !$0.contains("第") && !$0.contains("预算") && !$0.contains("情景") }.isEmpty)
    }

    @Test("explain --lang en labels lists with their years and prints the scenario's amounts")
    func explainYearByYearEnglish() throws {
        let scenario = try Fixtures.scenario(Self.yearByYear)
        let text = ScenarioExplanation(scenario: scenario, language: .en).lines().joined(separator: "\n")
        #expect(text.contains("Annual quota of namings: 5 in 2026, 6 in 2027, 7 in 2028 (Art. 7)"))
        #expect(text.contains("93% in cycle year 2, 90% in cycle year 3, 88% in cycle year 4, 85% in cycle year 5, 95% after the cycle"))
        #expect(text.contains("senior 2,500 yuan") && !text.contains("500–20,000"))
        #expect(text.contains("Fraud by a candidate: found with probability 2% a year"))
        #expect(text.contains("all the subsidy funds paid to it are recovered"))
        #expect(text.contains("Annual budget 8,000,000 yuan in 2026, 8,500,000 yuan in 2027, 9,000,000 yuan in 2028"))
        #expect(!text.contains("Art. 2, 6"))
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
