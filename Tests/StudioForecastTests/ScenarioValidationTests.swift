import Foundation
import StudioForecast
import Testing
import _TestSupport

/// One change a library user can make to a scenario through `with {}`: the key path it sets,
/// and the edit, given a hostile value.
struct HostileChange: CustomTestStringConvertible, Sendable {
    let keyPath: String
    let value: String
    let apply: @Sendable (inout Scenario) -> Void

    var testDescription: String { "\(keyPath) = \(value)" }

    /// The integers no scenario file allows, with 0 and -1 at the edges of most ranges.
    static let integers = [0, -1, 1_000_000_000, Int.max, Int.min]
    /// The numbers no scenario file allows, with 0 at the edge of most ranges.
    static let numbers = [0, -1, 1e300, Double.nan, Double.infinity, -Double.infinity]

    static func integer(_ keyPath: String, _ set: @escaping @Sendable (inout Scenario, Int) -> Void) -> [HostileChange] {
        integers.map { value in HostileChange(keyPath: keyPath, value: "\(value)") { set(&$0, value) } }
    }

    static func number(_ keyPath: String, _ set: @escaping @Sendable (inout Scenario, Double) -> Void) -> [HostileChange] {
        numbers.map { value in HostileChange(keyPath: keyPath, value: "\(value)") { set(&$0, value) } }
    }

    static func list(_ keyPath: String, _ value: String, _ set: @escaping @Sendable (inout Scenario) -> Void) -> HostileChange {
        HostileChange(keyPath: keyPath, value: value, apply: set)
    }

