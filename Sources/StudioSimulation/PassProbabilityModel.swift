import Foundation
import StudioRules
import StudioScenario

/// A studio's chance of passing its annual assessment (Art. 11, Art. 14), with the studio's
/// own shift and the year's common shock applied on the logit scale.
///
/// With a total shift s, a population probability p becomes logistic(logit(p) + s). The model
/// computes this in odds form, 1 / (1 + o·e^(−s)) with o = (1 − p)/p, and keeps e^(−s) as a
/// product of a studio factor (drawn once at naming) and a year factor (once a year), so that
/// no transcendental function is evaluated per studio-year. Probabilities of exactly 0 or 1
/// are left as they are.
struct PassProbabilityModel: Sendable {
    let parameters: AssessmentParameters
    private let inCycleOdds: [Double]
    private let postCycleOdds: Double
    private let afterYellowCardOdds: Double?
    /// The mean in-cycle probability, the centre of the heterogeneity Beta, and the odds against it.
    private let meanInCycle: Double
    private let meanInCycleOdds: Double

    init(parameters: AssessmentParameters) {
        self.parameters = parameters
        inCycleOdds = parameters.inCycle.map(Self.oddsAgainst)
        postCycleOdds = Self.oddsAgainst(parameters.postCycle)
        afterYellowCardOdds = parameters.afterYellowCard.map(Self.oddsAgainst)
        meanInCycle = parameters.meanInCycle
        meanInCycleOdds = Self.oddsAgainst(meanInCycle)
    }

    /// The pass probability of a studio in `state` at `age`, its odds against passing multiplied
    /// by `factor` = e^(−s) for a logit shift s (1 for no shift).
    @inline(__always)
    func probability(for state: StudioGrantState, age: Int, factor: Double) -> Double {
        probability(hasYellowCard: state.hasYellowCard, inCycle: state.phase == .inCycle, age: age, factor: factor)
    }

    /// The pass probability of a studio of `age` that carries a yellow card or not and is in its
    /// cycle or not, as ``probability(for:age:factor:)`` gives it for a state with those traits.
    @inline(__always)
    func probability(hasYellowCard: Bool, inCycle: Bool, age: Int, factor: Double) -> Double {
        let odds: Double
        if hasYellowCard, let afterYellowCardOdds {
            odds = afterYellowCardOdds
        } else if inCycle {
            odds = inCycleOdds[min(max(age - 2, 0), inCycleOdds.count - 1)]
        } else {
            odds = postCycleOdds
        }
        if odds == 0 { return 1 }
        if odds == .infinity { return 0 }
        return 1 / (1 + odds * factor)
    }

    /// A studio's own factor e^(−δ), where δ = logit(B) − logit(μ) for B ~ Beta(μκ, (1−μ)κ), μ the
    /// mean in-cycle probability and κ the heterogeneity; 1 when there is none.
    ///
    /// So the studio's in-cycle probability, for a single in-cycle figure, is exactly B.
    @inline(__always)
    func studioFactor(using stream: RandomStream) -> Double {
        let kappa = parameters.heterogeneity
        guard kappa > 0 else { return 1 }
        let mean = meanInCycle
        let draw = stream.beta(mean * kappa, (1 - mean) * kappa)
        return Self.oddsAgainst(draw) / meanInCycleOdds
    }

    /// The year's factor e^(−s) for a common shock s ~ N(0, sd) on the logit scale; 1 when sd is 0.
    @inline(__always)
    func yearFactor(using stream: RandomStream) -> (shock: Double, factor: Double) {
        let sd = parameters.yearShockSD
        guard sd > 0 else { return (0, 1) }
        let shock = stream.gaussian(sd: sd)
        return (shock, exp(-shock))
    }

    /// (1 − p)/p: 0 for p = 1, infinity for p = 0.
    static func oddsAgainst(_ p: Double) -> Double { (1 - p) / p }
}
