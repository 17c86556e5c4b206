import Foundation
import StudioRules
import StudioScenario

/// A studio's chance of passing its annual assessment (Art. 11, Art. 14), with the studio's
/// own shift and the year's common shock applied on the logit scale.
///
/// With shift s, a population probability p becomes logistic(logit(p) + s). Probabilities of
/// exactly 0 or 1 are left as they are.
struct PassProbabilityModel: Sendable {
    let parameters: AssessmentParameters
    private let inCycleLogits: [Double]
    private let postCycleLogit: Double
    private let afterYellowCardLogit: Double?
    /// logit of the mean in-cycle probability, the centre of the heterogeneity Beta.
    let meanInCycleLogit: Double

    init(parameters: AssessmentParameters) {
        self.parameters = parameters
        inCycleLogits = parameters.inCycle.map(Self.logit)
        postCycleLogit = Self.logit(parameters.postCycle)
        afterYellowCardLogit = parameters.afterYellowCard.map(Self.logit)
        meanInCycleLogit = Self.logit(parameters.meanInCycle)
    }

    /// The pass probability of a studio in `state` at `age`, moved by `shift` on the logit scale.
    @inline(__always)
    func probability(for state: StudioGrantState, age: Int, shift: Double) -> Double {
        let base = parameters.passProbability(for: state, age: age)
        guard shift != 0, base > 0, base < 1 else { return base }
        let logit: Double
        if state.hasYellowCard, let afterYellowCardLogit {
            logit = afterYellowCardLogit
        } else if state.phase == .inCycle {
            logit = inCycleLogits[min(max(age - 2, 0), inCycleLogits.count - 1)]
        } else {
            logit = postCycleLogit
        }
        return 1 / (1 + exp(-(logit + shift)))
    }

    /// A studio's own logit shift: logit(B) − logit(μ) for B ~ Beta(μκ, (1−μ)κ), μ the mean in-cycle
    /// probability and κ the heterogeneity; 0 when there is none.
    @inline(__always)
    func studioShift(using stream: RandomStream) -> Double {
        let kappa = parameters.heterogeneity
        guard kappa > 0 else { return 0 }
        let mean = parameters.meanInCycle
        let draw = stream.beta(mean * kappa, (1 - mean) * kappa)
        return Self.logit(draw) - meanInCycleLogit
    }

    static func logit(_ p: Double) -> Double { log(p / (1 - p)) }
}