    /// Every numeric field of the scenario, one at a time, at each hostile value; and the lists
    /// emptied or given the wrong length.
    static let all: [HostileChange] = {
        var changes: [HostileChange] = []
        changes += integer("start_year") { $0.startYear = $1 }
        changes += integer("horizon_years") { $0.horizonYears = $1 }
        changes += integer("quota.per_year[0]") { $0.quotaPerYear[0] = $1 }
        changes += integer("quota.per_year") { scenario, value in
            scenario.quotaPerYear = Array(repeating: value, count: scenario.horizonYears)
        }
        changes += number("programme.grant_yuan") { $0.grantRules.grantYuan = $1 }
        changes += number("programme.tranche_shares[0]") { $0.grantRules.trancheShares[0] = $1 }
        changes += integer("programme.cycle_years") { $0.grantRules.cycleYears = $1 }
        changes += integer("programme.strikes_in_cycle") { $0.grantRules.strikesInCycle = $1 }
        changes += integer("programme.strikes_post_cycle") { $0.grantRules.strikesPostCycle = $1 }
        changes += integer("programme.payment_lag_years") { $0.grantRules.paymentLagYears = $1 }
        changes += number("assessment.pass_probability.in_cycle[0]") { $0.assessment.inCycle[0] = $1 }
        changes += number("assessment.pass_probability.post_cycle") { $0.assessment.postCycle = $1 }
        changes += number("assessment.pass_probability.after_yellow_card") { $0.assessment.afterYellowCard = $1 }
        changes += number("assessment.heterogeneity") { $0.assessment.heterogeneity = $1 }
        changes += number("assessment.year_shock_sd") { $0.assessment.yearShockSD = $1 }
        changes += number("assessment.pass_score") { $0.assessment.model = .score(passScore: $1, noiseSD: 10) }
        changes += number("assessment.noise_sd") { $0.assessment.model = .score(passScore: 60, noiseSD: $1) }
        changes += integer("existing_studios[0].named_year") { $0.existingStudios[0].namedYear = $1 }
        changes += integer("existing_studios[0].count") { $0.existingStudios[0].count = $1 }
        changes += integer("existing_studios[0].tranches_earned") { $0.existingStudios[0].state.tranchesEarned = $1 }
        changes += integer("existing_studios[0].consecutive_fails") { $0.existingStudios[0].state.consecutiveFails = $1 }
        changes += integer("existing_studios[0].tranches_awaiting_payment") {
            $0.existingStudios[0].tranchesAwaitingPayment = $1
        }
        changes += number("existing_studios[0].quality") { $0.existingStudios[0].quality = $1 }
        changes += number("existing_studios[0].subsidies_paid_yuan") { $0.existingStudios[0].subsidiesPaidYuan = $1 }
        changes += integer("applicants.pool") { $0.applicants?.pool = $1 }
        changes += number("applicants.new_per_year") { $0.applicants?.newPerYear = $1 }
        changes += number("applicants.apply_probability") { $0.applicants?.applyProbability = $1 }
        changes += number("applicants.improvement_per_year") { $0.applicants?.improvementPerYear = $1 }
        changes += number("applicants.quality.mean") { $0.applicants?.qualityMean = $1 }
        changes += number("applicants.quality.sd") { $0.applicants?.qualitySD = $1 }
        changes += number("applicants.score_noise_sd") { $0.applicants?.scoreNoiseSD = $1 }
        changes += number("applicants.conditions.leader") { $0.applicants?.conditionProbabilities[0] = $1 }
        changes += number("applicants.channels[0].share") { $0.applicants?.channels[0].share = $1 }
        changes += integer("applicants.channels[0].cap") { $0.applicants?.channels[0].cap = $1 }
        changes += number("selection.shortlist_score") { $0.selection.shortlistScore = $1 }
        changes += number("selection.objection_probability") { $0.selection.objectionProbability = $1 }
        changes += integer("selection.tie_break") { $0.selection.tieBreak = .rubricItem($1) }
        changes += number("subsidies.equipment.rate") { $0.subsidies.equipment?.rate = $1 }
        changes += number("subsidies.equipment.purchase_probability") { $0.subsidies.equipment?.purchaseProbability = $1 }
        changes += number("subsidies.equipment.median_yuan") { $0.subsidies.equipment?.medianYuan = $1 }
        changes += number("subsidies.equipment.sigma") { $0.subsidies.equipment?.sigma = $1 }
        changes += number("subsidies.equipment.old_equipment.probability") {
            $0.subsidies.equipment?.oldEquipment?.probability = $1
        }
        changes += number("subsidies.equipment.old_equipment.median_assessed_yuan") {
            $0.subsidies.equipment?.oldEquipment?.medianAssessedYuan = $1
        }
        changes += number("subsidies.equipment.old_equipment.sigma") { $0.subsidies.equipment?.oldEquipment?.sigma = $1 }
        changes += number("subsidies.training.upgrades_per_studio_year.junior") {
            $0.subsidies.training?.upgradesPerStudioYear[0] = $1
        }
        changes += number("subsidies.training.amounts_yuan.junior") { $0.subsidies.training?.amountsYuan[0] = $1 }
        changes += number("subsidies.awards.entries_per_studio[0]") { $0.subsidies.awards?.entriesPerStudio[0] = $1 }
        changes += integer("subsidies.awards.kinds[0][0].count") { $0.subsidies.awards?.awards.kinds[0].tiers[0].count = $1 }
        changes += number("subsidies.awards.kinds[0][0].yuan") { $0.subsidies.awards?.awards.kinds[0].tiers[0].yuan = $1 }
        changes += number("fraud.detection_probability") { $0.fraud.detectionProbability = $1 }
        changes += number("fraud.applicant_detection_probability") { $0.fraud.applicantDetectionProbability = $1 }
        changes += number("budget.annual_yuan[0]") { $0.budget.annualYuan?[0] = $1 }
        changes += number("budget.period_yuan") { $0.budget.periodYuan = $1 }
        changes += integer("budget.period_years") { $0.budget.periodYears = $1 }
        changes += integer("reporting.period_years") { $0.budget.reportingPeriodYears = $1 }
        changes += integer("reporting.planning_percentile") { $0.budget.planningPercentile = $1 }
        changes += number("reporting.discount_rate") { $0.budget.discountRate = $1 }
        changes += [
            list("quota.per_year", "[]") { $0.quotaPerYear = [] },
            list("quota.per_year", "one too many") { $0.quotaPerYear.append(5) },
            list("horizon_years", "one more than the lists") { $0.horizonYears += 1 },
            list("programme.tranche_shares", "[]") { $0.grantRules.trancheShares = [] },
            list("programme.tranche_shares", "21 tranches") {
                $0.grantRules.trancheShares = Array(repeating: 1.0 / 21, count: 21)
            },
            list("assessment.pass_probability.in_cycle", "[]") { $0.assessment.inCycle = [] },
            list("assessment.pass_probability.in_cycle", "7 entries") {
                $0.assessment.inCycle = Array(repeating: 0.9, count: 7)
            },
            list("budget.annual_yuan", "[]") { $0.budget.annualYuan = [] },
            list("budget.annual_yuan", "one too many") { $0.budget.annualYuan?.append(1) },
            list("applicants.conditions", "[]") { $0.applicants?.conditionProbabilities = [] },
            list("applicants.channels", "[]") { $0.applicants?.channels = [] },
            list("subsidies.training.upgrades_per_studio_year", "[]") {
                $0.subsidies.training?.upgradesPerStudioYear = []
            },
            list("subsidies.training.amounts_yuan", "[]") { $0.subsidies.training?.amountsYuan = [] },
            list("subsidies.awards.entries_per_studio", "[]") { $0.subsidies.awards?.entriesPerStudio = [] },
            list("subsidies.awards.kinds", "[]") { $0.subsidies.awards?.awards.kinds = [] },
            list("subsidies.awards.kinds[0]", "no tiers") { $0.subsidies.awards?.awards.kinds[0].tiers = [] },
            list("scoring.rubric", "[]") { $0.rubric = ScoringRubric(items: []) },
            list("existing_studios", "100,001 studios") { $0.existingStudios[0].count = 100_001 },
        ]
        return changes
    }()
}

