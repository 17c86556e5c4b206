import Foundation
@testable import StudioScenario
import StudioSimulation
import Testing
import Yams
import _TestSupport

/// A base scenario for the chain tests; line 9 holds `post_cycle`.
private let baseYAML = """
    name: base
    start_year: 2026
    horizon_years: 3
    quota:
      per_year: [5, 6, 7]
    assessment:
      pass_probability:
        in_cycle: 0.9
        post_cycle: 0.95
    existing_studios:
      - named_year: 2025
        count: 4
        tranches_paid: 1

    """

/// Writes each `(name, text)` into one new folder and returns the folder.
private func folder(_ files: [(String, String)]) throws -> URL {
    let folder = try Fixtures.temporaryDirectory()
    for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    return folder
}

/// The problems loading `name` in `folder` gives; empty when it is valid.
private func problems(_ name: String, in folder: URL) -> [ScenarioError] {
    do {
        _ = try ScenarioLoader().load(path: folder.appendingPathComponent(name).path)
        return []
    } catch {
        return error.errors
    }
}

@Suite("Scenarios that extend scenarios")
struct ScenarioExtendsTests {
    @Test("An extending file with only its name gives its base's scenario")
    func onlyName() throws {
        let files = try folder([("base.yaml", baseYAML), ("same.yaml", "extends: base.yaml\nname: same\n")])
        let base = try ScenarioLoader().load(path: files.appendingPathComponent("base.yaml").path)
        let same = try ScenarioLoader().load(path: files.appendingPathComponent("same.yaml").path)
        #expect(same.name == "same")
        #expect(same.quotaPerYear == base.quotaPerYear)
        #expect(same.assessment == base.assessment)
        #expect(same.existingStudios == base.existingStudios)
        #expect(same.years == base.years)
    }

    @Test("Mappings merge key by key, lists replace whole, null removes a value")
    func mergeRules() throws {
        let child = """
            extends: base.yaml
            name: child
            quota:
              per_year: [1, 2]
            horizon_years: 2
            assessment:
              pass_probability:
                post_cycle: 0.5
                after_yellow_card: 0.7
            existing_studios: ~
            """
        let files = try folder([("base.yaml", baseYAML), ("child.yaml", child)])
        let scenario = try ScenarioLoader().load(path: files.appendingPathComponent("child.yaml").path)
        #expect(scenario.quotaPerYear == [1, 2])
        #expect(scenario.assessment.inCycle == [0.9])
        #expect(scenario.assessment.postCycle == 0.5)
        #expect(scenario.assessment.afterYellowCard == 0.7)
        #expect(scenario.existingStudios.isEmpty)
    }

