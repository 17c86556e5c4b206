import Foundation
import StudioRules
import StudioScenario
import Testing
import _TestSupport

/// The baseline's text with each `(from, to)` replaced once.
func baselineYAML(_ replacements: [(String, String)]) throws -> String {
    var text = try String(contentsOfFile: Fixtures.scenarioPath("nanchang-baseline"), encoding: .utf8)
    for (from, to) in replacements {
        guard let range = text.range(of: from) else { throw CocoaError(.coderValueNotFound) }
        text.replaceSubrange(range, with: to)
    }
    return text
}

/// The line of the first occurrence of `text` in `yaml`, from 1.
func line(of text: String, in yaml: String) -> Int? {
    guard let range = yaml.range(of: text) else { return nil }
    return yaml[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
}

@Suite("Schedules in scenario files")
struct ScheduleScenarioTests {
    @Test("Schedule values hold from their year until the next entry")
    func valueInForce() throws {
        let schedule = try #require(Schedule(entries: [(2026, 5), (2028, 8), (2031, 6)]))
        #expect(schedule.values(over: 2025..<2033) == [5, 5, 5, 8, 8, 8, 6, 6])
        #expect(schedule.entryIndex(in: 2030) == 1)
        #expect(schedule.spans(within: 2026..<2036).map(\.years) == [2026..<2028, 2028..<2031, 2031..<2036])
        #expect(Schedule(entries: [(2028, 1), (2026, 2)]) == nil)
        #expect(Schedule(7).isConstant && Schedule(7).value(in: 1990) == 7)
    }

    @Test("A quota schedule expands to the quota in force each year")
    func quotaSchedule() throws {
        let scenario = try Fixtures.scenario(try baselineYAML([("per_year: 5", "per_year: {2026: 5, 2028: 8}")]))
        #expect(scenario.quotaPerYear == [5, 5, 8, 8, 8, 8, 8, 8, 8, 8])
    }

    @Test("A calendar schedule sets the value in force in each year's scenario and the start year's in the scenario")
    func calendarSchedule() throws {
        let scenario = try Fixtures.scenario(
            try baselineYAML([
                ("in_cycle: 0.93", "in_cycle: {2020: 0.93, 2029: 0.85}"),
                ("purchase_probability: 0.4", "purchase_probability: {2026: 0.4, 2030: 0.5}"),
                ("shortlist_score: 80", "shortlist_score: {2026: 80, 2028: 75}"),
                ("detection_probability: 0.005", "detection_probability: {2026: 0.005, 2027: 0.01}"),
            ]))
        #expect(scenario.assessment.inCycle == [0.93])
        #expect(scenario.calendarSchedules.map(\.keyPath) == [
            "selection.shortlist_score", "assessment.pass_probability.in_cycle",
            "subsidies.equipment.purchase_probability", "fraud.detection_probability",
        ])
        let views = scenario.yearViews
        #expect(views.map(\.assessment.inCycle) == [[0.93], [0.93], [0.93], [0.85], [0.85], [0.85], [0.85], [0.85], [0.85], [0.85]])
        #expect(views.map { $0.subsidies.equipment?.purchaseProbability ?? 0 }[3...5] == [0.4, 0.5, 0.5])
        #expect(views.map(\.selection.shortlistScore)[1...2] == [80, 75])
        #expect(views.map(\.fraud.detectionProbability)[0...1] == [0.005, 0.01])
    }

    @Test("Cohort schedules give each naming year its rules, studios named before the forecast included")
    func cohortSchedule() throws {
        let scenario = try Fixtures.scenario(
            try baselineYAML([
                ("grant_yuan: 1000000", "grant_yuan: {2024: 1000000, 2028: 1200000}"),
                ("tranche_shares: [0.3, 0.3, 0.4]", "tranche_shares: {2024: [0.3, 0.3, 0.4], 2030: [0.4, 0.3, 0.3]}"),
            ]))
        #expect(scenario.cohortRules.years == [2024, 2028, 2030])
        #expect(scenario.rules(forCohortNamedIn: 2025) == .measures)
        #expect(scenario.rules(forCohortNamedIn: 2029) == GrantRules(grantYuan: 1_200_000))
        #expect(scenario.rules(forCohortNamedIn: 2031) == GrantRules(grantYuan: 1_200_000, trancheShares: [0.4, 0.3, 0.3]))
    }

    /// Each bad schedule gives exactly one problem naming the file, the line and the key path.
    @Test(
        "A bad schedule is one problem with file, line and key path",
        arguments: [
            ("per_year: 5", "per_year: {2026: 5, 2029: 8, 2028: 7}", "2028: 7", "quota.per_year.2028", "a schedule's years increase"),
            ("per_year: 5", "per_year: {2027: 5}", "2027: 5", "quota.per_year.2027", "the first year the value is needed"),
            ("in_cycle: 0.93", "in_cycle: {2026: 0.93,\n      2029: 1.5}", "2029: 1.5", "assessment.pass_probability.in_cycle.2029",
             "probability 1.5 is outside [0, 1]"),
            ("grant_yuan: 1000000", "grant_yuan: {2026: 1000000}", "2026: 1000000", "programme.grant_yuan.2026",
             "after 2024, the first year the value is needed"),
            ("tranche_shares: [0.3, 0.3, 0.4]", "tranche_shares: {2024: [0.3, 0.3, 0.4],\n    2028: [0.5, 0.6]}",
             "2028: [0.5", "programme.tranche_shares.2028", "tranche shares sum to"),
            ("annual_yuan: 8000000", "annual_yuan: {2026: 8000000, two: 9000000}", "two:", "budget.annual_yuan",
             "a schedule's keys are years"),
        ])
    func badSchedule(from: String, to: String, marker: String, keyPath: String, message: String) throws {
        let yaml = try baselineYAML([(from, to)])
        let problems = Fixtures.problems(yaml, file: "bad.yaml")
        #expect(problems.count == 1, "\(problems)")
        let problem = try #require(problems.first)
        #expect(problem.file == "bad.yaml")
        #expect(problem.keyPath == keyPath)
        #expect(problem.line == line(of: marker, in: yaml))
        #expect(problem.message.contains(message), "\(problem)")
        #expect(!problem.description.contains("\n"))
    }

    @Test("Sensitivity moves each entry of a schedule, keeping a scheduled probability within [0, 1]")
    func scheduleEntriesMove() throws {
        let yaml = try baselineYAML([("in_cycle: 0.93", "in_cycle: {2026: 0.93, 2029: 0.95}")])
        let parameters = NumericParameter.all(inYAML: yaml)
        let entry = try #require(parameters.first { $0.keyPath == "assessment.pass_probability.in_cycle.2029" })
        #expect(entry.isProbability)
        #expect(entry.moved(by: 0.1, direction: 1) == 1)
        let moved = ScenarioOverride(keyPath: entry.keyPath, value: NumericParameter.text(entry.moved(by: 0.1, direction: -1)))
        let source = ScenarioSource(path: "test.yaml", bytes: Data(yaml.utf8))
        let scenario = try ScenarioLoader().load(source: source, overrides: [moved])
        #expect(scenario.inForce(in: 2029).assessment.inCycle == [0.95 * 0.9])
        #expect(scenario.assessment.inCycle == [0.93])
    }

    @Test("sweep --set keeps a schedule in braces as one value")
    func overrideAlternatives() throws {
        let overrides = try #require(ScenarioOverride.alternatives("quota.per_year=5,{2026: 5, 2028: 8},[5, 6]"))
        #expect(overrides.map(\.value) == ["5", "{2026: 5, 2028: 8}", "[5, 6]"])
        let source = try ScenarioLoader.readSource(path: Fixtures.scenarioPath("nanchang-baseline"))
        let scenario = try ScenarioLoader().load(source: source, overrides: [overrides[1]])
        #expect(scenario.quotaPerYear == [5, 5, 8, 8, 8, 8, 8, 8, 8, 8])
    }
}