/// A scenario changed or built in code is checked against a scenario file's bounds before any
/// simulation: each hostile value either runs or is refused with one typed error naming its key
/// path, and never stops the process.
@Suite("Scenarios changed in code are validated before they run")
struct ScenarioValidationTests {
    static let baseline: Scenario = {
        (try? Fixtures.shippedScenario("nanchang-baseline")) ?? Scenario()
    }()

    @Test("Every shipped scenario, loaded and unchanged, passes", arguments: Fixtures.shippedScenarioNames)
    func shippedScenariosPass(name: String) throws {
        let scenario = try Fixtures.shippedScenario(name)
        #expect(throws: Never.self) { try scenario.validate() }
    }

    @Test("A hostile value runs or is refused with the typed error, never a trap", arguments: HostileChange.all)
    func hostileValue(change: HostileChange) throws {
        let baseline = try Fixtures.shippedScenario("nanchang-baseline")
        let changed = baseline.with(change.apply)
        let refusal: InvalidScenarioError?
        do {
            try changed.validate()
            refusal = nil
        } catch {
            refusal = error
        }
        do {
            let forecast = try Simulation(changed, threads: 1).run(replications: 4)
            #expect(refusal == nil, "ran a scenario validate() refuses: \(refusal?.description ?? "")")
            #expect(forecast.replications == 4)
        } catch {
            guard case .invalidScenario(let error) = error else {
                Issue.record("expected the typed refusal, got \(error)")
                return
            }
            #expect(error == refusal)
            #expect(!error.keyPath.isEmpty)
            let member: any StudioForecastError = SimulationError.invalidScenario(error)
            #expect(member.category == .badInput)
            #expect(member.location.keyPath == error.keyPath)
            #expect(member.messages.count == 1)
        }
    }