    @Test("A chain of three files: each file overrides the ones it builds on")
    func chain() throws {
        let files = try folder([
            ("base.yaml", baseYAML),
            ("middle.yaml", "extends: base.yaml\nname: middle\nassessment:\n  pass_probability:\n    in_cycle: 0.8\n"),
        ])
        try FileManager.default.createDirectory(
            at: files.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("extends: ../middle.yaml\nname: top\nquota:\n  per_year: 9\n".utf8)
            .write(to: files.appendingPathComponent("sub/top.yaml"))
        let scenario = try ScenarioLoader().load(path: files.appendingPathComponent("sub/top.yaml").path)
        #expect(scenario.name == "top")
        #expect(scenario.quotaPerYear == [9, 9, 9])
        #expect(scenario.assessment.inCycle == [0.8])
        #expect(scenario.assessment.postCycle == 0.95)
        #expect(scenario.source?.bases.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["middle.yaml", "base.yaml"])
    }

    @Test("A bad value in a base file is reported with the base file and its line")
    func badValueInBase() throws {
        let bad = baseYAML.replacingOccurrences(of: "post_cycle: 0.95", with: "post_cycle: 1.5")
        let files = try folder([("base.yaml", bad), ("child.yaml", "extends: base.yaml\nname: child\nquota:\n  per_year: 4\n")])
        let found = problems("child.yaml", in: files)
        #expect(found.count == 1)
        #expect(found.first?.file == files.appendingPathComponent("base.yaml").path)
        #expect(found.first?.line == 9)
        #expect(found.first?.keyPath == "assessment.pass_probability.post_cycle")
    }

    @Test("A bad value in the extending file is reported with its own file and line")
    func badValueInChild() throws {
        let files = try folder([
            ("base.yaml", baseYAML),
            ("child.yaml", "extends: base.yaml\nname: child\nquota:\n  per_year: 4\n  per_decade: 1\n"),
        ])
        let found = problems("child.yaml", in: files)
        #expect(found.map(\.file) == [files.appendingPathComponent("child.yaml").path])
        #expect(found.map(\.line) == [5])
        #expect(found.map(\.keyPath) == ["quota.per_decade"])
    }

    @Test("A cycle of extends is one error naming the file and line that closes it")
    func cycle() throws {
        let files = try folder([
            ("a.yaml", "name: a\nextends: b.yaml\n"), ("b.yaml", "# b\nname: b\nextends: a.yaml\n"),
        ])
        let found = problems("a.yaml", in: files)
        #expect(found.count == 1)
        #expect(found.first?.file == files.appendingPathComponent("b.yaml").path)
        #expect(found.first?.line == 3)
        #expect(found.first?.keyPath == "extends")
        #expect(found.first?.message.contains("cycle") == true)
    }

    @Test("A missing base is one error naming the extending file and line")
    func missingBase() throws {
        let files = try folder([("child.yaml", "name: child\n\nextends: nosuch.yaml\n")])
        let found = problems("child.yaml", in: files)
        #expect(found.count == 1)
        #expect(found.first?.file == files.appendingPathComponent("child.yaml").path)
        #expect(found.first?.line == 3)
        #expect(found.first?.message.contains("nosuch.yaml") == true)
    }

    @Test("A base that is a device, not a file, is refused without reading it")
    func deviceBase() throws {
        let files = try folder([("child.yaml", "name: child\nextends: /dev/zero\n")])
        let found = problems("child.yaml", in: files)
        #expect(found.map(\.line) == [2])
        #expect(found.first?.message.contains("not a regular file") == true)
    }

    @Test("An extending file must give its own name")
    func nameRequired() throws {
        let files = try folder([("base.yaml", baseYAML), ("child.yaml", "extends: base.yaml\nquota:\n  per_year: 4\n")])
        let found = problems("child.yaml", in: files)
        #expect(found.map(\.keyPath) == ["name"])
        #expect(found.map(\.file) == [files.appendingPathComponent("child.yaml").path])
    }

    @Test("A schedule (a mapping of years) replaces whole; sections merge")
    func schedulesReplaceWhole() throws {
        let schedule = try #require(try Yams.compose(yaml: "{2026: 5, 2028: 8}"))
        let other = try #require(try Yams.compose(yaml: "{2030: 9}"))
        let section = try #require(try Yams.compose(yaml: "{in_cycle: 0.9}"))
        #expect(!ScenarioMerge.mergesKeyByKey(base: schedule, override: other))
        #expect(!ScenarioMerge.mergesKeyByKey(base: section, override: other))
        #expect(!ScenarioMerge.mergesKeyByKey(base: section, override: try #require(try Yams.compose(yaml: "[1, 2]"))))
        #expect(ScenarioMerge.mergesKeyByKey(base: section, override: try #require(try Yams.compose(yaml: "{post_cycle: 1}"))))
    }

    @Test("The hash of a chain changes with any file of it; a file that extends none keeps its own hash")
    func chainHash() throws {
        let files = try folder([("base.yaml", baseYAML), ("child.yaml", "extends: base.yaml\nname: child\n")])
        let child = try ScenarioLoader.readSource(path: files.appendingPathComponent("child.yaml").path)
        #expect(child.chain.count == 2)
        try Data((baseYAML + "# edited\n").utf8).write(to: files.appendingPathComponent("base.yaml"))
        let edited = try ScenarioLoader.readSource(path: files.appendingPathComponent("child.yaml").path)
        #expect(edited.bytes == child.bytes)
        #expect(edited.bases != child.bases)
    }

    @Test("The effective text reads back as the same scenario and names each value's file and line")
    func effectiveText() throws {
        let source = try ScenarioLoader.readSource(path: Fixtures.scenarioPath("larger-quota"))
        let text = try ScenarioLoader.effectiveText(of: source)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  per_year: 10  # ") && $0.hasSuffix("larger-quota.yaml:9") })
        #expect(lines.contains { $0.hasPrefix("start_year: 2026  # ") && $0.hasSuffix("nanchang-baseline.yaml:8") })
        let reread = try ScenarioLoader().load(yaml: text, file: Fixtures.scenarioPath("x"))
        let original = try Fixtures.shippedScenario("larger-quota")
        #expect(reread.quotaPerYear == original.quotaPerYear)
        #expect(reread.existingStudios == original.existingStudios)
        #expect(reread.assessment == original.assessment)
        #expect(reread.subsidies == original.subsidies)
        #expect(reread.selection == original.selection)
        #expect(reread.applicants == original.applicants)
        #expect(reread.budget == original.budget)
    }
}

@Suite("Reporting periods")
struct ReportingPeriodTests {
    @Test("budget.period_years takes reporting.period_years unless given", arguments: [
        ("reporting:\n  period_years: 3\n", 3, 3),
        ("reporting:\n  period_years: 3\nbudget:\n  period_years: 4\n", 3, 4),
        ("budget:\n  period_years: 4\n", 5, 4),
        ("", 5, 5),
    ])
    func defaults(_ extra: String, _ reporting: Int, _ budget: Int) throws {
        let scenario = try Fixtures.scenario("name: t\nstart_year: 2026\nquota:\n  per_year: 1\n" + extra)
        #expect(scenario.budget.reportingPeriodYears == reporting)
        #expect(scenario.budget.periodYears == budget)
    }

    @Test("The reporting periods run from the start year; the last may be short")
    func periods() {
        let budget = BudgetParameters(reportingPeriodYears: 3)
        #expect(budget.reportingPeriods(horizon: 10) == [0..<3, 3..<6, 6..<9, 9..<10])
        #expect(budget.reportingPeriodStart(of: 7) == 6)
    }
}
