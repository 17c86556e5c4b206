import StudioRules
import Testing

@Suite("Art. 12 amounts and awards")
struct SubsidyRulesTests {
    @Test(
        "Skill-upgrade amounts are the measures' (Art. 12.2)",
        arguments: [
            (SkillLevel.junior, 500.0), (.intermediate, 1_000), (.senior, 2_000), (.technician, 5_000),
            (.seniorTechnician, 10_000), (.specialTechnician, 15_000), (.chiefTechnician, 20_000),
        ])
    func trainingAmounts(_ level: SkillLevel, _ yuan: Double) {
        #expect(level.measuresAmount == yuan)
    }

    @Test("With every slot filled the city awards total exactly 1,340,000 yuan a year (Art. 12.3)")
    func fullAwards() {
        let awards = CityAwards.measures
        #expect(awards.fullTotal == 1_340_000)
        #expect(awards.kinds.map(\.slots) == [20, 10, 10])
        #expect(awards.kinds[0].awarded(entries: 20) == 740_000)
        #expect(awards.kinds[1].awarded(entries: 500) == 500_000)
        #expect(awards.kinds[2].awarded(entries: 10) == 100_000)
    }

    @Test("Slots are filled from the top prize down; slots without an entry stay unawarded")
    func partialAwards() {
        let results = CityAwards.measures.kinds[0]
        #expect(results.awarded(entries: 0) == 0)
        #expect(results.awarded(entries: 1) == 100_000)
        #expect(results.awarded(entries: 5) == 2 * 100_000 + 3 * 50_000)
        #expect(results.awarded(entries: 9) == 2 * 100_000 + 6 * 50_000 + 20_000)
        #expect((0..<20).map(results.prize(slot:)).reduce(0, +) == 740_000)
        #expect(results.prize(slot: 20) == 0)
    }

    @Test("Fraud revokes from any phase with no yellow card (Art. 15)")
    func fraudRevokes() {
        let lifecycle = GrantLifecycle(rules: .measures)
        for state in [
            StudioGrantState(phase: .inCycle, tranchesEarned: 2, consecutiveFails: 1),
            StudioGrantState(phase: .postCycle, tranchesEarned: 3),
        ] {
            let step = lifecycle.revokeForFraud(state)
            #expect(step.revocation == .fraud && step.state.isRevoked && !step.yellowCard && step.earnedTranche == nil)
        }
    }
}
