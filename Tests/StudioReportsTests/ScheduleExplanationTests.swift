import StudioReports
import StudioScenario
import Testing
import _TestSupport

@Suite("Explaining schedules")
struct ScheduleExplanationTests {
    @Test("The reform's quota is told by stretches of years and each grant rule with the cohorts it covers")
    func reform() throws {
        let scenario = try Fixtures.shippedScenario("reform-2028")
        let zh = ScenarioExplanation(scenario: scenario, language: .zh).lines()
        #expect(zh.contains("年度创建任务数量（名额）：2026–2027 年每年 5 个，2028 年起每年 8 个（第七条）。"))
        #expect(zh.contains { $0.hasPrefix("2028 年以前命名的工作室：每个命名工作室补助 100 万元，分 3 次拨付（30 万元、30 万元、40 万元）") })
        #expect(zh.contains { $0.hasPrefix("2028 年起命名的工作室：每个命名工作室补助 120 万元，分 3 次拨付（48 万元、36 万元、36 万元）") })
        // The strike rules did not change, so they are told once, for every cohort.
        #expect(zh.filter { $0.contains("连续 2 次不合格撤销命名并摘牌") }.count == 1)
        let en = ScenarioExplanation(scenario: scenario, language: .en).lines()
        #expect(en.contains("Annual quota of namings: 5 a year in 2026–2027, 8 a year from 2028 (Art. 7)."))
        #expect(en.contains { $0.hasPrefix("Studios named from 2028: Each named studio is granted 1,200,000 yuan") })
    }

    @Test("A calendar schedule of pass probabilities gives one line per stretch of years")
    func calendarLines() throws {
        var text = try String(contentsOfFile: Fixtures.scenarioPath("nanchang-baseline"), encoding: .utf8)
        let range = try #require(text.range(of: "in_cycle: 0.93"))
        text.replaceSubrange(range, with: "in_cycle: {2026: 0.93, 2029: 0.85}")
        let lines = ScenarioExplanation(scenario: try Fixtures.scenario(text), language: .zh).lines()
        #expect(lines.contains("2026–2028 年：考评合格概率：周期内 93%，周期后 95%（第十一条、第十四条）。"))
        #expect(lines.contains("2029 年起：考评合格概率：周期内 85%，周期后 95%（第十一条、第十四条）。"))
        // Lines that do not change are told once, without years.
        #expect(lines.filter { $0.contains("设备补助") }.count == 1)
    }
}
