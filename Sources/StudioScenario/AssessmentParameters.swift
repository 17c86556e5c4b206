import StudioRules

/// The annual assessment (年度考评) as direct pass probabilities (Art. 11, Art. 14).
///
/// Optional heterogeneity gives each studio its own probabilities, drawn once at naming; an
/// optional common shock moves every studio's probabilities in a calendar year together, on
/// the logit scale, so that bad years are bad for everyone.
public struct AssessmentParameters: Sendable, Hashable {
    /// How a year's pass or fail is decided.
    public enum Model: Sendable, Hashable {
        /// Direct pass probabilities (the fields below).
        case probability
        /// A studio passes when its quality plus N(0, `noiseSD`) noise, plus the year's shock in
        /// score points, reaches `passScore` (合格标准).
        case score(passScore: Double, noiseSD: Double)
    }

    /// How a year's pass or fail is decided.
    public var model: Model
    /// Pass probability in the cycle, one per cycle year 2, 3, ..., `cycleYears` (Art. 11).
    public var inCycle: [Double]
    /// Pass probability after the cycle (Art. 14).
    public var postCycle: Double
    /// Pass probability of a studio whose last assessment failed, if it differs (Art. 11).
    public var afterYellowCard: Double?
    /// Beta concentration κ of the studios' own probabilities; 0 means none.
    public var heterogeneity: Double
    /// Standard deviation of the calendar year's common shock, on the logit scale (or in score
    /// points under the score model); 0 means none.
    public var yearShockSD: Double

    /// Creates assessment parameters; the defaults are the baseline's assumptions.
    ///
    /// - Parameters:
    ///   - model: how a year's pass or fail is decided.
    ///   - inCycle: pass probability in the cycle, one per cycle year 2, 3, ..., `cycleYears` (Art. 11).
    ///   - postCycle: pass probability after the cycle (Art. 14).
    ///   - afterYellowCard: pass probability of a studio whose last assessment failed, if it differs (Art.
    ///     11).
    ///   - heterogeneity: beta concentration κ of the studios' own probabilities; 0 means none.
    ///   - yearShockSD: standard deviation of the calendar year's common shock, on the logit scale (or in
    ///     score points under the score model); 0 means none.
    public init(
        model: Model = .probability,
        inCycle: [Double] = [0.93],
        postCycle: Double = 0.95,
        afterYellowCard: Double? = nil,
        heterogeneity: Double = 0,
        yearShockSD: Double = 0
    ) {
        self.model = model
        self.inCycle = inCycle
        self.postCycle = postCycle
        self.afterYellowCard = afterYellowCard
        self.heterogeneity = heterogeneity
        self.yearShockSD = yearShockSD
    }

    /// Whether every studio shares the same probabilities in every year, which the exact evaluator needs.
    public var isHomogeneous: Bool { model == .probability && heterogeneity == 0 && yearShockSD == 0 }

    /// The mean in-cycle pass probability, the mean of each studio's Beta draw under heterogeneity.
    public var meanInCycle: Double { inCycle.reduce(0, +) / Double(inCycle.count) }
}
