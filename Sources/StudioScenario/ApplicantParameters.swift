public import StudioRules

/// The applicant pool (Art. 2, 6, 7): studios named at county or district level or above that the
/// city has not yet named, who apply, are screened and recommended, and are scored.
public struct ApplicantParameters: Sendable, Hashable {
    /// A recommending body (Art. 7) and the part of the pool it covers.
    public struct Channel: Sendable, Hashable {
        /// The body's name, such as `county_district`.
        package var name: String
        /// The share of newly eligible studios it covers.
        package var share: Double
        /// The most studios it recommends a year (the best by score), if capped.
        package var cap: Int?

        /// Creates a channel.
        ///
        /// - Parameters:
        ///   - name: the body's name, such as `county_district`.
        ///   - share: the share of newly eligible studios it covers.
        ///   - cap: the most studios it recommends a year (the best by score), if capped.
        public init(name: String, share: Double, cap: Int? = nil) {
            self.name = name
            self.share = share
            self.cap = cap
        }
    }

    /// Candidates at the start, drawn from the quality distribution (when no list is given).
    public var pool: Int
    /// Poisson mean of newly eligible studios a year.
    public var newPerYear: Double
    /// The chance a candidate applies in a given year.
    public var applyProbability: Double
    /// Quality a candidate gains for each year it waits, on the 0...100 scale.
    public var improvementPerYear: Double
    /// Mean of a candidate's latent quality, drawn once, on the 0...100 score scale.
    public var qualityMean: Double
    /// Standard deviation of the latent quality.
    public var qualitySD: Double
    /// Standard deviation of a year's application score around the quality.
    public var scoreNoiseSD: Double
    /// The chance an applicant meets each condition of Art. 2 in a given year, in
    /// ``ApplicantCondition/allCases`` order.
    public var conditionProbabilities: [Double]
    /// The recommending bodies; one uncapped channel when the scenario names none.
    public var channels: [Channel]
    /// A real applicant list forming the start pool, if given.
    public var listed: [ListedApplicant]

    /// Creates pool parameters; the defaults are the baseline's assumptions.
    ///
    /// - Parameters:
    ///   - pool: candidates at the start, drawn from the quality distribution (when no list is given).
    ///   - newPerYear: poisson mean of newly eligible studios a year.
    ///   - applyProbability: the chance a candidate applies in a given year.
    ///   - improvementPerYear: quality a candidate gains for each year it waits, on the 0...100 scale.
    ///   - qualityMean: mean of a candidate's latent quality, drawn once, on the 0...100 score scale.
    ///   - qualitySD: standard deviation of the latent quality.
    ///   - scoreNoiseSD: standard deviation of a year's application score around the quality.
    ///   - conditionProbabilities: the chance an applicant meets each condition of Art. 2 in a given year, in
    ///     ``ApplicantCondition/allCases`` order.
    ///   - channels: the recommending bodies; one uncapped channel when the scenario names none.
    ///   - listed: a real applicant list forming the start pool, if given.
    public init(
        pool: Int = 15, newPerYear: Double = 0, applyProbability: Double = 1, improvementPerYear: Double = 0,
        qualityMean: Double = 75, qualitySD: Double = 8, scoreNoiseSD: Double = 0,
        conditionProbabilities: [Double] = Array(repeating: 1, count: ApplicantCondition.allCases.count),
        channels: [Channel] = [Channel(name: "all", share: 1)], listed: [ListedApplicant] = []
    ) {
        self.pool = pool
        self.newPerYear = newPerYear
        self.applyProbability = applyProbability
        self.improvementPerYear = improvementPerYear
        self.qualityMean = qualityMean
        self.qualitySD = qualitySD
        self.scoreNoiseSD = scoreNoiseSD
        self.conditionProbabilities = conditionProbabilities
        self.channels = channels
        self.listed = listed
    }

    /// The chance of meeting every condition in a year.
    public var screeningPassProbability: Double { conditionProbabilities.reduce(1, *) }

    /// Whether this is the case the exact evaluator covers: one uncapped channel, no newcomers,
    /// everyone applies and meets every condition, no score noise, no improvement and no list.
    public var isDeterministicSelection: Bool {
        channels.count == 1 && channels[0].cap == nil && newPerYear == 0 && applyProbability == 1
            && screeningPassProbability == 1 && scoreNoiseSD == 0 && improvementPerYear == 0 && listed.isEmpty
    }
}

/// One row of a real applicant list (`applicants.list`).
public struct ListedApplicant: Sendable, Hashable {
    /// The list's identifier.
    public var id: String
    /// The studio's name, in any script.
    public var name: String
    /// The index of its recommending body in ``ApplicantParameters/channels``.
    public var channel: Int
    /// Its quality (or known score) on the 0...100 scale.
    public var quality: Double
    /// Whether it meets each condition of Art. 2 in the first forecast year, in
    /// ``ApplicantCondition/allCases`` order; later years draw with the scenario's chances.
    public var meetsConditions: [Bool]

    /// Creates a row.
    ///
    /// - Parameters:
    ///   - id: the list's identifier.
    ///   - name: the body's name, such as `county_district`.
    ///   - channel: the index of its recommending body in ``ApplicantParameters/channels``.
    ///   - quality: its quality (or known score) on the 0...100 scale.
    ///   - meetsConditions: whether it meets each condition of Art. 2 in the first forecast year, in
    ///     ``ApplicantCondition/allCases`` order; later years draw with the scenario's chances.
    public init(id: String, name: String, channel: Int, quality: Double, meetsConditions: [Bool]) {
        self.id = id
        self.name = name
        self.channel = channel
        self.quality = quality
        self.meetsConditions = meetsConditions
    }
}
