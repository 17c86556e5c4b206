import Foundation
import Testing
@testable import StudioScenario

@Suite("Sensitivity inputs: levers apart from assumptions, the Art. 2 product as one group")
struct SensitivityInputTests {
    static let yaml = """
        quota:
          per_year: 5
        programme:
          grant_yuan: 1000000
          tranche_shares: [0.3, 0.3, 0.4]
          cycle_years: 5
          strikes_in_cycle: 2
        applicants:
          pool: 12
          apply_probability: 0.85
          conditions:
            leader: 0.98
            team: 0.97
            base: 1
        assessment:
          pass_probability:
            in_cycle: 0.93
        budget:
          annual_yuan: 8000000
        """

    @Test("The measures' rules and the programme's choices are levers, never assumptions")
    func kinds() {
        let inputs = SensitivityInput.all(inYAML: Self.yaml, step: 0.1)
        let kinds = Dictionary(uniqueKeysWithValues: inputs.map { ($0.name, $0.kind) })
        for lever in [
            "quota.per_year", "programme.grant_yuan", "programme.cycle_years", "programme.strikes_in_cycle",
            "programme.tranche_shares", "budget.annual_yuan",
        ] {
            #expect(kinds[lever] == .lever, "\(lever)")
        }
        for assumption in ["applicants.pool", "assessment.pass_probability.in_cycle", SensitivityInput.productGroupName] {
            #expect(kinds[assumption] == .assumption, "\(assumption)")
        }
    }

    @Test("The chance to apply and the Art. 2 conditions are one input, moved by scaling their product")
    func productGroup() throws {
        let inputs = SensitivityInput.all(inYAML: Self.yaml, step: 0.1)
        #expect(!inputs.contains { $0.name.hasPrefix("applicants.conditions.") || $0.name == "applicants.apply_probability" })
        let group = try #require(inputs.first { $0.name == SensitivityInput.productGroupName })
        let product = 0.85 * 0.98 * 0.97 * 1
        #expect(abs(group.value - product) < 1e-15)
        #expect(group.members.map(\.keyPath) == [
            "applicants.apply_probability", "applicants.conditions.leader", "applicants.conditions.team",
            "applicants.conditions.base",
        ])
        let low = try #require(group.low)
        let high = try #require(group.high)
        for moved in [low, high] {
            let values = group.overrides(movedTo: moved).map { Double($0.value) ?? .nan }
            #expect(abs(values.reduce(1, *) - moved) < 1e-12, "\(values)")
            #expect(values.allSatisfy { (0...1).contains($0) }, "\(values)")
        }
        #expect(abs(low - product * 0.9) < 1e-15)
        #expect(abs(high - product * 1.1) < 1e-15)
    }

    @Test("Raising a product past what its first member allows raises the next ones, and stops at 1")
    func scalingIsCapped() {
        let raised = SensitivityInput.scaled([0.95, 0.5], toProduct: 0.9)
        #expect(raised[0] == 1)
        #expect(abs(raised[0] * raised[1] - 0.9) < 1e-12)
        #expect(SensitivityInput.scaled([0.9, 1], toProduct: 1.2) == [1, 1])
        let group = SensitivityInput.productGroup(
            [NumericParameter(keyPath: "applicants.apply_probability", value: 1, isWholeNumber: true)], step: 0.1, range: nil)
        #expect(group.high == nil)
        #expect(group.low == 0.9)
    }

    @Test("A key's own range replaces the step, and the split keeps the shares summing to 1")
    func rangesAndSplit() throws {
        let inputs = SensitivityInput.all(inYAML: Self.yaml, step: 0.1, ranges: ["quota.per_year": 3...8])
        let quota = try #require(inputs.first { $0.name == "quota.per_year" })
        #expect(quota.low == 3 && quota.high == 8)
        let split = try #require(inputs.first { $0.name == SensitivityInput.splitKeyPath })
        #expect(split.value == 0.3)
        let splitHigh = try #require(split.high)
        let override = try #require(split.overrides(movedTo: splitHigh).first)
        #expect(override.keyPath == "programme.tranche_shares")
        let shares = override.value.dropFirst().dropLast().split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        #expect(shares.count == 3)
        #expect(abs(shares.reduce(0, +) - 1) < 1e-9)
        #expect(abs(shares[0] - 0.33) < 1e-12)
    }
}
