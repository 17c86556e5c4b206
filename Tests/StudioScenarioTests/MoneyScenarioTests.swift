import StudioRules
import StudioScenario
import Testing
import _TestSupport

private let moneyYAML = """
    start_year: 2026
    horizon_years: 3
    quota:
      per_year: 2
    subsidies:
      equipment:
        rate: 0.1
        purchase_probability: 0.4
        median_yuan: 500000
        sigma: 0.6
        old_equipment:
          probability: 0.5
          median_assessed_yuan: 300000
          sigma: 0.5
      training:
        upgrades_per_studio_year:
          intermediate: 2.5
          senior: 2
        amounts_yuan:
          senior: 2500
      awards:
        entries_per_studio:
          innovation_results: 1.5
          golden_ideas: 1
    fraud:
      detection_probability: 0.005
      recover: all
    budget:
      annual_yuan: [8000000, 8500000, 9000000]
      period_yuan: 35000000
      period_years: 5
    reporting:
      discount_rate: 0.02
    """

private func errors(_ yaml: String) -> [ScenarioError] {
    Fixtures.problems(yaml, file: "money.yaml")
}

@Suite("Scenario files: subsidies, fraud, budgets and reporting")
struct MoneyScenarioTests {
    @Test("Every money key decodes, with the measures' defaults elsewhere")
    func decodes() throws {
        let scenario = try Fixtures.scenario(moneyYAML)
        let equipment = try #require(scenario.subsidies.equipment)
        #expect(equipment.purchaseProbability == 0.4 && equipment.oldEquipment?.medianAssessedYuan == 300_000)
        let training = try #require(scenario.subsidies.training)
        #expect(training.upgradesPerStudioYear == [0, 2.5, 2, 0, 0, 0, 0])
        #expect(training.amountsYuan == [500, 1_000, 2_500, 5_000, 10_000, 15_000, 20_000])
        #expect(scenario.subsidies.awards?.entriesPerStudio == [1.5, 0, 1])
        #expect(scenario.subsidies.awards?.awards == CityAwards.measures)
        #expect(scenario.fraud == FraudParameters(detectionProbability: 0.005, recover: .all))
        #expect(scenario.budget == BudgetParameters(
            annualYuan: [8_000_000, 8_500_000, 9_000_000], periodYuan: 35_000_000, periodYears: 5, discountRate: 0.02))
    }

    static let badLines: [(String, String, String, Int, String)] = [
        ("    rate: 0.1", "    rate: 1.1", "subsidies.equipment.rate", 7, "outside [0, 1]"),
        ("    sigma: 0.6", "    sigma: -1", "subsidies.equipment.sigma", 10, "out of range"),
        ("      senior: 2\n", "      seniors: 2\n", "subsidies.training.upgrades_per_studio_year.seniors", 18, "unknown key"),
        ("      innovation_results: 1.5", "      inventions: 1.5", "subsidies.awards.entries_per_studio.inventions", 23, "unknown key"),
        ("  recover: all", "  recover: some", "fraud.recover", 27, "expected grant or all"),
        ("  detection_probability: 0.005", "  detection_probability: 2", "fraud.detection_probability", 26, "outside [0, 1]"),
        ("  annual_yuan: [8000000, 8500000, 9000000]", "  annual_yuan: [8000000, 8500000]", "budget.annual_yuan", 29, "horizon_years is 3"),
        ("  period_years: 5", "  period_years: 0", "budget.period_years", 31, "out of range"),
        ("  discount_rate: 0.02", "  discount_rate: 1.5", "reporting.discount_rate", 33, "out of range"),
    ]

    @Test("Each money key's errors name the key path and line", arguments: badLines)
    func badLine(_ original: String, _ replacement: String, keyPath: String, line: Int, message: String) {
        precondition(moneyYAML.contains(original), original)
        let found = errors(moneyYAML.replacingOccurrences(of: original, with: replacement))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.keyPath == keyPath)
        #expect(found.first?.line == line)
        #expect(found.first?.message.contains(message) == true, "\(String(describing: found.first?.message))")
    }

    @Test("Applicant fraud needs an applicant pool")
    func applicantFraudNeedsPool() {
        let yaml = moneyYAML.replacingOccurrences(
            of: "  recover: all", with: "  recover: all\n  applicant_detection_probability: 0.01")
        #expect(errors(yaml).map(\.keyPath) == ["fraud.applicant_detection_probability"])
    }

    @Test("Everything paid is recovered by default (Art. 15); recover: grant keeps the tranches only")
    func recoveryDefault() throws {
        let unset = moneyYAML.replacingOccurrences(of: "  recover: all\n", with: "")
        #expect(try Fixtures.scenario(unset).fraud.recover == .all)
        let grant = moneyYAML.replacingOccurrences(of: "  recover: all", with: "  recover: grant")
        #expect(try Fixtures.scenario(grant).fraud.recover == .grant)
    }

    @Test("Studios named before the forecast may declare the Art. 12 subsidies paid to each of them")
    func subsidiesPaidBefore() throws {
        let group = "existing_studios:\n  - named_year: 2025\n    count: 2\n    tranches_paid: 1\n"
        let declared = try Fixtures.scenario(moneyYAML + "\n" + group + "    subsidies_paid_yuan: 45000\n")
        #expect(declared.existingStudios.map(\.subsidiesPaidYuan) == [45_000])
        #expect(try Fixtures.scenario(moneyYAML + "\n" + group).existingStudios.map(\.subsidiesPaidYuan) == [0])
        let negative = errors(moneyYAML + "\n" + group + "    subsidies_paid_yuan: -1\n")
        #expect(negative.map(\.keyPath) == ["existing_studios[0].subsidies_paid_yuan"])
        #expect(negative.first?.line == 38)
    }
}