    @Test("A payment lag too large for the fraud ledger is refused at programme.payment_lag_years")
    func paymentLagWithFraud() throws {
        let baseline = try Fixtures.shippedScenario("nanchang-baseline")
        #expect(baseline.fraud.detectionProbability > 0)
        for lag in [70_000, -1, 11] {
            let changed = baseline.with { $0.grantRules.paymentLagYears = lag }
            let error = try #require(#expect(throws: SimulationError.self) { try Simulation(changed).run(replications: 4) })
            guard case .invalidScenario(let refusal) = error else {
                Issue.record("expected the typed refusal, got \(error)")
                continue
            }
            #expect(refusal.keyPath == "programme.payment_lag_years")
            #expect(refusal.value == "\(lag)")
            #expect(error.description == "scenario 'nanchang-baseline': programme.payment_lag_years: \(lag) is out of range 0...10")
        }
    }

    @Test("Every entry point refuses a scenario no file allows")
    func everyEntryPoint() throws {
        let baseline = try Fixtures.shippedScenario("nanchang-baseline")
        let bad = baseline.with { $0.grantRules.paymentLagYears = 40_000 }
        func isRefusal(_ error: any Error) -> Bool {
            (error as? any StudioForecastError)?.location.keyPath == "programme.payment_lag_years"
        }
        let simulation = Simulation(bad, threads: 1)
        #expect(performing: { try simulation.run(replications: 4) }, throws: isRefusal)
        #expect(performing: { try simulation.run(toRelativeMCSE: 0.5, maxReplications: 4) }, throws: isRefusal)
        #expect(performing: { try simulation.trace(replication: 1) }, throws: isRefusal)
        #expect(performing: { try simulation.expectations() }, throws: isRefusal)
        #expect(performing: { try Simulation(baseline, threads: 1).compare(with: bad, replications: 4) }, throws: isRefusal)
        #expect(performing: { try simulation.compare(with: baseline, replications: 4) }, throws: isRefusal)
        #expect(performing: { try SweepGrid.run([baseline, bad], threads: 1) }, throws: isRefusal)
        #expect(performing: { try QuotaSolver(scenario: bad, annualBudget: nil, limit: 0.1, maxQuota: 10) }, throws: isRefusal)
        #expect(performing: { try ShardRun(scenario: bad, path: "x.yaml", shard: 1, of: 1) }, throws: isRefusal)
        #expect(
            performing: {
                try LeverSolver(
                    scenario: bad, lever: .quotaPerYear, objective: .maximize,
                    constraints: [try SolveConstraint(parsing: "any_budget_breach mean <= 0.05")])
            }, throws: isRefusal)
        #expect(
            performing: {
                try SensitivityAnalysis(scenario: baseline, step: 0.1, replications: 4) {
                    $0.with { $0.grantRules.paymentLagYears = 40_000 }
                }
            }, throws: { error in
                (error as? ScenarioErrors)?.errors.first?.keyPath == "programme.payment_lag_years"
            })
    }

    @Test(
        "The quota solver refuses a limit or an annual budget out of range as bad arguments",
        arguments: [(0.1, -1.0), (0.1, .nan), (0.1, .infinity), (0.1, 1e14), (-0.1, 8e6), (.nan, 8e6), (1.5, 8e6)])
    func quotaSolverArguments(limit: Double, budget: Double) throws {
        let baseline = try Fixtures.shippedScenario("nanchang-baseline")
        let error = try #require(
            #expect(throws: QuotaSolverError.self) {
                try QuotaSolver(scenario: baseline, annualBudget: budget, limit: limit, maxQuota: 10)
            })
        let member: any StudioForecastError = error
        #expect(member.category == .badArgument)
        switch error {
        case .limitOutOfRange(let value): #expect(value.isNaN ? limit.isNaN : value == limit)
        case .annualBudgetOutOfRange(let value): #expect(value.isNaN ? budget.isNaN : value == budget)
        default: Issue.record("expected the limit or the budget refused, got \(error)")
        }
    }
}
