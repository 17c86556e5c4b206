import StudioRules
import StudioScenario
import Testing
import _TestSupport

@testable import StudioSimulation

/// Cohort rules that exercise every kind of step and change the tranche count between cohorts:
/// three tranches and two strikes, then four tranches, three strikes and a four-year cycle that
/// runs out with tranches unearned, then one tranche whose cycle ends at naming; fraud, and
/// studios named before the forecast under the first rules.
private let cohortRulesYAML = """
    name: lifecycle-table
    start_year: 2026
    horizon_years: 12
    simulation: {replications: 300, seed: 3}
    programme:
      tranche_shares: {2020: [0.3, 0.3, 0.4], 2028: [0.25, 0.25, 0.25, 0.25], 2031: [1]}
      cycle_years: {2020: 5, 2028: 4, 2031: 1}
      strikes_in_cycle: {2020: 2, 2028: 3}
      strikes_post_cycle: {2020: 1, 2028: 2}
    quota:
      per_year: 5
    fraud:
      detection_probability: 0.02
    existing_studios:
      - {named_year: 2024, count: 2, tranches_paid: 2}
    """

@Suite("The lifecycle as a lookup table")
struct LifecycleTableTests {
    @Test(
        "Every row a studio can read is the step its cohort's lifecycle gives, at every age, passed or failed"
    )
    func rowsMatchLifecycle() throws {
        let scenario = try Fixtures.scenario(cohortRulesYAML)
        let lifecycles = scenario.cohortRules.values.map(GrantLifecycle.init(rules:))
        #expect(Set(lifecycles.map(\.rules.trancheCount)).count == 3)
        let table = LifecycleTable(scenario: scenario, lifecycles: lifecycles)
        for (ruleSet, lifecycle) in lifecycles.enumerated() {
            // Every state the rule set reaches from its naming (and, for the first, from the
            // declared state), stepped as the lifecycle steps it.
            var pending =
                [lifecycle.naming().state] + (ruleSet == 0 ? scenario.existingStudios.map(\.state) : [])
            var visited: Set<StudioGrantState> = []
            while let state = pending.popLast() {
                guard visited.insert(state).inserted else { continue }
                let number = try #require(table.states.firstIndex(of: state), "\(state) has no number")
                let flags = table.flags[number]
                #expect((flags & LifecycleTable.Flag.revoked != 0) == state.isRevoked)
                #expect((flags & LifecycleTable.Flag.yellowCard != 0) == state.hasYellowCard)
                #expect((flags & LifecycleTable.Flag.inCycle != 0) == (state.phase == .inCycle))
                let fraud = lifecycle.revokeForFraud(state).state
                #expect(table.states[Int(table.fraudNext[number])] == fraud)
                pending.append(fraud)
                // Ages past the table's last step as at its last.
                for age in 1...(table.ages + 3) {
                    for passed in [false, true] {
                        let step = lifecycle.assess(state, age: age, passed: passed)
                        let row = table.row(ruleSet: ruleSet, state: number, age: age, passed: passed)
                        #expect(
                            table.states[Int(row.next)] == step.state, "\(state) age \(age) passed \(passed)")
                        #expect(Int(row.earnedTranche) == step.earnedTranche ?? -1)
                        #expect(row.trancheYuan == step.earnedTranche.map(lifecycle.rules.trancheAmount) ?? 0)
                        #expect(
                            (row.events & LifecycleTable.Event.lastTranche != 0)
                                == (step.earnedTranche == lifecycle.rules.trancheCount - 1))
                        #expect((row.events & LifecycleTable.Event.yellowCard != 0) == step.yellowCard)
                        #expect(
                            (row.events & LifecycleTable.Event.cycleCompleted != 0) == step.cycleCompleted)
                        #expect(
                            (row.events & LifecycleTable.Event.revokedInCycle != 0)
                                == (step.revocation == .inCycle))
                        #expect(
                            (row.events & LifecycleTable.Event.revokedPostCycle != 0)
                                == (step.revocation == .postCycle))
                        #expect(
                            row.forfeitedYuan == lifecycle.rules.amount(ofTranches: step.forfeitedTranches))
                        #expect(Int(row.paymentLag) == lifecycle.rules.paymentLagYears)
                        pending.append(step.state)
                    }
                }
            }
            let naming = lifecycle.naming()
            #expect(table.states[Int(table.naming[ruleSet].next)] == naming.state)
            #expect(table.naming[ruleSet].earnedTranche == 0)
            #expect(
                table.naming[ruleSet].forfeitedYuan
                    == lifecycle.rules.amount(ofTranches: naming.forfeitedTranches))
        }
    }

    @Test("Cohorts whose rules pay different numbers of tranches run, and a replay equals the run")
    func cohortsWithDifferentTrancheCounts() throws {
        let scenario = try Fixtures.scenario(cohortRulesYAML)
        let engine = MonteCarloEngine(scenario: scenario)
        let forecast = try engine.run(threads: 2)
        // The 2031 cohort's single tranche is its whole grant, paid in its naming year.
        let paid = try #require(forecast.summary(year: 2031, metric: .tranche(1))?[.mean])
        #expect(paid >= 5 * 1_000_000)
        let replay = try engine.replay(replication: 17)
        var ledger = ReplicationLedger(scenario: scenario)
        var simulator = ProgrammeSimulator(scenario: scenario, generator: try engine.generatorKind())
        simulator.simulate(replication: 17, into: &ledger)
        #expect(
            ledger.allValues.elementsEqual(replay.ledger.allValues) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }

    @Test("A step whose payment lag is negative records no tranche, in no year before the one it was earned in")
    func negativeLagRecordsNothing() throws {
        let scenario = try Fixtures.scenario("name: lag\nstart_year: 2026\nhorizon_years: 3\nquota: {per_year: 1}\n")
        var ledger = ReplicationLedger(scenario: scenario)
        let step = LifecycleTable.Row(
            next: 0, earnedTranche: 0, events: LifecycleTable.Event.lastTranche, paymentLag: -1, trancheYuan: 300_000,
            forfeitedYuan: 0)
        ledger.withCells { cells in
            cells.record(step, year: 1, cohort: 1)
            cells.record(step, year: 2, cohort: 1)
        }
        #expect(ledger.allValues.allSatisfy { $0 == 0 })
    }

    @Test("A payment lag beyond 32 bits pays no tranche within the horizon, rather than wrapping to a short lag")
    func lagBeyondThirtyTwoBitsPaysNothing() throws {
        var scenario = try Fixtures.scenario(
            "name: lag\nstart_year: 2026\nhorizon_years: 4\nsimulation: {replications: 8, seed: 5}\nquota: {per_year: 2}\n")
        // Its low 32 bits are 0, so a truncated lag would pay each tranche in the year it is earned.
        scenario.cohortRules = Schedule(GrantRules(paymentLagYears: 1 << 32))
        let forecast = try MonteCarloEngine(scenario: scenario).run(threads: 1)
        for year in scenario.years {
            #expect(forecast.summary(year: year, metric: .grantOutflow)?[.mean] == 0)
        }
    }
}
